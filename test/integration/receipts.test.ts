import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderNotice } from '../../src/commands/notices.ts';
import { receiptAddsUp, receiptSchema } from '../../src/domain/receipt.ts';
import { wordsFor } from '../../src/i18n/words.ts';
import { approvePurchase } from '../../src/service/approve-purchase.ts';
import { nameDelegate } from '../../src/service/name-delegate.ts';
import { rejectPurchase } from '../../src/service/reject-purchase.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addMember, orgWith } from '../support/fixtures.ts';
import { chargesFor, outbox } from '../support/purchase-fixtures.ts';

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
