import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/dispatch.ts';
import { acceptInvitation } from '../../src/service/answer-invitation.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import {
  auditOf,
  filterBy,
  membershipRow,
  PATCH_OP,
  PUBLIC_URL,
  scim,
  scimOrganization,
  scimTokenFor,
  USER,
} from './scim-support.ts';
import { type Api, startApi, TOKEN } from './support.ts';

/**
 * SCIM tokens (`scim token` shows one, again rotates it, `scim off` revokes it), the wall
 * between organizations, and paging through 1,000 users — over real HTTP on real PostgreSQL.
 */

let db: TestDb;
let api: Api;
let acme: { id: string; token: string };
let globex: { id: string; token: string };
const [ACME_OWNER, GLOBEX_OWNER] = ['owner@acme.example', 'owner@globex.example'];

const say = async (email: string, text: string) => {
  const errors: unknown[] = [];
  const r = await runCommand({ service: { ...db.ctx, publicUrl: PUBLIC_URL }, actor: { email } }, text, (e) =>
    errors.push(e),
  );
  expect(errors).toEqual([]);
  return r;
};

beforeAll(async () => {
  db = await freshDb();
  api = await startApi(db, { API_TOKEN: TOKEN, PUBLIC_URL });
  const a = await scimOrganization(db, api, ACME_OWNER, 'Acme');
  const g = await scimOrganization(db, api, GLOBEX_OWNER, 'Globex');
  acme = { id: a.org.id, token: a.token };
  globex = { id: g.org.id, token: g.token };
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

describe('scim token and scim off', () => {
  it('gives the base URL (PUBLIC_URL + /scim/v2) and a token, privately, stored only as its hash', async () => {
    const { baseUrl, token, reply } = await scimTokenFor(db, ACME_OWNER);
    expect(baseUrl).toBe(`${PUBLIC_URL}/scim/v2`);
    expect(reply.text).toContain('the previous one stopped working');
    const stored = await db.em.fork().execute<{ token_hash: string }[]>('select token_hash from scim_token');
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
    expect(JSON.stringify(await db.em.fork().execute('select * from audit_event'))).not.toContain(token);
    // the rotation above: the old token is refused at once, the new one works
    expect((await scim(api, acme.token, 'GET', '/Users')).status).toBe(401);
    expect((await scim(api, token, 'GET', '/Users')).status).toBe(200);
    acme.token = token;
    expect(await auditOf(db, acme.id, 'scim.token_rotated')).toEqual([
      expect.objectContaining({ actor_id: expect.any(String) }),
    ]);
  });

  it('is for owners and admins only', async () => {
    const { invited } = await inviteMembers(
      db.ctx,
      { email: ACME_OWNER },
      {
        organizationId: acme.id,
        emails: ['member@acme.example'],
      },
    );
    await acceptInvitation(db.ctx, { email: 'member@acme.example' }, { invitationId: invited[0]!.id });
    const r = await say('member@acme.example', 'scim token');
    expect(r.tone).toBe('error');
    expect(r.code).toBe('forbidden');
    expect(r.text).not.toMatch(/scim_[a-z2-7]{32}/);
  });

  it('refuses a missing or wrong token with 401 and a Bearer challenge', async () => {
    const none = await scim(api, null, 'GET', '/Users');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(none.body.detail).toContain('scim token');
    expect((await scim(api, 'scim_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'GET', '/Users')).status).toBe(401);
    // the REST API's token is not a SCIM token
    expect((await scim(api, TOKEN, 'GET', '/ServiceProviderConfig')).status).toBe(401);
    // a body is not read before the token is checked
    const before = await db.counts();
    expect((await scim(api, 'wrong', 'POST', '/Users', { userName: 'x@acme.example' })).status).toBe(401);
    expect(await db.counts()).toEqual(before);
  });

  it('scim off revokes the token; scim token connects again', async () => {
    const off = await say(ACME_OWNER, 'scim off');
    expect(off.tone).toBe('ok');
    expect((await scim(api, acme.token, 'GET', '/Users')).status).toBe(401);
    const again = await say(ACME_OWNER, 'scim off');
    expect(again.code).toBe('conflict');
    acme.token = (await scimTokenFor(db, ACME_OWNER)).token;
    expect((await scim(api, acme.token, 'GET', '/Users')).status).toBe(200);
    expect(await auditOf(db, acme.id, 'scim.token_revoked')).toHaveLength(1);
  });
});

describe('the owner', () => {
  it('cannot be deactivated or deleted by the identity provider: 400 mutability, nothing changes', async () => {
    const found = await scim(api, globex.token, 'GET', filterBy(GLOBEX_OWNER));
    const id = found.body.Resources[0].id;
    const before = await db.counts();
    const r = await scim(api, globex.token, 'PATCH', `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: 'Replace', path: 'active', value: 'False' }],
    });
    expect(r.status).toBe(400);
    expect(r.body.scimType).toBe('mutability');
    expect(r.body.detail).toContain('Move ownership first');
    expect((await scim(api, globex.token, 'DELETE', `/Users/${id}`)).status).toBe(400);
    expect(await db.counts()).toEqual(before);
    expect(await membershipRow(db, globex.id, GLOBEX_OWNER)).toMatchObject({
      status: 'active',
      role: 'owner',
    });
  });
});

describe("another organization's token", () => {
  it("sees none of Acme's users and gets 404 for each, changing nothing", async () => {
    const created = await scim(api, acme.token, 'POST', '/Users', {
      schemas: [USER],
      userName: 'ana@acme.example',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const before = await db.counts();
    expect((await scim(api, globex.token, 'GET', `/Users/${id}`)).status).toBe(404);
    expect(
      (
        await scim(api, globex.token, 'PATCH', `/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: 'replace', value: { active: false } }],
        })
      ).status,
    ).toBe(404);
    expect(
      (await scim(api, globex.token, 'PUT', `/Users/${id}`, { userName: 'ana@acme.example', active: false }))
        .status,
    ).toBe(404);
    expect((await scim(api, globex.token, 'DELETE', `/Users/${id}`)).status).toBe(404);
    expect((await scim(api, globex.token, 'GET', filterBy('ana@acme.example'))).body.totalResults).toBe(0);
    const all = await scim(api, globex.token, 'GET', '/Users');
    expect(all.body.Resources.map((u: { userName: string }) => u.userName)).toEqual([GLOBEX_OWNER]);
    expect(await db.counts()).toEqual(before);
    expect(await membershipRow(db, acme.id, 'ana@acme.example')).toMatchObject({ status: 'active' });
  });

  it('provisions the same person into its own organization separately', async () => {
    const r = await scim(api, globex.token, 'POST', '/Users', {
      schemas: [USER],
      userName: 'ana@acme.example',
    });
    expect(r.status).toBe(201);
    expect(await membershipRow(db, globex.id, 'ana@acme.example')).toMatchObject({ status: 'active' });
  });
});

describe('paging through 1,000 users', () => {
  it('returns each user exactly once across pages of startIndex/count', async () => {
    // set-based fixture: 1,000 accounts and memberships in two statements
    const em = db.em.fork();
    await em.execute(
      `insert into account (id, email, name, personal_plan, payment_method, created_at, updated_at)
       select gen_random_uuid(), 'user' || lpad(i::text, 4, '0') || '@globex.example', null, 'free', null, now(), now()
       from generate_series(1, 1000) i`,
    );
    await em.execute(
      `insert into membership (id, organization_id, account_id, role, approver, status, former, joined_at, ended_at)
       select gen_random_uuid(), ?, a.id, 'member', false, 'active', false, now(), null
       from account a where a.email like 'user%@globex.example'`,
      [globex.id],
    );
    const expected = 1002; // the owner, ana, and the thousand
    const seen = new Set<string>();
    let pages = 0;
    for (let start = 1; start <= expected; start += 100) {
      const r = await scim(api, globex.token, 'GET', `/Users?startIndex=${start}&count=100`);
      expect(r.status).toBe(200);
      expect(r.body.totalResults).toBe(expected);
      expect(r.body.startIndex).toBe(start);
      expect(r.body.itemsPerPage).toBe(Math.min(100, expected - start + 1));
      for (const u of r.body.Resources) seen.add(u.id);
      pages++;
    }
    expect(pages).toBe(11);
    expect(seen.size).toBe(expected);
    const beyond = await scim(api, globex.token, 'GET', '/Users?startIndex=2000&count=100');
    expect(beyond.body).toMatchObject({ totalResults: expected, itemsPerPage: 0, Resources: [] });
    const countOnly = await scim(api, globex.token, 'GET', '/Users?count=0');
    expect(countOnly.body).toMatchObject({ totalResults: expected, itemsPerPage: 0 });
    const capped = await scim(api, globex.token, 'GET', '/Users?count=5000&startIndex=0');
    expect(capped.body).toMatchObject({ startIndex: 1, itemsPerPage: 200 });
    const one = await scim(api, globex.token, 'GET', filterBy('user0500@globex.example'));
    expect(one.body.Resources.map((u: { userName: string }) => u.userName)).toEqual([
      'user0500@globex.example',
    ]);
    // Acme still sees only its own
    expect((await scim(api, acme.token, 'GET', '/Users?count=0')).body.totalResults).toBe(3);
  });
});
