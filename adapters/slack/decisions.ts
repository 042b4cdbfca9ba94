import type { webApi } from '@slack/bolt';
import type { Reply } from '../../src/commands/reply.ts';
import { replyMessage } from './blocks.ts';
import type { SlackDeps } from './deps.ts';
import { copiesOf, recordDecision, recordResult } from './message-copies.ts';

/**
 * Shows a decision on every posted copy of a message (each approver's copy of an approval
 * request, an invitation): the original text without its buttons, and who decided. Copies in
 * a workspace we can no longer reach are skipped (logged), the others still updated.
 */
export const showDecision = async (
  d: SlackDeps,
  subject: string,
  news: { decision?: string; result?: string },
) => {
  if (news.decision) await recordDecision(d.service.em, subject, news.decision);
  if (news.result && !(await recordResult(d.service.em, subject, news.result))) return;
  const copies = await copiesOf(d.service.em, subject);
  for (const copy of copies) {
    const client: webApi.WebClient | null = await d.clientFor(copy.teamId);
    if (!client) continue;
    const note = [copy.decision, copy.result].filter(Boolean).join(' · ');
    const reply: Reply = { ...copy.reply, buttons: [] };
    try {
      await client.chat.update({ channel: copy.channel, ts: copy.ts, ...replyMessage(reply, { note }) });
    } catch (e) {
      d.log.warn({ err: e, subject, channel: copy.channel }, 'could not update a copy of a message');
    }
  }
};
