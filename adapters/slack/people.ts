import type { webApi } from '@slack/bolt';
import type { CommandContext } from '../../src/commands/context.ts';
import { errorReply } from '../../src/commands/errors.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { DEFAULT_LOCALE, localeOf } from '../../src/i18n/locale.ts';
import { english, type Words, wordsFor } from '../../src/i18n/words.ts';
import { identifyChatUser, knownIdentityEmail, rememberPlatformZone } from '../../src/service/chat-access.ts';
import type { SlackDeps } from './deps.ts';
import { slackProfile, slackUser } from './users.ts';

/**
 * Who is acting, as the command layer sees them: the account of the Slack user's verified
 * identity (the core verifies a confirmed email once) and the organization the workspace is
 * linked to. A user whose email Slack hides or has not confirmed gets a one-line refusal, in the
 * locale users.info reported for them, and nothing runs. What the workspace may touch is the
 * core's rule, not this adapter's.
 */
export const slackContext = async (
  d: SlackDeps,
  client: webApi.WebClient,
  teamId: string,
  userId: string,
): Promise<{ c: CommandContext } | { refusal: Reply }> => {
  const workspace = { platform: 'slack' as const, workspaceId: teamId };
  // one users.info per command at most: the identity check (first contact only) and the time
  // zone (only replies that show a time ask) share it
  let user: ReturnType<typeof slackUser> | undefined;
  const userInfo = () => {
    user ??= slackUser(client, userId);
    return user;
  };
  let known: { accountId: string; zone: string | null } | undefined;
  const timeZone = async () => {
    try {
      const zone = (await userInfo()).timeZone;
      // the zone direct messages use later, kept when Slack says it changed
      if (known && zone && zone !== known.zone) await rememberPlatformZone(d.service, known.accountId, zone);
      return zone;
    } catch (err) {
      d.log.warn({ err }, 'users.info failed: times shown in UTC');
      return undefined;
    }
  };
  try {
    const access = await identifyChatUser(
      d.service,
      { ...workspace, userId },
      async () => (await userInfo()).profile,
    );
    known = { accountId: access.accountId, zone: access.zone };
    return {
      c: {
        service: d.service,
        actor: access.actor,
        workspace,
        organizationId: access.organizationId,
        resolveMention: (id) => mentionEmail(d, client, teamId, id),
        timeZone,
        locale: access.locale,
      },
    };
  } catch (e) {
    const log = (err: unknown) => d.log.error({ err }, 'identifying a Slack user failed');
    return { refusal: errorReply(e, log, undefined, await profileWords(user)) };
  }
};

/** Before they are identified: the language Slack reports for them, if users.info was asked; else English. */
const profileWords = async (user: ReturnType<typeof slackUser> | undefined): Promise<Words> => {
  if (!user) return english;
  try {
    return wordsFor(localeOf((await user).profile.locale) ?? DEFAULT_LOCALE);
  } catch {
    return english;
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
