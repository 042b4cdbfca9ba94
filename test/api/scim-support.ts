import { expect } from 'vitest';
import { runCommand } from '../../src/commands/dispatch.ts';
import { connectContract } from '../../src/service/connect-contract.ts';
import { updateOrganizationSettings } from '../../src/service/update-organization-settings.ts';
import type { TestDb } from '../support/db.ts';
import { type Api, organizationOf } from './support.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely
type Json = any;

export const PUBLIC_URL = 'https://seats.example.com';
export const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** `scim token` typed in chat by `email`: the reply's base URL and token. */
export const scimTokenFor = async (db: TestDb, email: string) => {
  const errors: unknown[] = [];
  const r = await runCommand(
    { service: { ...db.ctx, publicUrl: PUBLIC_URL }, actor: { email } },
    'scim token',
    (e) => errors.push(e),
  );
  expect(errors).toEqual([]);
  expect(r.private, 'the token is shown only to the one who asked').toBe(true);
  const m = /base URL `([^`]+)`, bearer token `(scim_[a-z2-7]{32})`/.exec(r.text);
  expect(m, r.text).not.toBeNull();
  return { baseUrl: m![1]!, token: m![2]!, reply: r };
};

/** An organization with ten pro seats, auto-assign on, and its SCIM token. */
export const scimOrganization = async (db: TestDb, api: Api, owner: string, name: string) => {
  const org = await organizationOf(db, owner, name);
  const c = await api.call('POST', '/api/v1/contracts', {
    body: { managerEmail: owner, period: 'month', plans: [{ plan: 'pro', quantity: 10 }] },
  });
  expect(c.status).toBe(201);
  await connectContract(db.ctx, { email: owner }, { organizationId: org.id, contractId: c.body.contract.id });
  await updateOrganizationSettings(db.ctx, { email: owner }, { organizationId: org.id, autoAssign: true });
  const { token } = await scimTokenFor(db, owner);
  return { org, token };
};

/** A SCIM request as identity providers send it: bearer token, application/scim+json. */
export const scim = async (
  api: Api,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; headers: Headers; body: Json }> => {
  const r = await api.call(method, `/scim/v2${path}`, {
    token,
    ...(body === undefined ? {} : { raw: JSON.stringify(body) }),
    headers: body === undefined ? {} : { 'content-type': 'application/scim+json' },
  });
  if (r.status !== 204) expect(r.headers.get('content-type')).toMatch(/^application\/scim\+json/);
  if (r.status >= 400) {
    expect(r.body.schemas).toEqual([ERROR]);
    expect(r.body.status).toBe(String(r.status));
    expect(typeof r.body.detail).toBe('string');
    expect(r.status, r.body.detail).toBeLessThan(500);
  }
  return r;
};

export const filterBy = (userName: string) =>
  `/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`;

/** The seat a member holds (plan, auto-renew), or null. */
export const seatOf = async (db: TestDb, orgId: string, email: string) => {
  const rows = await db.em.fork().execute<{ plan_code: string; auto_renew: boolean }[]>(
    `select s.plan_code, s.auto_renew from seat s join membership m on m.id = s.membership_id
     join account a on a.id = m.account_id where a.email = ? and m.organization_id = ?`,
    [email, orgId],
  );
  return rows[0] ? { plan: rows[0].plan_code, autoRenew: rows[0].auto_renew } : null;
};

export const membershipRow = async (db: TestDb, orgId: string, email: string) => {
  const rows = await db.em.fork().execute<{ status: string; former: boolean; role: string }[]>(
    `select m.status, m.former, m.role from membership m join account a on a.id = m.account_id
     where a.email = ? and m.organization_id = ?`,
    [email, orgId],
  );
  return rows[0] ?? null;
};

/** Audit events of the organization with this action, newest last. */
export const auditOf = (db: TestDb, orgId: string, action: string) =>
  db.em
    .fork()
    .execute<{ actor_id: string | null; after: Json }[]>(
      'select actor_id, after from audit_event where organization_id = ? and action = ? order by at, id',
      [orgId, action],
    );

export const outboxOf = (db: TestDb, orgId: string, kind: string) =>
  db.em
    .fork()
    .execute<{ recipient_id: string; payload: Json }[]>(
      'select recipient_id, payload from outbox where organization_id = ? and kind = ? order by created_at, id',
      [orgId, kind],
    );
