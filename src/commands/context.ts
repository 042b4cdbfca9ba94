import { ACCESS_REFUSALS } from '../domain/access.ts';
import { DomainError, isDomainError } from '../domain/errors.ts';
import type { Workspace } from '../domain/workspace.ts';
import { DEFAULT_LOCALE, type Locale } from '../i18n/locale.ts';
import { type Words, wordsFor } from '../i18n/words.ts';
import type { Actor, ServiceContext } from '../service/context.ts';
import { organizationsOf } from '../service/organizations-of.ts';
import type { Who } from './who.ts';

/** What a command runs with: the core, who typed it, and the adapter's way to resolve mentions. */
export interface CommandContext {
  service: ServiceContext;
  actor: Actor;
  /**
   * The Slack workspace or Teams tenant the command came from; unset in the shell (a local
   * console, acting on the typist's own organization).
   */
  workspace?: Workspace;
  /** the organization the workspace is linked to (null: not linked); unset: the actor's own */
  organizationId?: string | null;
  /** turns a chat mention into an email (Slack users.info, Teams roster); emails pass through */
  resolveMention?: (id: string) => Promise<string | null>;
  /**
   * The reader's time zone (an IANA name), asked for only by replies that show a time (Slack
   * may need a users.info call for it). Unset or undefined: times are shown in UTC, and say so.
   * Adapters answer undefined rather than throw when the platform cannot say (and log why).
   */
  timeZone?: () => Promise<string | undefined>;
  /** the reader's language (their choice, their platform's, their organization's); unset: English */
  locale?: Locale;
}

/** The reader's words (language, and zone when given): every text a reply shows goes through them. */
export const wordsOf = (c: Pick<CommandContext, 'locale'>, timeZone?: string): Words =>
  wordsFor(c.locale ?? DEFAULT_LOCALE, timeZone);

/** The reader's zone, or undefined (UTC). */
export const readerZone = async (c: CommandContext): Promise<string | undefined> =>
  (await c.timeZone?.()) || undefined;

export const emailOf = async (c: CommandContext, who: Who): Promise<string> => {
  if ('email' in who) return who.email;
  const email = c.resolveMention ? await c.resolveMention(who.mention) : null;
  if (!email) {
    throw new DomainError(
      'not_found',
      who.label
        ? { key: 'commands_core.context.no_email_named', args: { label: who.label } }
        : { key: 'commands_core.context.no_email' },
      { key: 'commands_core.context.no_email_next' },
    );
  }
  return email.toLowerCase();
};

/** The refusal for anything but the few commands a workspace can run before it is linked. */
export const notLinked = (c: CommandContext) =>
  new DomainError(
    'workspace_not_linked',
    { key: 'commands_core.context.not_linked', args: { platform: c.workspace?.platform ?? 'slack' } },
    { key: 'commands_core.context.not_linked_next' },
  );

/**
 * A command's refusal as a person in a linked workspace reads it: the organization plainly
 * exists there, so "does not exist" (what anyone outside it is told) becomes "you are not in it".
 */
export const asSeenInWorkspace = (c: CommandContext, e: unknown): unknown =>
  c.workspace &&
  c.organizationId &&
  isDomainError(e) &&
  e.code === 'not_found' &&
  e.message === ACCESS_REFUSALS.organizationNotFound().message
    ? new DomainError(
        'not_found',
        { key: 'commands_core.context.not_member', args: { platform: c.workspace.platform } },
        { key: 'commands_core.context.not_member_next' },
      )
    : e;

/**
 * The organization a command acts on: in chat, the one the workspace is linked to (never
 * another); in the shell, the actor's first active one.
 */
export const organizationFor = async (c: CommandContext): Promise<string> => {
  if (c.organizationId) return c.organizationId;
  if (c.workspace) throw notLinked(c);
  const orgs = await organizationsOf(c.service, { email: c.actor.email });
  const mine = orgs.find((o) => o.memberStatus === 'active') ?? orgs[0];
  if (!mine) {
    throw new DomainError(
      'not_found',
      { key: 'commands_core.context.no_organization' },
      { key: 'commands_core.context.no_organization_next' },
    );
  }
  return mine.id;
};
