import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { billingReasonText } from '../../src/commands/domain-terms.ts';
import { parseNotice } from '../../src/domain/notices.ts';
import { english } from '../../src/i18n/words.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { checkEntitlement } from '../../src/service/check-entitlement.ts';
import { collectDueCharges } from '../../src/service/collect-period-charges.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { renewalKey, rollDueContracts } from '../../src/service/roll-renewal.ts';
import { updateOrganizationSettings } from '../../src/service/update-organization-settings.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import { addMember, addSeats, auditRows, orgWith, outboxTo, refusal } from '../support/fixtures.ts';
import { chargesFor, contextOn, sql } from '../support/purchase-fixtures.ts';

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
beforeEach(() => db.clock.set('2026-03-01T00:00:00Z'));

const PERIOD = '2026-04-01T00:00:00.000Z';

/**
 * A monthly organization (period ends 2026-04-01) whose owner's card declines: an admin
 * approver, and a member on their own solo plan who holds a pro seat.
 */
const overdueOrg = async () => {
  const f = await orgWith(db, { name: 'Overdue' });
  await addSeats(db, f.contract.id, 'pro', 2);
  const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
  const member = await addMember(db, f.org.id, { personalPlan: 'solo' });
  await assignPlan(db.ctx, f.owner.actor, { organizationId: f.org.id, member: member.email, plan: 'pro' });
  await upsertAccount(db.ctx, { email: f.owner.email, paymentMethod: 'pm_card_chargeDeclined' });
  return { ...f, approver, member };
};

const mineOnly = <T extends { id: string }>(rows: T[], ids: string[]) =>
  rows.filter((r) => ids.includes(r.id));
const chargeIdOf = async (contractId: string) =>
  (
    await sql<{ id: string }>(db, `select id from period_charge where contract_id = ? and kind = 'renewal'`, [
      contractId,
    ])
  ).map((r) => r.id);

describe('dunning', () => {
  it('retries a declined renewal 1, 3, 5 and 7 days after it failed, telling payer and approvers each time; then suspends the paid seats until it is paid', async () => {
    const t = await overdueOrg();
    db.clock.set('2026-04-01T06:00:00Z');
    await rollDueContracts(db.ctx);
    const ids = await chargeIdOf(t.contract.id);
    expect(ids).toHaveLength(1);
    const problems = async (who: string) =>
      (await outboxTo(db, who, 'billing_problem')).map((o) => reasonOf(o.payload));
    expect(await problems(t.owner.id)).toEqual([
      'the renewal payment of 2026-04-01 failed: Your card was declined. We try again on 2026-04-02. Update the payment method to pay it sooner.',
    ]);
    expect(await problems(t.approver.id)).toEqual(await problems(t.owner.id));

    // nothing is due before the first retry date
    db.clock.set('2026-04-02T05:59:59Z');
    expect(mineOnly(await collectDueCharges(db.ctx), ids)).toEqual([]);

    const schedule = [
      ['2026-04-02T06:00:00Z', 'declined', 'We try again on 2026-04-04.'],
      ['2026-04-04T06:00:00Z', 'declined', 'We try again on 2026-04-06.'],
      ['2026-04-06T06:00:00Z', 'declined', 'We try again on 2026-04-08.'],
      [
        '2026-04-08T06:00:00Z',
        'suspended',
        'That was the last try: the paid seats are suspended until it is paid.',
      ],
    ] as const;
    for (const [at, outcome, told] of schedule) {
      // until the last try the member keeps their seat
      expect(await checkEntitlement(db.ctx, { email: t.member.email, feature: 'exports' })).toMatchObject({
        source: 'seat',
        plan: 'pro',
      });
      db.clock.set(at);
      expect(mineOnly(await collectDueCharges(db.ctx), ids)).toEqual([{ id: ids[0], outcome }]);
      // a second run at the same instant (or a second worker) tries nothing more
      expect(mineOnly(await collectDueCharges(db.ctx), ids)).toEqual([]);
      expect((await problems(t.owner.id)).at(-1)).toContain(told);
    }
    expect(await problems(t.owner.id)).toHaveLength(5);
    expect(await problems(t.approver.id)).toHaveLength(5);
    // each retry was its own request (a new key), each declined once
    for (const n of [1, 2, 3, 4]) {
      const rows = await sql(db, 'select status from ledger_charge where idempotency_key like ?', [
        `${renewalKey(t.contract.id, new Date(PERIOD))}:retry:${n}#declined#%`,
      ]);
      expect(rows).toEqual([{ status: 'failed' }]);
    }
    const declined = await auditRows(db, { organizationId: t.org.id, action: 'billing.charge_declined' });
    expect(declined.map((a) => a.after?.attempt)).toEqual([0, 1, 2, 3, 4]);
    expect(await auditRows(db, { organizationId: t.org.id, action: 'contract.suspended' })).toHaveLength(1);

    // suspended: the member falls back to their own plan (solo: pro features, billed to them)
    expect(await checkEntitlement(db.ctx, { email: t.member.email, feature: 'exports' })).toMatchObject({
      source: 'suspended',
      plan: 'pro',
      organizationId: t.org.id,
    });
    expect(await checkEntitlement(db.ctx, { email: t.owner.email, feature: 'exports' })).toMatchObject({
      source: 'suspended',
    });
    expect(await outboxTo(db, t.member.id, 'seats_suspended')).toHaveLength(1);
    // no new seats while a payment is overdue
    await refusal(
      'payment_failed',
      requestSeats(db.ctx, t.owner.actor, { organizationId: t.org.id, quantity: 1, plan: 'pro' }),
    );
    // nothing more is tried on its own
    db.clock.set('2026-04-20T00:00:00Z');
    expect(mineOnly(await collectDueCharges(db.ctx), ids)).toEqual([]);

    // a new payment method: collected at the next run, and everything comes back
    await upsertAccount(db.ctx, { email: t.owner.email, paymentMethod: 'pm_card_visa' });
    expect(mineOnly(await collectDueCharges(db.ctx), ids)).toEqual([{ id: ids[0], outcome: 'paid' }]);
    const paid = await chargesFor(db, `${renewalKey(t.contract.id, new Date(PERIOD))}:retry:5`);
    expect(paid).toEqual([
      { amount: 3000 + 2 * 1500, currency: 'eur', payer_id: t.owner.id, status: 'succeeded' },
    ]);
    expect(await checkEntitlement(db.ctx, { email: t.member.email, feature: 'exports' })).toMatchObject({
      source: 'seat',
      plan: 'pro',
    });
    expect(await outboxTo(db, t.member.id, 'seats_restored')).toHaveLength(1);
    expect(await outboxTo(db, t.owner.id, 'payment_received')).toHaveLength(1);
    expect(await outboxTo(db, t.approver.id, 'payment_received')).toHaveLength(1);
    expect(await auditRows(db, { organizationId: t.org.id, action: 'contract.restored' })).toHaveLength(1);
    expect(await auditRows(db, { organizationId: t.org.id, action: 'billing.overdue_paid' })).toHaveLength(1);
    const before = await db.counts();
    expect(mineOnly(await collectDueCharges(db.ctx), ids)).toEqual([]);
    expect(await db.counts()).toEqual(before);
  });

  it('a retry that succeeds before the last try ends dunning: nothing is suspended', async () => {
    const t = await overdueOrg();
    db.clock.set('2026-04-01T06:00:00Z');
    await rollDueContracts(db.ctx);
    const ids = await chargeIdOf(t.contract.id);
    await upsertAccount(db.ctx, { email: t.owner.email, paymentMethod: 'pm_card_visa' });
    // the card was fixed: tried at once, no need to wait for the schedule
    db.clock.set('2026-04-01T07:00:00Z');
    expect(mineOnly(await collectDueCharges(db.ctx), ids)).toEqual([{ id: ids[0], outcome: 'paid' }]);
    db.clock.set('2026-04-10T00:00:00Z');
    expect(mineOnly(await collectDueCharges(db.ctx), ids)).toEqual([]);
    expect(await auditRows(db, { organizationId: t.org.id, action: 'contract.suspended' })).toEqual([]);
    expect(await checkEntitlement(db.ctx, { email: t.member.email, feature: 'exports' })).toMatchObject({
      source: 'seat',
    });
  });

  it.skipIf(usingPglite)('two workers collecting at once make one attempt per retry', async () => {
    const t = await overdueOrg();
    db.clock.set('2026-04-01T06:00:00Z');
    await rollDueContracts(db.ctx);
    const ids = await chargeIdOf(t.contract.id);
    const [x, y] = await Promise.all([db.connect(4), db.connect(4)]);
    db.clock.set('2026-04-02T06:00:00Z');
    const runs = await Promise.all([
      collectDueCharges(contextOn(db, x!)),
      collectDueCharges(contextOn(db, y!)),
    ]);
    // one run declines; the other skips the charge it saw claimed, or (when it read the due list
    // after the first committed) never sees it due at all: either way one attempt
    const outcomes = runs
      .flat()
      .filter((r) => ids.includes(r.id))
      .map((r) => r.outcome);
    expect(outcomes.filter((o) => o === 'declined')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'declined' && o !== 'skipped')).toEqual([]);
    const tries = await sql(db, 'select 1 from ledger_charge where idempotency_key like ?', [
      `${renewalKey(t.contract.id, new Date(PERIOD))}:retry:1%`,
    ]);
    expect(tries).toHaveLength(1);
    expect(await outboxTo(db, t.owner.id, 'billing_problem')).toHaveLength(2);
  });

  it('a suspended organization gives no seat by auto-assign', async () => {
    const t = await overdueOrg();
    await updateOrganizationSettings(db.ctx, t.owner.actor, { organizationId: t.org.id, autoAssign: true });
    const newcomer = await addMember(db, t.org.id);
    db.clock.set('2026-04-01T06:00:00Z');
    await rollDueContracts(db.ctx);
    for (const at of ['2026-04-02', '2026-04-04', '2026-04-06', '2026-04-08']) {
      db.clock.set(`${at}T06:00:00Z`);
      await collectDueCharges(db.ctx);
    }
    const e = await checkEntitlement(db.ctx, { email: newcomer.email, feature: 'exports' });
    expect(e).toMatchObject({ allowed: false, source: 'suspended', plan: 'free' });
    const [{ n }] = (await sql<{ n: number }>(
      db,
      'select count(*)::int as n from seat where membership_id = ?',
      [newcomer.membershipId],
    )) as [{ n: number }];
    expect(n).toBe(0);
  });
});
