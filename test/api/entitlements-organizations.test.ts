import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptInvitation } from '../../src/service/answer-invitation.ts';
import { connectContract } from '../../src/service/connect-contract.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { offboardMembers } from '../../src/service/offboard-members.ts';
import { updateOrganizationSettings } from '../../src/service/update-organization-settings.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import { type Api, enc, organizationOf, startApi } from './support.ts';

let db: TestDb;
let api: Api;
let orgId: string;
const owner = { email: 'owner@example.com' };

/** Invites `email` (optionally with a plan) and accepts: an active member. */
const join = async (email: string, plan?: string) => {
  const { invited } = await inviteMembers(db.ctx, owner, {
    organizationId: orgId,
    emails: [email],
    ...(plan ? { plan } : {}),
  });
  await acceptInvitation(db.ctx, { email }, { invitationId: invited[0]!.id });
};

const seatOfMember = async (email: string) => {
  const rows = await db.em.fork().execute<{ plan_code: string }[]>(
    `select s.plan_code from seat s join membership m on m.id = s.membership_id
     join account a on a.id = m.account_id where a.email = ?`,
    [email],
  );
  return rows.map((r) => r.plan_code);
};

const entitlement = (email: string, feature: string) =>
  api.call('GET', `/api/v1/entitlements?email=${enc(email)}&feature=${enc(feature)}`);

beforeAll(async () => {
  db = await freshDb();
  api = await startApi(db);
  orgId = (await organizationOf(db, owner.email, 'Acme')).id;
  // Ten pro seats bought outside chat by the owner, connected directly (same manager).
  const c = await api.call('POST', '/api/v1/contracts', {
    body: { managerEmail: owner.email, period: 'month', plans: [{ plan: 'pro', quantity: 10 }] },
  });
  expect(c.status).toBe(201);
  await connectContract(db.ctx, owner, { organizationId: orgId, contractId: c.body.contract.id });
  await join('alice@example.com', 'pro');
  await join('bob@example.com');
  await join('carol@example.com', 'pro');
  await join('dave@example.com'); // seatless until the concurrency test
  await offboardMembers(db.ctx, owner, { organizationId: orgId, members: ['carol@example.com'] });
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

const refused = async (status: number, code: string, path: string) => {
  const before = await db.counts();
  const r = await api.call('GET', path);
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.body.error.code).toBe(code);
  expect(typeof r.body.error.message).toBe('string');
  expect(typeof r.body.error.next).toBe('string');
  expect(await db.counts()).toEqual(before);
  return r.body.error;
};

describe('GET /api/v1/organizations?member=', () => {
  it('lists the organizations of a member, with ids, role and plan', async () => {
    const r = await api.call('GET', `/api/v1/organizations?member=${enc('Alice@Example.com')}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      organizations: [
        {
          id: orgId,
          name: 'Acme',
          status: 'active',
          role: 'member',
          approver: false,
          memberStatus: 'active',
          plan: 'pro',
        },
      ],
    });
  });

  it("shows the owner as approver on the owner's business seat", async () => {
    const r = await api.call('GET', `/api/v1/organizations?member=${enc(owner.email)}`);
    expect(r.body.organizations).toEqual([
      expect.objectContaining({ id: orgId, role: 'owner', approver: true, plan: 'business' }),
    ]);
  });

  it('shows a detached member as detached, without a plan', async () => {
    const r = await api.call('GET', `/api/v1/organizations?member=${enc('carol@example.com')}`);
    expect(r.body.organizations).toEqual([
      expect.objectContaining({ id: orgId, memberStatus: 'detached', plan: null }),
    ]);
  });

  it('answers an empty list for an unknown account', async () => {
    const r = await api.call('GET', `/api/v1/organizations?member=${enc('nobody@example.com')}`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ organizations: [] });
  });

  it('refuses a missing, repeated or invalid member', async () => {
    expect((await refused(400, 'invalid_input', '/api/v1/organizations')).details).toEqual({
      field: 'member',
    });
    await refused(400, 'invalid_input', '/api/v1/organizations?member=a@example.com&member=b@example.com');
    const e = await refused(400, 'invalid_input', '/api/v1/organizations?member=not-an-email');
    expect(e.message).toContain('not-an-email');
  });
});

describe('GET /api/v1/organizations/:id/seats', () => {
  it('sums seats per plan: purchased, assigned, free, ending, renewal date', async () => {
    const r = await api.call('GET', `/api/v1/organizations/${orgId}/seats`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      organizationId: orgId,
      organizationName: 'Acme',
      status: 'active',
      autoAssign: false,
      totals: { purchased: 11, assigned: 2, free: 9, ending: 0 },
    });
    const byPlan = Object.fromEntries(r.body.plans.map((p: { plan: string }) => [p.plan, p]));
    expect(byPlan.business).toMatchObject({
      contractKind: 'organization',
      purchased: 1,
      assigned: 1,
      free: 0,
    });
    expect(byPlan.pro).toMatchObject({
      contractKind: 'external',
      purchased: 10,
      assigned: 1, // alice; carol's seat was freed when she was offboarded
      free: 9,
      ending: 0,
      frozen: false,
      renewalDate: '2026-04-01T00:00:00.000Z',
    });
  });

  it('refuses an unknown organization id with 404', async () => {
    await refused(404, 'not_found', `/api/v1/organizations/${randomUUID()}/seats`);
  });

  it('refuses a malformed id with 400', async () => {
    const e = await refused(400, 'invalid_input', '/api/v1/organizations/not-a-uuid/seats');
    expect(e.details).toEqual({ field: 'id' });
    await refused(400, 'invalid_input', `/api/v1/organizations/${orgId.slice(0, -1)}/seats`);
    await refused(400, 'invalid_input', `/api/v1/organizations/${enc("' or 1=1 --")}/seats`);
  });
});

describe('GET /api/v1/entitlements', () => {
  it('allows a member with an assigned seat, by that seat', async () => {
    const r = await entitlement('alice@example.com', 'exports');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      allowed: true,
      feature: 'exports',
      plan: 'pro',
      limits: { survey_responses: 1000, active_surveys: 50 },
      organizationId: orgId,
      source: 'seat',
    });
    const used = await db.em.fork().execute(
      `select s.last_used_at from seat s join membership m on m.id = s.membership_id
         join account a on a.id = m.account_id where a.email = 'alice@example.com'`,
    );
    expect(new Date(used[0]!.last_used_at).toISOString()).toBe(db.clock.now().toISOString());
  });

  it("refuses a feature the member's seat lacks (no auto-assign while they hold a seat)", async () => {
    const before = await db.counts();
    const r = await entitlement('alice@example.com', 'SSO');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ allowed: false, feature: 'sso', plan: 'pro', source: 'seat' });
    expect(await db.counts()).toEqual(before);
  });

  it('refuses a seatless member while auto-assign is off, and takes no seat', async () => {
    const before = await db.counts();
    const r = await entitlement('bob@example.com', 'exports');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      allowed: false,
      plan: 'free',
      source: 'organization_free',
      organizationId: orgId,
    });
    expect(await db.counts()).toEqual(before);
    expect(await seatOfMember('bob@example.com')).toEqual([]);
  });

  it('auto-assigns the cheapest plan with the feature to a seatless member once auto-assign is on', async () => {
    await updateOrganizationSettings(db.ctx, owner, { organizationId: orgId, autoAssign: true });
    const seatsBefore = (await api.call('GET', `/api/v1/organizations/${orgId}/seats`)).body.totals;
    const r = await entitlement('bob@example.com', 'exports');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      allowed: true,
      plan: 'pro',
      source: 'auto_assigned',
      organizationId: orgId,
    });
    expect(await seatOfMember('bob@example.com')).toEqual(['pro']);
    const seatsAfter = (await api.call('GET', `/api/v1/organizations/${orgId}/seats`)).body.totals;
    expect(seatsAfter).toEqual({
      ...seatsBefore,
      assigned: seatsBefore.assigned + 1,
      free: seatsBefore.free - 1,
    });
    // the next check uses the seat; nothing more is assigned
    const again = await entitlement('bob@example.com', 'exports');
    expect(again.body).toMatchObject({ allowed: true, source: 'seat' });
    expect((await api.call('GET', `/api/v1/organizations/${orgId}/seats`)).body.totals).toEqual(seatsAfter);
  });

  it('gives an offboarded (detached) member nothing', async () => {
    const before = await db.counts();
    const r = await entitlement('carol@example.com', 'surveys');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      allowed: false,
      feature: 'surveys',
      plan: null,
      limits: {},
      organizationId: orgId,
      source: 'detached',
    });
    expect(await db.counts()).toEqual(before);
  });

  it('answers from the personal plan outside organizations', async () => {
    await upsertAccount(db.ctx, { email: 'solo@example.com', personalPlan: 'solo' });
    const r = await entitlement('solo@example.com', 'exports');
    expect(r.body).toMatchObject({ allowed: true, plan: 'pro', source: 'personal', organizationId: null });
    expect((await entitlement('solo@example.com', 'sso')).body).toMatchObject({
      allowed: false,
      plan: 'pro',
    });
  });

  it('answers the free plan for an unknown account, without creating it', async () => {
    const before = await db.counts();
    const r = await entitlement('stranger@example.com', 'surveys');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ allowed: true, plan: 'free', source: 'unknown_account' });
    expect((await entitlement('stranger@example.com', 'exports')).body.allowed).toBe(false);
    expect(await db.counts()).toEqual(before);
  });

  it('refuses missing, repeated or invalid parameters with 400 and changes nothing', async () => {
    expect(
      (await refused(400, 'invalid_input', '/api/v1/entitlements?email=bob@example.com')).details,
    ).toEqual({
      field: 'feature',
    });
    expect((await refused(400, 'invalid_input', '/api/v1/entitlements?feature=exports')).details).toEqual({
      field: 'email',
    });
    await refused(400, 'invalid_input', '/api/v1/entitlements');
    await refused(400, 'invalid_input', '/api/v1/entitlements?email=&feature=exports');
    await refused(400, 'invalid_input', '/api/v1/entitlements?email=bob&feature=exports');
    await refused(400, 'invalid_input', '/api/v1/entitlements?email=bob@example.com&feature=');
    await refused(
      400,
      'invalid_input',
      `/api/v1/entitlements?email=bob@example.com&feature=${enc('no spaces')}`,
    );
    await refused(400, 'invalid_input', '/api/v1/entitlements?email=bob@example.com&feature=a&feature=b');
  });

  it.skipIf(usingPglite)(
    'concurrent first checks by one seatless member all succeed, with one seat taken',
    async () => {
      expect(await seatOfMember('dave@example.com')).toEqual([]);
      const before = (await api.call('GET', `/api/v1/organizations/${orgId}/seats`)).body.totals;
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => entitlement('dave@example.com', 'exports')),
      );
      // Regression: the losers of claimSeat's unique-index race used to get 409 already_has_seat.
      expect(answers.map((a) => [a.status, a.body.allowed ?? a.body.error?.code])).toEqual(
        answers.map(() => [200, true]),
      );
      expect(await seatOfMember('dave@example.com')).toEqual(['pro']);
      const after = (await api.call('GET', `/api/v1/organizations/${orgId}/seats`)).body.totals;
      expect(after.assigned).toBe(before.assigned + 1);
    },
  );
});
