import type { types } from '@slack/bolt';
import { type CommandContext, wordsOf } from '../../src/commands/context.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { escapedWithin, replyBlocks } from './blocks.ts';

/**
 * The App Home tab: what `status` shows this person (seats per plan and renewal date for
 * admins, their own plan for members) and `requests` (pending ones with Approve / Reject for
 * approvers). Built from the same command replies as the chat answers, so it never disagrees.
 */
export const homeView = async (c: CommandContext, log: (e: unknown) => void): Promise<types.HomeView> => {
  // someone `status` refuses (not in the organization) reads that once, not once per part
  const status = await runCommand(c, 'status', log);
  const parts: Reply[] = status.tone === 'error' ? [status] : [status, await runCommand(c, 'requests', log)];
  const blocks: types.KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Seatkeeper' } },
    {
      type: 'context',
      elements: [{ type: 'mrkdwn', text: wordsOf(c).t('adapters.slack.home.hint') }],
    },
  ];
  for (const part of parts) {
    blocks.push({ type: 'divider' }, ...replyBlocks(part));
  }
  return { type: 'home', blocks: blocks.slice(0, 100) };
};

/** The home of a person not connected to an organization: the core's text, as typed. */
export const notConnectedHome = (text: string): types.HomeView => ({
  type: 'home',
  blocks: [
    { type: 'header', text: { type: 'plain_text', text: 'Seatkeeper' } },
    { type: 'section', text: { type: 'mrkdwn', text: escapedWithin(text) } },
  ],
});
