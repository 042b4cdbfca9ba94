import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import {
  AccountSchema,
  AuditEventSchema,
  MembershipSchema,
  OutboxSchema,
  SeatSchema,
} from '../../db/schemas/index.ts';
import type { PersonalPlan } from '../../src/domain/catalog.ts';
import { DomainError, type ErrorCode } from '../../src/domain/errors.ts';
import type {
  Account,
  AuditEvent,
  Contract,
  Membership,
  Organization,
  OutboxMessage,
  Role,
  Seat,
} from '../../src/domain/model.ts';
import type { Actor } from '../../src/service/context.ts';
import { createOrganization } from '../../src/service/create-organization.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import type { TestDb } from './db.ts';

/**
 * Shared builders for integration tests. Each test file has its own database (freshDb), so
 * emails only need to be unique within a file: `email('alice')` → alice-1@example.com, ….
 * Members and seats are written straight into the tables, so a test of one use case does not
 * depend on the invite or purchase flows working.
 */
let seq = 0;
export const email = (name = 'user') => `${name.toLowerCase()}-${++seq}@example.com`;

export const DAY_MS = 24 * 3600 * 1000;

/** A person as tests pass them around: their account and the Actor use cases take. */
export interface Person {
  email: string;
  id: string;
  actor: Actor;
}

const person = (a: Account): Person => ({ email: a.email, id: a.id, actor: { email: a.email } });

/** An account, through the real upsert (as the product's REST sync would make it). */
export const account = async (
  db: TestDb,
  opts: { email?: string; personalPlan?: PersonalPlan; paymentMethod?: string | null } = {},
): Promise<Person> => {
  const { account: a } = await upsertAccount(db.ctx, {
    email: opts.email ?? email(),
    personalPlan: opts.personalPlan ?? 'free',
    paymentMethod: opts.paymentMethod,
  });
  return person(a);
};

/** A membership row, written directly (no invitation). */
export const addMember = async (
  db: TestDb,
  orgId: string,
  opts: {
    email?: string;
    role?: Exclude<Role, 'owner'>;
    approver?: boolean;
    personalPlan?: PersonalPlan;
    status?: Membership['status'];
  } = {},
): Promise<Person & { membershipId: string }> => {
  const p = await account(db, {
    email: opts.email ?? email(opts.role ?? 'member'),
    personalPlan: opts.personalPlan,
  });
  const em = db.em.fork();
  const m = em.create(MembershipSchema, {
    id: randomUUID(),
    organizationId: orgId,
    accountId: p.id,
    role: opts.role ?? 'member',
    approver: opts.approver ?? false,
    status: opts.status ?? 'active',
    former: false,
    joinedAt: db.clock.now(),
    endedAt: opts.status && opts.status !== 'active' ? db.clock.now() : null,
  });
  await em.flush();
  return { ...p, membershipId: m.id };
};

/** `n` free seats of `plan` in a contract, inserted with SQL (as a charged purchase would add them). */
export const addSeats = async (
  db: TestDb,
  contractId: string,
  plan: string,
  n: number,
  opts: { autoRenew?: boolean } = {},
) => {
  await db.em.fork().execute(
    `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, last_used_at, created_at)
       select gen_random_uuid(), ?, ?, null, ?, null, null, ? from generate_series(1, ?)`,
    [contractId, plan, opts.autoRenew ?? true, db.clock.now(), n],
  );
};

/** Gives a member one free seat of `plan` directly (fails the test when there is none). */
export const giveSeat = async (db: TestDb, contractId: string, membershipId: string, plan: string) => {
  const rows = await db.em.fork().execute<{ id: string }[]>(
    `update seat set membership_id = ?, assigned_at = ?
     where id = (select id from seat where contract_id = ? and plan_code = ? and membership_id is null limit 1)
     returning id`,
    [membershipId, db.clock.now(), contractId, plan],
  );
  if (!rows[0]) throw new Error(`no free ${plan} seat to give`);
  return rows[0].id;
};

export interface OrgFixture {
  org: Organization;
  /** the organization's own contract (the owner holds one business seat in it) */
  contract: Contract;
  owner: Person & { membershipId: string };
  admins: (Person & { membershipId: string })[];
  members: (Person & { membershipId: string })[];
}

/**
 * An organization created through the real use case (owner on business with a card), plus
 * admins and members written directly, and free seats per plan in its own contract.
 * `seats: { pro: 3 }` adds three free pro seats (the owner's business seat is always there).
 */
export const orgWith = async (
  db: TestDb,
  opts: {
    name?: string;
    admins?: number;
    members?: number;
    seats?: Record<string, number>;
    period?: 'month' | 'year';
  } = {},
): Promise<OrgFixture> => {
  const owner = await account(db, {
    email: email('owner'),
    personalPlan: 'business',
    paymentMethod: 'pm_card_visa',
  });
  const r = await createOrganization(db.ctx, owner.actor, {
    name: opts.name ?? `Org ${seq}`,
    period: opts.period ?? 'month',
  });
  const ownerMembership = await db.em
    .fork()
    .findOneOrFail(MembershipSchema, { organizationId: r.organization.id, accountId: owner.id });
  const admins = [];
  for (let i = 0; i < (opts.admins ?? 0); i++)
    admins.push(await addMember(db, r.organization.id, { role: 'admin' }));
  const members = [];
  for (let i = 0; i < (opts.members ?? 0); i++) members.push(await addMember(db, r.organization.id));
  for (const [plan, n] of Object.entries(opts.seats ?? {})) await addSeats(db, r.contract.id, plan, n);
  return {
    org: r.organization,
    contract: r.contract,
    owner: { ...owner, membershipId: ownerMembership.id },
    admins,
    members,
  };
};

/** Awaits a call that must fail with a DomainError of `code` (one line, with a next step). */
export const refusal = async (code: ErrorCode, run: Promise<unknown> | (() => Promise<unknown>)) => {
  const err = await Promise.resolve()
    .then(() => (typeof run === 'function' ? run() : run))
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(err, `expected a ${code} refusal`).toBeInstanceOf(DomainError);
  const e = err as DomainError;
  expect(e.code, e.line).toBe(code);
  expect(e.message).not.toContain('\n');
  expect(e.next.length).toBeGreaterThan(0);
  return e;
};

/** Like `refusal`, and checks that no table gained or lost a row. */
export const refusedUnchanged = async (db: TestDb, code: ErrorCode, run: () => Promise<unknown>) => {
  const before = await db.counts();
  const e = await refusal(code, run);
  expect(await db.counts()).toEqual(before);
  return e;
};

// ---- reading the database back ----

export const membershipRow = (db: TestDb, orgId: string, accountId: string) =>
  db.em.fork().findOne(MembershipSchema, { organizationId: orgId, accountId });

export const accountRow = (db: TestDb, emailAddress: string) =>
  db.em.fork().findOneOrFail(AccountSchema, { email: emailAddress.toLowerCase() });

/** The seat a membership holds, or null. */
export const seatOfMember = (db: TestDb, membershipId: string): Promise<Seat | null> =>
  db.em.fork().findOne(SeatSchema, { membershipId });

/** Seats of a contract per plan: { pro: { total, assigned, free } }. */
export const seatCounts = async (db: TestDb, contractId: string) => {
  const rows = await db.em.fork().execute<{ plan_code: string; total: number; assigned: number }[]>(
    `select plan_code, count(*)::int as total, count(membership_id)::int as assigned
     from seat where contract_id = ? group by plan_code`,
    [contractId],
  );
  return Object.fromEntries(
    rows.map((r) => [r.plan_code, { total: r.total, assigned: r.assigned, free: r.total - r.assigned }]),
  );
};

/** Audit events, oldest first, filtered by organization, action and/or subject. */
export const auditRows = (
  db: TestDb,
  where: { organizationId?: string | null; action?: string; subjectId?: string; actorId?: string },
): Promise<AuditEvent[]> => db.em.fork().find(AuditEventSchema, where, { orderBy: { at: 'asc', id: 'asc' } });

/** Outbox messages to one person, oldest first, optionally of one kind. */
export const outboxTo = (db: TestDb, recipientId: string, kind?: string): Promise<OutboxMessage[]> =>
  db.em
    .fork()
    .find(
      OutboxSchema,
      { recipientId, ...(kind ? { kind } : {}) },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );

/** The time zone kept with an account (what its chat platform last reported), or null. */
export const platformZoneOf = async (db: TestDb, email: string): Promise<string | null | undefined> =>
  (
    await db.em
      .fork()
      .execute<{ platform_zone: string | null }[]>('select platform_zone from account where email = ?', [
        email,
      ])
  )[0]?.platform_zone;
