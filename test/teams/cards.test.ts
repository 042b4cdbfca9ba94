import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { buttonOf, buttonsOf, startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;
let bob: TeamsPerson;
let erin: TeamsPerson;
let frank: TeamsPerson;
let gina: TeamsPerson;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  await upsertAccount(db.ctx, { email: 'gina@example.com', name: 'Gina', personalPlan: 'free' });
  h = await startTeams(db);
  alice = h.person('alice@example.com');
  bob = h.person('bob@example.com');
  erin = h.person('erin@example.com');
  frank = h.person('frank@example.com');
  gina = h.person('gina@example.com');
  // everyone has talked to the bot once: their personal chats are known
  for (const p of [alice, bob, erin, frank, gina]) await h.say(p, 'help');
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

const one = async <T>(sql: string, params: unknown[] = []) =>
  (await db.em.fork().execute<T[]>(sql, params))[0] as T;

describe('invitations: Accept / Decline from the DM', () => {
  it('the invitee gets a card whose buttons come with a refresh for them only', async () => {
    await h.say(alice, 'invite frank@example.com plan pro');
    await h.deliver();
    const posted = h.lastPosted(frank);
    const card = posted.activity.attachments[0].content;
    expect(cardText(card)).toMatch(/alice@example\.com invites you to Acme/);
    expect(card.actions).toBeUndefined();
    expect(card.refresh.userIds).toEqual([frank.aadObjectId]);
    const seen = await h.refresh(frank, posted);
    expect(buttonsOf(seen)).toEqual(['Accept', 'Decline']);
    // anyone else asking for the same card gets no buttons
    const other = await h.refresh(erin, posted);
    expect(buttonsOf(other)).toEqual([]);
    expect(cardText(other)).toMatch(/nothing for you to decide/);
  });

  it('Accept makes Frank an active member with a Pro seat; the card shows it without buttons', async () => {
    const posted = h.lastPosted(frank);
    const card = await h.press(frank, buttonOf(await h.refresh(frank, posted), 'Accept'), posted.id);
    expect(cardText(card)).toMatch(/Welcome to Acme/);
    expect(buttonsOf(card)).toEqual([]);
    const m = await one<{ status: string; plan_code: string }>(
      `select m.status, s.plan_code from membership m join account a on a.id = m.account_id
       left join seat s on s.membership_id = m.id where a.email = 'frank@example.com'`,
    );
    expect(m).toEqual({ status: 'active', plan_code: 'pro' });
    expect(buttonsOf(await h.refresh(frank, posted))).toEqual([]);
  });

  it('Decline closes Gina’s invitation', async () => {
    await h.say(bob, 'invite gina@example.com');
    await h.deliver();
    const posted = h.lastPosted(gina);
    const card = await h.press(gina, buttonOf(await h.refresh(gina, posted), 'Decline'), posted.id);
    expect(cardText(card)).toMatch(/declined|Declined/);
    expect(await one(`select status from invitation where email = 'gina@example.com'`)).toEqual({
      status: 'declined',
    });
  });
});

describe('approvals: only approvers see the buttons; a decision updates every copy', () => {
  it('Erin asks for 2 Pro seats; Alice and Bob each get the card, buttons by refresh', async () => {
    await h.say(erin, 'add 2 pro');
    await h.deliver();
    for (const p of [alice, bob]) {
      const posted = h.lastPosted(p);
      expect(cardText(posted.activity.attachments[0].content)).toMatch(
        /erin@example\.com asks for 2 Pro seats/,
      );
      expect(posted.activity.attachments[0].content.refresh.userIds).toEqual([p.aadObjectId]);
      expect(buttonsOf(await h.refresh(p, posted))).toEqual(['Approve', 'Reject']);
    }
    expect(
      h.ms.postedTo(erin.conversationId).at(-1)?.activity.attachments?.[0].content.refresh,
    ).toBeUndefined();
  });

  it('Bob approves: charged once, seats added, Alice’s copy updated in place without buttons', async () => {
    const charges = await db.count('ledger_charge');
    const seats = await db.count('seat');
    const posted = h.lastPosted(bob);
    const approve = buttonOf(await h.refresh(bob, posted), 'Approve');
    const card = await h.press(bob, approve, posted.id);
    expect(cardText(card)).toMatch(/Decided by bob@example\.com\n- Approved: 2 Pro seats added/);
    expect(buttonsOf(card)).toEqual([]);
    expect(await db.count('ledger_charge')).toBe(charges + 1);
    expect(await db.count('seat')).toBe(seats + 2);
    const alices = h.lastPosted(alice);
    expect(alices.updates).toBe(1);
    expect(cardText(alices.activity.attachments[0].content)).toMatch(/Decided by bob@example\.com/);
    expect(alices.activity.attachments[0].content.actions).toBeUndefined();
    expect(alices.activity.attachments[0].content.refresh).toBeUndefined();

    // a second submission (a stale copy) changes nothing and says so
    const again = await h.press(bob, approve, posted.id);
    expect(cardText(again)).toMatch(/Already decided/);
    expect(await db.count('ledger_charge')).toBe(charges + 1);
    expect(await db.count('seat')).toBe(seats + 2);
    expect(h.lastPosted(alice).updates).toBe(1);
  });

  it('Reject asks first; "Keep it" changes nothing; confirming rejects', async () => {
    await h.say(erin, 'add 1 business');
    await h.deliver();
    const posted = h.lastToDecide(bob);
    const reject = buttonOf(await h.refresh(bob, posted), 'Reject');
    expect(reject.verb).toBe('ask');
    const before = await db.counts();
    const ask = await h.press(bob, reject, posted.id);
    expect(cardText(ask)).toMatch(/Reject this request\? The requester will be told\./);
    expect(buttonsOf(ask)).toEqual(['Reject', 'Keep it']);
    const back = await h.press(bob, buttonOf(ask, 'Keep it'), posted.id);
    expect(buttonsOf(back)).toEqual(['Approve', 'Reject']);
    expect(await db.counts()).toEqual(before);
    const done = await h.press(bob, buttonOf(ask, 'Reject'), posted.id);
    expect(cardText(done)).toMatch(/Decided by bob@example\.com/);
    const r = await one<{ status: string; plan_code: string }>(
      'select status, plan_code from purchase_request where id = ?',
      [reject.data.payload.requestId],
    );
    expect(r).toEqual({ status: 'rejected', plan_code: 'business' });
  });

  it('approving from the `requests` list settles the DM copies too', async () => {
    await h.say(erin, 'add 1 business');
    await h.deliver();
    const alices = h.lastToDecide(alice);
    expect(buttonsOf(await h.refresh(alice, alices))).toEqual(['Approve', 'Reject']);
    const list = (await h.say(bob, 'requests')).cards[0];
    const done = await h.press(bob, buttonOf(list, 'Approve 1 Business'));
    expect(cardText(done)).toMatch(/Approved: 1 Business seat added/);
    expect(alices.updates).toBe(1);
    expect(cardText(alices.activity.attachments[0].content)).toMatch(/Decided by bob@example\.com/);
    expect(buttonsOf(await h.refresh(bob, h.lastPosted(bob)))).toEqual([]);
  });

  it('two approvers pressing Approve at once: one charge, one "already decided", every copy settled', async () => {
    await h.say(erin, 'add 2 business');
    await h.deliver();
    const copies = [h.lastToDecide(alice), h.lastToDecide(bob)];
    const buttons = [
      buttonOf(await h.refresh(alice, copies[0]!), 'Approve'),
      buttonOf(await h.refresh(bob, copies[1]!), 'Approve'),
    ];
    const charges = await db.count('ledger_charge');
    const answers = await Promise.all([
      h.press(alice, buttons[0], copies[0]!.id),
      h.press(bob, buttons[1], copies[1]!.id),
    ]);
    const texts = answers.map(cardText);
    expect(texts.filter((t) => /Approved: 2 Business seats added/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /Already decided/.test(t))).toHaveLength(1);
    expect(await db.count('ledger_charge')).toBe(charges + 1);
    // the winner's copy refreshes to the decision; the other copy was updated in place
    expect(copies.filter((c) => c.updates === 1)).toHaveLength(1);
    for (const [i, p] of [alice, bob].entries()) {
      const posted = copies[i]!;
      const current = posted.activity.attachments[0].content;
      expect(buttonsOf(current.refresh ? await h.refresh(p, posted) : current)).toEqual([]);
    }
  });

  it('a member pressing Approve on a crafted card is refused, and nothing changes', async () => {
    await h.say(erin, 'add 1 pro');
    const req = await one<{ id: string }>(
      `select id from purchase_request where status = 'pending' order by created_at desc limit 1`,
    );
    const before = await db.counts();
    const card = await h.press(erin, {
      verb: 'run',
      data: { action: 'purchase.approve', payload: { requestId: req.id } },
    });
    expect(cardText(card)).toMatch(/^✗ /);
    expect(await db.counts()).toEqual(before);
  });

  it('a slow action answers "working on it" within the deadline, then updates the card', async () => {
    await h.deliver();
    const posted = h.lastToDecide(bob);
    const approve = buttonOf(await h.refresh(bob, posted), 'Approve');
    const deps = h.app.teams!.deps;
    deps.deadlineMs = 0;
    try {
      const card = await h.press(bob, approve, posted.id);
      expect(cardText(card)).toMatch(/Working on it/);
    } finally {
      deps.deadlineMs = 4000;
    }
    await expect.poll(() => posted.updates, { timeout: 5000 }).toBe(1);
    expect(cardText(posted.activity.attachments[0].content)).toMatch(/Approved: 1 Pro seat added/);
  });

  it('a button with a malformed payload is refused as no longer valid', async () => {
    const card = await h.press(bob, { verb: 'run', data: { payload: 'x' } });
    expect(cardText(card)).toMatch(/no longer valid/);
  });
});
