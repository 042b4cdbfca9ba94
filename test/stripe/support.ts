import type { Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import nock from 'nock';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { stripeClient } from '../../adapters/stripe/client.ts';
import { StripeGateway } from '../../adapters/stripe/stripe-gateway.ts';
import { stripeStore } from '../../db/repositories/stripe-store.ts';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { buildHttp, listen } from '../../src/server.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/** Stripe's stand-in: nock answers for this base; nothing leaves the machine. */
export const STRIPE_BASE = 'http://stripe.test';
export const SECRET_KEY = 'sk_test_seatkeeper';
export const WEBHOOK_SECRET = 'whsec_seatkeeper_test';

export const stripeApi = () => nock(STRIPE_BASE);

/** A Stripe gateway on `orm` (default: the test database's), talking to the stand-in. */
export const gatewayOn = (db: TestDb, orm?: MikroORM) =>
  new StripeGateway(
    stripeStore((orm?.em ?? db.em) as unknown as EntityManager),
    stripeClient(SECRET_KEY, STRIPE_BASE),
    { publicUrl: 'https://bot.example.com', now: () => db.clock.now() },
  );

export const stripeContext = (db: TestDb, orm?: MikroORM): ServiceContext => ({
  em: (orm?.em ?? db.em) as unknown as EntityManager,
  clock: db.clock,
  billing: gatewayOn(db, orm),
});

/** Before each test the clock is reset; after it, every Stripe call the test expected must have been made. */
const eachTest = (clockAt: string, db: () => TestDb | undefined) => {
  beforeEach(() => db()!.clock.set(clockAt));
  afterEach(() => {
    const left = nock.pendingMocks();
    nock.cleanAll();
    expect(left, 'every expected Stripe call was made').toEqual([]);
  });
};

/**
 * The hooks every Stripe test file needs: a fresh database and a Stripe-billed context, no real
 * network, the clock reset before each test, and a check after each that every Stripe call the
 * test expected was made. `ready` receives the database and the context.
 */
export const stripeSuite = (clockAt: string, ready: (db: TestDb, stripe: ServiceContext) => void) => {
  let db: TestDb | undefined;
  beforeAll(async () => {
    db = await freshDb();
    ready(db, stripeContext(db));
    nock.disableNetConnect();
  });
  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await db?.close();
  });
  eachTest(clockAt, () => db);
};

/**
 * The hooks of a test file that talks to our own server as Stripe does: a fresh database, the
 * app built with Stripe billing and listening on a loopback port (the only network allowed),
 * the clock reset before each test, and every expected Stripe call checked after it.
 * `ready` receives the database, the app and the server's base URL.
 */
export const webhookSuite = (clockAt: string, ready: (db: TestDb, app: App, base: string) => void) => {
  let db: TestDb | undefined;
  let server: Server | undefined;
  beforeAll(async () => {
    db = await freshDb();
    const config = loadConfig({
      STRIPE_SECRET_KEY: SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: STRIPE_BASE,
      PUBLIC_URL: 'https://bot.example.com',
      LOG_LEVEL: 'silent',
      ...(db.url ? { DATABASE_URL: db.url } : {}),
    });
    const app = await buildApp(config, { clock: db.clock, orm: db.orm });
    server = await listen(buildHttp(app), 0, '127.0.0.1');
    const address = server.address();
    ready(db, app, `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`);
    nock.disableNetConnect();
    nock.enableNetConnect('127.0.0.1');
  });
  afterAll(async () => {
    nock.cleanAll();
    nock.enableNetConnect();
    await new Promise((r) => server?.close(r));
    await db?.close();
  });
  eachTest(clockAt, () => db);
};

let eventSeq = 0;
/** A Stripe event around `object`, with a fresh id unless given. */
export const stripeEvent = (
  type: string,
  object: Record<string, unknown>,
  id = `evt_${++eventSeq}_${Date.now()}`,
) => ({
  id,
  object: 'event',
  type,
  api_version: '2026-10-28.endive',
  created: Math.floor(Date.now() / 1000),
  data: { object },
});

/** Delivers an event to our server over HTTP, signed as Stripe signs it (or with another secret / an old timestamp). */
export const deliverSigned = (
  base: string,
  e: object,
  opts: { secret?: string; timestamp?: number } = {},
) => {
  const payload = JSON.stringify(e);
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload,
    secret: opts.secret ?? WEBHOOK_SECRET,
    timestamp: opts.timestamp ?? Math.floor(Date.now() / 1000),
  });
  return fetch(`${base}/stripe/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
};

/** A form-encoded request body as flat `key → value` pairs (`items[0][quantity]` → '5'). */
export const form = (body: unknown): Record<string, string> => {
  // nock hands a matcher the form already parsed into flat keys; a reply callback gets the string
  if (typeof body === 'string') return Object.fromEntries(new URLSearchParams(body));
  if (body && typeof body === 'object') {
    return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, String(v)]));
  }
  throw new Error(`expected a form-encoded body, got ${JSON.stringify(body)}`);
};

/** What a contract looks like in Stripe once its subscription exists (as startSubscription records it). */
export const linkSubscription = async (
  db: TestDb,
  contractId: string,
  subscriptionId: string,
  items: { plan: string; itemId: string; priceId: string }[],
) => {
  const em = db.em.fork();
  await em.execute(
    'insert into stripe_subscription (contract_id, subscription_id, created_at) values (?, ?, ?)',
    [contractId, subscriptionId, db.clock.now()],
  );
  for (const i of items) {
    await em.execute(
      'insert into stripe_subscription_item (contract_id, plan_code, item_id, price_id) values (?, ?, ?, ?)',
      [contractId, i.plan, i.itemId, i.priceId],
    );
  }
};

/** A Stripe subscription object as the API returns it (the fields we read). */
export const subscription = (
  id: string,
  o: {
    items: { itemId: string; plan: string; priceId?: string; quantity: number }[];
    pendingUpdate?: boolean;
    latestInvoice?: { id: string; status: string; amount_due: number } | string;
    contractId?: string;
    status?: string;
    cancelAtPeriodEnd?: boolean;
    /** the attached schedule: its id, or the object when `expand[]=schedule` was asked */
    schedule?: string | object | null;
  },
) => ({
  id,
  object: 'subscription',
  schedule: o.schedule ?? null,
  status: o.status ?? 'active',
  cancel_at_period_end: o.cancelAtPeriodEnd ?? false,
  metadata: o.contractId ? { contract_id: o.contractId } : {},
  pending_update: o.pendingUpdate
    ? {
        expires_at: 1_900_000_000,
        subscription_items: o.items.map((i) => ({ id: i.itemId, quantity: i.quantity })),
      }
    : null,
  latest_invoice: o.latestInvoice ?? null,
  items: {
    object: 'list',
    data: o.items.map((i) => ({
      id: i.itemId,
      object: 'subscription_item',
      quantity: i.quantity,
      price: {
        id: i.priceId ?? `price_${i.plan}`,
        object: 'price',
        lookup_key: `seatkeeper:${i.plan}:month`,
      },
    })),
  },
});

const epoch = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** A subscription schedule as the API returns it (the fields we read): current phase, then an optional next one. */
export const schedule = (
  id: string,
  o: {
    start: string;
    end: string;
    now: { price: string; quantity: number }[];
    next?: { price: string; quantity: number }[];
    status?: string;
  },
) => ({
  id,
  object: 'subscription_schedule',
  status: o.status ?? 'active',
  end_behavior: 'release',
  current_phase: { start_date: epoch(o.start), end_date: epoch(o.end) },
  phases: [
    { start_date: epoch(o.start), end_date: epoch(o.end), items: o.now },
    ...(o.next ? [{ start_date: epoch(o.end), end_date: epoch(o.end) + 30 * 86_400, items: o.next }] : []),
  ],
});
