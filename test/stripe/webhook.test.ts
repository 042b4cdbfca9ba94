import type nock from 'nock';
import { describe, expect, it } from 'vitest';
import type { App } from '../../src/app.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { billingReasonText } from '../../src/commands/domain-terms.ts';
import { parseNotice } from '../../src/domain/notices.ts';
import { receiptAddsUp, receiptSchema } from '../../src/domain/receipt.ts';
import { english } from '../../src/i18n/words.ts';
import { approvePurchase } from '../../src/service/approve-purchase.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import type { TestDb } from '../support/db.ts';
import { account, addMember, auditRows, email, orgWith } from '../support/fixtures.ts';
import { outbox, seatCount, sql, statusOf } from '../support/purchase-fixtures.ts';
import {
  deliverSigned,
  form,
  linkSubscription,
  stripeApi,
  stripeEvent,
  subscription,
  webhookSuite,
} from './support.ts';

/** A billing problem's reason as an English reader gets it (the payload carries facts). */
const reasonOf = (payload: unknown): string => {
  const n = parseNotice('billing_problem', payload);
  return n.kind === 'billing_problem'
    ? billingReasonText(n.payload.reason, n.payload.organizationName, english)
    : '';
};

let db: TestDb;
let app: App;
let base: string;

webhookSuite('2026-03-10T12:00:00Z', (d, a, b) => {
  db = d;
  app = a;
  base = b;
});

const event = stripeEvent;
const deliver = (e: object, opts: { secret?: string; timestamp?: number } = {}) =>
  deliverSigned(base, e, opts);

const rowCounts = async () => ({ ...(await db.counts()), stripe_event: await db.count('stripe_event') });

describe('organization creation with Stripe', () => {
  it('makes a customer and a setup-mode Checkout session, shows the link, and activates on checkout.session.completed once', async () => {
    const owner = await account(db, { email: email('founder'), personalPlan: 'business' });
    const calls: { path: string; body: Record<string, string>; key: string }[] = [];
    const record = (path: string) =>
      function (this: nock.ReplyFnContext, _uri: string, body: nock.Body) {
        calls.push({ path, body: form(body), key: this.req.headers['idempotency-key'] as string });
      };
    stripeApi()
      .post('/v1/customers')
      .reply(function (uri, body) {
        record('customers').call(this, uri, body);
        return [200, { id: 'cus_1', object: 'customer' }];
      });
    stripeApi()
      .post('/v1/checkout/sessions')
      .reply(function (uri, body) {
        record('checkout').call(this, uri, body);
        return [
          200,
          { id: 'cs_1', object: 'checkout.session', url: 'https://checkout.stripe.com/c/pay/cs_1' },
        ];
      });
    const reply = await runCommand(
      { service: app.ctx, actor: owner.actor, resolveMention: async () => null },
      'org create Acme Stripe',
      (e) => {
        throw e;
      },
    );
    expect(reply.text).toContain('https://checkout.stripe.com/c/pay/cs_1');
    const [org] = await sql<{ id: string; status: string }>(
      db,
      'select id, status from organization where name = ?',
      ['Acme Stripe'],
    );
    expect(org!.status).toBe('pending');
    const [contract] = await sql<{ id: string }>(db, 'select id from contract where organization_id = ?', [
      org!.id,
    ]);
    expect(calls).toEqual([
      {
        path: 'customers',
        body: { email: owner.email, name: 'Acme Stripe', 'metadata[organization_id]': org!.id },
        key: `organization:${org!.id}:customer`,
      },
      {
        path: 'checkout',
        body: {
          mode: 'setup',
          customer: 'cus_1',
          currency: 'eur',
          'allowed_payment_method_types[0]': 'card',
          success_url: 'https://bot.example.com/stripe/setup-done',
          cancel_url: 'https://bot.example.com/stripe/setup-cancelled',
          'metadata[organization_id]': org!.id,
          'metadata[contract_id]': contract!.id,
          'setup_intent_data[metadata][organization_id]': org!.id,
        },
        key: `organization:${org!.id}:checkout`,
      },
    ]);

    // the payer finished Checkout: the method becomes the default and the subscription starts
    calls.length = 0;
    stripeApi().get('/v1/setup_intents/seti_1').reply(200, { id: 'seti_1', payment_method: 'pm_1' });
    stripeApi()
      .post('/v1/customers/cus_1')
      .reply(function (uri, body) {
        record('default method').call(this, uri, body);
        return [200, { id: 'cus_1' }];
      });
    stripeApi()
      .get('/v1/prices')
      .query({ 'lookup_keys[0]': 'seatkeeper:business:month', active: 'true', limit: '1' })
      .reply(200, { object: 'list', data: [{ id: 'price_business', object: 'price' }] });
    stripeApi()
      .post('/v1/subscriptions')
      .reply(function (uri, body) {
        record('subscription').call(this, uri, body);
        return [
          200,
          subscription('sub_new', {
            items: [{ itemId: 'si_business', plan: 'business', priceId: 'price_business', quantity: 1 }],
          }),
        ];
      });
    const completed = event('checkout.session.completed', {
      id: 'cs_1',
      object: 'checkout.session',
      mode: 'setup',
      customer: 'cus_1',
      setup_intent: 'seti_1',
      metadata: { organization_id: org!.id },
    });
    const res = await deliver(completed);
    expect(res.status).toBe(200);
    expect(calls.map((c) => [c.path, c.body, c.key])).toEqual([
      ['default method', { 'invoice_settings[default_payment_method]': 'pm_1' }, expect.any(String)],
      [
        'subscription',
        {
          customer: 'cus_1',
          'items[0][price]': 'price_business',
          'items[0][quantity]': '1',
          payment_behavior: 'error_if_incomplete',
          'metadata[contract_id]': contract!.id,
          'metadata[organization_id]': org!.id,
        },
        `contract:${contract!.id}:subscription`,
      ],
    ]);
    expect(
      (await sql<{ status: string }>(db, 'select status from organization where id = ?', [org!.id]))[0]!
        .status,
    ).toBe('active');
    expect(
      await sql(db, 'select subscription_id from stripe_subscription where contract_id = ?', [contract!.id]),
    ).toEqual([{ subscription_id: 'sub_new' }]);
    expect(await outbox(db, 'organization_ready')).toHaveLength(1);

    // the same event again: one effect
    const before = await rowCounts();
    const again = await deliver(completed);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
    expect(await rowCounts()).toEqual(before);
    expect(await auditRows(db, { organizationId: org!.id, action: 'organization.activated' })).toHaveLength(
      1,
    );
  });
});

describe('a declined first invoice', () => {
  it('retrying with another payment method is a new Stripe request (new keys, a new Checkout link), not a replay of the decline', async () => {
    const owner = await account(db, { email: email('founder'), personalPlan: 'business' });
    const keys: Record<string, string[]> = { checkout: [], subscription: [] };
    stripeApi().post('/v1/customers').reply(200, { id: 'cus_d', object: 'customer' });
    stripeApi()
      .post('/v1/checkout/sessions')
      .reply(function () {
        keys.checkout!.push(this.req.headers['idempotency-key'] as string);
        return [
          200,
          { id: 'cs_d1', object: 'checkout.session', url: 'https://checkout.stripe.com/c/pay/cs_d1' },
        ];
      });
    await runCommand(
      { service: app.ctx, actor: owner.actor, resolveMention: async () => null },
      'org create Declined First',
      (e) => {
        throw e;
      },
    );
    const [org] = await sql<{ id: string }>(db, 'select id from organization where name = ?', [
      'Declined First',
    ]);
    const completed = (session: string, intent: string) =>
      event('checkout.session.completed', {
        id: session,
        object: 'checkout.session',
        mode: 'setup',
        customer: 'cus_d',
        setup_intent: intent,
        metadata: { organization_id: org!.id },
      });
    const methodBecomesDefault = (intent: string, method: string) => {
      stripeApi().get(`/v1/setup_intents/${intent}`).reply(200, { id: intent, payment_method: method });
      stripeApi().post('/v1/customers/cus_d').reply(200, { id: 'cus_d' });
    };
    // the gateway caches prices: asked only if no earlier test looked this one up
    stripeApi()
      .get('/v1/prices')
      .query(true)
      .optionally()
      .reply(200, { object: 'list', data: [{ id: 'price_business', object: 'price' }] });

    // first card: the first invoice is declined; the owner gets a new link
    methodBecomesDefault('seti_d1', 'pm_declining');
    stripeApi()
      .post('/v1/subscriptions')
      .reply(function () {
        keys.subscription!.push(this.req.headers['idempotency-key'] as string);
        return [
          402,
          { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } },
        ];
      });
    stripeApi()
      .post('/v1/checkout/sessions')
      .reply(function () {
        keys.checkout!.push(this.req.headers['idempotency-key'] as string);
        return [
          200,
          { id: 'cs_d2', object: 'checkout.session', url: 'https://checkout.stripe.com/c/pay/cs_d2' },
        ];
      });
    expect((await deliver(completed('cs_d1', 'seti_d1'))).status).toBe(200);
    const [problem] = (await outbox(db, 'billing_problem')).filter((o) => o.recipient_id === owner.id);
    expect(reasonOf(problem!.payload)).toContain('https://checkout.stripe.com/c/pay/cs_d2');
    expect(
      (await sql<{ status: string }>(db, 'select status from organization where id = ?', [org!.id]))[0]!
        .status,
    ).toBe('pending');

    // another card through the new link: a new subscription request, which Stripe accepts
    methodBecomesDefault('seti_d2', 'pm_good');
    stripeApi()
      .post('/v1/subscriptions')
      .reply(function () {
        keys.subscription!.push(this.req.headers['idempotency-key'] as string);
        return [
          200,
          subscription('sub_d', { items: [{ itemId: 'si_bus_d', plan: 'business', quantity: 1 }] }),
        ];
      });
    expect((await deliver(completed('cs_d2', 'seti_d2'))).status).toBe(200);
    expect(
      (await sql<{ status: string }>(db, 'select status from organization where id = ?', [org!.id]))[0]!
        .status,
    ).toBe('active');
    expect(keys.subscription).toHaveLength(2);
    expect(new Set(keys.subscription).size).toBe(2);
    expect(new Set(keys.checkout).size).toBe(2);
  });
});

describe('webhook authentication', () => {
  it('a bad signature or a stale timestamp is refused with 400 and changes nothing', async () => {
    const f = await orgWith(db);
    const e = event('customer.subscription.deleted', {
      id: 'sub_x',
      object: 'subscription',
      metadata: { contract_id: f.contract.id },
    });
    const before = await rowCounts();
    const forged = await deliver(e, { secret: 'whsec_not_ours' });
    expect(forged.status).toBe(400);
    const stale = await deliver(e, { timestamp: Math.floor(Date.now() / 1000) - 301 });
    expect(stale.status).toBe(400);
    const unsigned = await fetch(`${base}/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(e),
    });
    expect(unsigned.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
    expect(
      (await sql<{ status: string }>(db, 'select status from organization where id = ?', [f.org.id]))[0]!
        .status,
    ).toBe('active');
  });
});

describe('subscription events', () => {
  /** A Stripe-billed organization whose purchase of 2 pro seats is held pending (authentication). */
  const heldPurchase = async () => {
    const f = await orgWith(db, { seats: { pro: 3 } });
    const sub = `sub_${f.contract.id.slice(0, 8)}`;
    const item = `si_pro_${f.contract.id.slice(0, 8)}`;
    await linkSubscription(db, f.contract.id, sub, [{ plan: 'pro', itemId: item, priceId: 'price_pro' }]);
    const member = await addMember(db, f.org.id);
    stripeApi()
      .post('/v1/invoices/create_preview')
      .reply(200, { id: 'up', amount_due: 999, currency: 'eur' });
    const r = await requestSeats(app.ctx, member.actor, {
      organizationId: f.org.id,
      quantity: 2,
      plan: 'pro',
    });
    stripeApi()
      .post(`/v1/subscriptions/${sub}`)
      .reply(
        200,
        subscription(sub, {
          items: [{ itemId: item, plan: 'pro', quantity: 3 }],
          pendingUpdate: true,
          latestInvoice: { id: `in_${sub}`, status: 'open', amount_due: 999 },
        }),
      );
    stripeApi()
      .get(`/v1/invoices/in_${sub}`)
      .query(true)
      .reply(200, {
        id: `in_${sub}`,
        payments: { data: [{ payment: { payment_intent: { id: 'pi', status: 'requires_action' } } }] },
      });
    const d = await approvePurchase(app.ctx, f.owner.actor, { requestId: r.request.id });
    expect(d.outcome).toBe('payment_failed');
    return { ...f, sub, item, member, requestId: r.request.id };
  };

  it('pending_update_applied re-reads the subscription and adds the seats then, once', async () => {
    const h = await heldPurchase();
    expect(await seatCount(db, h.contract.id, 'pro')).toBe(3);
    // the event's own snapshot is stale (still pending); the re-read subscription is the truth
    const stale = subscription(h.sub, {
      items: [{ itemId: h.item, plan: 'pro', quantity: 3 }],
      pendingUpdate: true,
      contractId: h.contract.id,
    });
    stripeApi()
      .get(`/v1/subscriptions/${h.sub}`)
      .reply(
        200,
        subscription(h.sub, {
          items: [{ itemId: h.item, plan: 'pro', quantity: 5 }],
          contractId: h.contract.id,
        }),
      );
    const e = event('customer.subscription.pending_update_applied', stale);
    expect((await deliver(e)).status).toBe(200);
    expect(await statusOf(db, h.requestId)).toBe('charged');
    expect(await seatCount(db, h.contract.id, 'pro')).toBe(5);
    expect(await sql(db, 'select charge_ref from purchase_request where id = ?', [h.requestId])).toEqual([
      { charge_ref: `in_${h.sub}` },
    ]);
    const told = await outbox(db, 'purchase_result', h.requestId);
    expect(
      told
        .filter((t) => t.payload.status === 'charged')
        .map((t) => t.recipient_id)
        .sort(),
    ).toEqual([h.member.id, h.owner.id].sort());
    // and its receipt, to the same people: Stripe's prorated amount, said to be Stripe's
    const receipts = (await outbox(db, 'receipt', h.requestId)).map((o) => ({
      to: o.recipient_id,
      receipt: receiptSchema.parse(o.payload),
    }));
    expect(receipts.map((r) => r.to).sort()).toEqual([h.member.id, h.owner.id].sort());
    expect(receipts[0]!.receipt).toMatchObject({ total: 999, reference: `in_${h.sub}` });
    expect(receipts[0]!.receipt.lines).toEqual([expect.objectContaining({ charged: 999, byProvider: true })]);
    expect(receiptAddsUp(receipts[0]!.receipt)).toBe(true);
    const before = await rowCounts();
    const again = await deliver(e);
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ outcome: 'duplicate' });
    expect(await rowCounts()).toEqual(before);
    expect(await seatCount(db, h.contract.id, 'pro')).toBe(5);
  });

  it('invoice.paid for a held purchase adds its seats once; a stranger invoice changes nothing', async () => {
    const h = await heldPurchase();
    const paid = (invoice: string) =>
      event('invoice.paid', {
        id: invoice,
        object: 'invoice',
        parent: { subscription_details: { subscription: h.sub } },
      });
    const before = await seatCount(db, h.contract.id, 'pro');
    expect((await deliver(paid('in_someone_else'))).status).toBe(200);
    expect(await seatCount(db, h.contract.id, 'pro')).toBe(before);
    expect(await statusOf(db, h.requestId)).toBe('payment_failed');
    const e = paid(`in_${h.sub}`);
    expect((await deliver(e)).status).toBe(200);
    expect((await deliver(e)).status).toBe(200);
    expect(await statusOf(db, h.requestId)).toBe('charged');
    expect(await seatCount(db, h.contract.id, 'pro')).toBe(before + 2);
    expect(await auditRows(db, { subjectId: h.requestId, action: 'purchase.charged' })).toHaveLength(1);
    // delivered twice: one receipt each for requester and owner
    expect((await outbox(db, 'receipt', h.requestId)).map((o) => o.recipient_id).sort()).toEqual(
      [h.member.id, h.owner.id].sort(),
    );
  });

  it('pending_update_expired keeps the seats unchanged and tells requester and approvers', async () => {
    const h = await heldPurchase();
    const e = event('customer.subscription.pending_update_expired', {
      id: h.sub,
      object: 'subscription',
      metadata: { contract_id: h.contract.id },
    });
    expect((await deliver(e)).status).toBe(200);
    expect(await statusOf(db, h.requestId)).toBe('payment_failed');
    expect(await seatCount(db, h.contract.id, 'pro')).toBe(3);
    const expired = (await outbox(db, 'purchase_result', h.requestId)).filter(
      (t) => t.payload.reason === 'The payment was not completed in time.',
    );
    expect(expired.map((t) => t.recipient_id).sort()).toEqual([h.member.id, h.owner.id].sort());
    expect(
      await sql(db, 'select awaiting_payment from purchase_request where id = ?', [h.requestId]),
    ).toEqual([{ awaiting_payment: false }]);
  });

  it('customer.subscription.deleted ends the paid access, as the cancellation roll does', async () => {
    const f = await orgWith(db);
    await linkSubscription(db, f.contract.id, `sub_del_${f.contract.id.slice(0, 6)}`, []);
    const e = event('customer.subscription.deleted', {
      id: `sub_del_${f.contract.id.slice(0, 6)}`,
      object: 'subscription',
      status: 'canceled',
    });
    expect((await deliver(e)).status).toBe(200);
    expect(
      (await sql<{ status: string }>(db, 'select status from organization where id = ?', [f.org.id]))[0]!
        .status,
    ).toBe('cancelled');
    expect(
      (await sql<{ status: string }>(db, 'select status from contract where id = ?', [f.contract.id]))[0]!
        .status,
    ).toBe('ended');
  });
});
