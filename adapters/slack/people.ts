import type { webApi } from '@slack/bolt';
import type { CommandContext } from '../../src/commands/context.ts';
import { fail, type Reply } from '../../src/commands/reply.ts';
import { organizationsOf } from '../../src/service/organizations-of.ts';
import type { SlackDeps } from './deps.ts';
import { emailOfUser } from './users.ts';
import { bindWorkspace, workspaceOrganization } from './workspaces.ts';

/** Commands that make sense before a workspace is connected to an organization. */
const UNBOUND_OK = /^\s*(help|plans|upgrade|org\s+create)\b/i;

export const NOT_CONNECTED =
  'This Slack workspace is not connected to an organization yet. An owner or admin of your organization runs any `/seats` command here to connect it, or create one with `org create <name>`.';

/**
 * Connects an unconnected workspace to the organization of the person typing, if they are its
 * owner or admin (their earliest such membership). The first connection wins; nobody else can
 * move a workspace to another organization afterwards.
 */
export const connectWorkspace = async (
  d: SlackDeps,
  teamId: string,
  email: string,
): Promise<string | null> => {
  const existing = await workspaceOrganization(d.service.em, teamId);
  if (existing) return existing;
  const orgs = await organizationsOf(d.service, { email });
  const mine = orgs.find((o) => o.memberStatus === 'active' && (o.role === 'owner' || o.role === 'admin'));
  if (!mine) return null;
  d.log.info({ teamId, organizationId: mine.id, by: email }, 'slack workspace connected');
  return bindWorkspace(d.service.em, teamId, mine.id, email);
};

/**
 * Who is acting, as the command layer sees them: the Slack user's email (users.info) and the
 * workspace's organization. A user without a visible email, or a command the unconnected
 * workspace cannot run, gets a one-line refusal instead and nothing runs.
 */
export const slackContext = async (
  d: SlackDeps,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
  commandText?: string,
): Promise<{ c: CommandContext } | { refusal: Reply }> => {
  const email = await d.memo.emails.get(`${teamId}:${userId}`, () =>
    emailOfUser(d.service.em, client, teamId, userId),
  );
  if (!email)
    return {
      refusal: fail(
        "I can't see your email address in Slack, so I can't tell which account is yours. Ask a workspace admin to show email addresses to apps, then try again.",
        'not_found',
      ),
    };
  // only a connected workspace is remembered: connecting must be seen at once
  let organizationId = await d.memo.workspaces.get(
    teamId,
    () => workspaceOrganization(d.service.em, teamId),
    (org) => org !== null,
  );
  if (!organizationId && commandText !== undefined) {
    organizationId = await connectWorkspace(d, teamId, email);
    if (!organizationId && !UNBOUND_OK.test(commandText))
      return { refusal: fail(NOT_CONNECTED, 'not_found') };
  }
  return {
    c: {
      service: d.service,
      actor: { email },
      organizationId,
      resolveMention: (id) => emailOfUser(d.service.em, client, teamId, id),
    },
  };
};
