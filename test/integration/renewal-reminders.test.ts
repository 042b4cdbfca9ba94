import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseNotice, renderNotice } from '../../src/commands/notices.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { cancelOrganization } from '../../src/service/cancel-organization.ts';
import { checkEntitlement } from '../../src/service/check-entitlement.ts';
import { createExternalContract } from '../../src/service/create-external-contract.ts';
import { rollDueContracts } from '../../src/service/roll-renewal.ts';
import { sendRenewalReminders } from '../../src/service/send-renewal-reminders.ts';
import { setSeatAutoRenew } from '../../src/service/set-seat-auto-renew.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import { addMember, addSeats, auditRows, orgWith } from '../support/fixtures.ts';
import { contextOn, sql } from '../support/purchase-fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

const START = '2026-03-01T00:00:00Z';
beforeEach(() => db.clock.set(START));

/** The summaries queued for one contract, oldest first. */
const reminders = (contractId: string) =>
  sql<{ recipient_id: string; payload: Record<string, unknown> }>(
    db,
    `select recipient_id, payload from outbox where kind = 'renewal_reminder' and payload->>'contractId' = ?
     order by created_at, recipient_id`,
    [contractId],
  );

/**
 * A monthly org (2026-03-01 → 2026-04-01): the owner's business seat, an approving admin, a
 * plain admin, and three members on pro. m2's seat stops renewing, and one free pro seat has
 * auto-renew off. m1 and m3 use their seats; the owner and m2 never do.
 * Renewing: business 1, pro 11 (12 pro seats bought renewing + 1 not; m2's turned off).
 */
const acme = async () => {
  const f = await orgWith(db, { name: 'Acme' });
  const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
  const admin = await addMember(db, f.org.id, { role: 'admin' });
  await addSeats(db, f.contract.id, 'pro', 12);
  await addSeats(db, f.contract.id, 'pro', 1, { autoRenew: false });
  const m1 = await addMember(db, f.org.id);
  const m2 = await addMember(db, f.org.id);
  const m3 = await addMember(db, f.org.id);
  for (const m of [m1, m2, m3])
    await assignPlan(db.ctx, f.owner.actor, { organizationId: f.org.id, member: m.email, plan: 'pro' });
  await setSeatAutoRenew(db.ctx, f.owner.actor, {
    organizationId: f.org.id,
    member: m2.email,
    autoRenew: false,
  });
  db.clock.set('2026-03-02T00:00:00Z');
  await checkEntitlement(db.ctx, { email: m3.email, feature: 'exports' });
  db.clock.set('2026-03-10T00:00:00Z');
  await checkEntitlement(db.ctx, { email: m1.email, feature: 'exports' });
  return { ...f, approver, admin, m1, m2, m3 };
};

describe('renewal reminders', () => {
  it('go to the approvers once, seven days before, with seats ending, idle seats and the next charge', async () => {
    const t = await acme();

    // the window opens 7 days before the renewal date: not a second earlier
    db.clock.set('2026-03-24T23:59:59Z');
    expect(await sendRenewalReminders(db.ctx)).toBe(0);
    expect(await reminders(t.contract.id)).toEqual([]);

    db.clock.set('2026-03-29T00:00:00Z');
    expect(await sendRenewalReminders(db.ctx)).toBe(1);
    const sent = await reminders(t.contract.id);
    // the owner and the approving admin; not the plain admin, not the members
    expect(sent.map((r) => r.recipient_id).sort()).toEqual([t.owner.id, t.approver.id].sort());
    expect(sent[0]!.payload).toEqual(sent[1]!.payload);
    expect(sent[0]!.payload).toEqual({
      contractId: t.contract.id,
      organizationName: 'Acme',
      renewalDate: '2026-04-01T00:00:00.000Z',
      endingCount: 2,
      ending: [{ plan: 'pro', count: 2, holders: [t.m2.email] }],
      // unused since their assignment on 03-01: 28 days; m3 (27 days) and m1 are not idle
      idleCount: 2,
      idle: [
        { email: t.m2.email, plan: 'pro', idleSince: '2026-03-01T00:00:00.000Z', idleDays: 28 },
        { email: t.owner.email, plan: 'business', idleSince: '2026-03-01T00:00:00.000Z', idleDays: 28 },
      ],
      // business 30.00 + pro 11 seats graduated: 10 × 15.00 + 1 × 13.50
      nextCharge: {
        amount: 3000 + 10 * 1500 + 1350,
        currency: 'eur',
        date: '2026-04-01T00:00:00.000Z',
        byPlan: [
          { plan: 'business', seats: 1, amount: 3000 },
          { plan: 'pro', seats: 11, amount: 16_350 },
        ],
      },
    });
    expect(
      await auditRows(db, { action: 'contract.renewal_reminder', subjectId: t.contract.id }),
    ).toHaveLength(1);

    // however often it runs in the same period: once
    expect(await sendRenewalReminders(db.ctx)).toBe(0);
    db.clock.set('2026-03-31T23:00:00Z');
    expect(await sendRenewalReminders(db.ctx)).toBe(0);
    expect(await reminders(t.contract.id)).toHaveLength(2);

    // the notice reads as a summary
    const reply = renderNotice(parseNotice('renewal_reminder', sent[0]!.payload));
    expect(reply.text).toContain('Acme renews on 2026-04-01');
    expect(reply.fields).toContainEqual({ label: 'Next charge', value: '€193.50' });
    expect(reply.sections?.map((s) => s.title)).toEqual([
      'Seats ending (auto-renew off)',
      'Idle for 28 days or more',
    ]);

    // the next period gets its own reminder, once
    db.clock.set('2026-04-01T06:00:00Z');
    await rollDueContracts(db.ctx);
    db.clock.set('2026-04-23T23:59:59Z');
    await sendRenewalReminders(db.ctx);
    expect(await reminders(t.contract.id)).toHaveLength(2);
    db.clock.set('2026-04-24T00:00:00Z');
    await sendRenewalReminders(db.ctx);
    await sendRenewalReminders(db.ctx);
    const all = await reminders(t.contract.id);
    expect(all).toHaveLength(4);
    expect(all[2]!.payload).toMatchObject({
      renewalDate: '2026-05-01T00:00:00.000Z',
      endingCount: 0,
      ending: [],
      nextCharge: { amount: 19_350 },
    });
  });

  it('skips an organization that is cancelling (it closes instead of renewing)', async () => {
    const f = await orgWith(db, { name: 'Leaving' });
    await cancelOrganization(db.ctx, f.owner.actor, { organizationId: f.org.id });
    db.clock.set('2026-03-28T00:00:00Z');
    await sendRenewalReminders(db.ctx);
    expect(await reminders(f.contract.id)).toEqual([]);
  });

  it('a contract bought separately and not connected goes to its manager', async () => {
    const { contract } = await createExternalContract(db.ctx, {
      managerEmail: 'procurement@example.com',
      period: 'month',
      plans: [{ plan: 'pro', quantity: 12 }],
    });
    db.clock.set('2026-03-27T00:00:00Z');
    await sendRenewalReminders(db.ctx);
    const sent = await reminders(contract.id);
    expect(sent.map((r) => r.recipient_id)).toEqual([contract.managerId]);
    expect(sent[0]!.payload).toMatchObject({
      organizationName: null,
      endingCount: 0,
      idleCount: 0,
      nextCharge: { amount: 10 * 1500 + 2 * 1350 },
    });
    expect(renderNotice(parseNotice('renewal_reminder', sent[0]!.payload)).text).toContain(
      'Your contract renews on 2026-04-01',
    );
  });

  describe.skipIf(usingPglite)('with two workers at once', () => {
    it('sends one summary per contract and period', async () => {
      const t = await orgWith(db, { name: 'Twin', seats: { pro: 3 } });
      const [a, b] = await Promise.all([db.connect(3), db.connect(3)]);
      const ctxA = contextOn(db, a);
      const ctxB = contextOn(db, b);
      db.clock.set('2026-03-26T00:00:00Z');
      for (let i = 0; i < 3; i++) await Promise.all([sendRenewalReminders(ctxA), sendRenewalReminders(ctxB)]);
      const sent = await reminders(t.contract.id);
      expect(sent.map((r) => r.recipient_id)).toEqual([t.owner.id]);
      expect(sent[0]!.payload).toMatchObject({ nextCharge: { amount: 3000 + 3 * 1500 } });
      const rows = await sql<{ n: number }>(
        db,
        'select count(*)::int as n from renewal_reminder where contract_id = ?',
        [t.contract.id],
      );
      expect(rows[0]!.n).toBe(1);
    });
  });
});
