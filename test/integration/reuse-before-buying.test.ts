import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { offerForRequest } from '../../db/repositories/reusable-seats.ts';
import { approvePurchase } from '../../src/service/approve-purchase.ts';
import { nudgeStalledApprovals } from '../../src/service/nudge-stalled-approvals.ts';
import { reclaimIdleSeats } from '../../src/service/reclaim-idle-seats.ts';
import { chatOn } from '../support/chat.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addMember, addSeats, auditRows, DAY_MS, giveSeat, orgWith } from '../support/fixtures.ts';
import { chargesFor, freeSeatCount, outbox, seatCount, sql, statusOf } from '../support/purchase-fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());
const START = '2026-03-01T00:00:00Z';
beforeEach(() => db.clock.set(START));

/**
 * Acme with an approver, a requester, and two Pro seats whose holders (Dan, Eve) last used them
 * on START; `idle` days later the seats are idle from 28 days on.
 */
const team = async (period: 'month' | 'year' = 'month') => {
  const f = await orgWith(db, { name: 'Acme', period });
  const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
  const requester = await addMember(db, f.org.id, { role: 'member' });
  const holders = [];
  await addSeats(db, f.contract.id, 'pro', 2);
  for (const name of ['Dan', 'Eve']) {
    const h = await addMember(db, f.org.id, {
      email: `${name.toLowerCase()}-${Date.now()}${Math.random()}@example.com`,
    });
    await sql(db, 'update account set name = ? where id = ?', [name, h.id]);
    await giveSeat(db, f.contract.id, h.membershipId, 'pro');
    holders.push(h);
  }
  return { ...f, approver, requester, holders };
};
const later = (days: number) => db.clock.set(new Date(Date.parse(START) + days * DAY_MS));
const requestIdOf = async (orgId: string) =>
  (
    await sql<{ id: string }>(
      db,
      `select id from purchase_request where organization_id = ? order by created_at desc limit 1`,
      [orgId],
    )
  )[0]!.id;

describe('reuse before you buy', () => {
  it('a quote says which seats of the plan nobody uses, and so does the approval card', async () => {
    const t = await team();
    later(30);
    const chat = chatOn(db);
    const quote = await chat.say(t.requester.email, 'add 3 pro');
    expect(quote.text).toMatch(
      /^Before your request for 3 Pro seats goes to the approvers:\n2 Pro seats are not in use \(idle for over 28 days, or held by someone who left\): (Dan and Eve|Eve and Dan)\. Ask them to give back before buying/,
    );
    expect(quote.buttons?.map((b) => b.label)).toEqual(['Ask them to give back', 'Buy anyway']);
    expect(quote.private).toBe(true);
    // held while the requester chooses: no approver is asked yet
    const asksFor = async () =>
      (await chat.inbox(t.approver.email)).filter((r) => r.text.includes('asks for 3 Pro seats'));
    expect(await asksFor()).toEqual([]);

    // Buy anyway: it goes to the approvers, with the same facts; a second click sends nothing more
    const buy = quote.buttons![1]!;
    expect((await chat.act(t.requester.email, buy.action, buy.payload)).text).toBe(
      "Your request for 3 Pro seats went to 2 approvers. You'll hear when it is decided.",
    );
    expect((await chat.act(t.requester.email, buy.action, buy.payload)).text).toBe(
      'Your request for 3 Pro seats is with the approvers already.',
    );
    const cards = await asksFor();
    expect(cards).toHaveLength(1);
    expect(cards[0]!.text).toContain('2 Pro seats are not in use');
    expect(cards[0]!.buttons?.map((b) => b.action)).toEqual(['purchase.approve', 'purchase.reject']);
    const [sent] = await auditRows(db, { action: 'purchase.routed', subjectId: await requestIdOf(t.org.id) });
    expect(sent!.after).toMatchObject({ why: 'buy_anyway', approvers: 2 });
  });

  it('only its requester sends a held request on; its reminders count from when it was sent', async () => {
    // yearly: the request stays open past the month's end
    const t = await team('year');
    later(30);
    const chat = chatOn(db);
    const quote = await chat.say(t.requester.email, 'add 3 pro');
    const buy = quote.buttons![1]!;
    const listed = await chat.say(t.requester.email, 'requests');
    expect(JSON.stringify(listed)).toContain('waiting for the requester: unused seats to ask back first');
    expect((await chat.act(t.approver.email, buy.action, buy.payload)).tone).toBe('error');
    // a day held: nobody is reminded of what they were never asked
    db.clock.set(new Date(Date.parse(START) + 31 * DAY_MS + 3_600_000));
    expect((await nudgeStalledApprovals(db.ctx)).nudged).toEqual([]);
    await chat.act(t.requester.email, buy.action, buy.payload);
    db.clock.set(new Date(Date.parse(START) + 32 * DAY_MS + 2 * 3_600_000));
    expect((await nudgeStalledApprovals(db.ctx)).nudged.map((n) => n.nudge)).toEqual(['remind']);
    const [reminder] = (await outbox(db, 'approval_reminder')).filter(
      (n) => n.recipient_id === t.approver.id,
    );
    expect(reminder!.payload).toMatchObject({ waitedHours: 25, reusable: { count: 2 } });
  });

  it('nothing changes for an organization without unused seats', async () => {
    const t = await team();
    later(10); // used 10 days ago: not idle
    const quote = await chatOn(db).say(t.requester.email, 'add 3 pro');
    expect(quote.text).not.toContain('not in use');
    expect(quote.buttons ?? []).toEqual([]);
  });

  it('asking sends the holders the keep / give-back offer; each seat given back shrinks the request; only the rest is bought', async () => {
    const t = await team();
    later(30);
    const chat = chatOn(db);
    const quote = await chat.say(t.requester.email, 'add 3 pro');
    const id = await requestIdOf(t.org.id);
    const ask = quote.buttons![0]!;
    const asked = await chat.act(t.requester.email, ask.action, ask.payload);
    expect(asked.text).toBe(
      'Asked 2 people to give back their Pro seat. Your request is for 3 Pro seats now; each seat given back makes it one fewer. It went to 2 approvers for what is left.',
    );
    // asking again asks nobody twice
    expect((await chat.act(t.requester.email, ask.action, ask.payload)).tone).toBe('error');
    const offers = await outbox(db, 'idle_seat_offer');
    expect(offers.map((o) => o.recipient_id).sort()).toEqual(t.holders.map((h) => h.id).sort());

    // Dan gives his back: the request asks for 2 now, and the requester is told
    const dans = (await chat.inbox(t.holders[0]!.email)).find((r) => r.buttons?.length)!;
    const giveBack = dans.buttons!.find((b) => b.action === 'idle.give_back')!;
    await chat.act(t.holders[0]!.email, giveBack.action, giveBack.payload);
    const [row] = await sql<{ quantity: number; status: string }>(
      db,
      'select quantity, status from purchase_request where id = ?',
      [id],
    );
    expect(row).toEqual({ quantity: 2, status: 'pending' });
    const told = (await chat.inbox(t.requester.email)).find((r) => r.text.includes('given back'))!;
    expect(told.text).toMatch(
      /^A Pro seat was given back in Acme for your request: free now, give it with `assign <who> pro`\. Your request is for 2 Pro seats now\.$/,
    );
    const [shrunk] = await auditRows(db, { action: 'purchase.shrunk', subjectId: id });
    expect(shrunk!.after).toMatchObject({ quantity: 2, given: 1, how: 'given_back' });

    // approved: two seats bought, priced for two
    const seatsBefore = await seatCount(db, t.contract.id, 'pro');
    const d = await approvePurchase(db.ctx, t.approver.actor, { requestId: id });
    expect(d.outcome).toBe('charged');
    expect(d.request.quantity).toBe(2);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(seatsBefore + 2);
    const [charge] = await chargesFor(db, `purchase:${id}`);
    const [receipt] = await outbox(db, 'receipt', id);
    expect(receipt!.payload).toMatchObject({ total: charge!.amount, what: { quantity: 2 } });
  });

  it('every seat given back covers the request: nothing is bought', async () => {
    // yearly: 28 idle days and 7 grace days fit in the period
    const t = await team('year');
    later(30);
    const chat = chatOn(db);
    const quote = await chat.say(t.requester.email, 'add 1 pro');
    const id = await requestIdOf(t.org.id);
    await chat.act(t.requester.email, quote.buttons![0]!.action, quote.buttons![0]!.payload);
    // one holder asked (the request wants one); unanswered, the seat is reclaimed after the grace days
    const offers = await outbox(db, 'idle_seat_offer');
    expect(offers.filter((o) => t.holders.some((h) => h.id === o.recipient_id))).toHaveLength(1);
    await sql(db, 'update organization set idle_reclaim = true where id = ?', [t.org.id]);
    later(38);
    await reclaimIdleSeats(db.ctx);
    expect(await statusOf(db, id)).toBe('covered');
    expect((await approvePurchase(db.ctx, t.approver.actor, { requestId: id })).outcome).toBe(
      'already_decided',
    );
    expect(await chargesFor(db, `purchase:${id}`)).toEqual([]);
  });

  it('a leaver’s seat that will not renew is freed at once', async () => {
    const t = await team();
    await sql(db, `update membership set status = 'detached' where id = ?`, [t.holders[0]!.membershipId]);
    await sql(db, `update seat set auto_renew = false where membership_id = ?`, [t.holders[0]!.membershipId]);
    later(5); // Eve's seat is not idle yet; the leaver's counts at once
    const chat = chatOn(db);
    const quote = await chat.say(t.requester.email, 'add 2 pro');
    expect(quote.text).toContain('1 Pro seat is not in use');
    const id = await requestIdOf(t.org.id);
    const r = await chat.act(t.requester.email, quote.buttons![0]!.action, quote.buttons![0]!.payload);
    expect(r.text).toBe(
      '1 seat held by someone who left is free now. Your request is for 1 Pro seat now; each seat given back makes it one fewer. It went to 2 approvers for what is left.',
    );
    const [row] = await sql<{ quantity: number }>(db, 'select quantity from purchase_request where id = ?', [
      id,
    ]);
    expect(row!.quantity).toBe(1);
    expect(await freeSeatCount(db, t.contract.id, 'pro')).toBe(1);
  });

  it('a seat given back while the ask ran is not offered again: its former holder is asked nothing', async () => {
    const t = await team();
    later(30);
    await chatOn(db).say(t.requester.email, 'add 1 pro');
    const id = await requestIdOf(t.org.id);
    const dan = t.holders[0]!;
    const [seat] = await sql<{ id: string }>(db, 'select id from seat where membership_id = ?', [
      dan.membershipId,
    ]);
    await sql(db, 'update seat set membership_id = null, assigned_at = null where id = ?', [seat!.id]);
    const offer = (now: Date) =>
      offerForRequest(db.em.fork(), {
        id: crypto.randomUUID(),
        seatId: seat!.id,
        membershipId: dan.membershipId,
        requestId: id,
        now,
        expiresAt: new Date(now.getTime() + 7 * DAY_MS),
      });
    expect(await offer(db.clock.now())).toBeNull();
    expect(await sql(db, 'select id from idle_offer where seat_id = ?', [seat!.id])).toEqual([]);
  });

  it('only the requester or an approver may ask', async () => {
    const t = await team();
    later(30);
    const chat = chatOn(db);
    const quote = await chat.say(t.requester.email, 'add 3 pro');
    const r = await chat.act(t.holders[1]!.email, quote.buttons![0]!.action, quote.buttons![0]!.payload);
    expect(r.tone).toBe('error');
    const offers = await outbox(db, 'idle_seat_offer');
    expect(offers.filter((o) => t.holders.some((h) => h.id === o.recipient_id))).toEqual([]);
  });
});
