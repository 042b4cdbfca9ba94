import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import { type Api, enc, organizationOf, startApi, TOKEN } from './support.ts';

let db: TestDb;
let api: Api;
let off: Api;
let orgId: string;

beforeAll(async () => {
  db = await freshDb();
  api = await startApi(db);
  off = await startApi(db, {});
  orgId = (await organizationOf(db, 'owner@example.com', 'Acme')).id;
});
afterAll(async () => {
  await api?.close();
  await off?.close();
  await db?.close();
});

/** Every route, with a body that would change something if it got through. */
const everyRoute = (): [string, string, unknown][] => [
  ['GET', '/api/v1/entitlements?email=owner@example.com&feature=exports', undefined],
  ['GET', '/api/v1/organizations?member=owner@example.com', undefined],
  ['GET', `/api/v1/organizations/${orgId}/seats`, undefined],
  ['PUT', `/api/v1/accounts/${enc('new@example.com')}`, { personalPlan: 'solo' }],
  [
    'POST',
    '/api/v1/usage',
    {
      email: 'owner@example.com',
      records: [{ resourceType: 'survey', resourceId: 's1', metric: 'r', value: 1 }],
    },
  ],
  [
    'POST',
    '/api/v1/contracts',
    { managerEmail: 'p@example.com', period: 'year', plans: [{ plan: 'pro', quantity: 5 }] },
  ],
];

const expectUnauthorized = (r: Awaited<ReturnType<Api['call']>>) => {
  expect(r.status).toBe(401);
  expect(r.headers.get('www-authenticate')).toMatch(/^Bearer\b/);
  expect(r.body.error).toMatchObject({ code: 'unauthorized' });
  expect(typeof r.body.error.message).toBe('string');
  expect(typeof r.body.error.next).toBe('string');
};

describe('bearer token', () => {
  const wrongTokens: [string, Record<string, string>][] = [
    ['no Authorization header', {}],
    ['a wrong token', { authorization: 'Bearer nope' }],
    [
      'a token of the right length but wrong content',
      { authorization: `Bearer ${'x'.repeat(TOKEN.length)}` },
    ],
    ['the right token with one character changed', { authorization: `Bearer ${TOKEN.slice(0, -1)}X` }],
    ['the right token as Basic credentials', { authorization: `Basic ${TOKEN}` }],
    ['the right token without a scheme', { authorization: TOKEN }],
    ['the right token with a suffix', { authorization: `Bearer ${TOKEN}x` }],
    ['an empty bearer token', { authorization: 'Bearer ' }],
  ];
  for (const [label, headers] of wrongTokens) {
    it(`refuses ${label} on every route, with 401 and no change`, async () => {
      const before = await db.counts();
      for (const [method, path, body] of everyRoute()) {
        const r = await api.call(method, path, { body, token: null, headers });
        expectUnauthorized(r);
      }
      expect(await db.counts()).toEqual(before);
    });
  }

  it('says invalid_token in WWW-Authenticate only when a token was sent', async () => {
    const none = await api.call('GET', '/api/v1/organizations?member=owner@example.com', { token: null });
    expect(none.headers.get('www-authenticate')).not.toContain('invalid_token');
    const wrong = await api.call('GET', '/api/v1/organizations?member=owner@example.com', { token: 'nope' });
    expect(wrong.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('checks the token before reading the body: malformed JSON without a token is 401', async () => {
    const r = await api.call('POST', '/api/v1/usage', { raw: '{"email":', token: null });
    expectUnauthorized(r);
  });

  it('checks the token on unknown /api/v1 paths too', async () => {
    expectUnauthorized(await api.call('GET', '/api/v1/nothing-here', { token: null }));
    const r = await api.call('GET', '/api/v1/nothing-here');
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
  });

  it('accepts the scheme in any case', async () => {
    const r = await api.call('GET', '/api/v1/organizations?member=owner@example.com', {
      token: null,
      headers: { authorization: `bearer ${TOKEN}` },
    });
    expect(r.status).toBe(200);
  });

  it('never caches API answers', async () => {
    const r = await api.call('GET', '/api/v1/organizations?member=owner@example.com');
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
});

describe('API off (no API_TOKEN)', () => {
  it('answers 404 on every /api/v1 route, with or without a token, and changes nothing', async () => {
    const before = await db.counts();
    for (const [method, path, body] of everyRoute()) {
      expect((await off.call(method, path, { body })).status).toBe(404);
      expect((await off.call(method, path, { body, token: null })).status).toBe(404);
    }
    expect(await db.counts()).toEqual(before);
  });

  it('still serves health and metrics', async () => {
    expect((await off.call('GET', '/healthz', { token: null })).status).toBe(200);
  });
});

describe('health endpoints need no token', () => {
  it('/healthz', async () => {
    const r = await api.call('GET', '/healthz', { token: null });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true });
  });
  it('/readyz', async () => {
    const r = await api.call('GET', '/readyz', { token: null });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, database: 'up' });
  });
  it('/metrics', async () => {
    const r = await api.call('GET', '/metrics', { token: null });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.body).toContain('seatkeeper_seats{state="purchased"}');
  });
  it('are not shadowed by a wrong token either', async () => {
    expect((await api.call('GET', '/healthz', { token: 'wrong' })).status).toBe(200);
  });
});

describe('organization ids', () => {
  it('an unknown id is 404 not_found', async () => {
    const before = await db.counts();
    const r = await api.call('GET', `/api/v1/organizations/${randomUUID()}/seats`);
    expect(r.status).toBe(404);
    expect(r.body.error.code).toBe('not_found');
    expect(await db.counts()).toEqual(before);
  });
});
