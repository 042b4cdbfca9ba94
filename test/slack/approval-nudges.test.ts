import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { nudgeStalledApprovals } from '../../src/service/nudge-stalled-approvals.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import type { PostedMessage } from './fake-slack.ts';
import {
  BOT_TOKEN,
  blockActionBody,
  blocksText,
  buttonsOf,
  type SlackButton,
  type SlackHarness,
  slashBody,
  startSlack,
} from './harness.ts';

const TEAM = 'T0ACME';
const ID: Record<string, string> = {
  [DEMO.owner]: 'UALICE',
  [DEMO.admin]: 'UBOB',
  [DEMO.members[0]!]: 'UCAROL',
  [DEMO.members[1]!]: 'UDAVE',
  [DEMO.members[2]!]: 'UERIN',
};
const HOUR = 3_600_000;

let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  db.clock.set('2026-03-02T08:00:00Z');
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  for (const [email, id] of Object.entries(ID)) slack.fake.addUser(TEAM, id, email);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = async (email: string, text: string) => {
  const r = slack.fake.responseUrl();
  const res = await slack.post(slashBody({ teamId: TEAM, userId: ID[email]!, text, responseUrl: r.url }));
  expect(res.status).toBe(200);
  const [reply] = res.body
    ? [JSON.parse(res.body) as { blocks: unknown[] }]
    : await slack.fake.waitFor(() => {
        const got = slack.fake.responses.get(r.id)!;
        return got.length ? got : null;
      });
  return blocksText(reply!.blocks as unknown[]);
};
const deliver = async () => {
  while ((await deliverOutbox(db.ctx, slack.notifier, { batch: 1 })).claimed > 0);
};
const dmsOf = (email: string) => slack.fake.messages.filter((m) => m.channel === `D${ID[email]}`);
const now = (m: PostedMessage) => m.versions.at(-1)!;
const button = (blocks: unknown[], label: string): SlackButton => {
  const b = buttonsOf(blocks).find((x) => x.text.text === label);
  if (!b) throw new Error(`no button ${label}`);
  return b;
};
const click = async (email: string, b: SlackButton, message: PostedMessage) => {
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
  // the clicker is answered once every copy shows the decision: a copy of the request and one of
  // its reminder per person, updated one per second per channel
  const [reply] = await slack.fake.waitFor(() => {
    const got = slack.fake.responses.get(r.id)!;
    return got.length ? got : null;
  }, 20_000);
  return blocksText(reply!.blocks as unknown[]);
};

describe('approvals that never stall, in Slack', () => {
  it('nobody answers Erin for 24 h: the approvers get a reminder DM whose Approve button works', async () => {
    await slash(DEMO.members[2]!, 'add 2 pro');
    await deliver();
    db.clock.advance(24 * HOUR);
    await nudgeStalledApprovals(db.ctx);
    await deliver();
    const bobs = dmsOf(DEMO.admin).at(-1)!;
    expect(blocksText(now(bobs).blocks)).toMatch(
      /Reminder: erin@example.com asked for 2 Pro seats in Acme 24 hours ago and nobody has answered yet\./,
    );
    expect(buttonsOf(now(bobs).blocks).map((b) => b.action_id)).toEqual([
      'purchase.approve',
      'purchase.reject',
    ]);
    expect(blocksText(now(dmsOf(DEMO.owner).at(-1)!).blocks)).toMatch(/^Reminder: erin@example.com/);
    // still nobody at 72 h: it goes to the owner as well
    db.clock.advance(48 * HOUR);
    await nudgeStalledApprovals(db.ctx);
    await deliver();
    expect(blocksText(now(dmsOf(DEMO.owner).at(-1)!).blocks)).toMatch(
      /^Nobody has answered erin@example.com’s request for 2 Pro seats in Acme for 72 hours: the owner is told as well\./,
    );
    const r = await click(DEMO.admin, button(now(bobs).blocks, 'Approve'), bobs);
    // approved three days in, it is charged for the days then left: less than it was asked at
    expect(r).toMatch(/Approved: 2 Pro seats added/);
    const [repriced] = await db.em
      .fork()
      .execute<{ before: { proratedAmount: number }; after: { proratedAmount: number } }[]>(
        `select before, after from audit_event where action = 'purchase.repriced' order by at desc limit 1`,
      );
    expect(repriced!.after.proratedAmount).toBeLessThan(repriced!.before.proratedAmount);
    expect(r).toContain(`€${(repriced!.after.proratedAmount / 100).toFixed(2)}`);
    expect(buttonsOf(now(bobs).blocks)).toEqual([]);
  });

  it('Bob names Carol while away; Carol is told, gets the reminder, and her click says on behalf of Bob', async () => {
    const named = await slash(DEMO.admin, `delegate ${DEMO.members[0]} until 2026-03-20`);
    expect(named).toMatch(/carol@example.com decides purchases in Acme for you until 2026-03-20/);
    await deliver();
    expect(blocksText(now(dmsOf(DEMO.members[0]!).at(-1)!).blocks)).toMatch(
      /bob@example.com named you to decide seat purchases in Acme for them until 2026-03-20/,
    );
    await slash(DEMO.members[2]!, 'add 1 pro');
    await deliver();
    db.clock.advance(24 * HOUR);
    await nudgeStalledApprovals(db.ctx);
    await deliver();
    const carols = dmsOf(DEMO.members[0]!).at(-1)!;
    expect(blocksText(now(carols).blocks)).toMatch(
      /Reminder: erin@example.com asked for 1 Pro seat in Acme 24 hours ago.*You decide this for bob@example.com while they are away\./,
    );
    const r = await click(DEMO.members[0]!, button(now(carols).blocks, 'Approve'), carols);
    expect(r).toMatch(/Approved on behalf of bob@example.com: 1 Pro seat added/);
    // the other copies say who decided, and for whom
    const alices = dmsOf(DEMO.owner).at(-1)!;
    expect(blocksText(now(alices).blocks)).toMatch(
      /by carol@example.com: Approved on behalf of bob@example.com/,
    );
    await deliver();
    const erins = dmsOf(DEMO.members[2]!).map((m) => blocksText(now(m).blocks));
    // the result and its receipt, queued in the same instant (in either order)
    const last = erins.slice(-2);
    const result = last.find((t) => !t.startsWith('Receipt'));
    const receipt = last.find((t) => t.startsWith('Receipt'));
    expect(result).toMatch(
      /Approved by carol@example.com on behalf of bob@example.com and paid: 1 Pro seat added to Acme/,
    );
    // the receipt: who asked and approved, and how the charge adds up
    expect(receipt).toMatch(
      /^Receipt for Acme: 1 Pro seat\.\nAsked by erin@example\.com\nApproved by carol@example\.com on behalf of bob@example\.com/,
    );
    expect(receipt).toMatch(/Total charged: €\d+\.\d\d/);
  });
});
