import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import { type Api, enc, startApi } from './support.ts';

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

/** Runs a request that must be refused with `status` and `code`, and checks nothing changed. */
const refused = async (
  status: number,
  code: string,
  method: string,
  path: string,
  opts: Parameters<Api['call']>[2] = {},
) => {
  const before = await db.counts();
  const r = await api.call(method, path, opts);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(typeof r.body.error.message).toBe('string');
  expect(typeof r.body.error.next).toBe('string');
  expect(await db.counts()).toEqual(before);
  return r.body.error;
};

describe('PUT /api/v1/accounts/:email', () => {
  it('creates an account (201) without echoing the payment method', async () => {
    const r = await api.call('PUT', `/api/v1/accounts/${enc('Ann@Example.com')}`, {
      body: { name: 'Ann', personalPlan: 'solo', paymentMethod: 'pm_card_visa' },
    });
    expect(r.status).toBe(201);
    expect(r.body).toEqual({
      account: {
        id: expect.any(String),
        email: 'ann@example.com',
        name: 'Ann',
        personalPlan: 'solo',
        hasPaymentMethod: true,
      },
    });
    expect(JSON.stringify(r.body)).not.toContain('pm_card_visa');
    const rows = await db.em
      .fork()
      .execute('select personal_plan, payment_method from account where email = ?', ['ann@example.com']);
    expect(rows).toEqual([{ personal_plan: 'solo', payment_method: 'pm_card_visa' }]);
  });

  it('updates it (200), leaving out fields untouched', async () => {
    const r = await api.call('PUT', `/api/v1/accounts/${enc('ann@example.com')}`, {
      body: { personalPlan: 'business' },
    });
    expect(r.status).toBe(200);
    expect(r.body.account).toMatchObject({
      email: 'ann@example.com',
      name: 'Ann',
      personalPlan: 'business',
      hasPaymentMethod: true,
    });
  });

  it('clears the name and the payment method with null', async () => {
    const r = await api.call('PUT', `/api/v1/accounts/${enc('ann@example.com')}`, {
      body: { name: null, paymentMethod: null },
    });
    expect(r.status).toBe(200);
    expect(r.body.account).toMatchObject({ name: null, personalPlan: 'business', hasPaymentMethod: false });
  });

  it('creates an account with no body at all, on the free plan', async () => {
    const r = await api.call('PUT', `/api/v1/accounts/${enc('bare@example.com')}`);
    expect(r.status).toBe(201);
    expect(r.body.account).toMatchObject({ email: 'bare@example.com', personalPlan: 'free', name: null });
    const again = await api.call('PUT', `/api/v1/accounts/${enc('bare@example.com')}`, { body: {} });
    expect(again.status).toBe(200);
  });

  it.skipIf(usingPglite)('creates a new account once when the same PUT arrives concurrently', async () => {
    // PUT is idempotent: per address exactly one 201, the others 200. Regression: upsertAccount's
    // plain insert used to lose the race, a unique violation (409 conflict here, a 500 without the mapping).
    for (let round = 0; round < 5; round++) {
      const address = `race${round}@example.com`;
      const answers = await Promise.all(
        Array.from({ length: 8 }, () =>
          api.call('PUT', `/api/v1/accounts/${enc(address)}`, { body: { personalPlan: 'solo' } }),
        ),
      );
      const statuses = answers.map((a) => `${a.status}${a.body.error ? ` ${a.body.error.code}` : ''}`).sort();
      expect(statuses, address).toEqual(['200', '200', '200', '200', '200', '200', '200', '201']);
      const rows = await db.em
        .fork()
        .execute('select count(*)::int as n from account where email = ?', [address]);
      expect(rows).toEqual([{ n: 1 }]);
    }
  });

  it('refuses an invalid email', async () => {
    const e = await refused(400, 'invalid_input', 'PUT', `/api/v1/accounts/${enc('not-an-email')}`, {
      body: { personalPlan: 'solo' },
    });
    expect(e.details).toEqual({ field: 'email' });
  });

  it('refuses an unknown personal plan', async () => {
    const e = await refused(400, 'invalid_input', 'PUT', `/api/v1/accounts/${enc('x@example.com')}`, {
      body: { personalPlan: 'gold' },
    });
    expect(e.details).toEqual({ field: 'personalPlan' });
    expect(e.message).toContain('gold');
  });

  it('refuses unknown fields rather than ignoring them', async () => {
    const e = await refused(400, 'invalid_input', 'PUT', `/api/v1/accounts/${enc('x@example.com')}`, {
      body: { personal_plan: 'business' },
    });
    expect(e.message).toContain('personal_plan');
  });

  it('refuses a blank name, a too short payment method and a body that is not an object', async () => {
    const path = `/api/v1/accounts/${enc('x@example.com')}`;
    await refused(400, 'invalid_input', 'PUT', path, { body: { name: '   ' } });
    await refused(400, 'invalid_input', 'PUT', path, { body: { paymentMethod: 'pm' } });
    await refused(400, 'invalid_input', 'PUT', path, { body: ['business'] });
    await refused(400, 'invalid_input', 'PUT', path, { raw: '"business"' });
  });

  it('refuses malformed JSON', async () => {
    const e = await refused(400, 'invalid_input', 'PUT', `/api/v1/accounts/${enc('x@example.com')}`, {
      raw: '{"personalPlan": "solo"',
    });
    expect(e.details).toEqual({ field: 'body' });
  });

  it('refuses a body that is not JSON (415)', async () => {
    await refused(415, 'invalid_input', 'PUT', `/api/v1/accounts/${enc('x@example.com')}`, {
      raw: 'personalPlan=solo',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
  });

  it('refuses a body over 1 MB (413)', async () => {
    await refused(413, 'invalid_input', 'PUT', `/api/v1/accounts/${enc('x@example.com')}`, {
      body: { name: 'x'.repeat(1_100_000) },
    });
  });
});

describe('POST /api/v1/usage', () => {
  const record = { resourceType: 'survey', resourceId: 's-1', metric: 'responses', value: 140 };

  it('accepts records (202) and keeps the latest value per resource and metric', async () => {
    await api.call('PUT', `/api/v1/accounts/${enc('user@example.com')}`, { body: {} });
    const r = await api.call('POST', '/api/v1/usage', {
      body: {
        email: 'User@example.com',
        records: [record, { ...record, resourceId: 's-2', value: 3, active: false }],
      },
    });
    expect(r.status).toBe(202);
    expect(r.body).toEqual({ accepted: 2 });
    const again = await api.call('POST', '/api/v1/usage', {
      body: { email: 'user@example.com', records: [{ ...record, value: 150 }] },
    });
    expect(again.status).toBe(202);
    const rows = await db.em
      .fork()
      .execute('select resource_id, value::int as value, active from usage_record order by resource_id');
    expect(rows).toEqual([
      { resource_id: 's-1', value: 150, active: true },
      { resource_id: 's-2', value: 3, active: false },
    ]);
  });

  it('refuses an unknown account with 404', async () => {
    await refused(404, 'not_found', 'POST', '/api/v1/usage', {
      body: { email: 'ghost@example.com', records: [record] },
    });
  });

  it('refuses an invalid email', async () => {
    const e = await refused(400, 'invalid_input', 'POST', '/api/v1/usage', {
      body: { email: 'user@', records: [record] },
    });
    expect(e.details).toEqual({ field: 'email' });
  });

  it('refuses no records, a negative value, a fractional value and a bad resource name', async () => {
    const email = 'user@example.com';
    await refused(400, 'invalid_input', 'POST', '/api/v1/usage', { body: { email, records: [] } });
    const neg = await refused(400, 'invalid_input', 'POST', '/api/v1/usage', {
      body: { email, records: [{ ...record, value: -1 }] },
    });
    expect(neg.details).toEqual({ field: 'records.0.value' });
    await refused(400, 'invalid_input', 'POST', '/api/v1/usage', {
      body: { email, records: [{ ...record, value: 1.5 }] },
    });
    await refused(400, 'invalid_input', 'POST', '/api/v1/usage', {
      body: { email, records: [{ ...record, resourceId: 'has space' }] },
    });
    await refused(400, 'invalid_input', 'POST', '/api/v1/usage', {
      body: { email, records: [{ ...record, value: '140' }] },
    });
  });

  it('refuses more than 1000 records at once, all or nothing', async () => {
    const records = Array.from({ length: 1001 }, (_, i) => ({ ...record, resourceId: `r${i}` }));
    await refused(400, 'invalid_input', 'POST', '/api/v1/usage', {
      body: { email: 'user@example.com', records },
    });
  });

  it('refuses malformed JSON and a missing body', async () => {
    await refused(400, 'invalid_input', 'POST', '/api/v1/usage', { raw: '{"email": "user@example.com",}' });
    await refused(400, 'invalid_input', 'POST', '/api/v1/usage');
  });
});
