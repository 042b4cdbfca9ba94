import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { type Api, startApi } from './support.ts';

let db: TestDb;
let api: Api;

beforeAll(async () => {
  db = await freshDb();
  api = await startApi(db);
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

const refused = async (status: number, code: string, body: unknown, raw?: string) => {
  const before = await db.counts();
  const r = await api.call('POST', '/api/v1/contracts', raw === undefined ? { body } : { raw });
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(typeof r.body.error.message).toBe('string');
  expect(typeof r.body.error.next).toBe('string');
  expect(await db.counts()).toEqual(before);
  return r.body.error;
};

const valid = {
  managerEmail: 'procurement@example.com',
  period: 'year',
  plans: [{ plan: 'pro', quantity: 5 }],
};

describe('POST /api/v1/contracts', () => {
  it('creates an unconnected external contract with one unassigned seat per unit (201)', async () => {
    const before = await db.counts();
    const r = await api.call('POST', '/api/v1/contracts', {
      body: {
        managerEmail: 'Procurement@Example.com',
        period: 'year',
        plans: [
          { plan: 'pro', quantity: 5 },
          { plan: 'Business', quantity: 2 },
        ],
      },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.seats).toEqual({ pro: 5, business: 2 });
    expect(r.body.contract).toMatchObject({
      id: expect.any(String),
      kind: 'external',
      organizationId: null,
      managerEmail: 'procurement@example.com',
      period: 'year',
      status: 'active',
      currentPeriodStart: db.clock.now().toISOString(),
      currentPeriodEnd: '2027-03-01T00:00:00.000Z',
    });
    expect(r.body.contract).not.toHaveProperty('connectionKeyHash');
    const after = await db.counts();
    expect(after.contract).toBe(before.contract! + 1);
    expect(after.seat).toBe(before.seat! + 7);
    expect(after.account).toBe(before.account! + 1); // the manager, on the free plan
    const seats = await db.em
      .fork()
      .execute('select count(*)::int as n from seat where contract_id = ? and membership_id is null', [
        r.body.contract.id,
      ]);
    expect(seats[0]).toEqual({ n: 7 });
  });

  it('takes a past start date and rolls the period forward to the one containing now', async () => {
    const r = await api.call('POST', '/api/v1/contracts', {
      body: { ...valid, period: 'month', startsAt: '2026-01-15' },
    });
    expect(r.status).toBe(201);
    expect(r.body.contract.currentPeriodStart).toBe('2026-02-15T00:00:00.000Z');
    expect(r.body.contract.currentPeriodEnd).toBe('2026-03-15T00:00:00.000Z');
  });

  it('takes the largest quantity, 10,000 seats', async () => {
    const before = await db.count('seat');
    const r = await api.call('POST', '/api/v1/contracts', {
      body: { ...valid, plans: [{ plan: 'pro', quantity: 10_000 }] },
    });
    expect(r.status).toBe(201);
    expect(await db.count('seat')).toBe(before + 10_000);
  });

  it('refuses quantities 0, -1, 10,001 and 1.5', async () => {
    for (const quantity of [0, -1, 10_001, 1.5]) {
      const e = await refused(400, 'invalid_input', { ...valid, plans: [{ plan: 'pro', quantity }] });
      expect(e.details).toEqual({ field: 'plans.0.quantity' });
      expect(e.message).toContain(String(quantity));
    }
  });

  it('refuses a quantity sent as a string', async () => {
    await refused(400, 'invalid_input', { ...valid, plans: [{ plan: 'pro', quantity: '5' }] });
  });

  it('refuses an unknown plan with 404 not_found, naming the plans', async () => {
    const e = await refused(404, 'not_found', { ...valid, plans: [{ plan: 'platinum', quantity: 1 }] });
    expect(e.message).toContain('platinum');
    expect(e.next).toContain('pro');
  });

  it('refuses the free plan, a plan listed twice, and a malformed plan name', async () => {
    await refused(400, 'invalid_input', { ...valid, plans: [{ plan: 'free', quantity: 1 }] });
    await refused(400, 'invalid_input', {
      ...valid,
      plans: [
        { plan: 'pro', quantity: 1 },
        { plan: 'PRO', quantity: 1 },
      ],
    });
    await refused(400, 'invalid_input', { ...valid, plans: [{ plan: 'pro plan', quantity: 1 }] });
  });

  it('refuses an invalid manager email, a bad period, no plans, and unknown fields', async () => {
    expect((await refused(400, 'invalid_input', { ...valid, managerEmail: 'nobody' })).details).toEqual({
      field: 'managerEmail',
    });
    expect((await refused(400, 'invalid_input', { ...valid, period: 'week' })).details).toEqual({
      field: 'period',
    });
    await refused(400, 'invalid_input', { ...valid, plans: [] });
    await refused(400, 'invalid_input', { managerEmail: 'p@example.com', plans: valid.plans });
    await refused(400, 'invalid_input', { ...valid, organizationId: 'x' });
  });

  it('refuses a start date in the future or not a date', async () => {
    expect((await refused(400, 'invalid_input', { ...valid, startsAt: '2026-04-01' })).details).toEqual({
      field: 'startsAt',
    });
    await refused(400, 'invalid_input', { ...valid, startsAt: 'next monday' });
    await refused(400, 'invalid_input', { ...valid, startsAt: 1767225600000 });
  });

  it('refuses malformed JSON', async () => {
    const e = await refused(400, 'invalid_input', undefined, '{"managerEmail": "p@example.com", "plans": [');
    expect(e.details).toEqual({ field: 'body' });
  });
});

describe('POST /api/v1/contracts with an Idempotency-Key', () => {
  const post = (key: string, body: unknown = valid) =>
    api.call('POST', '/api/v1/contracts', { body, headers: { 'idempotency-key': key } });

  it('answers a retry with the first contract and creates nothing more', async () => {
    const first = await post('order-4711');
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const before = await db.counts();
    const again = await post('order-4711');
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await db.counts()).toEqual(before);
  });

  it('gives one contract to two simultaneous requests with one key', async () => {
    const before = await db.count('contract');
    const [a, b] = await Promise.all([post('order-4712'), post('order-4712')]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.contract.id).toBe(b.body.contract.id);
    expect(await db.count('contract')).toBe(before + 1);
  });

  it('refuses the key on a different request with 409, changing nothing', async () => {
    await post('order-4713');
    const before = await db.counts();
    const r = await post('order-4713', { ...valid, plans: [{ plan: 'pro', quantity: 6 }] });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('conflict');
    expect(r.body.error.next).toMatch(/new key/);
    expect(await db.counts()).toEqual(before);
  });

  it('refuses a key that is too long or has spaces, changing nothing', async () => {
    const before = await db.counts();
    for (const key of ['x'.repeat(256), 'two words']) {
      const r = await post(key);
      expect(r.status).toBe(400);
      expect(r.body.error.code).toBe('invalid_input');
      expect(r.body.error.message).toMatch(/Idempotency-Key/);
    }
    expect(await db.counts()).toEqual(before);
  });

  it('treats requests without a key as new contracts each time', async () => {
    const before = await db.count('contract');
    await api.call('POST', '/api/v1/contracts', { body: valid });
    await api.call('POST', '/api/v1/contracts', { body: valid });
    expect(await db.count('contract')).toBe(before + 2);
  });
});
