import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';
import {
  auditOf,
  filterBy,
  membershipRow,
  PATCH_OP,
  PUBLIC_URL,
  scim,
  scimOrganization,
  seatOf,
  USER,
} from './scim-support.ts';
import { type Api, enc, startApi, TOKEN } from './support.ts';

/**
 * Microsoft Entra ID's provisioning sequence, as its SCIM guide documents it, over real HTTP on
 * real PostgreSQL: "Replace" with a capital R, a path, booleans as the strings "True"/"False",
 * userName uniqueness as 409; and bad input of every kind answered as a SCIM error, never a 500.
 */

let db: TestDb;
let api: Api;
let orgId: string;
let token: string;
let id: string;
const owner = 'owner@contoso.example';
const upn = 'b.simon@contoso.example';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const entraUser = {
  schemas: [USER, ENTERPRISE],
  externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
  userName: upn,
  active: true,
  emails: [{ primary: true, type: 'work', value: upn }],
  meta: { resourceType: 'User' },
  name: { formatted: 'B Simon', familyName: 'Simon', givenName: 'B' },
  roles: [],
  [ENTERPRISE]: { department: 'Sales', employeeNumber: '701984' },
};

const patch = (...Operations: object[]) =>
  scim(api, token, 'PATCH', `/Users/${id}`, { schemas: [PATCH_OP], Operations });

const entitlement = (who: string) =>
  api.call('GET', `/api/v1/entitlements?email=${enc(who)}&feature=exports`, { token: TOKEN });

beforeAll(async () => {
  db = await freshDb();
  api = await startApi(db, { API_TOKEN: TOKEN, PUBLIC_URL });
  ({
    org: { id: orgId },
    token,
  } = await scimOrganization(db, api, owner, 'Contoso'));
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

describe('Entra ID provisioning', () => {
  it('reads the discovery endpoints: Users only, PATCH and filter supported, no Groups', async () => {
    const spc = await scim(api, token, 'GET', '/ServiceProviderConfig');
    expect(spc.status).toBe(200);
    expect(spc.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
      authenticationSchemes: [expect.objectContaining({ type: 'oauthbearertoken' })],
    });
    const types = await scim(api, token, 'GET', '/ResourceTypes');
    expect(types.body.Resources.map((t: { id: string }) => t.id)).toEqual(['User']);
    expect(types.body.Resources[0].description).toContain('Groups are not supported');
    const schemas = await scim(api, token, 'GET', '/Schemas');
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([USER]);
    const one = await scim(api, token, 'GET', `/Schemas/${USER}`);
    expect(one.body.attributes.map((a: { name: string }) => a.name)).toContain('userName');
    const groups = await scim(api, token, 'GET', '/Groups?filter=displayName%20eq%20%22Sales%22');
    expect(groups.status).toBe(404);
    expect(groups.body.detail).toContain('Groups are not supported');
  });

  it('probes a userName that does not exist', async () => {
    const r = await scim(api, token, 'GET', filterBy('Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1'));
    expect(r.status).toBe(200);
    expect(r.body.totalResults).toBe(0);
  });

  it('creates the user (enterprise extension ignored), finds it by externalId', async () => {
    const r = await scim(api, token, 'POST', '/Users', entraUser);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    id = r.body.id;
    expect(r.body).toMatchObject({ userName: upn, active: true, externalId: entraUser.externalId });
    expect(await seatOf(db, orgId, upn)).toEqual({ plan: 'pro', autoRenew: true });
    const byExternal = await scim(
      api,
      token,
      'GET',
      `/Users?filter=${encodeURIComponent(`externalId eq "${entraUser.externalId}"`)}`,
    );
    expect(byExternal.body.Resources.map((u: { id: string }) => u.id)).toEqual([id]);
  });

  it('answers a duplicate userName with 409 uniqueness', async () => {
    const before = await db.counts();
    const r = await scim(api, token, 'POST', '/Users', { ...entraUser, externalId: 'another-object-id' });
    expect(r.status).toBe(409);
    expect(r.body.scimType).toBe('uniqueness');
    expect(await db.counts()).toEqual(before);
  });

  it('applies "Replace" and "Add" operations with paths', async () => {
    const r = await patch(
      { op: 'Replace', path: 'name.familyName', value: 'Simonsen' },
      { op: 'Add', path: 'displayName', value: 'B. Simonsen' },
      { op: 'Replace', path: `${ENTERPRISE}:department`, value: 'Marketing' },
    );
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({
      name: { familyName: 'Simonsen', givenName: 'B' },
      displayName: 'B. Simonsen',
    });
  });

  it('deactivates with {"op":"Replace","path":"active","value":"False"}: offboarded, no access at once', async () => {
    const r = await patch({ op: 'Replace', path: 'active', value: 'False' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.active).toBe(false);
    expect(await seatOf(db, orgId, upn)).toBeNull();
    expect(await membershipRow(db, orgId, upn)).toMatchObject({ status: 'detached', former: true });
    expect((await entitlement(upn)).body).toMatchObject({ allowed: false, source: 'detached' });
    expect((await scim(api, token, 'GET', `/Users/${id}`)).body.active).toBe(false);
  });

  it('reactivates with "True"', async () => {
    const r = await patch({ op: 'Replace', path: 'active', value: 'True' });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.active).toBe(true);
    expect((await entitlement(upn)).body).toMatchObject({ allowed: true, plan: 'pro' });
  });

  it('deactivates with PUT active false too', async () => {
    const r = await scim(api, token, 'PUT', `/Users/${id}`, { ...entraUser, active: false });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.active).toBe(false);
    expect(await seatOf(db, orgId, upn)).toBeNull();
    expect(await auditOf(db, orgId, 'member.offboarded')).toHaveLength(2);
  });

  it('deletes the user', async () => {
    expect((await scim(api, token, 'DELETE', `/Users/${id}`)).status).toBe(204);
    expect((await scim(api, token, 'GET', `/Users/${id}`)).status).toBe(404);
    // still offboarded only once more than before: DELETE of an inactive user offboards nothing
    expect(await auditOf(db, orgId, 'member.offboarded')).toHaveLength(2);
  });
});

describe('bad input gets a SCIM error with a clear detail, never a 500, and changes nothing', () => {
  const refused = async (
    status: number,
    scimType: string | undefined,
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const before = await db.counts();
    const r = await scim(api, token, method, path, body);
    expect(r.status, JSON.stringify(r.body)).toBe(status);
    expect(r.body.scimType).toBe(scimType);
    expect(await db.counts()).toEqual(before);
    return r.body.detail as string;
  };

  it('refuses users without an email userName', async () => {
    expect(await refused(400, 'invalidValue', 'POST', '/Users', { schemas: [USER] })).toContain(
      'userName is required',
    );
    expect(
      await refused(400, 'invalidValue', 'POST', '/Users', {
        schemas: [USER],
        userName: 'Test_User_ab6490ee',
      }),
    ).toContain('not an email address');
    expect(
      await refused(400, 'invalidValue', 'POST', '/Users', { userName: upn, active: 'maybe' }),
    ).toContain('active must be true or false');
    expect(await refused(400, 'invalidValue', 'POST', '/Users', [1, 2])).toContain('SCIM User object');
    expect(
      await refused(400, 'invalidSyntax', 'POST', '/Users', {
        schemas: ['urn:example:Other'],
        userName: upn,
      }),
    ).toContain('schemas must include');
  });

  it('refuses filters it cannot run', async () => {
    expect(await refused(400, 'invalidFilter', 'GET', `/Users?filter=${enc('userName eq')}`)).toContain(
      'could not be read',
    );
    expect(
      await refused(400, 'invalidFilter', 'GET', `/Users?filter=${enc('userName co "simon"')}`),
    ).toContain('"co" is not supported');
    expect(await refused(400, 'invalidFilter', 'GET', `/Users?filter=${enc('title eq "x"')}`)).toContain(
      '"title" is not supported',
    );
    expect(await refused(400, 'invalidFilter', 'GET', `/Users?filter=${enc('id eq 5')}`)).toContain(
      'quoted string',
    );
    await refused(400, 'invalidFilter', 'GET', '/Users?filter=a&filter=b');
    expect(await refused(400, 'invalidValue', 'GET', '/Users?startIndex=abc')).toContain('startIndex');
  });

  it('refuses malformed PATCH bodies and unknown ids', async () => {
    const u = await scim(api, token, 'POST', '/Users', { ...entraUser, userName: 'p.atch@contoso.example' });
    expect(u.status).toBe(201);
    await refused(400, 'invalidSyntax', 'PATCH', `/Users/${u.body.id}`, { schemas: [PATCH_OP] });
    expect(
      await refused(400, 'invalidSyntax', 'PATCH', `/Users/${u.body.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'explode', path: 'active', value: false }],
      }),
    ).toMatch(/^Invalid PATCH: .*explode/);
    await refused(400, 'invalidValue', 'PATCH', `/Users/${u.body.id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'nope' }],
    });
    expect(
      await refused(400, 'mutability', 'PATCH', `/Users/${u.body.id}`, {
        schemas: [PATCH_OP],
        Operations: [{ op: 'Replace', path: 'userName', value: 'other@contoso.example' }],
      }),
    ).toContain('userName cannot change');
    await refused(404, undefined, 'GET', '/Users/not-a-uuid');
    await refused(404, undefined, 'PATCH', '/Users/00000000-0000-4000-8000-000000000000', {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: false }],
    });
    await refused(404, undefined, 'GET', '/Nope');
  });

  it('refuses bodies that are not JSON', async () => {
    const before = await db.counts();
    const broken = await api.call('POST', '/scim/v2/Users', {
      token,
      raw: '{"userName":',
      headers: { 'content-type': 'application/scim+json' },
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ scimType: 'invalidSyntax', detail: 'The body is not valid JSON.' });
    const text = await api.call('POST', '/scim/v2/Users', {
      token,
      raw: 'userName=a',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(400);
    expect(text.body.detail).toContain('application/scim+json');
    const huge = await api.call('POST', '/scim/v2/Users', {
      token,
      raw: JSON.stringify({ userName: upn, padding: 'x'.repeat(1_100_000) }),
      headers: { 'content-type': 'application/scim+json' },
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toMatch(/^application\/scim\+json/);
    expect(await db.counts()).toEqual(before);
  });
});
