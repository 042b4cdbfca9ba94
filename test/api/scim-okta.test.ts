import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/dispatch.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import {
  auditOf,
  filterBy,
  membershipRow,
  outboxOf,
  PATCH_OP,
  PUBLIC_URL,
  scim,
  scimOrganization,
  seatOf,
  USER,
} from './scim-support.ts';
import { type Api, enc, startApi, TOKEN } from './support.ts';

/**
 * Okta's SCIM 2.0 provisioning sequence, as its guide documents it, over real HTTP on real
 * PostgreSQL: look up by filter, create, read, profile update by PUT, deactivate and reactivate
 * by PATCH with a value object, and DELETE.
 */

let db: TestDb;
let api: Api;
let orgId: string;
let token: string;
let id: string;
const owner = 'owner@acme.example';
const email = 'test.user@acme.example';

const oktaUser = {
  schemas: [USER],
  userName: email,
  name: { givenName: 'Test', familyName: 'User' },
  emails: [{ primary: true, value: email, type: 'work' }],
  displayName: 'Test User',
  locale: 'en-US',
  externalId: '00ujl29u0le5T6Aj10h7',
  groups: [],
  password: '1mz050nq',
  active: true,
};

const entitlement = (who: string) =>
  api.call('GET', `/api/v1/entitlements?email=${enc(who)}&feature=exports`, { token: TOKEN });

beforeAll(async () => {
  db = await freshDb();
  api = await startApi(db, { API_TOKEN: TOKEN, PUBLIC_URL });
  ({
    org: { id: orgId },
    token,
  } = await scimOrganization(db, api, owner, 'Acme'));
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

describe('Okta provisioning', () => {
  it('looks the user up by userName first and finds nobody', async () => {
    const r = await scim(api, token, 'GET', `${filterBy(email)}&startIndex=1&count=100`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 0,
      startIndex: 1,
      itemsPerPage: 0,
      Resources: [],
    });
  });

  it('creates the user: an active member with a seat (auto-assign is on), audited as SCIM', async () => {
    const r = await scim(api, token, 'POST', '/Users', oktaUser);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    expect(r.headers.get('location')).toBe(`${PUBLIC_URL}/scim/v2/Users/${id}`);
    expect(r.body).toMatchObject({
      schemas: [USER],
      id,
      externalId: '00ujl29u0le5T6Aj10h7',
      userName: email,
      name: { givenName: 'Test', familyName: 'User' },
      displayName: 'Test User',
      emails: [{ value: email, type: 'work', primary: true }],
      active: true,
      meta: { resourceType: 'User', location: `${PUBLIC_URL}/scim/v2/Users/${id}` },
    });
    expect(r.body.password, 'never echoed, never stored').toBeUndefined();
    expect(await membershipRow(db, orgId, email)).toEqual({
      status: 'active',
      former: false,
      role: 'member',
    });
    expect(await seatOf(db, orgId, email)).toEqual({ plan: 'pro', autoRenew: true });
    const [event] = await auditOf(db, orgId, 'member.provisioned');
    expect(event).toMatchObject({ actor_id: null, after: { email, plan: 'pro', actor: 'scim' } });
    expect((await entitlement(email)).body).toMatchObject({ allowed: true, plan: 'pro' });
  });

  it('finds the user by filter now (userName is not case-sensitive), and reads it by id', async () => {
    const found = await scim(api, token, 'GET', filterBy('Test.User@ACME.example'));
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(id);
    const r = await scim(api, token, 'GET', `/Users/${id}`);
    expect(r.status).toBe(200);
    expect(r.body.userName).toBe(email);
  });

  it('answers a second create of the same userName with 409 uniqueness, changing nothing', async () => {
    const before = await db.counts();
    const r = await scim(api, token, 'POST', '/Users', oktaUser);
    expect(r.status).toBe(409);
    expect(r.body.scimType).toBe('uniqueness');
    expect(r.body.detail).toContain(email);
    expect(await db.counts()).toEqual(before);
  });

  it('updates the profile with PUT', async () => {
    const r = await scim(api, token, 'PUT', `/Users/${id}`, {
      ...oktaUser,
      id,
      name: { givenName: 'Tess', familyName: 'User' },
      displayName: 'Tess User',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ name: { givenName: 'Tess' }, displayName: 'Tess User', active: true });
    const [event] = await auditOf(db, orgId, 'member.scim_attributes');
    expect(event).toMatchObject({ actor_id: null, after: { givenName: 'Tess', actor: 'scim' } });
  });

  it('deactivates with PATCH {op: replace, value: {active: false}}: offboarded with the defaults, no access at once', async () => {
    const r = await scim(api, token, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.active).toBe(false);
    // defaults: seat freed, auto-renew stopped, marked former
    expect(await seatOf(db, orgId, email)).toBeNull();
    expect(await membershipRow(db, orgId, email)).toEqual({
      status: 'detached',
      former: true,
      role: 'member',
    });
    const seats = await api.call('GET', `/api/v1/organizations/${orgId}/seats`, { token: TOKEN });
    expect(seats.body.totals).toMatchObject({ purchased: 11, assigned: 1 });
    expect((await entitlement(email)).body).toMatchObject({ allowed: false, source: 'detached' });
    const [event] = await auditOf(db, orgId, 'member.offboarded');
    expect(event).toMatchObject({
      actor_id: null,
      after: { status: 'detached', seatFreed: true, former: true, email, actor: 'scim' },
    });
    // the owner (the one admin) is told once, in a summary
    const notices = await outboxOf(db, orgId, 'scim_offboarded');
    expect(notices).toHaveLength(1);
    expect(notices[0]!.payload.offboarded).toEqual([
      { email, seat: { plan: 'pro', freed: true, autoRenew: false, frozen: false } },
    ]);
  });

  it('repeats a deactivation harmlessly', async () => {
    const r = await scim(api, token, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(r.status).toBe(200);
    expect(await auditOf(db, orgId, 'member.offboarded')).toHaveLength(1);
  });

  it('reactivates with PATCH {active: true}: a member again, with a seat, access back', async () => {
    const r = await scim(api, token, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: true } }],
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.active).toBe(true);
    expect(await membershipRow(db, orgId, email)).toEqual({
      status: 'active',
      former: false,
      role: 'member',
    });
    expect(await seatOf(db, orgId, email)).toEqual({ plan: 'pro', autoRenew: true });
    expect((await entitlement(email)).body).toMatchObject({ allowed: true });
    expect(await auditOf(db, orgId, 'member.reactivated')).toEqual([
      expect.objectContaining({ actor_id: null, after: expect.objectContaining({ actor: 'scim' }) }),
    ]);
  });

  it('deletes the user: offboarded, then 404 for SCIM; a new create brings them back', async () => {
    const r = await scim(api, token, 'DELETE', `/Users/${id}`);
    expect(r.status).toBe(204);
    expect(await membershipRow(db, orgId, email)).toMatchObject({ status: 'detached' });
    expect(await seatOf(db, orgId, email)).toBeNull();
    expect((await scim(api, token, 'GET', `/Users/${id}`)).status).toBe(404);
    expect((await scim(api, token, 'DELETE', `/Users/${id}`)).status).toBe(404);
    expect((await scim(api, token, 'GET', filterBy(email))).body.totalResults).toBe(0);
    expect(await auditOf(db, orgId, 'member.deprovisioned')).toHaveLength(1);
    const again = await scim(api, token, 'POST', '/Users', oktaUser);
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.id).toBe(id);
    expect(again.body.active).toBe(true);
  });

  it('keeps the state when a PUT leaves active out', async () => {
    const { active: _, ...withoutActive } = oktaUser;
    await scim(api, token, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    const r = await scim(api, token, 'PUT', `/Users/${id}`, {
      ...withoutActive,
      name: { givenName: 'Tess', familyName: 'User' },
      displayName: 'Tess User',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.active).toBe(false);
    expect(await membershipRow(db, orgId, email)).toMatchObject({ status: 'detached' });
  });
});

describe("the organization's offboarding defaults", () => {
  it('decide what deactivation does: here the seat is kept, stops renewing, and the member is not marked former', async () => {
    const audits = await db.count('audit_event');
    // an admin sets them in chat; asking alone shows them and records nothing
    const chat = (text: string) => runCommand({ service: db.ctx, actor: { email: owner } }, text);
    expect((await chat('scim defaults')).text).toBe(
      'When the identity provider offboards someone: free their seat on, stop its auto-renew on, mark them former on.',
    );
    expect(await db.count('audit_event')).toBe(audits);
    expect((await chat('scim defaults free-seat off')).text).toMatch(
      /^Saved\. .*free their seat off, stop its auto-renew on/,
    );
    expect((await chat('scim defaults former off')).text).toMatch(/mark them former off\.$/);
    expect(await db.count('audit_event')).toBe(audits + 2);
    const who = 'keeps.seat@acme.example';
    const created = await scim(api, token, 'POST', '/Users', { schemas: [USER], userName: who });
    expect(created.status).toBe(201);
    const r = await scim(api, token, 'PATCH', `/Users/${created.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', value: { active: false } }],
    });
    expect(r.body.active).toBe(false);
    expect(await seatOf(db, orgId, who)).toEqual({ plan: 'pro', autoRenew: false });
    expect(await membershipRow(db, orgId, who)).toMatchObject({ status: 'detached', former: false });
    // kept seat or not, an offboarded member has no access
    expect((await entitlement(who)).body).toMatchObject({ allowed: false, source: 'detached' });
  });
});
