import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../../src/domain/errors.ts';
import type { MembershipStatus, OrgStatus, Role } from '../../src/domain/model.ts';
import type { Permission } from '../../src/domain/permissions.ts';
import { permissionHint } from '../../src/domain/permissions.ts';
import {
  actorAccount,
  authorize,
  authorizeReading,
  requireOrganization,
  requirePermission,
} from '../../src/service/support/lookups.ts';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * Issue 13, item 2: the conditions of access are written once (src/domain/access.ts), and both
 * ways of checking them derive from it. Random states of an organization, an account and a
 * membership are written to a real database; `authorize` (one joined read) and the sequential
 * `requireOrganization` + `requirePermission` must give the same outcome: the same membership,
 * or the same refusal (code, message and next step). `authorizeReading` (the same read as plain
 * records, on the shared entity manager: what read-only use cases such as `members` run) too.
 */

const PERMISSIONS = Object.keys(permissionHint) as Permission[];

interface State {
  org: OrgStatus | 'missing';
  account: boolean;
  membership: { status: MembershipStatus; role: Role; approver: boolean } | null;
}

const state: fc.Arbitrary<State> = fc.record({
  org: fc.constantFrom<State['org']>('missing', 'active', 'pending', 'cancelling', 'cancelled', 'deleted'),
  // mostly present: the membership's conditions are where the rule has most to say
  account: fc.integer({ min: 0, max: 4 }).map((i) => i > 0),
  membership: fc.option(
    fc.record({
      status: fc.constantFrom<MembershipStatus>('active', 'detached', 'left'),
      role: fc.constantFrom<Role>('owner', 'admin', 'member'),
      approver: fc.boolean(),
    }),
    { nil: null },
  ),
});

type Outcome = { membershipId: string } | { code: string; message: string; next: string };

const outcomeOf = async (run: () => Promise<{ id: string }>): Promise<Outcome> => {
  try {
    return { membershipId: (await run()).id };
  } catch (e) {
    if (!isDomainError(e)) throw e;
    return { code: e.code, message: e.message, next: e.next };
  }
};

/** In a transaction that is always rolled back: the sequential path may create the actor's account. */
const rolledBack = async <T>(db: TestDb, fn: (em: EntityManager) => Promise<T>): Promise<T> => {
  const em = db.em.fork({ clear: true }) as EntityManager;
  await em.begin();
  try {
    return await fn(em);
  } finally {
    await em.rollback();
  }
};

/** Each permission's outcome, one after the other, by permission. */
const each = async (ps: readonly Permission[], run: (p: Permission) => Promise<Outcome>) => {
  const out: Partial<Record<Permission, Outcome>> = {};
  for (const p of ps) out[p] = await run(p);
  return out;
};

const joinedPath = (em: EntityManager, orgId: string, actor: { email: string }, p: Permission) =>
  outcomeOf(async () => (await authorize(em, orgId, actor, p)).membership);

const readingPath = (orgId: string, actor: { email: string }, p: Permission) =>
  outcomeOf(async () => (await authorizeReading(db.em, orgId, actor, p)).membership);

const sequentialPath = (em: EntityManager, orgId: string, actor: { email: string }, p: Permission) =>
  outcomeOf(async () => {
    const org = await requireOrganization(em, orgId);
    const me = await actorAccount(em, actor, db.clock.now());
    return requirePermission(em, org, me, p);
  });

let db: TestDb;
let ownerId: string;
let n = 0;

beforeAll(async () => {
  db = await freshDb();
  ownerId = randomUUID();
  await db.em.fork().execute(
    `insert into account (id, email, name, personal_plan, payment_method, created_at, updated_at)
       values (?, ?, null, 'business', null, ?, ?)`,
    [ownerId, 'owner-of-all@example.com', db.clock.now(), db.clock.now()],
  );
});
afterAll(() => db?.close());

/** Writes the state; returns the organization id and the actor's email. */
const write = async (s: State) => {
  const em = db.em.fork();
  const now = db.clock.now();
  const orgId = randomUUID();
  const email = `actor-${++n}@example.com`;
  const accountId = randomUUID();
  const m = s.membership;
  // one round trip: each row only when the state has it
  await em.execute(
    `with o as (
       insert into organization (id, name, owner_id, status, created_at, updated_at)
       select ?::uuid, ?, ?::uuid, ?, ?::timestamptz, ?::timestamptz where ?::boolean),
     a as (
       insert into account (id, email, name, personal_plan, payment_method, created_at, updated_at)
       select ?::uuid, ?, null, 'free', null, ?::timestamptz, ?::timestamptz where ?::boolean)
     insert into membership (id, organization_id, account_id, role, approver, status, former, joined_at, ended_at)
     select ?::uuid, ?::uuid, ?::uuid, ?, ?::boolean, ?, false, ?::timestamptz, ?::timestamptz where ?::boolean`,
    [
      ...[orgId, `Org ${n}`, ownerId, s.org === 'missing' ? 'active' : s.org, now, now, s.org !== 'missing'],
      ...[accountId, email, now, now, s.account],
      ...[randomUUID(), orgId, accountId, m?.role ?? 'member', m?.approver ?? false, m?.status ?? 'active'],
      ...[now, m && m.status !== 'active' ? now : null, s.org !== 'missing' && s.account && m !== null],
    ],
  );
  return { orgId, email };
};

describe('authorization: one rule, two paths', () => {
  it('authorize and requireOrganization + requirePermission agree on every state', async () => {
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(state, async (s) => {
        const { orgId, email } = await write(s);
        const actor = { email };
        // every permission against the same state; one transaction per path unless the
        // sequential one creates the missing account (then one each, so each starts without it)
        const joined = await rolledBack(db, (em) =>
          each(PERMISSIONS, (p) => joinedPath(em, orgId, actor, p)),
        );
        const sequential = s.account
          ? await rolledBack(db, (em) => each(PERMISSIONS, (p) => sequentialPath(em, orgId, actor, p)))
          : await each(PERMISSIONS, (p) => rolledBack(db, (em) => sequentialPath(em, orgId, actor, p)));
        expect(joined).toEqual(sequential);
        expect(await each(PERMISSIONS, (p) => readingPath(orgId, actor, p))).toEqual(joined);
        for (const o of Object.values(joined)) seen.add('membershipId' in o ? 'allowed' : o.code);
      }),
      { numRuns: 80 },
    );
    // the random states reached every kind of outcome
    expect([...seen].sort()).toEqual(['allowed', 'detached', 'forbidden', 'not_found']);
  }, 300_000);

  it('a membership that grants access is the one both return', async () => {
    const { orgId, email } = await write({
      org: 'active',
      account: true,
      membership: { status: 'active', role: 'admin', approver: false },
    });
    const joined = await rolledBack(db, (em) => authorize(em, orgId, { email }, 'invite'));
    expect(joined.org.id).toBe(orgId);
    expect(joined.me.email).toBe(email);
    expect(joined.membership).toMatchObject({ organizationId: orgId, role: 'admin', status: 'active' });
    // the plain records carry the same fields, Dates included
    const plain = await authorizeReading(db.em, orgId, { email }, 'invite');
    expect(plain.org).toEqual({ ...joined.org });
    expect(plain.me).toEqual({ ...joined.me });
    expect(plain.membership).toEqual({ ...joined.membership });
  });
});
