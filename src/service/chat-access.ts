import {
  type ChatUser,
  identityWithLink,
  insertIdentity,
  usersOfAccountIn,
  workspacesOfAccount,
} from '../../db/repositories/chat-identities.ts';
import { notePlatformLocale, notePlatformZone } from '../../db/repositories/languages.ts';
import { ownerOf, SUBJECT_KINDS } from '../../db/repositories/subject-owners.ts';
import { allLinkedWorkspaces, linkedWorkspaces } from '../../db/repositories/workspace-links.ts';
import { DomainError } from '../domain/errors.ts';
import type { Platform, Workspace } from '../domain/workspace.ts';
import { isTimeZone, type Locale, pickLocale } from '../i18n/locale.ts';
import type { Actor, ServiceContext } from './context.ts';
import { actorAccount } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { rowsOnly } from './support/rows-only.ts';
import { singleFlight } from './support/single-flight.ts';
import { inTransaction } from './support/tx.ts';

export type { ChatUser } from '../../db/repositories/chat-identities.ts';

/** What a platform says about a user seen for the first time. */
export interface PlatformProfile {
  email: string | null;
  /** the platform vouches that the person owns this email (Slack's is_email_confirmed) */
  confirmed: boolean;
  /** the user's locale as the platform reports it (`fr-FR`), if it does */
  locale?: string | null;
  /** the user's time zone as the platform reports it (`Europe/Paris`), if it does */
  zone?: string | null;
}

export interface ChatAccess {
  actor: Actor;
  accountId: string;
  /** the organization the workspace or tenant is linked to; null: not linked */
  organizationId: string | null;
  /** the language they read: their choice, else their platform's, else the organization's, else English */
  locale: Locale;
  /** the time zone their platform last reported (direct messages use it); null: not known */
  zone: string | null;
}

const PLATFORM_NAME = { slack: 'Slack', teams: 'Teams' } as const;

/**
 * Who is acting: the account a verified platform identity belongs to, and the organization its
 * workspace is linked to. An identity is verified once, the first time it is seen (a Slack email
 * the platform confirmed; a Teams AAD object id in its tenant, email from the roster), and used
 * from then on; a changed profile email never moves it to another account. Every chat adapter
 * calls this; none keeps its own tenancy rule.
 */
export const identifyChatUser = (
  ctx: ServiceContext,
  user: ChatUser,
  profile: () => Promise<PlatformProfile>,
  /** the locale the platform reported with this request (Teams sends one with every activity) */
  reportedLocale?: string,
  /** the time zone it reported with this request (a Teams activity's clientInfo) */
  reportedZone?: string,
): Promise<ChatAccess> => {
  let flight = identifications.get(ctx.em);
  if (!flight) {
    flight = singleFlight<ChatAccess>();
    identifications.set(ctx.em, flight);
  }
  return flight(`${user.platform}\n${user.workspaceId}\n${user.userId}`, () =>
    identify(ctx, user, profile, reportedLocale, isTimeZone(reportedZone) ? reportedZone : undefined),
  );
};

/**
 * Concurrent requests of one person (a burst of clicks, a load) share one identification, each
 * started after the call (single-flight.ts): a first contact asks the platform for the profile
 * and verifies it once, not once per request. Per database (tests run several in one process).
 */
const identifications = new WeakMap<object, ReturnType<typeof singleFlight<ChatAccess>>>();

const identify = async (
  ctx: ServiceContext,
  user: ChatUser,
  profile: () => Promise<PlatformProfile>,
  reportedLocale: string | undefined,
  reportedZone: string | undefined,
): Promise<ChatAccess> => {
  // every chat request asks this: plain rows on the shared entity manager, no fork
  const known = await rowsOnly(ctx, (em) => identityWithLink(em, user));
  if (known.account) {
    const seen = reportedLocale || known.account.platformLocale;
    if (reportedLocale && reportedLocale !== known.account.platformLocale) {
      const accountId = known.account.id;
      await rowsOnly(ctx, (em) => notePlatformLocale(em, accountId, reportedLocale));
    }
    if (reportedZone && reportedZone !== known.account.platformZone) {
      const accountId = known.account.id;
      await rowsOnly(ctx, (em) => notePlatformZone(em, accountId, reportedZone));
    }
    return {
      actor: { email: known.account.email },
      accountId: known.account.id,
      organizationId: known.organizationId,
      locale: pickLocale(known.account.language, seen, known.organizationLanguage),
      zone: reportedZone ?? known.account.platformZone,
    };
  }
  const p = await profile();
  const name = PLATFORM_NAME[user.platform];
  if (!p.email) {
    throw new DomainError(
      'email_unverified',
      { key: 'errors_service.chat_access.no_email', args: { platform: name } },
      user.platform === 'slack'
        ? { key: 'errors_service.chat_access.no_email_slack' }
        : { key: 'errors_service.chat_access.no_email_teams' },
    );
  }
  if (!p.confirmed) {
    throw new DomainError(
      'email_unverified',
      { key: 'errors_service.chat_access.unconfirmed', args: { platform: name } },
      { key: 'errors_service.chat_access.unconfirmed_next', args: { platform: name } },
    );
  }
  const email = p.email.toLowerCase();
  const account = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const me = await actorAccount(em, { email }, now);
    const bound = await insertIdentity(em, user, me.id, now);
    if (bound.id === me.id) {
      audit(em, now, {
        organizationId: known.organizationId,
        actorId: me.id,
        action: 'identity.verified',
        subject: { type: 'account', id: me.id },
        after: { platform: user.platform, workspaceId: user.workspaceId, userId: user.userId },
      });
    }
    const seen = reportedLocale || p.locale;
    if (seen) await notePlatformLocale(em, bound.id, seen);
    const zone = reportedZone ?? (isTimeZone(p.zone) ? p.zone : null);
    if (zone) await notePlatformZone(em, bound.id, zone);
    return { ...bound, language: bound.id === me.id ? (me.language ?? null) : null, seen, zone };
  });
  return {
    actor: { email: account.email },
    accountId: account.id,
    organizationId: known.organizationId,
    locale: pickLocale(account.language, account.seen, known.organizationLanguage),
    zone: account.zone,
  };
};

/**
 * A zone the platform reported later (Slack tells it when a reply showing a time asks
 * users.info): kept for the direct messages sent to them afterwards.
 */
export const rememberPlatformZone = async (
  ctx: ServiceContext,
  accountId: string,
  zone: string | undefined,
) => {
  if (isTimeZone(zone)) await rowsOnly(ctx, (em) => notePlatformZone(em, accountId, zone));
};

const outside = () =>
  new DomainError(
    'not_found',
    { key: 'errors_service.chat_access.outside' },
    { key: 'errors_service.chat_access.outside_next' },
  );

/**
 * What a button, form or card may touch: every id it carries must belong to the organization
 * linked to the workspace it was pressed in. An invitation is the exception: it is addressed to
 * one verified person, who may answer it from anywhere (they may be joining another workspace's
 * organization). Unknown and malformed ids are refused the same way, so nothing leaks.
 */
export const guardSubjects = (
  ctx: ServiceContext,
  scope: { organizationId: string | null; actor: Actor },
  payload: Record<string, unknown>,
): Promise<void> =>
  rowsOnly(ctx, async (em) => {
    for (const kind of SUBJECT_KINDS) {
      const id = payload[kind];
      if (id === undefined || id === null || id === '') continue;
      if (typeof id !== 'string') throw outside();
      const owner = await ownerOf(em, kind, id, scope.organizationId);
      const mine = owner.organizationId !== null && owner.organizationId === scope.organizationId;
      const addressedToActor =
        owner.addressee !== null && owner.addressee === scope.actor.email.toLowerCase();
      if (!mine && !addressedToActor) throw outside();
    }
  });

/** The email of an identity verified before, or null (no side effects: for mentions). */
export const knownIdentityEmail = async (ctx: ServiceContext, user: ChatUser): Promise<string | null> =>
  (await rowsOnly(ctx, (em) => identityWithLink(em, user))).account?.email ?? null;

/** The verified users of an account in one workspace or tenant (where to write to them). */
export const identitiesIn = (ctx: ServiceContext, accountId: string, w: Workspace): Promise<string[]> =>
  rowsOnly(ctx, (em) => usersOfAccountIn(em, accountId, w));

/**
 * Where to look for a person about a notice of no organization: the workspaces they were
 * verified in first, then the other linked ones.
 */
export const workspacesOfPerson = (ctx: ServiceContext, accountId: string, platform: Platform) =>
  rowsOnly(ctx, async (em) => {
    const mine = await workspacesOfAccount(em, accountId, platform);
    return [...new Set([...mine, ...(await allLinkedWorkspaces(em, platform))])];
  });

/** The workspaces of one platform linked to an organization: where its people get messages. */
export const workspacesOfOrganization = (
  ctx: ServiceContext,
  platform: Platform,
  organizationId: string,
): Promise<string[]> => rowsOnly(ctx, (em) => linkedWorkspaces(em, platform, organizationId));
