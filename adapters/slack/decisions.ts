import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/commands/reply.ts';
import type { Locale } from '../../src/i18n/locale.ts';
import { replyMessage } from './blocks.ts';
import type { SlackDeps } from './deps.ts';
import {
  copiesOf,
  type MessageCopy,
  recordDecision,
  recordResult,
  replaceOpenCopies,
} from './message-copies.ts';

/** Slack's answers for a copy that is not there to update any more (deleted, its DM gone). */
const COPY_GONE = new Set(['message_not_found', 'channel_not_found', 'cant_update_message']);

/**
 * Shows a decision on every posted copy of a message (each approver's copy of an approval
 * request, an invitation): the original text without its buttons, and who decided, written for
 * each copy in its own reader's language. Copies in a workspace we can no longer reach are
 * skipped (logged), the others still updated.
 */
export const showDecision = async (
  d: SlackDeps,
  subject: string,
  decisionFor: (copy: MessageCopy) => string,
) => {
  for (const copy of await copiesOf(d.service.em, subject)) {
    const now =
      copy.decision === null ? await recordDecision(d.service.em, copy.id, decisionFor(copy)) : copy;
    if (now) await redraw(d, subject, now);
  }
};

/**
 * Adds a result notice to the copies of the person it was written for (each recipient gets the
 * notice in their own language), once: copies already showing it are not updated again.
 */
export const showResult = async (
  d: SlackDeps,
  subject: string,
  recipient: { teamId: string; userId: string },
  result: string,
) => {
  for (const copy of await recordResult(d.service.em, subject, recipient, result))
    await redraw(d, subject, copy);
};

/**
 * Draws a recipient's undecided copies of a message again with its newer version (the request
 * they are asked about shrank), buttons and all, in place: nothing new is posted, and a recipient
 * with no copy sees nothing. A copy gone from Slack is skipped; any other failure goes back to
 * the outbox, whose retry draws the copies again.
 */
export const showUpdate = async (
  d: SlackDeps,
  client: webApi.WebClient,
  subject: string,
  recipient: { teamId: string; userId: string; locale: Locale | null },
  reply: Reply,
) => {
  for (const copy of await replaceOpenCopies(d.service.em, subject, recipient, reply, recipient.locale)) {
    try {
      await client.chat.update({
        channel: copy.channel,
        ts: copy.ts,
        ...replyMessage(copy.reply, { note: copy.result ?? '' }),
      });
    } catch (e) {
      if (!COPY_GONE.has((e as { data?: { error?: string } }).data?.error ?? '')) throw e;
      d.log.info({ subject, channel: copy.channel, ts: copy.ts }, 'copy gone; not updated');
    }
  }
};

const redraw = async (d: SlackDeps, subject: string, copy: MessageCopy) => {
  const client: webApi.WebClient | null = await d.clientFor(copy.teamId);
  if (!client) return;
  const note = [copy.decision, copy.result].filter(Boolean).join(' · ');
  const reply: Reply = { ...copy.reply, buttons: [] };
  try {
    await client.chat.update({ channel: copy.channel, ts: copy.ts, ...replyMessage(reply, { note }) });
  } catch (e) {
    d.log.warn({ err: e, subject, channel: copy.channel }, 'could not update a copy of a message');
  }
};
