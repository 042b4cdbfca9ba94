import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { type Receipt, receiptAddsUp, receiptSchema } from '../../src/domain/receipt.ts';
import { rollContract } from '../../src/service/roll-renewal.ts';
import type { TestDb } from '../support/db.ts';
import { addMember, auditRows, orgWith, outboxTo } from '../support/fixtures.ts';
import { sql } from '../support/purchase-fixtures.ts';
import {
  deliverSigned,
  linkSubscription,
  stripeApi,
  stripeEvent,
  subscription,
  webhookSuite,
} from './support.ts';

// A renewal Stripe collects: the roll only sets the subscription's quantities (no money moves,
// no receipt); Stripe's cycle invoice, paid, sends the renewal's receipt, once.

let db: TestDb;
let app: App;
let base: string;

webhookSuite('2026-03-01T00:00:00Z', (d, a, b) => {
  db = d;
  app = a;
  base = b;
});

const NEW_PERIOD = '2026-04-01T00:00:00Z';
const epoch = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** A Stripe-billed organization, every seat renewing (the owner's business seat, 2 pro), with an approver. */
const renewingOrg = async () => {
  const f = await orgWith(db, { seats: { pro: 2 } });
  const approver = await addMember(db, f.org.id, { approver: true });
  const tag = f.contract.id.slice(0, 8);
  const ids = { sub: `sub_${tag}`, bus: `si_bus_${tag}`, pro: `si_pro_${tag}` };
  await linkSubscription(db, f.contract.id, ids.sub, [
    { plan: 'business', itemId: ids.bus, priceId: 'price_business' },
    { plan: 'pro', itemId: ids.pro, priceId: 'price_pro' },
  ]);
  const people = [f.owner.id, approver.id];
  return { ...f, approver, ids, people, tag };
};
type Org = Awaited<ReturnType<typeof renewingOrg>>;

/** The roll at the period end: Stripe already bills these quantities, so it is only read. */
const roll = async (f: Org) => {
  stripeApi()
    .get(`/v1/subscriptions/${f.ids.sub}`)
    .reply(
      200,
      subscription(f.ids.sub, {
        items: [
          { itemId: f.ids.bus, plan: 'business', quantity: 1 },
          { itemId: f.ids.pro, plan: 'pro', quantity: 2 },
        ],
      }),
    );
  db.clock.set('2026-04-01T00:00:30Z');
  expect(await rollContract(app.ctx, f.contract.id)).toMatchObject({ rolled: true });
  db.clock.set('2026-04-01T01:00:00Z');
};

/** The renewal charge of the new period, as recorded. */
const renewal = async (f: Org) =>
  (
    await sql<{ amount: string; currency: string; status: string; charge_ref: string | null }>(
      db,
      `select amount, currency, status, charge_ref from period_charge
       where contract_id = ? and kind = 'renewal' and period_start = ?`,
      [f.contract.id, NEW_PERIOD],
    )
  )[0]!;

/** An invoice of the subscription as Stripe sends it in an event: one seat line per plan, for `periodStart`'s month. */
const invoice = (
  f: Org,
  id: string,
  o: { total: number; paidFromCredit?: boolean; reason?: string; periodStart?: string },
): Record<string, unknown> => {
  const start = epoch(o.periodStart ?? NEW_PERIOD);
  const line = (item: string) => ({
    id: `il_${item}`,
    object: 'line_item',
    period: { start, end: start + 30 * 86_400 },
    parent: {
      type: 'subscription_item_details',
      subscription_item_details: { subscription_item: item, proration: o.reason === 'subscription_update' },
    },
  });
  return {
    id,
    object: 'invoice',
    billing_reason: o.reason ?? 'subscription_cycle',
    total: o.total,
    amount_paid: o.paidFromCredit ? 0 : o.total,
    currency: 'eur',
    status: 'paid',
    parent: { type: 'subscription_details', subscription_details: { subscription: f.ids.sub } },
    lines: { object: 'list', data: [line(f.ids.bus), line(f.ids.pro)] },
  };
};

const deliver = async (e: object) => {
  const res = await deliverSigned(base, e);
  expect(res.status).toBe(200);
  return ((await res.json()) as { outcome: string }).outcome;
};

/** The receipts each of the organization's billing people got, by person. */
const receiptsOf = async (f: Org): Promise<Record<string, Receipt[]>> => {
  const out: Record<string, Receipt[]> = {};
  for (const id of f.people) {
    out[id] = (await outboxTo(db, id, 'receipt')).map((o) => receiptSchema.parse(o.payload));
  }
  return out;
};
/** Receipts in the outbox, anyone's. */
const receiptCount = async () =>
  (await sql<{ n: number }>(db, "select count(*)::int as n from outbox where kind = 'receipt'"))[0]!.n;

describe("a renewal's receipt when Stripe collects it", () => {
  it('the cycle invoice paid: one receipt to the payer and one to the approver, its total the period charge to the cent', async () => {
    const f = await renewingOrg();
    await roll(f);
    const charge = await renewal(f);
    // the business seat 30.00 and 2 pro at 15.00: the roll recorded it paid, no money moved yet
    expect(charge).toMatchObject({ amount: '6000', currency: 'eur', status: 'paid', charge_ref: f.ids.sub });
    expect(Object.values(await receiptsOf(f)).flat()).toEqual([]);

    const paid = stripeEvent('invoice.paid', invoice(f, `in_cycle_${f.tag}`, { total: 6000 }));
    expect(await deliver(paid)).toBe('applied');
    const receipts = await receiptsOf(f);
    for (const id of f.people) {
      expect(receipts[id], `one receipt to ${id}`).toHaveLength(1);
      const r = receipts[id]![0]!;
      expect(r).toMatchObject({
        what: { kind: 'renewal' },
        total: Number(charge.amount),
        currency: charge.currency,
        reference: `in_cycle_${f.tag}`,
        periodStart: new Date(NEW_PERIOD).toISOString(),
      });
      expect(r.lines.reduce((sum, l) => sum + l.charged, 0)).toBe(Number(charge.amount));
      expect(receiptAddsUp(r)).toBe(true);
    }
    // the charge now names the invoice that collected it
    expect((await renewal(f)).charge_ref).toBe(`in_cycle_${f.tag}`);
  });

  it('a cycle invoice paid from the customer’s credit balance still gets its receipt: what it billed is what counts', async () => {
    const f = await renewingOrg();
    await roll(f);
    const paid = stripeEvent(
      'invoice.paid',
      invoice(f, `in_credit_${f.tag}`, { total: 6000, paidFromCredit: true }),
    );
    expect(await deliver(paid)).toBe('applied');
    const receipts = await receiptsOf(f);
    for (const id of f.people) expect(receipts[id]?.map((r) => r.total)).toEqual([6000]);
  });

  it('a cycle invoice paid before our roll recorded its renewal is refused for now; Stripe’s next delivery, after the roll, sends the receipt', async () => {
    const f = await renewingOrg();
    db.clock.set('2026-04-01T00:00:10Z'); // the period ended; the roll job has not run yet
    const early = stripeEvent('invoice.paid', invoice(f, `in_early_${f.tag}`, { total: 6000 }));
    expect((await deliverSigned(base, early)).status).toBe(503);
    expect(Object.values(await receiptsOf(f)).flat()).toEqual([]);
    await roll(f);
    expect(await deliver(early)).toBe('applied');
    const receipts = await receiptsOf(f);
    for (const id of f.people) expect(receipts[id]?.map((r) => r.reference)).toEqual([`in_early_${f.tag}`]);
  });

  it('the same event redelivered sends no second receipt, nor does a second paid invoice for the same period', async () => {
    const f = await renewingOrg();
    await roll(f);
    const paid = stripeEvent('invoice.paid', invoice(f, `in_cycle_${f.tag}`, { total: 6000 }));
    expect(await deliver(paid)).toBe('applied');
    const sent = await receiptCount();
    expect(await deliver(paid)).toBe('duplicate');
    expect(await receiptCount()).toBe(sent);
    // another invoice of the same period paid (a second cycle invoice, say): still one receipt each
    const second = stripeEvent('invoice.paid', invoice(f, `in_again_${f.tag}`, { total: 6000 }));
    expect(await deliver(second)).toBe('applied');
    expect(await receiptCount()).toBe(sent);
    for (const [id, receipts] of Object.entries(await receiptsOf(f))) {
      expect(receipts, `one receipt to ${id}`).toHaveLength(1);
    }
    expect((await renewal(f)).charge_ref).toBe(`in_cycle_${f.tag}`);
  });

  it("a purchase's proration invoice (subscription_update) or the last period's cycle invoice sends no renewal receipt", async () => {
    const f = await renewingOrg();
    await roll(f);
    const proration = stripeEvent(
      'invoice.paid',
      invoice(f, `in_upd_${f.tag}`, { total: 6000, reason: 'subscription_update' }),
    );
    expect(await deliver(proration)).toBe('applied');
    // delivered late: the cycle invoice of the period before, which the roll has left behind
    const earlier = stripeEvent(
      'invoice.paid',
      invoice(f, `in_march_${f.tag}`, { total: 6000, periodStart: '2026-03-01T00:00:00Z' }),
    );
    expect(await deliver(earlier)).toBe('applied');
    expect(Object.values(await receiptsOf(f)).flat()).toEqual([]);
    expect((await renewal(f)).charge_ref).toBe(f.ids.sub);
    // the period's own cycle invoice still gets its receipt
    const cycle = stripeEvent('invoice.paid', invoice(f, `in_cycle_${f.tag}`, { total: 6000 }));
    expect(await deliver(cycle)).toBe('applied');
    expect(Object.values(await receiptsOf(f)).map((r) => r.length)).toEqual([1, 1]);
  });

  it('a cycle invoice declined, then paid: dunning ends with one receipt each, not two', async () => {
    const f = await renewingOrg();
    await roll(f);
    const ref = `in_cycle_${f.tag}`;
    const failed = stripeEvent('invoice.payment_failed', {
      ...invoice(f, ref, { total: 0 }),
      status: 'open',
      last_finalization_error: { code: 'card_declined' },
    });
    expect(await deliver(failed)).toBe('applied');
    expect(await renewal(f)).toMatchObject({ status: 'unpaid', charge_ref: ref });
    expect(Object.values(await receiptsOf(f)).flat()).toEqual([]);
    // Stripe's own retry pays it a day later
    db.clock.set('2026-04-02T01:00:00Z');
    expect(await deliver(stripeEvent('invoice.paid', invoice(f, ref, { total: 6000 })))).toBe('applied');
    expect(await renewal(f)).toMatchObject({ status: 'paid', charge_ref: ref });
    const receipts = await receiptsOf(f);
    for (const id of f.people) {
      expect(receipts[id], `one receipt to ${id}`).toHaveLength(1);
      expect(receipts[id]![0]).toMatchObject({ total: 6000, reference: ref });
      expect(await outboxTo(db, id, 'payment_received')).toHaveLength(1);
    }
  });

  it('a cycle invoice that took another amount than the renewal recorded: no receipt, audited for people to check', async () => {
    const f = await renewingOrg();
    await roll(f);
    const paid = stripeEvent('invoice.paid', invoice(f, `in_cycle_${f.tag}`, { total: 6100 }));
    expect(await deliver(paid)).toBe('applied');
    expect(Object.values(await receiptsOf(f)).flat()).toEqual([]);
    expect((await renewal(f)).charge_ref).toBe(f.ids.sub);
    const drift = await auditRows(db, { organizationId: f.org.id, action: 'billing.invoice_differs' });
    expect(drift.map((d) => d.after)).toEqual([
      expect.objectContaining({
        invoice: `in_cycle_${f.tag}`,
        charged: { amount: 6000, currency: 'eur' },
        invoiced: { amount: 6100, currency: 'eur' },
      }),
    ]);
  });
});
