import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/commands/reply.ts';
import { replyMessage } from './blocks.ts';
import type { SlackDeps } from './deps.ts';

/**
 * Shows a reply to the person after the ack: through the response_url Slack gave us (ephemeral;
 * it lasts 30 minutes, 5 uses), or as a direct message when there is none (App Home, a modal
 * opened from a DM) or it fails. Failures are logged, never swallowed silently.
 */
export const tell = async (
  d: SlackDeps,
  client: webApi.WebClient,
  where: { responseUrl?: string; userId: string; replaceOriginal?: boolean },
  reply: Reply,
) => {
  const message = replyMessage(reply);
  if (where.responseUrl) {
    try {
      const r = await fetch(where.responseUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          response_type: 'ephemeral',
          replace_original: where.replaceOriginal ?? false,
          ...message,
        }),
      });
      if (r.ok) return;
      d.log.warn({ status: r.status }, 'response_url refused the reply; sending it as a direct message');
    } catch (e) {
      d.log.warn({ err: e }, 'response_url failed; sending the reply as a direct message');
    }
  }
  await client.chat.postMessage({ channel: where.userId, ...message });
};

/**
 * The ack body of a slash command. Always ephemeral: answers carry seat counts, members and
 * prices that are for the person who asked, not for everyone in the channel.
 */
export const commandAck = (reply: Reply) => ({ response_type: 'ephemeral' as const, ...replyMessage(reply) });
