import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lockRequest } from '../../db/repositories/purchase-requests.ts';
import { approvePurchase, resumeStalledPurchases } from '../../src/service/approve-purchase.ts';
import { cancelOrganization } from '../../src/service/cancel-organization.ts';
import { rejectPurchase } from '../../src/service/reject-purchase.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { freshPriceOf, takeFreshPrice } from '../../src/service/support/reprice-request.ts';
import { inTransaction } from '../../src/service/support/tx.ts';
import { updateOrganizationSettings } from '../../src/service/update-organization-settings.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addMember, addSeats, DAY_MS, type OrgFixture, orgWith, refusal } from '../support/fixtures.ts';
import { chargesFor, flakyBilling, outbox, seatCount, sql, statusOf } from '../support/purchase-fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

// Every organization below is created at this instant, monthly: its first period runs
// 2026-03-01T00:00:00Z → 2026-04-01T00:00:00Z, 31 days = 2,678,400 seconds.
const START = '2026-03-01T00:00:00Z';
const PERIOD_SECONDS = 31 * 24 * 3600;
const PERIOD_END = new Date('2026-04-01T00:00:00Z');
beforeEach(() => db.clock.set(START));

/** An org with owner (approver), an admin marked approver, a plain admin and a plain member. */
const team = async () => {
  const f = await orgWith(db, { name: 'Acme' });
  const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
  const admin = await addMember(db, f.org.id, { role: 'admin' });
  const member = await addMember(db, f.org.id, { role: 'member' });
  db.clock.set(START);
  return { ...f, approver, admin, member };
};

/** The member's `add <quantity> <plan>` at `at`. */
const ask = async (
  t: Pick<OrgFixture, 'org'> & { member: { email: string } },
  quantity: number,
  plan = 'pro',
  at?: Date,
) => {
  if (at) db.clock.set(at);
  return requestSeats(db.ctx, { email: t.member.email }, { organizationId: t.org.id, quantity, plan });
};

describe('requesting seats: the quote', () => {
  it("prices a member's `add 3 pro` for the rest of the period, to the second, and asks the approvers", async () => {
    const t = await team();
    // a third of the way through the period
    const at = new Date(Date.parse(START) + (PERIOD_SECONDS / 3) * 1000);
    expect(at.toISOString()).toBe('2026-03-11T08:00:00.000Z');
    const r = await ask(t, 3, 'pro', at);

    // 3 pro seats at 15.00 (seats 1–3 of the plan: no tier discount) = 45.00 per month;
    // two thirds of the period remain: 4500 × 1,785,600 / 2,678,400 = 3000 exactly.
    expect(r.outcome).toBe('pending');
    expect(r.quote).toEqual({
      currency: 'eur',
      proratedAmount: 3000,
      // renewing seats after the purchase: the owner's business seat (30.00) + 3 pro (45.00)
      recurringTotal: 7500,
      prorationDate: at,
      quoteExpiresAt: new Date(at.getTime() + DAY_MS),
    });
    expect(r.request).toMatchObject({
      status: 'pending',
      needs: 'approval',
      quantity: 3,
      planCode: 'pro',
      proratedAmount: 3000,
      recurringTotal: 7500,
      currency: 'eur',
      contractId: t.contract.id,
      requestedById: t.member.id,
    });
    const [stored] = await sql<{
      status: string;
      prorated_amount: string;
      recurring_total: string;
      proration_date: Date;
      quote_expires_at: Date;
      price_valid_until: Date;
    }>(db, 'select * from purchase_request where id = ?', [r.request.id]);
    expect(stored!.status).toBe('pending');
    expect(Number(stored!.prorated_amount)).toBe(3000);
    expect(Number(stored!.recurring_total)).toBe(7500);
    expect(new Date(stored!.proration_date).toISOString()).toBe('2026-03-11T08:00:00.000Z');
    // its price holds a day; waiting for an approver, the request stays open a week
    expect(new Date(stored!.price_valid_until).toISOString()).toBe('2026-03-12T08:00:00.000Z');
    expect(new Date(stored!.quote_expires_at).toISOString()).toBe('2026-03-18T08:00:00.000Z');

    // the approvers (owner, admin-approver) are asked; the plain admin and the requester are not
    expect(r.approvers).toBe(2);
    const asked = await outbox(db, 'approval_request', r.request.id);
    expect(asked.map((o) => o.recipient_id).sort()).toEqual([t.owner.id, t.approver.id].sort());
    expect(asked[0]!.payload).toMatchObject({
      requestId: r.request.id,
      plan: 'pro',
      quantity: 3,
      proratedAmount: 3000,
      recurringTotal: 7500,
      currency: 'eur',
      requestedBy: t.member.email,
      quoteExpiresAt: '2026-03-18T08:00:00.000Z',
    });
    // nothing is charged or added yet
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(0);
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toEqual([]);
  });

  it('rounds the prorated amount half up at an arbitrary second', async () => {
    const t = await team();
    const elapsed = 1_000_007; // seconds into the period
    const r = await ask(t, 3, 'pro', new Date(Date.parse(START) + elapsed * 1000));
    // 4500 × 1,678,393 / 2,678,400 = 2819.8785… → 2820
    const remaining = PERIOD_SECONDS - elapsed;
    expect(remaining).toBe(1_678_393);
    expect(r.quote.proratedAmount).toBe(Math.round((4500 * remaining) / PERIOD_SECONDS));
    expect(r.quote.proratedAmount).toBe(2820);
  });

  it('keeps the quote no longer than the period it prices', async () => {
    const t = await team();
    const at = new Date('2026-03-31T12:00:00Z'); // 12 hours left
    const r = await ask(t, 2, 'pro', at);
    expect(r.quote.quoteExpiresAt).toEqual(PERIOD_END);
    // 3000 × 43,200 / 2,678,400 = 48.387… → 48
    expect(r.quote.proratedAmount).toBe(48);
  });

  it("an approver's own request needs only their confirmation", async () => {
    const t = await team();
    const r = await requestSeats(
      db.ctx,
      { email: t.approver.email },
      { organizationId: t.org.id, quantity: 1, plan: 'pro' },
    );
    expect(r.request.needs).toBe('confirmation');
    expect(r.request.status).toBe('pending');
    expect(await outbox(db, 'approval_request', r.request.id)).toEqual([]);
    const d = await approvePurchase(db.ctx, { email: t.approver.email }, { requestId: r.request.id });
    expect(d.outcome).toBe('charged');
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(1);
  });

  it('the owner is an approver too: their request needs confirmation', async () => {
    const t = await team();
    const r = await requestSeats(db.ctx, t.owner, {
      organizationId: t.org.id,
      quantity: 1,
      plan: 'business',
    });
    expect(r.request.needs).toBe('confirmation');
  });

  it('volume tiers: buying seats 9 → 12 prices seats 11 and 12 at 10% off', async () => {
    const t = await team();
    await addSeats(db, t.contract.id, 'pro', 9);
    // at the very start of the period the whole month is charged
    const r = await ask(t, 3, 'pro', new Date(START));
    // seat 10 at 15.00, seats 11 and 12 at 13.50
    expect(r.quote.proratedAmount).toBe(1500 + 2 * 1350);
    // renewing after: business 30.00 + pro (10 × 15.00 + 2 × 13.50)
    expect(r.quote.recurringTotal).toBe(3000 + 10 * 1500 + 2 * 1350);
    const d = await approvePurchase(db.ctx, t.owner, { requestId: r.request.id });
    expect(d.outcome).toBe('charged');
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(12);
    const [charge] = await chargesFor(db, `purchase:${r.request.id}`);
    expect(Number(charge!.amount)).toBe(4200);
  });

  it('seats with auto-renew off count for the tier band but not for the recurring total', async () => {
    const t = await team();
    await addSeats(db, t.contract.id, 'pro', 8);
    await addSeats(db, t.contract.id, 'pro', 2, { autoRenew: false });
    const r = await ask(t, 2, 'pro', new Date(START));
    // seats 11 and 12 of the plan this period
    expect(r.quote.proratedAmount).toBe(2 * 1350);
    // renewing pro seats after: 8 + 2 = 10, all at list price
    expect(r.quote.recurringTotal).toBe(3000 + 10 * 1500);
  });
});

describe('deciding a request', () => {
  it('approving charges once, adds the seats and tells requester and approvers', async () => {
    const t = await team();
    const r = await ask(t, 3, 'pro', new Date('2026-03-11T08:00:00Z'));
    db.clock.set('2026-03-11T09:00:00Z');
    const d = await approvePurchase(db.ctx, { email: t.approver.email }, { requestId: r.request.id });
    expect(d.outcome).toBe('charged');
    expect(d.firstDecision).toBe(true);
    expect(d.request.status).toBe('charged');
    expect(d.request.decidedById).toBe(t.approver.id);
    expect(d.request.decidedAt).toEqual(new Date('2026-03-11T09:00:00Z'));

    const seats = await sql<{ plan_code: string; membership_id: string | null; auto_renew: boolean }>(
      db,
      `select plan_code, membership_id, auto_renew from seat where contract_id = ? and plan_code = 'pro'`,
      [t.contract.id],
    );
    expect(seats).toHaveLength(3);
    expect(seats.every((s) => s.membership_id === null && s.auto_renew)).toBe(true);

    const charges = await chargesFor(db, `purchase:${r.request.id}`);
    expect(charges).toHaveLength(1);
    expect(Number(charges[0]!.amount)).toBe(3000);
    expect(charges[0]).toMatchObject({ currency: 'eur', payer_id: t.owner.id, status: 'succeeded' });
    const [stored] = await sql<{ status: string; charge_ref: string }>(
      db,
      'select status, charge_ref from purchase_request where id = ?',
      [r.request.id],
    );
    expect(stored!.status).toBe('charged');
    expect(stored!.charge_ref).toMatch(/^ledger_/);

    const told = await outbox(db, 'purchase_result', r.request.id);
    expect(told.map((o) => o.recipient_id).sort()).toEqual([t.member.id, t.owner.id, t.approver.id].sort());
    expect(told.every((o) => o.payload.status === 'charged' && o.payload.quantity === 3)).toBe(true);
  });

  it('approving twice charges once; the second click is told it is already decided', async () => {
    const t = await team();
    const r = await ask(t, 2);
    const first = await approvePurchase(db.ctx, t.owner, { requestId: r.request.id });
    const second = await approvePurchase(db.ctx, { email: t.approver.email }, { requestId: r.request.id });
    const third = await approvePurchase(db.ctx, t.owner, { requestId: r.request.id });
    expect(first.outcome).toBe('charged');
    expect(second.outcome).toBe('already_decided');
    expect(third.outcome).toBe('already_decided');
    expect(second.request.status).toBe('charged');
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toHaveLength(1);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(2);
    expect(await outbox(db, 'purchase_result', r.request.id)).toHaveLength(3);
  });

  it('a non-approver cannot approve their own request, nor can a plain admin', async () => {
    const t = await team();
    const r = await ask(t, 1);
    const before = await db.counts();
    await refusal(
      'forbidden',
      approvePurchase(db.ctx, { email: t.member.email }, { requestId: r.request.id }),
    );
    await refusal(
      'forbidden',
      approvePurchase(db.ctx, { email: t.admin.email }, { requestId: r.request.id }),
    );
    await refusal(
      'forbidden',
      rejectPurchase(db.ctx, { email: t.member.email }, { requestId: r.request.id }),
    );
    expect(await db.counts()).toEqual(before);
    const [stored] = await sql<{ status: string }>(db, 'select status from purchase_request where id = ?', [
      r.request.id,
    ]);
    expect(stored!.status).toBe('pending');
  });

  it('rejecting closes the request, tells everyone, and a later decision is already_decided', async () => {
    const t = await team();
    const r = await ask(t, 4);
    const rej = await rejectPurchase(
      db.ctx,
      { email: t.approver.email },
      { requestId: r.request.id, reason: 'Not this quarter' },
    );
    expect(rej.outcome).toBe('rejected');
    expect(rej.request.status).toBe('rejected');
    const told = await outbox(db, 'purchase_result', r.request.id);
    expect(told.map((o) => o.recipient_id).sort()).toEqual([t.member.id, t.owner.id, t.approver.id].sort());
    expect(told[0]!.payload).toMatchObject({
      status: 'rejected',
      reason: 'Not this quarter',
      decidedBy: t.approver.email,
    });

    const before = await db.counts();
    const again = await approvePurchase(db.ctx, t.owner, { requestId: r.request.id });
    expect(again.outcome).toBe('already_decided');
    expect(again.request.status).toBe('rejected');
    const rejAgain = await rejectPurchase(db.ctx, t.owner, { requestId: r.request.id });
    expect(rejAgain.outcome).toBe('already_decided');
    expect(await db.counts()).toEqual(before);
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toEqual([]);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(0);
  });

  it('a request left open past its week cannot be approved: it expires and nothing is charged', async () => {
    const t = await team();
    const r = await ask(t, 2, 'pro', new Date('2026-03-05T00:00:00Z'));
    expect(r.request.quoteExpiresAt).toEqual(new Date('2026-03-12T00:00:00Z'));
    db.clock.set(r.request.quoteExpiresAt);
    const d = await approvePurchase(db.ctx, t.owner, { requestId: r.request.id });
    expect(d.outcome).toBe('expired');
    expect(d.request.status).toBe('expired');
    const [stored] = await sql<{ status: string }>(db, 'select status from purchase_request where id = ?', [
      r.request.id,
    ]);
    expect(stored!.status).toBe('expired');
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toEqual([]);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(0);
    // and it stays closed
    expect((await approvePurchase(db.ctx, t.owner, { requestId: r.request.id })).outcome).toBe(
      'already_decided',
    );
  });

  it('a declined card: payment_failed, no seats, and people are told why', async () => {
    const t = await team();
    await upsertAccount(db.ctx, { email: t.owner.email, paymentMethod: 'pm_card_chargeDeclined' });
    const r = await ask(t, 2);
    const d = await approvePurchase(db.ctx, t.owner, { requestId: r.request.id });
    expect(d.outcome).toBe('payment_failed');
    expect(d.request.status).toBe('payment_failed');
    expect(d.request.failureReason).toBe('Your card was declined.');
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(0);
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toEqual([]);
    const failed = await sql<{ status: string; amount: string }>(
      db,
      `select status, amount from ledger_charge where idempotency_key like ?`,
      [`purchase:${r.request.id}#declined#%`],
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]!.status).toBe('failed');
    const told = await outbox(db, 'purchase_result', r.request.id);
    expect(told.map((o) => o.recipient_id).sort()).toEqual([t.member.id, t.owner.id, t.approver.id].sort());
    expect(
      told.every(
        (o) => o.payload.status === 'payment_failed' && o.payload.reason === 'Your card was declined.',
      ),
    ).toBe(true);
    // a second click does not try again
    expect((await approvePurchase(db.ctx, t.owner, { requestId: r.request.id })).outcome).toBe(
      'already_decided',
    );
  });

  it('resumes a purchase that crashed after approval: exactly one charge', async () => {
    const t = await team();
    const r = await ask(t, 3, 'pro', new Date('2026-03-11T08:00:00Z'));
    // the process died after step 1 (pending → approved committed), before charging
    await sql(
      db,
      `update purchase_request set status = 'approved', decided_by_id = ?, decided_at = ? where id = ?`,
      [t.owner.id, db.clock.now(), r.request.id],
    );
    const d = await approvePurchase(db.ctx, { email: t.approver.email }, { requestId: r.request.id });
    expect(d.outcome).toBe('charged');
    expect(d.request.status).toBe('charged');
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toHaveLength(1);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(3);
    expect(await outbox(db, 'purchase_result', r.request.id)).toHaveLength(3);
    expect((await approvePurchase(db.ctx, t.owner, { requestId: r.request.id })).outcome).toBe(
      'already_decided',
    );
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toHaveLength(1);
  });

  it('resumes a purchase that crashed after charging, before settling: the charge is not repeated', async () => {
    const t = await team();
    const r = await ask(t, 1);
    await sql(db, `update purchase_request set status = 'approved' where id = ?`, [r.request.id]);
    // the charge went through, then the process died before recording it
    const paid = await db.ctx.billing.charge({
      idempotencyKey: `purchase:${r.request.id}`,
      payerAccountId: t.owner.id,
      amount: { amount: r.request.proratedAmount, currency: 'eur' },
      description: 'first attempt',
    });
    expect(paid.ok).toBe(true);
    const d = await approvePurchase(db.ctx, t.owner, { requestId: r.request.id });
    expect(d.outcome).toBe('charged');
    expect(d.request.chargeRef).toBe(paid.ok ? paid.ref : null);
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toHaveLength(1);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(1);
  });
  it('a billing outage after approval leaves the request approved; the next click charges once', async () => {
    const t = await team();
    const r = await ask(t, 2);
    const flaky = flakyBilling(db.ctx.billing, 1);
    await expect(
      approvePurchase({ ...db.ctx, billing: flaky }, t.owner, { requestId: r.request.id }),
    ).rejects.toThrow('billing provider unavailable');
    expect(await statusOf(db, r.request.id)).toBe('approved');
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(0);
    const d = await approvePurchase(
      { ...db.ctx, billing: flaky },
      { email: t.approver.email },
      { requestId: r.request.id },
    );
    expect(d.outcome).toBe('charged');
    expect(flaky.attempts).toBe(2);
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toHaveLength(1);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(2);
  });

  it('a purchase stalled in approved is finished by the resume job, once', async () => {
    const t = await team();
    const r = await ask(t, 2);
    const flaky = flakyBilling(db.ctx.billing, 1);
    await expect(
      approvePurchase({ ...db.ctx, billing: flaky }, t.owner, { requestId: r.request.id }),
    ).rejects.toThrow();
    // too recent: an approval may still be in flight
    expect(await resumeStalledPurchases(db.ctx)).toEqual([]);
    db.clock.advance(2 * 60_000);
    const resumed = await resumeStalledPurchases(db.ctx);
    expect(resumed).toEqual([{ requestId: r.request.id, outcome: 'charged' }]);
    expect(await statusOf(db, r.request.id)).toBe('charged');
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toHaveLength(1);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(2);
    expect(await outbox(db, 'purchase_result', r.request.id)).toHaveLength(3);
    expect(await resumeStalledPurchases(db.ctx)).toEqual([]);
  });

  it('a pending request of an organization that is being cancelled cannot be approved', async () => {
    const t = await team();
    const r = await ask(t, 2);
    await cancelOrganization(db.ctx, t.owner, { organizationId: t.org.id });
    const before = await db.counts();
    await refusal('organization_closed', approvePurchase(db.ctx, t.owner, { requestId: r.request.id }));
    expect(await db.counts()).toEqual(before);
    expect(await statusOf(db, r.request.id)).toBe('pending');
    // it can still be turned down
    expect((await rejectPurchase(db.ctx, t.owner, { requestId: r.request.id })).outcome).toBe('rejected');
  });
});

describe('approved after its price stopped holding (a day)', () => {
  const THIRD = new Date(Date.parse(START) + (PERIOD_SECONDS / 3) * 1000);
  const HALF = new Date(Date.parse(START) + (PERIOD_SECONDS / 2) * 1000);

  it('is priced again for the days then left: the charge, the result and the receipt say the new amount', async () => {
    const t = await team();
    // 3 Pro at 15.00 = 45.00 a month; asked with two thirds left: 30.00
    const r = await ask(t, 3, 'pro', THIRD);
    expect(r.request.proratedAmount).toBe(3000);
    // approved 124 hours later, half the period left: 4500 × 1,339,200 / 2,678,400 = 22.50
    db.clock.set(HALF);
    const d = await approvePurchase(db.ctx, t.approver, { requestId: r.request.id });
    expect(d.outcome).toBe('charged');
    expect(d.request.proratedAmount).toBe(2250);
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toMatchObject([
      { amount: 2250, currency: 'eur' },
    ]);
    const [stored] = await sql<{ prorated_amount: string; proration_date: Date; price_valid_until: Date }>(
      db,
      'select prorated_amount, proration_date, price_valid_until from purchase_request where id = ?',
      [r.request.id],
    );
    expect(Number(stored!.prorated_amount)).toBe(2250);
    expect(new Date(stored!.proration_date)).toEqual(HALF);
    const [receipt] = await outbox(db, 'receipt', r.request.id);
    expect(receipt!.payload).toMatchObject({ total: 2250 });
    expect((receipt!.payload as { lines: { secondsLeft: number; charged: number }[] }).lines).toMatchObject([
      { secondsLeft: PERIOD_SECONDS / 2, charged: 2250 },
    ]);
    const results = await outbox(db, 'purchase_result', r.request.id);
    expect(results.map((o) => o.payload.proratedAmount)).toEqual([2250, 2250, 2250]);
    const [repriced] = await sql<{ before: unknown; after: unknown }>(
      db,
      `select before, after from audit_event where action = 'purchase.repriced' and subject_id = ?`,
      [r.request.id],
    );
    expect(repriced).toMatchObject({ before: { proratedAmount: 3000 }, after: { proratedAmount: 2250 } });
  });

  it('within the day its price holds, the quoted amount is charged as it was', async () => {
    const t = await team();
    const r = await ask(t, 3, 'pro', THIRD);
    db.clock.set(new Date(THIRD.getTime() + DAY_MS - 1000));
    const d = await approvePurchase(db.ctx, t.approver, { requestId: r.request.id });
    expect(d.outcome).toBe('charged');
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toMatchObject([{ amount: 3000 }]);
    expect(
      await sql(db, `select 1 from audit_event where action = 'purchase.repriced' and subject_id = ?`, [
        r.request.id,
      ]),
    ).toEqual([]);
  });

  it('seats of the plan bought between reading the fresh price and approving: press again, nothing changed', async () => {
    const t = await team();
    const r = await ask(t, 3, 'pro', THIRD);
    db.clock.set(HALF);
    const fresh = await freshPriceOf(db.ctx, r.request.id, HALF);
    expect(fresh?.quote.proratedAmount).toBe(2250);
    await addSeats(db, t.contract.id, 'pro', 2);
    await refusal(
      'conflict',
      inTransaction(db.ctx, async (em) => {
        const locked = (await lockRequest(em, r.request.id))!;
        return takeFreshPrice(em, HALF, t.org, null, locked, fresh!);
      }),
    );
    expect(await statusOf(db, r.request.id)).toBe('pending');
    const [stored] = await sql<{ prorated_amount: string }>(
      db,
      'select prorated_amount from purchase_request where id = ?',
      [r.request.id],
    );
    expect(Number(stored!.prorated_amount)).toBe(3000);
  });

  it('a price that went up meanwhile is never charged: the request expires and the requester is told to ask again', async () => {
    const t = await team();
    const r = await ask(t, 2, 'pro', THIRD);
    await sql(db, `update plan set monthly_price = 9000 where code = 'pro'`);
    try {
      db.clock.set(new Date(THIRD.getTime() + 2 * DAY_MS));
      const d = await approvePurchase(db.ctx, t.approver, { requestId: r.request.id });
      expect(d).toMatchObject({ outcome: 'expired', priceRose: true });
      expect(await statusOf(db, r.request.id)).toBe('expired');
      expect(await chargesFor(db, `purchase:${r.request.id}`)).toEqual([]);
      expect(await seatCount(db, t.contract.id, 'pro')).toBe(0);
      const told = await outbox(db, 'purchase_result', r.request.id);
      expect(told).toMatchObject([
        { recipient_id: t.member.id, payload: { status: 'expired', priceRose: true } },
      ]);
    } finally {
      await sql(db, `update plan set monthly_price = 1500 where code = 'pro'`);
    }
  });
});

describe('auto-approve policy', () => {
  it('approves and charges requests below the amount at once; larger ones still ask', async () => {
    const t = await team();
    await refusal(
      'forbidden',
      updateOrganizationSettings(
        db.ctx,
        { email: t.approver.email },
        { organizationId: t.org.id, autoApproveBelow: 5000 },
      ),
    );
    await updateOrganizationSettings(db.ctx, t.owner, { organizationId: t.org.id, autoApproveBelow: 5000 });

    // at the start of the period: 2 pro = 3000 < 5000
    const small = await ask(t, 2, 'pro', new Date(START));
    expect(small.outcome).toBe('charged');
    expect(small.request.status).toBe('charged');
    expect(small.request.decidedById).toBeNull();
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(2);
    expect(await chargesFor(db, `purchase:${small.request.id}`)).toHaveLength(1);
    expect(await outbox(db, 'approval_request', small.request.id)).toEqual([]);
    expect((await outbox(db, 'purchase_result', small.request.id)).map((o) => o.recipient_id).sort()).toEqual(
      [t.member.id, t.owner.id, t.approver.id].sort(),
    );

    // 4 pro = 6000 ≥ 5000: waits for an approver
    const big = await ask(t, 4, 'pro', new Date(START));
    expect(big.outcome).toBe('pending');
    expect(big.request.status).toBe('pending');
    expect(await outbox(db, 'approval_request', big.request.id)).toHaveLength(2);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(2);
  });

  it('the boundary is strict: exactly the amount still asks', async () => {
    const t = await team();
    await updateOrganizationSettings(db.ctx, t.owner, { organizationId: t.org.id, autoApproveBelow: 3000 });
    const r = await ask(t, 2, 'pro', new Date(START)); // exactly 3000
    expect(r.outcome).toBe('pending');
  });
});

describe('bad input changes nothing', () => {
  let t: Awaited<ReturnType<typeof team>>;
  let otherRequestId: string;
  beforeAll(async () => {
    db.clock.set(START);
    t = await team();
    const other = await orgWith(db, { name: 'Other' });
    const r = await requestSeats(db.ctx, other.owner.actor, {
      organizationId: other.org.id,
      quantity: 1,
      plan: 'pro',
    });
    otherRequestId = r.request.id;
  });

  it.each([
    ['quantity 0', 0, 'pro', 'invalid_input'],
    ['quantity -1', -1, 'pro', 'invalid_input'],
    ['quantity 10001', 10_001, 'pro', 'invalid_input'],
    ['quantity 1.5', 1.5, 'pro', 'invalid_input'],
    ['an unknown plan', 1, 'platinum', 'not_found'],
    ['the free plan', 1, 'free', 'invalid_input'],
    ['a malformed plan name', 1, 'pro; drop table seat', 'invalid_input'],
  ] as const)('%s', async (_, quantity, plan, code) => {
    const before = await db.counts();
    await refusal(
      code,
      requestSeats(db.ctx, { email: t.member.email }, { organizationId: t.org.id, quantity, plan }),
    );
    expect(await db.counts()).toEqual(before);
  });

  it('a request for an organization one is not in is not found', async () => {
    const before = await db.counts();
    await refusal(
      'not_found',
      requestSeats(
        db.ctx,
        { email: t.member.email },
        { organizationId: '00000000-0000-4000-8000-000000000000', quantity: 1, plan: 'pro' },
      ),
    );
    expect(await db.counts()).toEqual(before);
  });

  it.each([
    ['a malformed request id', 'not-a-uuid', 'invalid_input'],
    ['an unknown request id', '00000000-0000-4000-8000-000000000000', 'not_found'],
  ] as const)('approving or rejecting %s', async (_, requestId, code) => {
    const before = await db.counts();
    await refusal(code, approvePurchase(db.ctx, t.owner, { requestId }));
    await refusal(code, rejectPurchase(db.ctx, t.owner, { requestId }));
    expect(await db.counts()).toEqual(before);
  });

  it("another organization's request is not found, and stays pending", async () => {
    const before = await db.counts();
    await refusal('not_found', approvePurchase(db.ctx, t.owner, { requestId: otherRequestId }));
    await refusal('not_found', rejectPurchase(db.ctx, t.owner, { requestId: otherRequestId }));
    expect(await db.counts()).toEqual(before);
    const [stored] = await sql<{ status: string }>(db, 'select status from purchase_request where id = ?', [
      otherRequestId,
    ]);
    expect(stored!.status).toBe('pending');
  });

  it('between the period end and its renewal, a request is refused instead of being born expired', async () => {
    const other = await orgWith(db, { name: 'Unrolled' });
    const member = await addMember(db, other.org.id);
    db.clock.set(PERIOD_END);
    const before = await db.counts();
    await refusal(
      'conflict',
      requestSeats(db.ctx, member.actor, { organizationId: other.org.id, quantity: 1, plan: 'pro' }),
    );
    expect(await db.counts()).toEqual(before);
  });

  it('a stranger (first contact) cannot approve, and leaves no account behind', async () => {
    const r = await ask(t, 1, 'pro', new Date(START));
    const before = await db.counts();
    await refusal(
      'not_found',
      approvePurchase(db.ctx, { email: 'stranger@example.com' }, { requestId: r.request.id }),
    );
    expect(await db.counts()).toEqual(before);
  });
});
