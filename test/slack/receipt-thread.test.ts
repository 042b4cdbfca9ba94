import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { nudgeStalledApprovals } from '../../src/service/nudge-stalled-approvals.ts';
import type { TestDb } from '../support/db.ts';
import { demoWorkspace, TEAM } from './demo-workspace.ts';
import type { PostedMessage } from './fake-slack.ts';
import { blockActionBody, blocksText, buttonsOf, type SlackHarness, slashBody } from './harness.ts';

// A purchase's receipt goes in the thread of each approver's approval request in Slack; the
// requester, who got no approval request, and anyone whose request message is gone, get it as
// a plain direct message, once.
const ALICE = DEMO.owner;
const BOB = DEMO.admin;
const ERIN = DEMO.members[2]!;
const ID: Record<string, string> = { [ALICE]: 'UALICE', [BOB]: 'UBOB', [ERIN]: 'UERIN' };
const HOUR = 3_600_000;

const acme = demoWorkspace(ID);
const { deliver, dmsOf } = acme;
let db: TestDb;
let slack: SlackHarness;
beforeAll(() => {
  ({ db, slack } = acme);
});

const text = (m: PostedMessage) => blocksText(m.versions.at(-1)!.blocks);
const receiptsOf = (email: string) => dmsOf(email).filter((m) => text(m).startsWith('Receipt for Acme'));
const approvalsOf = (email: string) =>
  dmsOf(email).filter((m) => buttonsOf(m.versions[0]!.blocks).some((b) => b.text.text === 'Approve'));

const ask = async (email: string, words: string) => {
  const r = slack.fake.responseUrl();
  const res = await slack.post(
    slashBody({ teamId: TEAM, userId: ID[email]!, text: words, responseUrl: r.url }),
  );
  expect(res.status).toBe(200);
  // answered in the ack, or on the response_url once the quote is made
  const [reply] = res.body
    ? [JSON.parse(res.body) as { blocks: unknown[] }]
    : await slack.fake.waitFor(() => {
        const got = slack.fake.responses.get(r.id)!;
        return got.length ? got : null;
      });
  expect(blocksText(reply!.blocks as unknown[])).toMatch(/went to 2 approvers/);
  await deliver();
};

const approve = async (email: string, message: PostedMessage) => {
  const b = buttonsOf(message.versions.at(-1)!.blocks).find((x) => x.text.text === 'Approve');
  if (!b) throw new Error('no Approve button');
  const r = slack.fake.responseUrl();
  const res = await slack.post(
    blockActionBody({
      teamId: TEAM,
      userId: ID[email]!,
      button: b,
      responseUrl: r.url,
      channel: message.channel,
      ts: message.ts,
    }),
  );
  expect(res.status).toBe(200);
  const [reply] = await slack.fake.waitFor(() => {
    const got = slack.fake.responses.get(r.id)!;
    return got.length ? got : null;
  }, 20_000);
  expect(blocksText(reply!.blocks as unknown[])).toMatch(/Approved: 2 Pro seats added/);
  await deliver();
};

const recordedAt = async (ts: string) =>
  (
    await db.em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from slack_message where ts = ?', [ts])
  )[0]!.n;

describe('a receipt in the thread of the approval request, in Slack', () => {
  it('each approver gets it under their own approval request (not its reminder); the requester as a DM', async () => {
    await ask(ERIN, 'add 2 pro');
    const [alices] = approvalsOf(ALICE);
    const [bobs] = approvalsOf(BOB);
    expect(alices && bobs).toBeTruthy();
    // a reminder is another copy of the same request: the receipt still goes under the first
    db.clock.advance(24 * HOUR);
    await nudgeStalledApprovals(db.ctx);
    await deliver();
    expect(approvalsOf(BOB)).toHaveLength(2);
    await approve(BOB, approvalsOf(BOB).at(-1)!);

    for (const [email, request] of [
      [ALICE, alices!],
      [BOB, bobs!],
    ] as const) {
      const receipts = receiptsOf(email);
      expect(receipts).toHaveLength(1);
      expect(receipts[0]!.threadTs).toBe(request.ts);
      expect(text(receipts[0]!)).toMatch(/Asked by erin@example\.com\nApproved by bob@example\.com/);
      const call = slack.fake
        .callsTo('chat.postMessage')
        .find((c) => c.args.thread_ts === request.ts && c.args.channel === request.channel);
      // form-encoded, as Slack receives it: not shown in the channel as well
      expect(call?.args.reply_broadcast).toBe('false');
      // a reply is not a copy of the request: the result redrawing the copies left it alone
      expect(await recordedAt(receipts[0]!.ts)).toBe(0);
      expect(receipts[0]!.versions).toHaveLength(1);
    }
    // Erin asked with a slash command (an ephemeral answer, nothing to reply under)
    const erins = receiptsOf(ERIN);
    expect(erins).toHaveLength(1);
    expect(erins[0]!.threadTs).toBeUndefined();
  });

  it('an approval request deleted in Slack: that approver gets the receipt as a DM, exactly once', async () => {
    const before = receiptsOf(ALICE).length;
    await ask(ERIN, 'add 2 pro');
    const alices = approvalsOf(ALICE).at(-1)!;
    const bobs = approvalsOf(BOB).at(-1)!;
    slack.fake.deleteMessage(alices.channel, alices.ts);
    await approve(BOB, bobs);

    // Slack answered thread_not_found once; the DM went out once
    const tries = slack.fake.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === alices.ts);
    expect(tries).toHaveLength(1);
    const fresh = receiptsOf(ALICE).slice(before);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.threadTs).toBeUndefined();
    expect(await recordedAt(fresh[0]!.ts)).toBe(0);
    // Bob's request message is still there: his receipt is under it
    expect(receiptsOf(BOB).at(-1)!.threadTs).toBe(bobs.ts);
    // and nothing is left to deliver again
    expect((await deliverOutbox(db.ctx, slack.notifier, { batch: 10 })).claimed).toBe(0);
  });
});
