import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from '../service/context.ts';
import { organizationsOf } from '../service/organizations-of.ts';
import type { Who } from './who.ts';

/** What a command runs with: the core, who typed it, and the adapter's way to resolve mentions. */
export interface CommandContext {
  service: ServiceContext;
  actor: Actor;
  /** the organization the chat workspace is installed into; unset: the actor's own */
  organizationId?: string | null;
  /** turns a chat mention into an email (Slack users.info, Teams roster); emails pass through */
  resolveMention?: (id: string) => Promise<string | null>;
}

export const emailOf = async (c: CommandContext, who: Who): Promise<string> => {
  if ('email' in who) return who.email;
  const email = c.resolveMention ? await c.resolveMention(who.mention) : null;
  if (!email) {
    throw new DomainError(
      'not_found',
      `I can't see an email address for ${who.label ? `@${who.label}` : 'that person'}.`,
      'Use their email address instead.',
    );
  }
  return email.toLowerCase();
};

/** The organization a command acts on: the workspace's, else the actor's first active one. */
export const organizationFor = async (c: CommandContext): Promise<string> => {
  if (c.organizationId) return c.organizationId;
  const orgs = await organizationsOf(c.service, { email: c.actor.email });
  const mine = orgs.find((o) => o.memberStatus === 'active') ?? orgs[0];
  if (!mine) {
    throw new DomainError(
      'not_found',
      'You are not in an organization yet.',
      'Create one with `org create <name>`, or ask an admin to invite you.',
    );
  }
  return mine.id;
};
