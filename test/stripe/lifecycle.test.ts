import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { syncCatalog } from '../../adapters/stripe/catalog-sync.ts';
import { stripeClient } from '../../adapters/stripe/client.ts';
import { billingReasonText } from '../../src/commands/domain-terms.ts';
import { DEFAULT_PLANS } from '../../src/domain/catalog.ts';
import { parseNotice } from '../../src/domain/notices.ts';
import { receiptAddsUp, receiptSchema } from '../../src/domain/receipt.ts';
import { english } from '../../src/i18n/words.ts';
import { applyBillingEvent } from '../../src/service/apply-billing-event.ts';
import { cancelOrganization } from '../../src/service/cancel-organization.ts';
import { collectDueCharges } from '../../src/service/collect-period-charges.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { reconcileBilling } from '../../src/service/reconcile-billing.ts';
import { renewalKey, rollContract, rollDueContracts } from '../../src/service/roll-renewal.ts';
import { undoCancel } from '../../src/service/undo-cancel.ts';
import type { TestDb } from '../support/db.ts';
import { addSeats, auditRows, orgWith, outboxTo, refusal } from '../support/fixtures.ts';
import { seatCount } from '../support/purchase-fixtures.ts';
import {
  form,
  linkSubscription,
  SECRET_KEY,
  STRIPE_BASE,
  schedule,
  stripeApi,
  stripeSuite,
  subscription,
} from './support.ts';

/** A billing problem's reason as an English reader gets it (the payload carries facts). */
const reasonOf = (payload: unknown): string => {
  const n = parseNotice('billing_problem', payload);
  return n.kind === 'billing_problem'
    ? billingReasonText(n.payload.reason, n.payload.organizationName, english)
    : '';
};

let db: TestDb;
let stripe: ServiceContext;

stripeSuite('2026-03-01T00:00:00Z', (d, s) => {
  db = d;
  stripe = s;
});

/** A Stripe-billed organization: the owner's business seat, 3 pro seats of which 1 does not renew. */
const billedOrg = async () => {
  const f = await orgWith(db, { seats: { pro: 2 } });
  await addSeats(db, f.contract.id, 'pro', 1, { autoRenew: false });
  const tag = f.contract.id.slice(0, 8);
  const ids = { sub: `sub_${tag}`, bus: `si_bus_${tag}`, pro: `si_pro_${tag}` };
  await linkSubscription(db, f.contract.id, ids.sub, [
    { plan: 'business', itemId: ids.bus, priceId: 'price_business' },
    { plan: 'pro', itemId: ids.pro, priceId: 'price_pro' },
  ]);
  return { ...f, ids };
};

/** The subscription's items as Stripe returns them: the owner's business seat and `pro` pro seats. */
const billedItems = (f: Awaited<ReturnType<typeof billedOrg>>, pro: number) => [
  { itemId: f.ids.bus, plan: 'business', quantity: 1 },
  { itemId: f.ids.pro, plan: 'pro', quantity: pro },
];

/** Records the form bodies and idempotency keys of the requests to one path. */
const capture = (method: 'post' | 'get', path: string, reply: object, times = 1) => {
  const seen: { body: Record<string, string>; key: string | undefined }[] = [];
  stripeApi()
    [method](path)
    .times(times)
    .reply(function (_uri, body) {
      seen.push({
        body: method === 'post' ? form(body) : {},
        key: this.req.headers['idempotency-key'] as string | undefined,
      });
      return [200, reply];
    });
  return seen;
};

describe('renewal', () => {
  it('seats with auto-renew off stop being billed at the renewal, with no proration, never earlier', async () => {
    const f = await billedOrg();
    db.clock.set('2026-03-31T23:59:59Z');
    // before the period ends nothing is sent to Stripe
    expect(await rollDueContracts(stripe)).toEqual([]);
    // Stripe still bills 3 pro seats (no schedule moved it): the roll lowers only that item
    stripeApi()
      .get(`/v1/subscriptions/${f.ids.sub}`)
      .reply(200, subscription(f.ids.sub, { items: billedItems(f, 3) }));
    const seen = capture('post', `/v1/subscriptions/${f.ids.sub}`, { id: f.ids.sub, object: 'subscription' });
    db.clock.set('2026-04-01T00:00:01Z');
    const r = await rollContract(stripe, f.contract.id);
    expect(r).toMatchObject({ rolled: true, seatsEnded: 1 });
    expect(seen).toEqual([
      {
        body: {
          'items[0][id]': f.ids.pro,
          'items[0][quantity]': '2',
          proration_behavior: 'none',
        },
        key: renewalKey(f.contract.id, new Date('2026-04-01T00:00:00Z')),
      },
    ]);
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(2);
  });
});

describe('cancel', () => {
  it('cancel sets cancel_at_period_end, undo clears it', async () => {
    const f = await billedOrg();
    const cancelled = capture('post', `/v1/subscriptions/${f.ids.sub}`, {
      id: f.ids.sub,
      object: 'subscription',
    });
    await cancelOrganization(stripe, f.owner.actor, { organizationId: f.org.id });
    expect(cancelled.map((c) => c.body)).toEqual([{ cancel_at_period_end: 'true' }]);
    const undone = capture('post', `/v1/subscriptions/${f.ids.sub}`, {
      id: f.ids.sub,
      object: 'subscription',
    });
    // the organization renews again, one pro seat without auto-renew: the drop is planned again
    stripeApi()
      .get(`/v1/subscriptions/${f.ids.sub}`)
      .query({ 'expand[0]': 'schedule' })
      .reply(200, subscription(f.ids.sub, { items: billedItems(f, 3) }));
    const phases = { start: '2026-03-01T00:00:00Z', end: '2026-04-01T00:00:00Z' };
    const now = [
      { price: 'price_business', quantity: 1 },
      { price: 'price_pro', quantity: 3 },
    ];
    const attached = capture(
      'post',
      '/v1/subscription_schedules',
      schedule('sub_sched_undo', { ...phases, now }),
    );
    const planned = capture(
      'post',
      '/v1/subscription_schedules/sub_sched_undo',
      schedule('sub_sched_undo', { ...phases, now }),
    );
    db.clock.advance(60_000);
    await undoCancel(stripe, f.owner.actor, { organizationId: f.org.id });
    expect(undone.map((c) => c.body)).toEqual([{ cancel_at_period_end: 'false' }]);
    expect(attached.map((c) => c.body)).toEqual([{ from_subscription: f.ids.sub }]);
    expect(
      planned.map((c) => [c.body['phases[1][items][1][price]'], c.body['phases[1][items][1][quantity]']]),
    ).toEqual([['price_pro', '2']]);
    // each decision its own key, so undo and a later cancel are not replays of the first
    expect(new Set([...cancelled, ...undone].map((c) => c.key)).size).toBe(2);
  });

  it('our own retry of a cancel that got no answer sends the same idempotency key; the next decision a new one', async () => {
    const f = await billedOrg();
    const keys: string[] = [];
    stripeApi()
      .post(`/v1/subscriptions/${f.ids.sub}`)
      .times(3)
      .reply(function () {
        keys.push(this.req.headers['idempotency-key'] as string);
        return [500, { error: { type: 'api_error', message: 'Stripe had a problem' } }];
      });
    await refusal(
      'billing_unavailable',
      cancelOrganization(stripe, f.owner.actor, { organizationId: f.org.id }),
    );
    // the owner tries again a minute later: the same decision, so the same key
    db.clock.advance(60_000);
    const retried = capture('post', `/v1/subscriptions/${f.ids.sub}`, {
      id: f.ids.sub,
      object: 'subscription',
    });
    await cancelOrganization(stripe, f.owner.actor, { organizationId: f.org.id });
    expect(keys.length).toBeGreaterThanOrEqual(1);
    expect(new Set([...keys, ...retried.map((r) => r.key)])).toEqual(new Set([keys[0]]));
    // undo, then cancel again: new decisions, new keys (not replays of the first)
    const undone = capture('post', `/v1/subscriptions/${f.ids.sub}`, {
      id: f.ids.sub,
      object: 'subscription',
    });
    stripeApi()
      .get(`/v1/subscriptions/${f.ids.sub}`)
      .query({ 'expand[0]': 'schedule' })
      .reply(200, subscription(f.ids.sub, { items: billedItems(f, 3), schedule: null }));
    stripeApi()
      .post('/v1/subscription_schedules')
      .reply(200, { id: 'sub_sched_x', object: 'subscription_schedule', current_phase: null, phases: [] });
    await undoCancel(stripe, f.owner.actor, { organizationId: f.org.id });
    const again = capture('post', `/v1/subscriptions/${f.ids.sub}`, {
      id: f.ids.sub,
      object: 'subscription',
    });
    stripeApi()
      .get(`/v1/subscriptions/${f.ids.sub}`)
      .reply(200, subscription(f.ids.sub, { items: billedItems(f, 3), schedule: 'sub_sched_x' }));
    stripeApi().post('/v1/subscription_schedules/sub_sched_x/release').reply(200, { id: 'sub_sched_x' });
    await cancelOrganization(stripe, f.owner.actor, { organizationId: f.org.id });
    const all = [keys[0], undone[0]!.key, again[0]!.key];
    expect(new Set(all).size).toBe(3);
  }, 20_000);

  it('Stripe rate limiting becomes a coded error with a plain message, and the cancellation is not recorded', async () => {
    const f = await billedOrg();
    let calls = 0;
    stripeApi()
      .post(`/v1/subscriptions/${f.ids.sub}`)
      .times(5)
      .reply(() => {
        calls++;
        return [429, { error: { type: 'rate_limit_error', message: 'Too many requests' } }];
      });
    const e = await refusal(
      'billing_unavailable',
      cancelOrganization(stripe, f.owner.actor, { organizationId: f.org.id }),
    );
    expect(e.message).toBe('Stripe is rate limiting our requests.');
    expect(calls).toBeGreaterThanOrEqual(1);
    // Stripe was not told, so nothing was recorded: the owner can simply try again
    const [org] = await db.em
      .fork()
      .execute<{ status: string }[]>('select status from organization where id = ?', [f.org.id]);
    expect(org!.status).toBe('active');
    nock.cleanAll();
  }, 20_000);
});

describe('reconciliation', () => {
  it('reports a plan whose Stripe quantity differs from our seats, and nothing when they agree', async () => {
    const f = await billedOrg();
    const billed = (pro: number) =>
      subscription(f.ids.sub, {
        items: [
          { itemId: f.ids.bus, plan: 'business', quantity: 1 },
          { itemId: f.ids.pro, plan: 'pro', quantity: pro },
        ],
      });
    // other organizations of this file's database are not billed through Stripe: no call for them
    // only this organization is billed through Stripe here (the other tests' ones are unlinked)
    await db.em.fork().execute('delete from stripe_subscription where contract_id <> ?', [f.contract.id]);
    // the renewal schedule already plans the drop (3 → 2 pro): the safety-net sync only looks
    const planned = {
      ...billed(3),
      schedule: schedule('sub_sched_recon', {
        start: '2026-03-01T00:00:00Z',
        end: '2026-04-01T00:00:00Z',
        now: [
          { price: 'price_business', quantity: 1 },
          { price: 'price_pro', quantity: 3 },
        ],
        next: [
          { price: 'price_business', quantity: 1 },
          { price: 'price_pro', quantity: 2 },
        ],
      }),
    };
    await db.em
      .fork()
      .execute('update stripe_subscription set schedule_id = ? where contract_id = ?', [
        'sub_sched_recon',
        f.contract.id,
      ]);
    stripeApi()
      .get(`/v1/subscriptions/${f.ids.sub}`)
      .query({ 'expand[0]': 'schedule' })
      .times(2)
      .reply(200, planned);
    stripeApi().get(`/v1/subscriptions/${f.ids.sub}`).reply(200, billed(3));
    expect((await reconcileBilling(stripe)).filter((r) => r.contractId === f.contract.id)).toEqual([]);
    stripeApi().get(`/v1/subscriptions/${f.ids.sub}`).reply(200, billed(4));
    const drift = await reconcileBilling(stripe);
    expect(drift).toEqual([
      { contractId: f.contract.id, drift: [{ planCode: 'pro', ours: 3, billed: 4 }], cancelMismatch: false },
    ]);
    const rows = await auditRows(db, { organizationId: f.org.id, action: 'billing.drift' });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.subjectId).toBe(f.contract.id);
  });
});

describe('catalog sync', () => {
  it('creates the product and the graduated-tier prices by lookup key, and keeps a price that already matches', async () => {
    const pro = DEFAULT_PLANS.find((p) => p.code === 'pro')!;
    const client = stripeClient(SECRET_KEY, STRIPE_BASE);
    stripeApi()
      .post('/v1/products/seatkeeper-pro')
      .reply(404, {
        error: { type: 'invalid_request_error', code: 'resource_missing', message: 'No such product' },
      });
    const product = capture('post', '/v1/products', { id: 'seatkeeper-pro', object: 'product' });
    stripeApi()
      .get('/v1/prices')
      .query({ 'lookup_keys[0]': 'seatkeeper:pro:month', active: 'true', 'expand[0]': 'data.tiers' })
      .reply(200, { object: 'list', data: [] });
    const yearly = {
      id: 'price_pro_year',
      object: 'price',
      currency: 'eur',
      recurring: { interval: 'year' },
      tiers: [
        { up_to: 10, unit_amount: 15000 },
        { up_to: 50, unit_amount: 13500 },
        { up_to: 250, unit_amount: 12000 },
        { up_to: null, unit_amount: 10500 },
      ],
    };
    stripeApi()
      .get('/v1/prices')
      .query({ 'lookup_keys[0]': 'seatkeeper:pro:year', active: 'true', 'expand[0]': 'data.tiers' })
      .reply(200, { object: 'list', data: [yearly] });
    const price = capture('post', '/v1/prices', { id: 'price_pro_month', object: 'price' });
    const synced = await syncCatalog(client, [pro]);
    expect(synced).toEqual([
      { plan: 'pro', period: 'month', priceId: 'price_pro_month', action: 'created' },
      { plan: 'pro', period: 'year', priceId: 'price_pro_year', action: 'kept' },
    ]);
    expect(product.map((p) => p.body)).toEqual([{ id: 'seatkeeper-pro', name: 'Seatkeeper Pro' }]);
    expect(price.map((p) => p.body)).toEqual([
      {
        product: 'seatkeeper-pro',
        currency: 'eur',
        'recurring[interval]': 'month',
        'recurring[usage_type]': 'licensed',
        billing_scheme: 'tiered',
        tiers_mode: 'graduated',
        'tiers[0][up_to]': '10',
        'tiers[0][unit_amount]': '1500',
        'tiers[1][up_to]': '50',
        'tiers[1][unit_amount]': '1350',
        'tiers[2][up_to]': '250',
        'tiers[2][unit_amount]': '1200',
        'tiers[3][up_to]': 'inf',
        'tiers[3][unit_amount]': '1050',
        lookup_key: 'seatkeeper:pro:month',
        transfer_lookup_key: 'true',
        'metadata[plan]': 'pro',
        'metadata[period]': 'month',
      },
    ]);
  });
});

describe('choosing the gateway', () => {
  it('without STRIPE_SECRET_KEY the ledger bills and /stripe/webhook does not exist', async () => {
    const { buildApp } = await import('../../src/app.ts');
    const { loadConfig } = await import('../../src/config.ts');
    const { buildHttp, listen } = await import('../../src/server.ts');
    const app = await buildApp(
      loadConfig({ LOG_LEVEL: 'silent', ...(db.url ? { DATABASE_URL: db.url } : {}) }),
      { clock: db.clock, orm: db.orm },
    );
    expect(app.ctx.billing.name).toBe('ledger');
    expect(app.stripe).toBeUndefined();
    nock.enableNetConnect('127.0.0.1');
    const server = await listen(buildHttp(app), 0, '127.0.0.1');
    try {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/stripe/webhook`, { method: 'POST', body: '{}' });
      expect(res.status).toBe(404);
    } finally {
      await new Promise((r) => server.close(r));
      nock.disableNetConnect();
    }
  });
});

describe('dunning through Stripe', () => {
  it("a declined renewal invoice is paid again on the dunning schedule, with a new key per try; Stripe's invoice.paid ends it", async () => {
    const f = await billedOrg();
    stripeApi()
      .get(`/v1/subscriptions/${f.ids.sub}`)
      .reply(200, subscription(f.ids.sub, { items: billedItems(f, 2) }));
    db.clock.set('2026-04-01T00:00:30Z');
    expect(await rollContract(stripe, f.contract.id)).toMatchObject({ rolled: true });
    // the roll only told Stripe the quantities: no money moved yet, so no receipt
    expect(await outboxTo(db, f.owner.id, 'receipt')).toEqual([]);
    // Stripe's cycle invoice for the new period is declined
    db.clock.set('2026-04-01T01:00:00Z');
    const failed = await applyBillingEvent(stripe, {
      id: `evt_fail_${f.contract.id}`,
      type: 'invoice.payment_failed',
      kind: 'invoice_failed',
      contractId: f.contract.id,
      invoiceRef: 'in_cycle_1',
      reason: 'The card was declined.',
    });
    expect(failed).toBe('applied');
    const problems = await outboxTo(db, f.owner.id, 'billing_problem');
    expect(reasonOf(problems.at(-1)!.payload)).toContain('We try again on 2026-04-02.');

    // first retry: the invoice is paid again, keyed by the attempt; still declined
    const pays: (string | undefined)[] = [];
    stripeApi()
      .post('/v1/invoices/in_cycle_1/pay')
      .reply(function () {
        pays.push(this.req.headers['idempotency-key'] as string | undefined);
        return [
          402,
          { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } },
        ];
      });
    db.clock.set('2026-04-02T01:00:00Z');
    const first = await collectDueCharges(stripe);
    expect(first.map((r) => r.outcome)).toEqual(['declined']);
    // second retry: paid
    stripeApi()
      .post('/v1/invoices/in_cycle_1/pay')
      .reply(function () {
        pays.push(this.req.headers['idempotency-key'] as string | undefined);
        return [200, { id: 'in_cycle_1', object: 'invoice', status: 'paid' }];
      });
    db.clock.set('2026-04-04T01:00:00Z');
    expect((await collectDueCharges(stripe)).map((r) => r.outcome)).toEqual(['paid']);
    const key = renewalKey(f.contract.id, new Date('2026-04-01T00:00:00Z'));
    expect(pays).toEqual([`${key}:retry:1`, `${key}:retry:2`]);
    expect(await outboxTo(db, f.owner.id, 'payment_received')).toHaveLength(1);
    // paid at last: its receipt, the renewing seats for the whole period (business 30.00, 2 pro at 15.00)
    const receipts = (await outboxTo(db, f.owner.id, 'receipt')).map((o) => receiptSchema.parse(o.payload));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({
      what: { kind: 'renewal' },
      total: 3000 + 2 * 1500,
      reference: 'in_cycle_1',
    });
    expect(receiptAddsUp(receipts[0]!)).toBe(true);
    // Stripe's own invoice.paid afterwards changes nothing more (no second receipt either)
    const before = await db.counts();
    await applyBillingEvent(stripe, {
      id: `evt_paid_${f.contract.id}`,
      type: 'invoice.paid',
      kind: 'invoice_paid',
      contractId: f.contract.id,
      invoiceRef: 'in_cycle_1',
      cycle: { total: 3000 + 2 * 1500, currency: 'eur', periodStart: new Date('2026-04-01T00:00:00Z') },
    });
    expect((await db.counts()).outbox).toBe(before.outbox);
  });
});
