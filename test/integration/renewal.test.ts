import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { billingReasonText } from '../../src/commands/domain-terms.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { parseNotice } from '../../src/domain/notices.ts';
import { english } from '../../src/i18n/words.ts';
import { approvePurchase, resumeStalledPurchases } from '../../src/service/approve-purchase.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { cancelOrganization } from '../../src/service/cancel-organization.ts';
import { checkEntitlement } from '../../src/service/check-entitlement.ts';
import { expireStale } from '../../src/service/expire-stale.ts';
import { offboardMembers } from '../../src/service/offboard-members.ts';
import type { BillingGateway } from '../../src/service/ports.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { type RollResult, rollDueContracts } from '../../src/service/roll-renewal.ts';
import { setSeatAutoRenew } from '../../src/service/set-seat-auto-renew.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import { addMember, addSeats, orgWith, outboxTo } from '../support/fixtures.ts';
import {
  chargesFor,
  contextOn,
  flakyBilling,
  outbox,
  seatCount,
  sql,
  statusOf,
} from '../support/purchase-fixtures.ts';

/** A billing problem's reason as an English reader gets it (the payload carries facts). */
const reasonOf = (payload: unknown): string => {
  const n = parseNotice('billing_problem', payload);
  return n.kind === 'billing_problem'
    ? billingReasonText(n.payload.reason, n.payload.organizationName, english)
    : '';
};

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

const START = '2026-03-01T00:00:00Z';
beforeEach(() => db.clock.set(START));

const renewalKey = (contractId: string, periodStart: string) =>
  `contract:${contractId}:period:${new Date(periodStart).toISOString()}`;

const mine = (results: RollResult[], contractId: string) =>
  results.filter((r) => r.contractId === contractId);

/**
 * A monthly org (period 2026-03-01 → 2026-04-01): the owner's business seat, 14 renewing pro
 * seats and 1 pro seat with auto-renew off. m1 holds a renewing pro seat; m2 and m3 hold pro
 * seats whose auto-renew was turned off. After renewal: business 1 + pro 12 renew.
 */
const orgWithEndingSeats = async () => {
  const f = await orgWith(db, { name: 'Acme' });
  await addSeats(db, f.contract.id, 'pro', 14);
  await addSeats(db, f.contract.id, 'pro', 1, { autoRenew: false });
  const m1 = await addMember(db, f.org.id);
  const m2 = await addMember(db, f.org.id);
  const m3 = await addMember(db, f.org.id);
  for (const m of [m1, m2, m3]) {
    await assignPlan(db.ctx, f.owner.actor, { organizationId: f.org.id, member: m.email, plan: 'pro' });
  }
  for (const m of [m2, m3]) {
    await setSeatAutoRenew(db.ctx, f.owner.actor, {
      organizationId: f.org.id,
      member: m.email,
      autoRenew: false,
    });
  }
  return { ...f, m1, m2, m3 };
};

const seatOfMember = async (membershipId: string) =>
  (
    await sql<{ plan_code: string }>(db, 'select plan_code from seat where membership_id = ?', [membershipId])
  )[0]?.plan_code ?? null;

describe('renewal at period end', () => {
  it('drops non-renewing seats, tells their holders, rolls the period and invoices the tiered total once', async () => {
    const t = await orgWithEndingSeats();
    // Before the period end nothing is due.
    db.clock.set('2026-03-31T23:59:59Z');
    expect(mine(await rollDueContracts(db.ctx), t.contract.id)).toEqual([]);

    db.clock.set('2026-04-01T06:00:00Z');
    const results = mine(await rollDueContracts(db.ctx), t.contract.id);
    // business 30.00 + pro 12 seats graduated: 10 × 15.00 + 2 × 13.50
    const invoice = 3000 + 10 * 1500 + 2 * 1350;
    expect(invoice).toBe(20_700);
    expect(results).toEqual([
      {
        contractId: t.contract.id,
        rolled: true,
        closed: false,
        periodStart: new Date('2026-04-01T00:00:00Z'),
        periodEnd: new Date('2026-05-01T00:00:00Z'),
        seatsEnded: 3,
        invoice: {
          amount: invoice,
          currency: 'eur',
          ok: true,
          ref: expect.stringMatching(/^ledger_/),
          reason: null,
        },
      },
    ]);

    // seats: the three with auto-renew off are gone
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(12);
    expect(await seatCount(db, t.contract.id, 'business')).toBe(1);
    const [{ n: ending }] = (await sql<{ n: number }>(
      db,
      'select count(*)::int as n from seat where contract_id = ? and not auto_renew',
      [t.contract.id],
    )) as [{ n: number }];
    expect(ending).toBe(0);

    // holders fall to free and are told; the renewing holder keeps their seat
    expect(await seatOfMember(t.m1.membershipId)).toBe('pro');
    expect(await seatOfMember(t.m2.membershipId)).toBeNull();
    expect(await seatOfMember(t.m3.membershipId)).toBeNull();
    const removed = (await outbox(db, 'seat_removed')).filter((o) => o.payload.organizationName === 'Acme');
    const removedTo = removed.map((o) => o.recipient_id);
    expect(removedTo).toContain(t.m2.id);
    expect(removedTo).toContain(t.m3.id);
    expect(removedTo).not.toContain(t.m1.id);
    const mineRemoved = removed.filter((o) => [t.m2.id, t.m3.id].includes(o.recipient_id));
    expect(mineRemoved).toHaveLength(2);
    expect(mineRemoved[0]!.payload).toEqual({ organizationName: 'Acme', plan: 'pro', reason: 'not_renewed' });
    const m2Ent = await checkEntitlement(db.ctx, { email: t.m2.email, feature: 'exports' });
    expect(m2Ent).toMatchObject({ allowed: false, plan: 'free', source: 'organization_free' });

    // the period rolled
    const [c] = await sql<{ current_period_start: Date; current_period_end: Date; status: string }>(
      db,
      'select current_period_start, current_period_end, status from contract where id = ?',
      [t.contract.id],
    );
    expect(new Date(c!.current_period_start).toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(new Date(c!.current_period_end).toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect(c!.status).toBe('active');

    // exactly one renewal charge, to the owner, for the invoice
    const charges = await chargesFor(db, renewalKey(t.contract.id, '2026-04-01T00:00:00Z'));
    expect(charges).toHaveLength(1);
    expect(charges[0]!.amount).toBe(invoice);
    expect(charges[0]).toMatchObject({ payer_id: t.owner.id, status: 'succeeded', currency: 'eur' });

    // audited
    const [a] = await sql<{ after: Record<string, unknown> }>(
      db,
      `select after from audit_event where action = 'contract.renewed' and subject_id = ?`,
      [t.contract.id],
    );
    expect(a!.after).toMatchObject({ seatsEnded: 3, invoice });

    // Running again (same instant, or later in the same period) changes nothing.
    const before = await db.counts();
    expect(await rollDueContracts(db.ctx)).toEqual([]);
    db.clock.set('2026-04-20T00:00:00Z');
    expect(await rollDueContracts(db.ctx)).toEqual([]);
    expect(await db.counts()).toEqual(before);
  });

  it('the invoice equals the recurring total the last quote showed', async () => {
    const f = await orgWith(db, { name: 'Acme' });
    await addSeats(db, f.contract.id, 'pro', 9);
    await addSeats(db, f.contract.id, 'business', 2, { autoRenew: false });
    db.clock.set('2026-03-20T00:00:00Z');
    const r = await requestSeats(db.ctx, f.owner.actor, {
      organizationId: f.org.id,
      quantity: 4,
      plan: 'pro',
    });
    await approvePurchase(db.ctx, f.owner.actor, { requestId: r.request.id });
    db.clock.set('2026-04-01T00:00:00Z'); // exactly the period end: due
    const [roll] = mine(await rollDueContracts(db.ctx), f.contract.id);
    expect(roll).toMatchObject({ rolled: true, closed: false, seatsEnded: 2 });
    // business 1 × 30.00 + pro 13: 10 × 15.00 + 3 × 13.50
    expect(r.quote.recurringTotal).toBe(3000 + 15_000 + 3 * 1350);
    expect(roll && 'invoice' in roll && roll.invoice.amount).toBe(r.quote.recurringTotal);
  });

  it('a contract several periods behind rolls once per period, one invoice each', async () => {
    const f = await orgWith(db, { name: 'Acme' });
    db.clock.set('2026-06-15T00:00:00Z');
    const results = mine(await rollDueContracts(db.ctx), f.contract.id);
    expect(results.map((r) => ('periodStart' in r ? r.periodStart.toISOString() : null))).toEqual([
      '2026-04-01T00:00:00.000Z',
      '2026-05-01T00:00:00.000Z',
      '2026-06-01T00:00:00.000Z',
    ]);
    for (const start of ['2026-04-01', '2026-05-01', '2026-06-01']) {
      const charges = await chargesFor(db, renewalKey(f.contract.id, `${start}T00:00:00Z`));
      expect(charges.map((c) => c.amount)).toEqual([3000]);
    }
  });

  it('a billing outage during renewal does not lose the invoice: the next run charges it, once', async () => {
    const t = await orgWithEndingSeats();
    db.clock.set('2026-04-01T06:00:00Z');
    const flaky = flakyBilling(db.ctx.billing, 1);
    const first = mine(await rollDueContracts({ ...db.ctx, billing: flaky }), t.contract.id);
    expect(first).toEqual([
      { contractId: t.contract.id, rolled: false, error: 'billing provider unavailable' },
    ]);
    expect(await chargesFor(db, renewalKey(t.contract.id, '2026-04-01T00:00:00Z'))).toEqual([]);

    const second = mine(await rollDueContracts({ ...db.ctx, billing: flaky }), t.contract.id);
    expect(second).toMatchObject([{ rolled: true, seatsEnded: 3, invoice: { amount: 20_700, ok: true } }]);
    const charges = await chargesFor(db, renewalKey(t.contract.id, '2026-04-01T00:00:00Z'));
    expect(charges.map((c) => c.amount)).toEqual([20_700]);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(12);
    expect(mine(await rollDueContracts(db.ctx), t.contract.id)).toEqual([]);
  });

  it('a declined renewal payment rolls the period and tells the payer why, once', async () => {
    const f = await orgWith(db, { name: 'Declined Co' });
    await db.em
      .fork()
      .execute(`update account set payment_method = 'pm_card_chargeDeclined' where id = ?`, [f.owner.id]);
    db.clock.set('2026-04-01T06:00:00Z');
    const [r] = mine(await rollDueContracts(db.ctx), f.contract.id);
    expect(r).toMatchObject({ rolled: true, invoice: { ok: false, reason: 'Your card was declined.' } });
    const notices = await outboxTo(db, f.owner.id, 'billing_problem');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.payload).toMatchObject({ organizationName: 'Declined Co' });
    expect(reasonOf(notices[0]!.payload)).toMatch(
      /renewal payment of 2026-04-01 failed: Your card was declined\./,
    );
    expect(mine(await rollDueContracts(db.ctx), f.contract.id)).toEqual([]);
    expect(await outboxTo(db, f.owner.id, 'billing_problem')).toHaveLength(1);
  });

  it('a crash after charging, before the roll is recorded, charges once when resumed', async () => {
    const t = await orgWithEndingSeats();
    db.clock.set('2026-04-01T06:00:00Z');
    // the charge went through, then the process died
    await db.ctx.billing.charge({
      idempotencyKey: renewalKey(t.contract.id, '2026-04-01T00:00:00Z'),
      payerAccountId: t.owner.id,
      amount: { amount: 20_700, currency: 'eur' },
      description: 'renewal',
    });
    const [roll] = mine(await rollDueContracts(db.ctx), t.contract.id);
    expect(roll).toMatchObject({ rolled: true, invoice: { amount: 20_700, ok: true } });
    expect(await chargesFor(db, renewalKey(t.contract.id, '2026-04-01T00:00:00Z'))).toHaveLength(1);
  });

  it.skipIf(usingPglite)('two concurrent runs on separate connections roll once', async () => {
    const t = await orgWithEndingSeats();
    const [a, b] = await Promise.all([db.connect(5), db.connect(5)]);
    const ctxA = contextOn(db, a!);
    const ctxB = contextOn(db, b!);
    db.clock.set('2026-04-01T06:00:00Z');
    const chargesBefore = await db.count('ledger_charge');
    const [ra, rb] = await Promise.all([rollDueContracts(ctxA), rollDueContracts(ctxB)]);
    const all = mine([...ra, ...rb], t.contract.id);
    const rolled = all.filter((r) => r.rolled);
    expect(rolled).toHaveLength(1);
    expect(rolled[0]).toMatchObject({ seatsEnded: 3, invoice: { amount: 20_700, ok: true } });
    // every contract that was due rolled exactly once, whichever run got it
    const renewals = [...ra, ...rb].flatMap((r) =>
      r.rolled && !r.closed ? [`${r.contractId}@${r.periodStart.toISOString()}`] : [],
    );
    expect(new Set(renewals).size).toBe(renewals.length);
    expect(await db.count('ledger_charge')).toBe(chargesBefore + renewals.length);
    expect(await chargesFor(db, renewalKey(t.contract.id, '2026-04-01T00:00:00Z'))).toHaveLength(1);
    expect(await seatCount(db, t.contract.id, 'pro')).toBe(12);
    // the holders of the two ending seats are told once each, not once per run
    const removed = await sql<{ recipient_id: string }>(
      db,
      `select recipient_id from outbox where kind = 'seat_removed' and recipient_id in (?, ?, ?)`,
      [t.m1.id, t.m2.id, t.m3.id],
    );
    expect(removed.map((r) => r.recipient_id).sort()).toEqual([t.m2.id, t.m3.id].sort());
  });
});

describe('the renewal boundary', () => {
  /** A gateway whose renewal charge first lets `during` run: what happens between the roll's steps. */
  const renewingWhile = (inner: BillingGateway, during: () => Promise<unknown>): BillingGateway => {
    const g = Object.create(inner) as BillingGateway;
    g.renew = async (i) => {
      await during();
      return inner.renew(i);
    };
    return g;
  };

  it('a purchase approved before the period end but settled after the roll is billed for the new period too', async () => {
    const f = await orgWith(db, { name: 'Boundary' });
    await addSeats(db, f.contract.id, 'pro', 9);
    const member = await addMember(db, f.org.id);
    db.clock.set('2026-03-31T23:00:00Z'); // an hour before the end
    const r = await requestSeats(db.ctx, member.actor, {
      organizationId: f.org.id,
      quantity: 2,
      plan: 'pro',
    });
    db.clock.set('2026-03-31T23:59:00Z'); // approved a minute before it, while billing is down once
    await expect(
      approvePurchase({ ...db.ctx, billing: flakyBilling(db.ctx.billing, 1) }, f.owner.actor, {
        requestId: r.request.id,
      }),
    ).rejects.toThrow('billing provider unavailable');
    expect(await statusOf(db, r.request.id)).toBe('approved');

    db.clock.set('2026-04-01T00:00:30Z');
    const [roll] = mine(await rollDueContracts(db.ctx), f.contract.id);
    // the roll bills the seats that exist: business 30.00 + 9 pro at 15.00, and sees the one in flight
    expect(roll).toMatchObject({ rolled: true, invoice: { amount: 3000 + 9 * 1500, ok: true } });
    const [renewed] = await sql<{ after: Record<string, unknown> }>(
      db,
      `select after from audit_event where action = 'contract.renewed' and subject_id = ?`,
      [f.contract.id],
    );
    expect(renewed!.after).toMatchObject({ purchasesInFlight: 1 });

    db.clock.set('2026-04-01T00:05:00Z');
    expect(await resumeStalledPurchases(db.ctx)).toEqual([{ requestId: r.request.id, outcome: 'charged' }]);
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(11);
    // the approved quote (the old period's rest), once
    expect((await chargesFor(db, `purchase:${r.request.id}`)).map((c) => c.amount)).toEqual([
      r.request.proratedAmount,
    ]);
    // and the new period's share of the two seats, at the tiers the renewal would have used:
    // seat 10 at 15.00, seat 11 at 13.50
    const late = await chargesFor(db, `purchase:${r.request.id}:period:2026-04-01T00:00:00.000Z`);
    expect(late).toEqual([
      { amount: 1500 + 1350, currency: 'eur', payer_id: f.owner.id, status: 'succeeded' },
    ]);
    // so the new period's invoices add up to what its seats cost for the whole period
    const billed =
      (await chargesFor(db, renewalKey(f.contract.id, '2026-04-01T00:00:00Z')))[0]!.amount + late[0]!.amount;
    expect(billed).toBe(3000 + 10 * 1500 + 1350);
    const [a] = await sql<{ after: Record<string, unknown> }>(
      db,
      `select after from audit_event where action = 'purchase.late_period_billed' and subject_id = ?`,
      [r.request.id],
    );
    expect(a!.after).toMatchObject({ periodStart: '2026-04-01T00:00:00.000Z', amount: 2850, seats: 2 });
    // resuming again moves no more money
    const before = await db.count('ledger_charge');
    expect(await resumeStalledPurchases(db.ctx)).toEqual([]);
    expect(await db.count('ledger_charge')).toBe(before);
    // the next renewal counts them like any other seat
    db.clock.set('2026-05-01T00:00:10Z');
    const [next] = mine(await rollDueContracts(db.ctx), f.contract.id);
    expect(next).toMatchObject({ invoice: { amount: 3000 + 10 * 1500 + 1350 } });
  });

  it('a purchase settling while the roll is charging (between its steps) is billed for the new period once', async () => {
    const f = await orgWith(db, { name: 'Mid Roll' });
    await addSeats(db, f.contract.id, 'pro', 9);
    const member = await addMember(db, f.org.id);
    db.clock.set('2026-03-31T23:00:00Z');
    const r = await requestSeats(db.ctx, member.actor, {
      organizationId: f.org.id,
      quantity: 2,
      plan: 'pro',
    });
    db.clock.set('2026-03-31T23:59:00Z');
    await expect(
      approvePurchase({ ...db.ctx, billing: flakyBilling(db.ctx.billing, 1) }, f.owner.actor, {
        requestId: r.request.id,
      }),
    ).rejects.toThrow();
    db.clock.set('2026-04-01T00:00:30Z');
    let resumed: unknown = null;
    const billing = renewingWhile(db.ctx.billing, async () => {
      resumed = await resumeStalledPurchases(db.ctx);
    });
    const [roll] = mine(await rollDueContracts({ ...db.ctx, billing }), f.contract.id);
    expect(resumed).toEqual([{ requestId: r.request.id, outcome: 'charged' }]);
    expect(roll).toMatchObject({ rolled: true, invoice: { amount: 3000 + 9 * 1500 } });
    const late = await chargesFor(db, `purchase:${r.request.id}:period:2026-04-01T00:00:00.000Z`);
    expect(late.map((c) => c.amount)).toEqual([2850]);
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(11);
  });

  it('an offboarding that stops a seat renewing between the roll pricing and applying keeps the seat it billed until the next roll', async () => {
    const f = await orgWith(db, { name: 'Offboard Race' });
    await addSeats(db, f.contract.id, 'pro', 2);
    const m = await addMember(db, f.org.id);
    await assignPlan(db.ctx, f.owner.actor, { organizationId: f.org.id, member: m.email, plan: 'pro' });
    const billing = renewingWhile(db.ctx.billing, () =>
      offboardMembers(db.ctx, f.owner.actor, {
        organizationId: f.org.id,
        members: [m.email],
        freeSeat: false,
        stopAutoRenew: true,
      }),
    );
    db.clock.set('2026-04-01T00:00:01Z');
    const [roll] = mine(await rollDueContracts({ ...db.ctx, billing }), f.contract.id);
    expect(roll).toMatchObject({ rolled: true, seatsEnded: 0, invoice: { amount: 3000 + 2 * 1500 } });
    // billed for the new period, so it stays through it, and ends at the next roll
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(2);
    db.clock.set('2026-05-01T00:00:01Z');
    const [next] = mine(await rollDueContracts(db.ctx), f.contract.id);
    expect(next).toMatchObject({ rolled: true, seatsEnded: 1, invoice: { amount: 3000 + 1500 } });
  });

  it('`renew off` between the roll pricing the period and removing seats waits for the roll: the new period holds what it billed', async () => {
    const f = await orgWith(db, { name: 'Renew Race' });
    await addSeats(db, f.contract.id, 'pro', 2);
    const m = await addMember(db, f.org.id);
    await assignPlan(db.ctx, f.owner.actor, { organizationId: f.org.id, member: m.email, plan: 'pro' });
    let during: unknown = null;
    const billing = renewingWhile(db.ctx.billing, () =>
      setSeatAutoRenew(db.ctx, f.owner.actor, { organizationId: f.org.id, member: m.email, autoRenew: false })
        .then(
          (x) => x,
          (e: unknown) => e,
        )
        .then((x) => {
          during = x;
        }),
    );
    db.clock.set('2026-04-01T00:00:01Z');
    const [roll] = mine(await rollDueContracts({ ...db.ctx, billing }), f.contract.id);
    // business 30.00 + 2 renewing pro seats
    expect(roll).toMatchObject({ rolled: true, seatsEnded: 0, invoice: { amount: 3000 + 2 * 1500 } });
    expect(during).toBeInstanceOf(DomainError);
    expect((during as DomainError).code).toBe('conflict');
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(2);
    expect(await seatOfMember(m.membershipId)).toBe('pro');
    // after the roll the change is taken, for the new period
    const later = await setSeatAutoRenew(db.ctx, f.owner.actor, {
      organizationId: f.org.id,
      member: m.email,
      autoRenew: false,
    });
    expect(later.endsAt).toEqual(new Date('2026-05-01T00:00:00Z'));
  });
});

describe('which free seat is given', () => {
  it('a renewing seat before one that ends at the period end; the ending one only when no other is left', async () => {
    const f = await orgWith(db, { name: 'Pick' });
    await addSeats(db, f.contract.id, 'pro', 1, { autoRenew: false }); // older
    db.clock.set('2026-03-02T00:00:00Z');
    await addSeats(db, f.contract.id, 'pro', 1);
    const a = await addMember(db, f.org.id);
    const b = await addMember(db, f.org.id);
    const ra = await assignPlan(db.ctx, f.owner.actor, {
      organizationId: f.org.id,
      member: a.email,
      plan: 'pro',
    });
    const rb = await assignPlan(db.ctx, f.owner.actor, {
      organizationId: f.org.id,
      member: b.email,
      plan: 'pro',
    });
    const renews = async (seatId: string) =>
      (await sql<{ auto_renew: boolean }>(db, 'select auto_renew from seat where id = ?', [seatId]))[0]!
        .auto_renew;
    expect(await renews(ra.seat.id)).toBe(true);
    expect(await renews(rb.seat.id)).toBe(false);
  });

  it('finds the one free seat among thousands of taken and ending ones', async () => {
    const f = await orgWith(db, { name: 'Needle' });
    await addSeats(db, f.contract.id, 'pro', 3000, { autoRenew: false });
    await sql(
      db,
      `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, created_at)
       select gen_random_uuid(), ?, 'business', null, true, null, ? from generate_series(1, 2000)`,
      [f.contract.id, db.clock.now()],
    );
    await addSeats(db, f.contract.id, 'pro', 1);
    const m = await addMember(db, f.org.id);
    const r = await assignPlan(db.ctx, f.owner.actor, {
      organizationId: f.org.id,
      member: m.email,
      plan: 'pro',
    });
    const [seat] = await sql<{ auto_renew: boolean; plan_code: string }>(
      db,
      'select auto_renew, plan_code from seat where id = ?',
      [r.seat.id],
    );
    expect(seat).toEqual({ auto_renew: true, plan_code: 'pro' });
  });
});

describe('cancellation', () => {
  it('a cancelled organization keeps access until the period end, then closes; members return to their own plans', async () => {
    const f = await orgWith(db, { name: 'Leaving Ltd' });
    await addSeats(db, f.contract.id, 'pro', 2);
    const solo = await addMember(db, f.org.id, { personalPlan: 'solo' });
    const free = await addMember(db, f.org.id);
    for (const m of [solo, free]) {
      await assignPlan(db.ctx, f.owner.actor, { organizationId: f.org.id, member: m.email, plan: 'pro' });
    }
    db.clock.set('2026-03-10T00:00:00Z');
    const c = await cancelOrganization(db.ctx, f.owner.actor, { organizationId: f.org.id });
    expect(c.paidThrough).toEqual(new Date('2026-04-01T00:00:00Z'));

    // until then, nothing changes
    db.clock.set('2026-03-31T23:00:00Z');
    expect(mine(await rollDueContracts(db.ctx), f.contract.id)).toEqual([]);
    expect(await checkEntitlement(db.ctx, { email: solo.email, feature: 'exports' })).toMatchObject({
      allowed: true,
      plan: 'pro',
      source: 'seat',
    });

    db.clock.set('2026-04-01T00:00:01Z');
    const ownerCharges = async () =>
      (await sql(db, 'select 1 from ledger_charge where payer_id = ?', [f.owner.id])).length;
    const chargesBefore = await ownerCharges();
    const results = mine(await rollDueContracts(db.ctx), f.contract.id);
    expect(results).toEqual([{ contractId: f.contract.id, rolled: true, closed: true }]);

    const [org] = await sql<{ status: string }>(db, 'select status from organization where id = ?', [
      f.org.id,
    ]);
    expect(org!.status).toBe('cancelled');
    const [contract] = await sql<{ status: string }>(db, 'select status from contract where id = ?', [
      f.contract.id,
    ]);
    expect(contract!.status).toBe('ended');
    const members = await sql<{ status: string }>(
      db,
      'select status from membership where organization_id = ?',
      [f.org.id],
    );
    expect(members.map((m) => m.status)).toEqual(['left', 'left', 'left']);
    const [{ n: held }] = (await sql<{ n: number }>(
      db,
      'select count(*)::int as n from seat where contract_id = ? and membership_id is not null',
      [f.contract.id],
    )) as [{ n: number }];
    expect(held).toBe(0);
    // no renewal invoice for a closed organization
    expect(await chargesFor(db, renewalKey(f.contract.id, '2026-04-01T00:00:00Z'))).toEqual([]);
    expect(await ownerCharges()).toBe(chargesBefore);

    // back on their own plans: solo → pro features from their personal plan, free → free
    expect(await checkEntitlement(db.ctx, { email: solo.email, feature: 'exports' })).toMatchObject({
      allowed: true,
      plan: 'pro',
      source: 'personal',
    });
    expect(await checkEntitlement(db.ctx, { email: free.email, feature: 'exports' })).toMatchObject({
      allowed: false,
      plan: 'free',
      source: 'personal',
    });
    const told = (await outbox(db, 'organization_cancelled')).filter((o) => o.payload.closed === true);
    const toldMine = told.filter((o) => [f.owner.id, solo.id, free.id].includes(o.recipient_id));
    expect(toldMine).toHaveLength(3);
    expect(toldMine.find((o) => o.recipient_id === solo.id)!.payload).toMatchObject({
      organizationName: 'Leaving Ltd',
      personalPlan: 'solo',
      restored: true,
    });

    // a closed organization takes no more requests, and rolling again does nothing
    await expect(
      requestSeats(db.ctx, f.owner.actor, { organizationId: f.org.id, quantity: 1, plan: 'pro' }),
    ).rejects.toBeInstanceOf(DomainError);
    const before = await db.counts();
    db.clock.set('2026-06-01T00:00:00Z');
    expect(mine(await rollDueContracts(db.ctx), f.contract.id)).toEqual([]);
    expect(await chargesFor(db, renewalKey(f.contract.id, '2026-05-01T00:00:00Z'))).toEqual([]);
    expect((await db.counts()).membership).toBe(before.membership);
  });

  it('an organization set to cancelling with SQL closes the same way', async () => {
    const f = await orgWith(db, { name: 'Raw Cancel' });
    const m = await addMember(db, f.org.id);
    await sql(db, `update organization set status = 'cancelling', paid_through = ? where id = ?`, [
      new Date('2026-04-01T00:00:00Z'),
      f.org.id,
    ]);
    db.clock.set('2026-04-02T00:00:00Z');
    const results = mine(await rollDueContracts(db.ctx), f.contract.id);
    expect(results).toEqual([{ contractId: f.contract.id, rolled: true, closed: true }]);
    const [mem] = await sql<{ status: string }>(db, 'select status from membership where id = ?', [
      m.membershipId,
    ]);
    expect(mem!.status).toBe('left');
  });
});

describe('expireStale', () => {
  it('expires quotes past their expiry, once', async () => {
    const f = await orgWith(db, { name: 'Acme' });
    const member = await addMember(db, f.org.id);
    db.clock.set('2026-03-05T10:00:00Z');
    const r = await requestSeats(
      db.ctx,
      { email: member.email },
      { organizationId: f.org.id, quantity: 2, plan: 'pro' },
    );
    const fresh = await requestSeats(
      db.ctx,
      { email: member.email },
      { organizationId: f.org.id, quantity: 1, plan: 'pro' },
    );
    // not yet
    db.clock.set('2026-03-12T09:59:59Z');
    await expireStale(db.ctx);
    const status = (id: string) => statusOf(db, id);
    expect(await status(r.request.id)).toBe('pending');

    // a request waiting for an approver stays open a week
    db.clock.set('2026-03-12T10:00:00Z');
    const first = await expireStale(db.ctx);
    expect(first.requests).toBeGreaterThanOrEqual(2);
    expect(await status(r.request.id)).toBe('expired');
    expect(await status(fresh.request.id)).toBe('expired');
    const audits = await sql(
      db,
      `select 1 from audit_event where action = 'purchase.expired' and subject_id in (?, ?)`,
      [r.request.id, fresh.request.id],
    );
    expect(audits).toHaveLength(2);

    const before = await db.counts();
    expect(await expireStale(db.ctx)).toEqual({ invitations: 0, requests: 0 });
    expect(await db.counts()).toEqual(before);
    // an expired request cannot be approved
    const d = await approvePurchase(db.ctx, f.owner.actor, { requestId: r.request.id });
    expect(d.outcome).toBe('already_decided');
    expect(await chargesFor(db, `purchase:${r.request.id}`)).toEqual([]);
  });
});
