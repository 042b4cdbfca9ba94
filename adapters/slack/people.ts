import type { webApi } from '@slack/bolt';
import type { CommandContext } from '../../src/commands/context.ts';
import { errorReply } from '../../src/commands/errors.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { identifyChatUser, knownIdentityEmail } from '../../src/service/chat-access.ts';
import type { SlackDeps } from './deps.ts';
import { slackProfile } from './users.ts';

/**
 * Who is acting, as the command layer sees them: the account of the Slack user's verified
 * identity (the core verifies a confirmed email once) and the organization the workspace is
 * linked to. A user whose email Slack hides or has not confirmed gets a one-line refusal and
 * nothing runs. What the workspace may touch is the core's rule, not this adapter's.
 */
export const slackContext = async (
  d: SlackDeps,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
): Promise<{ c: CommandContext } | { refusal: Reply }> => {
  const workspace = { platform: 'slack' as const, workspaceId: teamId };
  try {
    const access = await identifyChatUser(d.service, { ...workspace, userId }, () =>
      slackProfile(client, userId),
    );
    return {
      c: {
        service: d.service,
        actor: access.actor,
        workspace,
        organizationId: access.organizationId,
        resolveMention: (id) => mentionEmail(d, client, teamId, id),
      },
    };
  } catch (e) {
    return { refusal: errorReply(e, (err) => d.log.error({ err }, 'identifying a Slack user failed')) };
  }
};

/**
 * The email of a mentioned user: their verified identity, else the email Slack confirmed for
 * them. An unconfirmed email names nobody (an admin could be misled into acting on someone else).
 */
const mentionEmail = async (d: SlackDeps, client: webApi.WebClient, teamId: string, userId: string) => {
  const known = await knownIdentityEmail(d.service, { platform: 'slack', workspaceId: teamId, userId });
  if (known) return known;
  const p = await slackProfile(client, userId);
  return p.confirmed ? p.email : null;
};
