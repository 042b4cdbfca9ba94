import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { nudgeStalledApprovals } from '../../src/service/nudge-stalled-approvals.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { buttonOf, buttonsOf, startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

const HOUR = 3_600_000;
let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;
let bob: TeamsPerson;
let carol: TeamsPerson;
let erin: TeamsPerson;

beforeAll(async () => {
  db = await freshDb();
  db.clock.set('2026-03-02T08:00:00Z');
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  alice = h.person(DEMO.owner);
  bob = h.person(DEMO.admin);
  carol = h.person(DEMO.members[0]!);
  erin = h.person(DEMO.members[2]!);
  // everyone has talked to the bot once: their personal chats are known
  for (const p of [alice, bob, carol, erin]) await h.say(p, 'help');
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

const textOf = (p: TeamsPerson) => cardText(h.lastPosted(p).activity.attachments[0].content);

describe('approvals that never stall, in Teams', () => {
  it('nobody answers Erin for 24 h: the approvers get a reminder card whose Approve button works', async () => {
    await h.say(erin, 'add 2 pro');
    await h.deliver();
    db.clock.advance(24 * HOUR);
    await nudgeStalledApprovals(db.ctx);
    await h.deliver();
    expect(textOf(alice)).toMatch(
      /Reminder: erin@example\.com asked for 2 Pro seats in Acme 24 hours ago and nobody has answered yet\./,
    );
    expect(textOf(bob)).toMatch(/^Reminder: erin@example\.com/);
    // still nobody at 72 h: it goes to the owner as well
    db.clock.advance(48 * HOUR);
    await nudgeStalledApprovals(db.ctx);
    await h.deliver();
    expect(textOf(alice)).toMatch(
      /^Nobody has answered erin@example\.com’s request for 2 Pro seats in Acme for 72 hours: the owner is told as well\./,
    );
    const posted = h.lastToDecide(bob);
    const seen = await h.refresh(bob, posted);
    expect(buttonsOf(seen)).toEqual(['Approve', 'Reject']);
    const card = await h.press(bob, buttonOf(seen, 'Approve'), posted.id);
    // approved three days in, it is charged for the days then left: less than it was asked at
    expect(cardText(card)).toMatch(/Approved: 2 Pro seats added/);
    const [repriced] = await db.em
      .fork()
      .execute<{ before: { proratedAmount: number }; after: { proratedAmount: number } }[]>(
        `select before, after from audit_event where action = 'purchase.repriced' order by at desc limit 1`,
      );
    expect(repriced!.after.proratedAmount).toBeLessThan(repriced!.before.proratedAmount);
    expect(cardText(card)).toContain(`€${(repriced!.after.proratedAmount / 100).toFixed(2)}`);
    expect(buttonsOf(card)).toEqual([]);
  });

  it('Bob names Carol while away; Carol is told, gets the reminder, and her click says on behalf of Bob', async () => {
    const named = await h.say(bob, `delegate ${DEMO.members[0]} until 2026-03-20`);
    expect(named.cards.map(cardText).join('\n')).toMatch(
      /carol@example\.com decides purchases in Acme for you until 2026-03-20/,
    );
    await h.deliver();
    expect(textOf(carol)).toMatch(
      /bob@example\.com named you to decide seat purchases in Acme for them until 2026-03-20/,
    );
    await h.say(erin, 'add 1 pro');
    await h.deliver();
    db.clock.advance(24 * HOUR);
    await nudgeStalledApprovals(db.ctx);
    await h.deliver();
    expect(textOf(carol)).toMatch(
      /Reminder: erin@example\.com asked for 1 Pro seat in Acme 24 hours ago.*You decide this for bob@example\.com while they are away\./s,
    );
    const posted = h.lastPosted(carol);
    const seen = await h.refresh(carol, posted);
    expect(buttonsOf(seen)).toEqual(['Approve', 'Reject']);
    const card = await h.press(carol, buttonOf(seen, 'Approve'), posted.id);
    expect(cardText(card)).toMatch(/Approved on behalf of bob@example\.com: 1 Pro seat added/);
    await h.deliver();
    const erins = h.ms.postedTo(erin.conversationId).map((p) => cardText(p.activity.attachments[0].content));
    // the result and its receipt, queued in the same instant (in either order)
    const last = erins.slice(-2);
    const result = last.find((t) => !t.startsWith('Receipt'));
    const receipt = last.find((t) => t.startsWith('Receipt'));
    expect(result).toMatch(
      /Approved by carol@example\.com on behalf of bob@example\.com and paid: 1 Pro seat added to Acme/,
    );
    // the receipt: who asked and approved, and how the charge adds up
    expect(receipt).toMatch(
      /^Receipt for Acme: 1 Pro seat\.\nAsked by erin@example\.com\nApproved by carol@example\.com on behalf of bob@example\.com/,
    );
    expect(receipt).toMatch(/Total charged: €\d+\.\d\d/);
  });
});
