import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { approvePurchase, resumeStalledPurchases } from '../../src/service/approve-purchase.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { rollContract } from '../../src/service/roll-renewal.ts';
import { type TestDb, usingPglite } from '../support/db.ts';
import { addMember, type OrgFixture, orgWith, refusal } from '../support/fixtures.ts';
import { outbox, seatCount, sql, statusOf } from '../support/purchase-fixtures.ts';
import { form, linkSubscription, stripeApi, stripeContext, stripeSuite, subscription } from './support.ts';

let db: TestDb;
let stripe: ServiceContext;

stripeSuite('2026-03-10T12:00:00Z', (d, s) => {
  db = d;
  stripe = s;
});

/** An organization billed through Stripe: 3 pro seats (item si_pro) and the owner's business seat. */
const stripeOrg = async (): Promise<OrgFixture & { requester: Awaited<ReturnType<typeof addMember>> }> => {
  const f = await orgWith(db, { seats: { pro: 3 } });
  await linkSubscription(db, f.contract.id, `sub_${f.contract.id.slice(0, 8)}`, [
    { plan: 'business', itemId: `si_bus_${f.contract.id.slice(0, 8)}`, priceId: 'price_business' },
    { plan: 'pro', itemId: `si_pro_${f.contract.id.slice(0, 8)}`, priceId: 'price_pro' },
  ]);
  const requester = await addMember(db, f.org.id);
  return { ...f, requester };
};
const subOf = (f: OrgFixture) => `sub_${f.contract.id.slice(0, 8)}`;
const proItem = (f: OrgFixture) => `si_pro_${f.contract.id.slice(0, 8)}`;

/** Stripe's preview of the increment, checked for its exact parameters. */
const expectPreview = (f: OrgFixture, newQuantity: number, amountDue: number) => {
  const seen: Record<string, string>[] = [];
  stripeApi()
    .post('/v1/invoices/create_preview', (body) => {
      seen.push(form(body));
      return true;
    })
    .reply(200, { object: 'invoice', id: 'upcoming', amount_due: amountDue, currency: 'eur' });
  return {
    check: (at: Date) =>
      expect(seen).toEqual([
        {
          subscription: subOf(f),
          'subscription_details[items][0][id]': proItem(f),
          'subscription_details[items][0][quantity]': String(newQuantity),
          'subscription_details[proration_date]': String(Math.floor(at.getTime() / 1000)),
          'subscription_details[proration_behavior]': 'always_invoice',
        },
      ]),
  };
};

/** A member's request for 2 pro seats, priced by Stripe. */
const requestTwo = async (f: Awaited<ReturnType<typeof stripeOrg>>) => {
  const preview = expectPreview(f, 5, 1234);
  const r = await requestSeats(stripe, f.requester.actor, {
    organizationId: f.org.id,
    quantity: 2,
    plan: 'pro',
  });
  preview.check(db.clock.now());
  return r.request;
};

const paidUpdate = (f: OrgFixture, invoice = 'in_paid') =>
  subscription(subOf(f), {
    items: [
      { itemId: `si_bus_${f.contract.id.slice(0, 8)}`, plan: 'business', quantity: 1 },
      { itemId: proItem(f), plan: 'pro', quantity: 5 },
    ],
    latestInvoice: { id: invoice, status: 'paid', amount_due: 1234 },
  });

describe('quote and approval through Stripe', () => {
  it("shows Stripe's prorated amount, then approves with the same proration instant and the request's idempotency key", async () => {
    const f = await stripeOrg();
    const request = await requestTwo(f);
    expect(request.proratedAmount).toBe(1234);
    expect(request.prorationDate.toISOString()).toBe('2026-03-10T12:00:00.000Z');

    const updates: { body: Record<string, string>; key: string | undefined }[] = [];
    stripeApi()
      .post(`/v1/subscriptions/${subOf(f)}`, (body) => {
        updates.push({ body: form(body), key: undefined });
        return true;
      })
      .reply(function () {
        updates.at(-1)!.key = this.req.headers['idempotency-key'] as string;
        return [200, paidUpdate(f)];
      });
    db.clock.advance(3600_000); // approved an hour later: still prorated from the quote's instant
    const r = await approvePurchase(stripe, f.owner.actor, { requestId: request.id });
    expect(r.outcome).toBe('charged');
    expect(updates).toEqual([
      {
        body: {
          'items[0][id]': proItem(f),
          'items[0][quantity]': '5',
          proration_date: String(Date.parse('2026-03-10T12:00:00Z') / 1000),
          proration_behavior: 'always_invoice',
          payment_behavior: 'pending_if_incomplete',
          'expand[0]': 'latest_invoice',
        },
        key: `purchase:${request.id}`,
      },
    ]);
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(5);
    const [row] = await sql<{ charge_ref: string }>(
      db,
      'select charge_ref from purchase_request where id = ?',
      [request.id],
    );
    expect(row!.charge_ref).toBe('in_paid');
  });

  it.skipIf(usingPglite)(
    'two approvers clicking at once (two connections): one subscriptions.update, seats added once',
    async () => {
      const f = await stripeOrg();
      const request = await requestTwo(f);
      const other = stripeContext(db, await db.connect());
      let calls = 0;
      stripeApi()
        .post(`/v1/subscriptions/${subOf(f)}`)
        .times(3)
        .delay(150)
        .reply(() => {
          calls++;
          return [200, paidUpdate(f)];
        });
      const [a, b] = await Promise.all([
        approvePurchase(stripe, f.owner.actor, { requestId: request.id }),
        approvePurchase(other, f.owner.actor, { requestId: request.id }),
      ]);
      expect([a.outcome, b.outcome].sort()).toEqual(['already_decided', 'charged']);
      expect(calls).toBe(1);
      expect(await seatCount(db, f.contract.id, 'pro')).toBe(5);
      nock.cleanAll();
    },
  );

  it.skipIf(usingPglite)(
    'two purchases whose Stripe calls would complete in the opposite order: Stripe ends at our seat count',
    async () => {
      const f = await stripeOrg();
      stripeApi()
        .post('/v1/invoices/create_preview')
        .times(2)
        .reply(200, { object: 'invoice', id: 'upcoming', amount_due: 500, currency: 'eur' });
      const a = await requestSeats(stripe, f.requester.actor, {
        organizationId: f.org.id,
        quantity: 2,
        plan: 'pro',
      });
      const b = await requestSeats(stripe, f.requester.actor, {
        organizationId: f.org.id,
        quantity: 3,
        plan: 'pro',
      });
      // Stripe as a stand-in that keeps the item's quantity: each update sets it when it is
      // applied, and the first request to arrive is the slowest to be applied
      let held = 3;
      let arrived = 0;
      const applied: number[] = [];
      stripeApi()
        .post(`/v1/subscriptions/${subOf(f)}`)
        .times(2)
        .reply((_uri, body, cb) => {
          const quantity = Number(form(body)['items[0][quantity]']);
          setTimeout(
            () => {
              held = quantity;
              applied.push(quantity);
              cb(null, [
                200,
                subscription(subOf(f), {
                  items: [{ itemId: proItem(f), plan: 'pro', quantity }],
                  latestInvoice: { id: `in_${quantity}`, status: 'paid', amount_due: 500 },
                }),
              ]);
            },
            arrived++ === 0 ? 400 : 20,
          );
        });
      const other = stripeContext(db, await db.connect());
      const results = await Promise.all([
        approvePurchase(stripe, f.owner.actor, { requestId: a.request.id }),
        approvePurchase(other, f.owner.actor, { requestId: b.request.id }),
      ]);
      expect(results.map((r) => r.outcome)).toEqual(['charged', 'charged']);
      expect(await seatCount(db, f.contract.id, 'pro')).toBe(8);
      expect(applied).toHaveLength(2);
      expect(held).toBe(8);
    },
  );

  it('a network error after Stripe applied the change: the retry carries the same key, and seats are added once', async () => {
    const f = await stripeOrg();
    const request = await requestTwo(f);
    const keys: string[] = [];
    const path = `/v1/subscriptions/${subOf(f)}`;
    stripeApi()
      .post(path)
      .reply(function () {
        keys.push(this.req.headers['idempotency-key'] as string);
        // Stripe applied it, then the connection died before the answer arrived
        this.req.destroy(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
        return [200, {}];
      });
    stripeApi()
      .post(path)
      .reply(function () {
        keys.push(this.req.headers['idempotency-key'] as string);
        return [200, paidUpdate(f), { 'idempotent-replayed': 'true' }];
      });
    const r = await approvePurchase(stripe, f.owner.actor, { requestId: request.id });
    expect(r.outcome).toBe('charged');
    expect(keys).toEqual([`purchase:${request.id}`, `purchase:${request.id}`]);
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(5);
  });

  it('Stripe unreachable through every retry: the request stays approved; approving again charges once with the same key', async () => {
    const f = await stripeOrg();
    const request = await requestTwo(f);
    const path = `/v1/subscriptions/${subOf(f)}`;
    stripeApi()
      .post(path)
      .times(3)
      .reply(function () {
        this.req.destroy(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
        return [200, {}];
      });
    const e = await refusal(
      'billing_unavailable',
      approvePurchase(stripe, f.owner.actor, { requestId: request.id }),
    );
    expect(e.message).toContain('Stripe cannot be reached');
    expect(await statusOf(db, request.id)).toBe('approved');
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(3);
    const keys: string[] = [];
    stripeApi()
      .post(path)
      .reply(function () {
        keys.push(this.req.headers['idempotency-key'] as string);
        return [200, paidUpdate(f)];
      });
    const again = await approvePurchase(stripe, f.owner.actor, { requestId: request.id });
    expect(again.outcome).toBe('charged');
    expect(keys).toEqual([`purchase:${request.id}`]);
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(5);
  }, 20_000);
});

describe('a failed payment', () => {
  it('authentication required: seats unchanged, requester and approvers told why, the payment kept pending', async () => {
    const f = await stripeOrg();
    const request = await requestTwo(f);
    stripeApi()
      .post(`/v1/subscriptions/${subOf(f)}`)
      .reply(
        200,
        subscription(subOf(f), {
          items: [{ itemId: proItem(f), plan: 'pro', quantity: 3 }],
          pendingUpdate: true,
          latestInvoice: { id: 'in_open', status: 'open', amount_due: 1234 },
        }),
      );
    stripeApi()
      .get('/v1/invoices/in_open')
      .query({ 'expand[0]': 'payments.data.payment.payment_intent' })
      .reply(200, {
        id: 'in_open',
        object: 'invoice',
        payments: { data: [{ payment: { payment_intent: { id: 'pi_1', status: 'requires_action' } } }] },
      });
    const r = await approvePurchase(stripe, f.owner.actor, { requestId: request.id });
    expect(r.outcome).toBe('payment_failed');
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(3);
    const reason = 'The bank asks for authentication (3-D Secure) before paying.';
    const told = await outbox(db, 'purchase_result', request.id);
    expect(told.map((t) => t.recipient_id).sort()).toEqual([f.requester.id, f.owner.id].sort());
    for (const t of told) expect(t.payload).toMatchObject({ status: 'payment_failed', reason });
    const [row] = await sql<{ awaiting_payment: boolean; billing_ref: string }>(
      db,
      'select awaiting_payment, billing_ref from purchase_request where id = ?',
      [request.id],
    );
    expect(row).toEqual({ awaiting_payment: true, billing_ref: 'in_open' });
  });

  it('a declined card (Stripe answers 402): payment_failed with the reason, no seats', async () => {
    const f = await stripeOrg();
    const request = await requestTwo(f);
    stripeApi()
      .post(`/v1/subscriptions/${subOf(f)}`)
      .reply(402, {
        error: {
          type: 'card_error',
          code: 'card_declined',
          decline_code: 'insufficient_funds',
          message: 'Your card has insufficient funds.',
        },
      });
    const r = await approvePurchase(stripe, f.owner.actor, { requestId: request.id });
    expect(r.outcome).toBe('payment_failed');
    expect(r.request.failureReason).toBe('The card has insufficient funds.');
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(3);
    const told = await outbox(db, 'purchase_result', request.id);
    expect(told).toHaveLength(2);
    for (const t of told) expect(t.payload.reason).toBe('The card has insufficient funds.');
  });
});

describe('a purchase that reaches Stripe after the renewal', () => {
  it('is billed from the new period start (Stripe refuses a proration date in a closed period), with its own key', async () => {
    const f = await stripeOrg();
    const end = f.contract.currentPeriodEnd.getTime();
    const at = (offsetMs: number) => db.clock.set(new Date(end + offsetMs));
    at(-3600_000);
    stripeApi()
      .post('/v1/invoices/create_preview')
      .reply(200, { object: 'invoice', id: 'upcoming', amount_due: 41, currency: 'eur' });
    const r = await requestSeats(stripe, f.requester.actor, {
      organizationId: f.org.id,
      quantity: 2,
      plan: 'pro',
    });
    // approved a minute before the end while Stripe is unreachable: stays approved
    const path = `/v1/subscriptions/${subOf(f)}`;
    stripeApi()
      .post(path)
      .times(3)
      .reply(function () {
        this.req.destroy(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
        return [200, {}];
      });
    at(-60_000);
    await refusal('billing_unavailable', approvePurchase(stripe, f.owner.actor, { requestId: r.request.id }));
    // the roll: Stripe already bills the 3 renewing pro seats
    stripeApi()
      .get(path)
      .reply(
        200,
        subscription(subOf(f), {
          items: [
            { itemId: `si_bus_${f.contract.id.slice(0, 8)}`, plan: 'business', quantity: 1 },
            { itemId: proItem(f), plan: 'pro', quantity: 3 },
          ],
        }),
      );
    at(30_000);
    expect(await rollContract(stripe, f.contract.id)).toMatchObject({ rolled: true });
    // Stripe as it answers: a proration date before the current period is refused
    const newPeriod = end / 1000;
    const sent: { body: Record<string, string>; key: string }[] = [];
    stripeApi()
      .post(path)
      .reply(function (_uri, body) {
        const b = form(body);
        sent.push({ body: b, key: this.req.headers['idempotency-key'] as string });
        if (Number(b.proration_date) < newPeriod) {
          return [
            400,
            {
              error: {
                type: 'invalid_request_error',
                message: 'Cannot specify proration date outside of current subscription period',
              },
            },
          ];
        }
        return [200, paidUpdate(f, 'in_new_period')];
      });
    at(5 * 60_000);
    expect(await resumeStalledPurchases(stripe)).toEqual([{ requestId: r.request.id, outcome: 'charged' }]);
    expect(sent).toEqual([
      {
        body: expect.objectContaining({ proration_date: String(newPeriod), 'items[0][quantity]': '5' }),
        key: `purchase:${r.request.id}:period:${new Date(end).toISOString()}`,
      },
    ]);
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(5);
  }, 20_000);
});
