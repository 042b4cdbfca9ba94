import { TeamsInfo, TurnContext } from 'botbuilder';
import type { CommandContext } from '../../src/commands/context.ts';
import type { MessageKey } from '../../src/i18n/catalog.ts';
import { english } from '../../src/i18n/words.ts';
import { identifyChatUser } from '../../src/service/chat-access.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import type { TeamsStore } from './teams-store.ts';

export interface TurnDeps {
  service: ServiceContext;
  store: TeamsStore;
  log: (e: unknown) => void;
}

/** Who is typing, in which tenant, acting on which organization. */
export interface TeamsTurn {
  c: CommandContext;
  aadObjectId: string;
  tenantId: string;
  /** the organization the tenant is linked to (null: not linked) */
  organizationId: string | null;
}

/** A turn we cannot serve, said in the reader's language when the card is rendered. */
export class TurnRefused extends Error {
  override readonly name = 'TurnRefused';
  constructor(readonly key: MessageKey) {
    super(english.t(key));
  }
}

const tenantOf = (context: TurnContext): string | undefined =>
  context.activity.conversation?.tenantId ?? context.activity.channelData?.tenant?.id;

/** The roster's email for a Teams user id (the connector's member API). */
const rosterEmail = async (context: TurnContext, userId: string): Promise<string | null> => {
  try {
    const m = await TeamsInfo.getMember(context, userId);
    return (m.email || m.userPrincipalName || null)?.toLowerCase() ?? null;
  } catch {
    return null;
  }
};

/**
 * The user's time zone as the Teams client reports it: the activity's `localTimezone`, else the
 * `timezone` of its `clientInfo` entity (IANA names, e.g. `Europe/Lisbon`). Nothing to ask for.
 */
export const activityTimeZone = (a: TurnContext['activity']): string | undefined => {
  if (typeof a.localTimezone === 'string' && a.localTimezone) return a.localTimezone;
  const info = a.entities?.find((e) => e.type === 'clientInfo') as { timezone?: unknown } | undefined;
  return typeof info?.timezone === 'string' && info.timezone ? info.timezone : undefined;
};

/**
 * Builds the command context for an activity: the account of the user's identity (the AAD
 * object id in its tenant; the core binds it once, by the roster's email), their personal
 * conversation remembered for proactive messages, and the organization linked to the tenant.
 * Mentions are resolved through the roster.
 */
export const teamsTurn = async (deps: TurnDeps, context: TurnContext): Promise<TeamsTurn> => {
  const a = context.activity;
  const aadObjectId = a.from?.aadObjectId;
  const tenantId = tenantOf(context);
  if (!aadObjectId || !tenantId) throw new TurnRefused('adapters.teams.refused.not_a_teams_user');
  const workspace = { platform: 'teams' as const, workspaceId: tenantId };
  // the tenant vouches for its AAD object ids: the roster's email needs no confirmation
  const access = await identifyChatUser(
    deps.service,
    { ...workspace, userId: aadObjectId },
    async () => ({
      email: (await deps.store.user(aadObjectId))?.email ?? (await rosterEmail(context, a.from.id)),
      confirmed: true,
    }),
    a.locale,
    // Teams clients put the person's zone on each activity (clientInfo)
    (a.entities ?? []).find((e) => e.type === 'clientInfo')?.timezone,
  );
  const personal = a.conversation?.conversationType === 'personal';
  await deps.store.saveUser({
    aadObjectId,
    tenantId,
    userId: a.from.id,
    email: access.actor.email,
    reference: personal ? TurnContext.getConversationReference(a) : null,
  });
  return {
    aadObjectId,
    tenantId,
    organizationId: access.organizationId,
    c: {
      service: deps.service,
      actor: access.actor,
      workspace,
      organizationId: access.organizationId,
      resolveMention: (id) => rosterEmail(context, id),
      timeZone: async () => activityTimeZone(a),
      locale: access.locale,
    },
  };
};
