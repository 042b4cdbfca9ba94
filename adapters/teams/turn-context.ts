import { TeamsInfo, TurnContext } from 'botbuilder';
import type { CommandContext } from '../../src/commands/context.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import type { TeamsStore } from './teams-store.ts';
import { tenantOrganization } from './tenant.ts';

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
  /** the tenant's organization (null: not bound yet) */
  organizationId: string | null;
}

export class TurnRefused extends Error {
  override readonly name = 'TurnRefused';
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
 * Builds the command context for an activity: the user by AAD object id (email cached from the
 * roster), their personal conversation remembered for proactive messages, and the tenant's
 * organization. Mentions are resolved through the roster.
 */
export const teamsTurn = async (deps: TurnDeps, context: TurnContext): Promise<TeamsTurn> => {
  const a = context.activity;
  const aadObjectId = a.from?.aadObjectId;
  const tenantId = tenantOf(context);
  if (!aadObjectId || !tenantId)
    throw new TurnRefused('I can only answer Microsoft Teams users of a tenant. Message me from Teams.');
  const known = await deps.store.user(aadObjectId);
  const email = known?.email ?? (await rosterEmail(context, a.from.id));
  if (!email)
    throw new TurnRefused(
      'I could not find your email address in Teams. Ask your Teams admin to give your account one.',
    );
  const personal = a.conversation?.conversationType === 'personal';
  await deps.store.saveUser({
    aadObjectId,
    tenantId,
    userId: a.from.id,
    email,
    reference: personal ? TurnContext.getConversationReference(a) : null,
  });
  const organizationId = await tenantOrganization(deps.service, deps.store, tenantId, email);
  return {
    aadObjectId,
    tenantId,
    organizationId,
    c: {
      service: deps.service,
      actor: { email },
      organizationId,
      resolveMention: (id) => rosterEmail(context, id),
    },
  };
};
