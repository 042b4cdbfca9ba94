import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotice } from '../../src/commands/notices.ts';
import { receiptAddsUp, receiptSchema } from '../../src/domain/receipt.ts';
import { wordsFor } from '../../src/i18n/words.ts';
import { approvePurchase, resumeStalledPurchases } from '../../src/service/approve-purchase.ts';
import { collectDueCharges } from '../../src/service/collect-period-charges.ts';
import { nameDelegate } from '../../src/service/name-delegate.ts';
import { rejectPurchase } from '../../src/service/reject-purchase.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { renewalKey, rollDueContracts } from '../../src/service/roll-renewal.ts';
import { upgradePersonalPlan } from '../../src/service/upgrade-personal-plan.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { account, addMember, orgWith } from '../support/fixtures.ts';
import { chargesFor, flakyBilling, outbox, sql } from '../support/purchase-fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

/** An organization with 8 Pro seats bought this period, an approver and a member who asks for more. */
const team = async () => {
  db.clock.set('2026-03-01T00:00:00Z');
  const f = await orgWith(db, { name: 'Receipted', seats: { pro: 8 } });
  const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
  const member = await addMember(db, f.org.id, { role: 'member' });
  return { ...f, approver, member };
};

const receiptsOf = async () =>
  (await outbox(db, 'receipt')).map((r) => ({ to: r.recipient_id, receipt: receiptSchema.parse(r.payload) }));

describe('a receipt for every charged purchase', () => {
  it('to the requester and every approver: the bands, the share of the period, the charge to the cent', async () => {
    const t = await team();
    // halfway through March (31 days): 15.5 days left
    db.clock.set('2026-03-16T12:00:00Z');
    const asked = await requestSeats(db.ctx, t.member.actor, {
      organizationId: t.org.id,
      plan: 'pro',
      quantity: 4,
    });
    const r = await approvePurchase(db.ctx, t.approver.actor, { requestId: asked.request.id });
    expect(r.outcome).toBe('charged');

    const sent = await receiptsOf();
    expect(new Set(sent.map((s) => s.to))).toEqual(new Set([t.member.id, t.approver.id, t.owner.id]));
    const { receipt } = sent[0]!;
    const [charge] = await chargesFor(db, `purchase:${asked.request.id}`);
    expect(receipt.total).toBe(Number(charge!.amount));
    expect(receipt.total).toBe(asked.request.proratedAmount);
    expect(receiptAddsUp(receipt)).toBe(true);
    // seats 9–10 at the list price, 11–12 in the 10 % band
    expect(receipt.lines[0]!.bands.map((b) => [b.firstSeat, b.lastSeat, b.unitPrice])).toEqual([
      [9, 10, 1500],
      [11, 12, 1350],
    ]);
    expect(receipt).toMatchObject({
      requestedBy: t.member.email,
      approvedBy: t.approver.email,
      onBehalfOf: null,
    });

    const text = renderNotice({ kind: 'receipt', payload: receipt }, wordsFor('en')).sections![0]!.lines;
    expect(text).toEqual([
      'Pro, seats 9–10: 2 × €15.00 = €30.00',
      'Pro, seats 11–12: 2 × €13.50 (10% off) = €27.00',
      'Pro, for the rest of the period: €57.00 × 15.5 of 31 days (1,339,200 of 2,678,400 seconds) = €28.50',
      'Total charged: €28.50',
      expect.stringMatching(/^Reference: /),
    ]);
  });

  it('says on behalf of whom a delegate approved; a rejected request gets no receipt', async () => {
    const t = await team();
    db.clock.set('2026-03-10T09:00:00Z');
    const colleague = await addMember(db, t.org.id, { role: 'member' });
    await nameDelegate(db.ctx, t.approver.actor, {
      organizationId: t.org.id,
      delegate: colleague.email,
      until: '2026-03-10',
    });
    const asked = await requestSeats(db.ctx, t.member.actor, {
      organizationId: t.org.id,
      plan: 'pro',
      quantity: 1,
    });
    await approvePurchase(db.ctx, colleague.actor, { requestId: asked.request.id });
    const mine = (await receiptsOf()).filter((r) => r.receipt.requestedBy === t.member.email);
    expect(mine[0]!.receipt).toMatchObject({ approvedBy: colleague.email, onBehalfOf: t.approver.email });

    const other = await requestSeats(db.ctx, t.member.actor, {
      organizationId: t.org.id,
      plan: 'pro',
      quantity: 1,
    });
    await rejectPurchase(db.ctx, t.approver.actor, { requestId: other.request.id });
    expect((await receiptsOf()).filter((r) => r.receipt.requestedBy === t.member.email)).toHaveLength(
      mine.length,
    );
  });
});

/** The receipts of one organization (by its name), and whom each went to. */
const receiptsFor = async (organizationName: string) =>
  (await receiptsOf()).filter((r) => r.receipt.organizationName === organizationName);

const PERIOD_START = new Date('2026-04-01T00:00:00.000Z');

/** The period charge rows of a contract, oldest first: kind, status and the reference it was paid with. */
const periodCharges = (contractId: string) =>
  sql<{ kind: string; status: string; charge_ref: string | null; amount: string }>(
    db,
    'select kind, status, charge_ref, amount from period_charge where contract_id = ? order by created_at',
    [contractId],
  );

describe('a receipt for every renewal', () => {
  it('one line per renewing plan, its tier bands for the whole period, to the owner and the approvers, the charge to the cent', async () => {
    db.clock.set('2026-03-01T00:00:00Z');
    const f = await orgWith(db, { name: 'Renewing', seats: { pro: 12 } });
    const t = {
      ...f,
      approver: await addMember(db, f.org.id, { role: 'admin', approver: true }),
      member: await addMember(db, f.org.id, { role: 'member' }),
    };
    db.clock.set('2026-04-01T06:00:00Z');
    await rollDueContracts(db.ctx);

    const sent = await receiptsFor('Renewing');
    const renewals = sent.filter((s) => s.receipt.what.kind === 'renewal');
    // whoever pays (the owner) and the approvers; a member who asked for nothing gets none
    expect(renewals.map((s) => s.to).sort()).toEqual([t.owner.id, t.approver.id].sort());
    const { receipt } = renewals[0]!;
    const [charge] = await chargesFor(db, renewalKey(t.contract.id, PERIOD_START));
    // the owner's business seat at 30.00; pro seats 1–10 at 15.00, 11–12 at 13.50
    expect(charge!.amount).toBe(3000 + 10 * 1500 + 2 * 1350);
    expect(receipt.total).toBe(charge!.amount);
    expect(receiptAddsUp(receipt)).toBe(true);
    expect(receipt.what).toEqual({
      kind: 'renewal',
      plans: expect.arrayContaining([
        { plan: 'business', quantity: 1 },
        { plan: 'pro', quantity: 12 },
      ]),
    });
    expect(receipt.lines.map((l) => [l.plan, l.charged, l.secondsLeft === l.secondsInPeriod]).sort()).toEqual(
      [
        ['business', 3000, true],
        ['pro', 17_700, true],
      ],
    );
    expect(receipt).toMatchObject({
      requestedBy: null,
      approvedBy: null,
      periodStart: '2026-04-01T00:00:00.000Z',
      periodEnd: '2026-05-01T00:00:00.000Z',
      reference: (await periodCharges(t.contract.id))[0]!.charge_ref,
    });
    expect(receipt.reference).toBeTruthy();

    const reply = renderNotice({ kind: 'receipt', payload: receipt }, wordsFor('en'));
    expect(reply.text).toBe('Receipt for Renewing: the period from 2026-04-01 to 2026-05-01.');
    expect(reply.sections![0]!.lines.filter((l) => l.startsWith('Pro'))).toEqual([
      'Pro, seats 1–10: 10 × €15.00 = €150.00',
      'Pro, seats 11–12: 2 × €13.50 (10% off) = €27.00',
    ]);
    expect(reply.sections![0]!.lines).toContain('Total charged: €207.00');

    // the job running again (same instant, or later in the period) sends nothing more
    await rollDueContracts(db.ctx);
    db.clock.set('2026-04-20T00:00:00Z');
    await rollDueContracts(db.ctx);
    await collectDueCharges(db.ctx);
    expect(await receiptsFor('Renewing')).toHaveLength(2);
  });

  it('a declined renewal gets its receipt when a retry pays it, once', async () => {
    db.clock.set('2026-03-01T00:00:00Z');
    const f = await orgWith(db, { name: 'Declined', seats: { pro: 2 } });
    const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
    await upsertAccount(db.ctx, { email: f.owner.email, paymentMethod: 'pm_card_chargeDeclined' });
    db.clock.set('2026-04-01T06:00:00Z');
    await rollDueContracts(db.ctx);
    db.clock.set('2026-04-02T06:00:00Z');
    await collectDueCharges(db.ctx);
    expect(await receiptsFor('Declined')).toEqual([]);

    await upsertAccount(db.ctx, { email: f.owner.email, paymentMethod: 'pm_card_visa' });
    db.clock.set('2026-04-02T07:00:00Z');
    await collectDueCharges(db.ctx);
    const sent = await receiptsFor('Declined');
    expect(sent.map((s) => s.to).sort()).toEqual([f.owner.id, approver.id].sort());
    const paid = await chargesFor(db, `${renewalKey(f.contract.id, PERIOD_START)}:retry:2`);
    expect(paid).toEqual([expect.objectContaining({ amount: 3000 + 2 * 1500, status: 'succeeded' })]);
    expect(sent[0]!.receipt.total).toBe(paid[0]!.amount);
    expect(receiptAddsUp(sent[0]!.receipt)).toBe(true);
    const [row] = await periodCharges(f.contract.id);
    expect(row).toMatchObject({ status: 'paid' });
    expect(sent[0]!.receipt.reference).toBe(row!.charge_ref);

    // the retry job again, later: nothing is due, nothing is sent
    db.clock.set('2026-04-10T00:00:00Z');
    await collectDueCharges(db.ctx);
    expect(await receiptsFor('Declined')).toHaveLength(2);
  });
});

describe('a receipt for the new period share of a purchase settled after the renewal', () => {
  it('its own receipt, seats after those the period already billed, full period, to requester and approvers; once', async () => {
    db.clock.set('2026-03-01T00:00:00Z');
    const f = await orgWith(db, { name: 'Boundary Receipts', seats: { pro: 9 } });
    const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
    const member = await addMember(db, f.org.id);
    db.clock.set('2026-03-31T23:00:00Z');
    const asked = await requestSeats(db.ctx, member.actor, {
      organizationId: f.org.id,
      quantity: 2,
      plan: 'pro',
    });
    db.clock.set('2026-03-31T23:59:00Z');
    await expect(
      approvePurchase({ ...db.ctx, billing: flakyBilling(db.ctx.billing, 1) }, approver.actor, {
        requestId: asked.request.id,
      }),
    ).rejects.toThrow();
    db.clock.set('2026-04-01T00:00:30Z');
    await rollDueContracts(db.ctx);
    db.clock.set('2026-04-01T00:05:00Z');
    expect(await resumeStalledPurchases(db.ctx)).toEqual([
      { requestId: asked.request.id, outcome: 'charged' },
    ]);

    const sent = await receiptsFor('Boundary Receipts');
    const byRequest = sent.filter((s) => s.receipt.requestId === asked.request.id);
    const late = byRequest.filter((s) => s.receipt.periodStart === PERIOD_START.toISOString());
    const quoted = byRequest.filter((s) => s.receipt.periodStart !== PERIOD_START.toISOString());
    // the approved quote (the old period's rest) and the new period's share: one receipt each, to the same people
    const people = [member.id, approver.id, f.owner.id].sort();
    expect(quoted.map((s) => s.to).sort()).toEqual(people);
    expect(late.map((s) => s.to).sort()).toEqual(people);
    expect(quoted[0]!.receipt.total).toBe(asked.request.proratedAmount);

    const [charge] = await chargesFor(
      db,
      `purchase:${asked.request.id}:period:${PERIOD_START.toISOString()}`,
    );
    const { receipt } = late[0]!;
    expect(receipt.total).toBe(charge!.amount);
    expect(receiptAddsUp(receipt)).toBe(true);
    // the renewal billed 9 pro seats: these are seat 10 at 15.00 and seat 11 at 13.50, not prorated
    expect(receipt.lines[0]!.bands.map((b) => [b.firstSeat, b.lastSeat, b.unitPrice])).toEqual([
      [10, 10, 1500],
      [11, 11, 1350],
    ]);
    expect(receipt.lines[0]!.secondsLeft).toBe(receipt.lines[0]!.secondsInPeriod);
    expect(receipt).toMatchObject({
      what: { kind: 'purchase', plan: 'pro', quantity: 2, newPeriod: true },
      requestedBy: member.email,
      approvedBy: approver.email,
      total: 1500 + 1350,
    });
    const rendered = renderNotice({ kind: 'receipt', payload: receipt }, wordsFor('en'));
    expect(rendered.text).toMatch(
      /^Receipt for Boundary Receipts: 2 Pro seats bought across the renewal, for the new period from 2026-04-01 to 2026-05-01\./,
    );
    expect(quoted[0]!.receipt.what).not.toHaveProperty('newPeriod');
    const text = rendered.sections![0]!.lines;
    expect(text.slice(0, 3)).toEqual([
      'Pro, seat 10: 1 × €15.00 = €15.00',
      'Pro, seat 11: 1 × €13.50 (10% off) = €13.50',
      'Total charged: €28.50',
    ]);

    // resuming and collecting again move no money and send nothing more
    expect(await resumeStalledPurchases(db.ctx)).toEqual([]);
    await collectDueCharges(db.ctx);
    expect(await receiptsFor('Boundary Receipts')).toHaveLength(sent.length);
  });
});

describe('a receipt for a personal upgrade', () => {
  it('to the person who upgraded, alone: one seat of their plan for a month, the charge to the cent', async () => {
    db.clock.set('2026-03-05T10:00:00Z');
    const p = await account(db, { personalPlan: 'free', paymentMethod: 'pm_card_visa' });
    await upgradePersonalPlan(db.ctx, p.actor, { plan: 'solo' });
    const mine = (await receiptsOf()).filter((r) => r.receipt.what.kind === 'personal_upgrade');
    const theirs = mine.filter((r) => r.receipt.requestedBy === p.email);
    expect(theirs.map((r) => r.to)).toEqual([p.id]);
    const { receipt } = theirs[0]!;
    const charged = await sql<{ amount: string }>(db, 'select amount from ledger_charge where payer_id = ?', [
      p.id,
    ]);
    expect(charged.map((c) => Number(c.amount))).toEqual([900]);
    expect(receipt).toMatchObject({
      organizationName: null,
      what: { kind: 'personal_upgrade', plan: 'solo' },
      total: 900,
      periodStart: '2026-03-05T10:00:00.000Z',
      periodEnd: '2026-04-05T10:00:00.000Z',
    });
    expect(receiptAddsUp(receipt)).toBe(true);
    const reply = renderNotice({ kind: 'receipt', payload: receipt }, wordsFor('fr'));
    expect(reply.text).toBe(`Reçu : votre plan personnel est désormais Solo.\nDemandé par ${p.email}`);
    expect(reply.sections![0]!.lines.slice(0, 2)).toEqual([
      'Solo, licence 1 : 1 × 9,00\u00a0€ = 9,00\u00a0€',
      'Total facturé : 9,00\u00a0€',
    ]);

    // upgrading again to the same plan is refused: no second charge, no second receipt
    await expect(upgradePersonalPlan(db.ctx, p.actor, { plan: 'solo' })).rejects.toThrow();
    db.clock.set('2026-03-05T10:01:00Z');
    await upgradePersonalPlan(db.ctx, p.actor, { plan: 'business' });
    const after = (await receiptsOf()).filter((r) => r.receipt.requestedBy === p.email);
    expect(after.map((r) => [r.receipt.what, r.receipt.total])).toEqual([
      [{ kind: 'personal_upgrade', plan: 'solo' }, 900],
      [{ kind: 'personal_upgrade', plan: 'business' }, 3000],
    ]);
  });
});
