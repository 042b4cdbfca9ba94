import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  AccountSchema,
  AuditEventSchema,
  ContractSchema,
  MembershipSchema,
  OrganizationSchema,
  OutboxSchema,
  PlanSchema,
  SeatSchema,
} from '../../db/schemas/index.ts';
import {
  CONNECTION_KEY_PATTERN,
  CONNECTION_KEY_TTL_MS,
  hashConnectionKey,
} from '../../src/domain/connection-key.ts';
import type { DomainError, ErrorCode } from '../../src/domain/errors.ts';
import type { MembershipStatus, OrgStatus, Role } from '../../src/domain/model.ts';
import { DEFAULT_TIERS } from '../../src/domain/tiers.ts';
import { connectContract } from '../../src/service/connect-contract.ts';
import { createExternalContract } from '../../src/service/create-external-contract.ts';
import { createOrganization } from '../../src/service/create-organization.ts';
import { disconnectContract } from '../../src/service/disconnect-contract.ts';
import { issueConnectionKey } from '../../src/service/issue-connection-key.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { refusedUnchanged } from '../support/fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
  // Extra catalog plans: enough for 20 lines in one contract, and one priced in another currency.
  const em = db.em.fork();
  for (let i = 1; i <= 20; i++) {
    em.create(PlanSchema, {
      code: `x${String(i).padStart(2, '0')}`,
      name: `Extra ${i}`,
      rank: 100 + i,
      currency: 'eur',
      monthlyPrice: 1000,
      yearlyPrice: 10000,
      tiers: [...DEFAULT_TIERS],
      features: ['surveys'],
      limits: {},
    });
  }
  em.create(PlanSchema, {
    code: 'pro-usd',
    name: 'Pro (USD)',
    rank: 11,
    currency: 'usd',
    monthlyPrice: 1600,
    yearlyPrice: 16000,
    tiers: [...DEFAULT_TIERS],
    features: ['surveys', 'exports'],
    limits: {},
  });
  await em.flush();
});
afterAll(() => db?.close());
beforeEach(() => db.clock.set('2026-03-01T00:00:00Z'));

let n = 0;
const unique = (name: string) => `${name}-${++n}@example.com`;

/** An organization with its owner (business plan, card on file). */
const newOrg = async (name = 'Acme', ownerEmail = unique('owner')) => {
  await upsertAccount(db.ctx, { email: ownerEmail, personalPlan: 'business', paymentMethod: 'pm_card_visa' });
  const r = await createOrganization(db.ctx, { email: ownerEmail }, { name });
  return { org: r.organization, ownContract: r.contract, owner: { email: ownerEmail } };
};

/** Adds a member directly (the invite use case is someone else's). */
const addMember = async (
  orgId: string,
  email: string,
  role: Role = 'member',
  status: MembershipStatus = 'active',
) => {
  const { account } = await upsertAccount(db.ctx, { email });
  const em = db.em.fork();
  const m = em.create(MembershipSchema, {
    id: randomUUID(),
    organizationId: orgId,
    accountId: account.id,
    role,
    approver: false,
    status,
    former: false,
    joinedAt: db.clock.now(),
    endedAt: null,
  });
  await em.flush();
  return { actor: { email }, account, membership: m };
};

const external = (managerEmail: string, plans = [{ plan: 'pro', quantity: 3 }]) =>
  createExternalContract(db.ctx, { managerEmail, period: 'year', plans });

const contractRow = (id: string) => db.em.fork().findOneOrFail(ContractSchema, { id });

const setOrgStatus = async (id: string, status: OrgStatus) => {
  const em = db.em.fork();
  const org = await em.findOneOrFail(OrganizationSchema, { id });
  org.status = status;
  await em.flush();
};

/** Runs a call that must be refused with `code`, and checks no table changed. */
const refused = (code: ErrorCode, run: () => Promise<unknown>) => refusedUnchanged(db, code, run);

describe('createExternalContract', () => {
  it('creates the manager account, an unconnected contract and one seat per unit', async () => {
    const managerEmail = unique('Procurement').replace('procurement', 'PROCUREMENT');
    const r = await createExternalContract(db.ctx, {
      managerEmail,
      period: 'year',
      plans: [
        { plan: 'Pro', quantity: 3 },
        { plan: 'business', quantity: 2 },
      ],
    });
    expect(r.seats).toEqual({ pro: 3, business: 2 });
    const em = db.em.fork();
    const manager = await em.findOneOrFail(AccountSchema, { email: managerEmail.toLowerCase() });
    expect(manager.personalPlan).toBe('free');
    const c = await em.findOneOrFail(ContractSchema, { id: r.contract.id });
    expect(c).toMatchObject({
      kind: 'external',
      organizationId: null,
      managerId: manager.id,
      period: 'year',
      currency: 'eur',
      status: 'active',
      disconnectedAt: null,
      connectionKeyHash: null,
    });
    expect(c.currentPeriodStart).toEqual(db.clock.now());
    expect(c.currentPeriodEnd).toEqual(new Date('2027-03-01T00:00:00Z'));
    const seats = await em.find(SeatSchema, { contractId: c.id });
    expect(seats).toHaveLength(5);
    expect(seats.filter((s) => s.planCode === 'pro')).toHaveLength(3);
    expect(seats.every((s) => s.autoRenew && s.membershipId === null && s.assignedAt === null)).toBe(true);
    const created = await em.findOneOrFail(AuditEventSchema, {
      action: 'contract.created',
      subjectId: c.id,
    });
    expect(created.actorId).toBeNull();
    expect(created.organizationId).toBeNull();
    expect(created.after).toMatchObject({ kind: 'external', seats: { pro: 3, business: 2 } });
    expect(await em.count(AuditEventSchema, { action: 'account.created', subjectId: manager.id })).toBe(1);
  });

  it('uses a known manager account as it is', async () => {
    const email = unique('known');
    await upsertAccount(db.ctx, { email, personalPlan: 'solo' });
    const accounts = await db.count('account');
    const r = await external(email);
    expect(await db.count('account')).toBe(accounts);
    const manager = await db.em.fork().findOneOrFail(AccountSchema, { email });
    expect(manager.personalPlan).toBe('solo');
    expect(r.contract.managerId).toBe(manager.id);
  });

  it('rolls a past start forward to the period that contains now, keeping the anniversary day', async () => {
    const monthly = await createExternalContract(db.ctx, {
      managerEmail: unique('m'),
      period: 'month',
      plans: [{ plan: 'pro', quantity: 1 }],
      startsAt: '2025-01-31',
    });
    expect(monthly.contract.currentPeriodStart).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(monthly.contract.currentPeriodEnd).toEqual(new Date('2026-03-31T00:00:00Z'));
    const yearly = await createExternalContract(db.ctx, {
      managerEmail: unique('m'),
      period: 'year',
      plans: [{ plan: 'pro', quantity: 1 }],
      startsAt: '2025-06-15T12:00:00+02:00',
    });
    expect(yearly.contract.currentPeriodStart).toEqual(new Date('2025-06-15T10:00:00Z'));
    expect(yearly.contract.currentPeriodEnd).toEqual(new Date('2026-06-15T10:00:00Z'));
  });

  it('inserts 20 plans × 10,000 seats in one go', async () => {
    const plans = Array.from({ length: 20 }, (_, i) => ({
      plan: `x${String(i + 1).padStart(2, '0')}`,
      quantity: 10_000,
    }));
    const seatsBefore = await db.count('seat');
    const r = await createExternalContract(db.ctx, { managerEmail: unique('bulk'), period: 'month', plans });
    expect(await db.count('seat')).toBe(seatsBefore + 200_000);
    expect(Object.values(r.seats).reduce((a, b) => a + b, 0)).toBe(200_000);
  }, 60_000);

  const ok = { managerEmail: 'buyer@example.com', period: 'month' as const };
  it.each([
    ['an unknown plan', 'not_found', { ...ok, plans: [{ plan: 'platinum', quantity: 1 }] }],
    ['the free plan', 'invalid_input', { ...ok, plans: [{ plan: 'free', quantity: 1 }] }],
    ['quantity 0', 'invalid_input', { ...ok, plans: [{ plan: 'pro', quantity: 0 }] }],
    ['a negative quantity', 'invalid_input', { ...ok, plans: [{ plan: 'pro', quantity: -5 }] }],
    ['quantity 10001', 'invalid_input', { ...ok, plans: [{ plan: 'pro', quantity: 10_001 }] }],
    ['a fractional quantity', 'invalid_input', { ...ok, plans: [{ plan: 'pro', quantity: 1.5 }] }],
    ['no plans', 'invalid_input', { ...ok, plans: [] }],
    [
      '21 plans',
      'invalid_input',
      { ...ok, plans: Array.from({ length: 21 }, (_, i) => ({ plan: `p${i}`, quantity: 1 })) },
    ],
    [
      'the same plan twice',
      'invalid_input',
      {
        ...ok,
        plans: [
          { plan: 'pro', quantity: 1 },
          { plan: 'pro', quantity: 2 },
        ],
      },
    ],
    [
      'mixed currencies',
      'invalid_input',
      {
        ...ok,
        plans: [
          { plan: 'pro', quantity: 1 },
          { plan: 'pro-usd', quantity: 1 },
        ],
      },
    ],
    [
      'an invalid email',
      'invalid_input',
      { ...ok, managerEmail: 'not-an-email', plans: [{ plan: 'pro', quantity: 1 }] },
    ],
    ['an empty email', 'invalid_input', { ...ok, managerEmail: '', plans: [{ plan: 'pro', quantity: 1 }] }],
    ['an unknown period', 'invalid_input', { ...ok, period: 'week', plans: [{ plan: 'pro', quantity: 1 }] }],
    [
      'a garbage start date',
      'invalid_input',
      { ...ok, startsAt: 'soon', plans: [{ plan: 'pro', quantity: 1 }] },
    ],
    [
      'a start date in the future',
      'invalid_input',
      { ...ok, startsAt: '2026-04-01', plans: [{ plan: 'pro', quantity: 1 }] },
    ],
  ])('refuses %s (%s) and changes nothing', async (_what, code, raw) => {
    const e = await refused(code as ErrorCode, () => createExternalContract(db.ctx, raw as never));
    if (_what === 'an unknown plan') expect(e.next).toContain('pro');
    if (_what === 'quantity 10001') expect(e.message).toContain('plans.0.quantity');
  });
});

describe('issueConnectionKey', () => {
  it('gives the manager a key for their unconnected contract, storing only its hash', async () => {
    const managerEmail = unique('manager');
    const { contract } = await external(managerEmail);
    const r = await issueConnectionKey(db.ctx, { email: managerEmail });
    expect(r.contractId).toBe(contract.id);
    expect(r.key).toMatch(CONNECTION_KEY_PATTERN);
    expect(r.expiresAt).toEqual(new Date(db.clock.now().getTime() + CONNECTION_KEY_TTL_MS));
    const row = await contractRow(contract.id);
    expect(row.connectionKeyHash).toBe(hashConnectionKey(r.key));
    expect(row.connectionKeyExpiresAt).toEqual(r.expiresAt);
    const events = await db.em.fork().find(AuditEventSchema, { subjectId: contract.id });
    expect(events.map((e) => e.action)).toContain('contract.key_issued');
    const text = JSON.stringify(events);
    expect(text).not.toContain(r.key);
    expect(text).not.toContain(row.connectionKeyHash!);
  });

  it('replaces the previous key when issued again', async () => {
    const managerEmail = unique('manager');
    const { contract } = await external(managerEmail);
    const first = await issueConnectionKey(db.ctx, { email: managerEmail }, { contractId: contract.id });
    const second = await issueConnectionKey(db.ctx, { email: managerEmail });
    expect(second.key).not.toBe(first.key);
    expect((await contractRow(contract.id)).connectionKeyHash).toBe(hashConnectionKey(second.key));
    const { org, owner } = await newOrg();
    await refused('key_invalid', () =>
      connectContract(db.ctx, owner, { organizationId: org.id, key: first.key }),
    );
  });

  it('refuses when the actor manages no unconnected contract', async () => {
    const { owner } = await newOrg(); // manages only the organization's own contract
    const e = await refused('not_found', () => issueConnectionKey(db.ctx, owner));
    expect(e.next.length).toBeGreaterThan(0);
    await refused('not_found', () => issueConnectionKey(db.ctx, { email: unique('nobody') }));
  });

  it('asks which contract when the manager has several', async () => {
    const managerEmail = unique('manager');
    const a = await external(managerEmail);
    const b = await external(managerEmail);
    const e = await refused('invalid_input', () => issueConnectionKey(db.ctx, { email: managerEmail }));
    expect(e.message).toContain(a.contract.id);
    expect(e.message).toContain(b.contract.id);
  });

  it('refuses someone who does not manage the contract', async () => {
    const { contract } = await external(unique('manager'));
    await refused('forbidden', () =>
      issueConnectionKey(db.ctx, { email: unique('stranger') }, { contractId: contract.id }),
    );
  });

  it("refuses an organization's own contract, a connected contract and an unknown id", async () => {
    const { org, owner, ownContract } = await newOrg();
    await refused('conflict', () => issueConnectionKey(db.ctx, owner, { contractId: ownContract.id }));
    const { contract } = await external(owner.email);
    await connectContract(db.ctx, owner, { organizationId: org.id, contractId: contract.id });
    await refused('conflict', () => issueConnectionKey(db.ctx, owner, { contractId: contract.id }));
    await refused('not_found', () => issueConnectionKey(db.ctx, owner, { contractId: randomUUID() }));
    await refused('invalid_input', () => issueConnectionKey(db.ctx, owner, { contractId: 'abc' }));
  });
});

describe('connectContract', () => {
  it("connects with the manager's key, once", async () => {
    const managerEmail = unique('manager');
    const { contract } = await external(managerEmail);
    const { org } = await newOrg();
    const admin = await addMember(org.id, unique('admin'), 'admin');
    const { key } = await issueConnectionKey(db.ctx, { email: managerEmail });
    db.clock.advance(3600_000);
    const r = await connectContract(db.ctx, admin.actor, {
      organizationId: org.id,
      key: ` ${key.toUpperCase()} `,
    });
    expect(r.via).toBe('key');
    const row = await contractRow(contract.id);
    expect(row.organizationId).toBe(org.id);
    expect(row.disconnectedAt).toBeNull();
    expect(row.connectionKeyHash).toBeNull();
    expect(row.connectionKeyExpiresAt).toBeNull();
    const ev = await db.em.fork().findOneOrFail(AuditEventSchema, {
      action: 'contract.connected',
      subjectId: contract.id,
    });
    expect(ev).toMatchObject({ organizationId: org.id, actorId: admin.account.id });
    expect(ev.before).toMatchObject({ organizationId: null });
    expect(ev.after).toMatchObject({ organizationId: org.id, via: 'key' });
    // single use: the same key again is unknown, also for another organization
    const other = await newOrg('Other');
    const e = await refused('key_invalid', () =>
      connectContract(db.ctx, other.owner, { organizationId: other.org.id, key }),
    );
    expect(e.next).toContain('contract manager');
  });

  it('lets only one of two organizations use the same key at once', async () => {
    const managerEmail = unique('manager');
    const { contract } = await external(managerEmail);
    const a = await newOrg('Org A');
    const b = await newOrg('Org B');
    const { key } = await issueConnectionKey(db.ctx, { email: managerEmail });
    const results = await Promise.allSettled([
      connectContract(db.ctx, a.owner, { organizationId: a.org.id, key }),
      connectContract(db.ctx, b.owner, { organizationId: b.org.id, key }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect((lost[0]!.reason as DomainError).code).toBe('key_invalid');
    const row = await contractRow(contract.id);
    expect([a.org.id, b.org.id]).toContain(row.organizationId);
    expect(
      await db.em.fork().count(AuditEventSchema, { action: 'contract.connected', subjectId: contract.id }),
    ).toBe(1);
  });

  it('refuses a malformed key', async () => {
    const { org, owner } = await newOrg();
    for (const key of ['hello', 'ck_123', `ck_${'a'.repeat(31)}1`, '']) {
      const e = await refused('key_invalid', () =>
        connectContract(db.ctx, owner, { organizationId: org.id, key }),
      );
      expect(e.message).toMatch(/^That is not a connection key/);
    }
  });

  it('refuses an unknown or expired key', async () => {
    const managerEmail = unique('manager');
    const { contract } = await external(managerEmail);
    const { org, owner } = await newOrg();
    const unknown = await refused('key_invalid', () =>
      connectContract(db.ctx, owner, { organizationId: org.id, key: `ck_${'a'.repeat(32)}` }),
    );
    expect(unknown.message).toContain('unknown or has expired');
    const { key } = await issueConnectionKey(db.ctx, { email: managerEmail });
    db.clock.advance(CONNECTION_KEY_TTL_MS);
    await refused('key_invalid', () => connectContract(db.ctx, owner, { organizationId: org.id, key }));
    expect((await contractRow(contract.id)).organizationId).toBeNull();
  });

  it('connects directly when the actor manages both, by id or as the only unconnected contract', async () => {
    const { org, owner } = await newOrg();
    const a = await external(owner.email);
    const r = await connectContract(db.ctx, owner, { organizationId: org.id });
    expect(r.contract.id).toBe(a.contract.id);
    expect(r.via).toBe('direct');
    const b = await external(owner.email);
    await connectContract(db.ctx, owner, { organizationId: org.id, contractId: b.contract.id });
    expect((await contractRow(b.contract.id)).organizationId).toBe(org.id);
  });

  it('asks which contract when the manager has several, and says what to do when none', async () => {
    const { org, owner } = await newOrg();
    const none = await refused('not_found', () => connectContract(db.ctx, owner, { organizationId: org.id }));
    expect(none.next).toContain('connection key');
    const a = await external(owner.email);
    const b = await external(owner.email);
    const e = await refused('invalid_input', () =>
      connectContract(db.ctx, owner, { organizationId: org.id }),
    );
    expect(e.message).toContain(a.contract.id);
    expect(e.message).toContain(b.contract.id);
  });

  it('refuses a direct connection by someone who does not manage the contract', async () => {
    const { contract } = await external(unique('manager'));
    const { org, owner } = await newOrg();
    const e = await refused('forbidden', () =>
      connectContract(db.ctx, owner, { organizationId: org.id, contractId: contract.id }),
    );
    expect(e.next).toContain('connection key');
    await refused('not_found', () =>
      connectContract(db.ctx, owner, { organizationId: org.id, contractId: randomUUID() }),
    );
    await refused('invalid_input', () =>
      connectContract(db.ctx, owner, {
        organizationId: org.id,
        contractId: contract.id,
        key: `ck_${'a'.repeat(32)}`,
      }),
    );
  });

  it('refuses members without manage_contract, outsiders, unknown and closed organizations', async () => {
    const managerEmail = unique('manager');
    await external(managerEmail);
    const { key } = await issueConnectionKey(db.ctx, { email: managerEmail });
    const { org } = await newOrg();
    const member = await addMember(org.id, unique('member'), 'member');
    const detachedAdmin = await addMember(org.id, unique('gone'), 'admin', 'detached');
    await refused('forbidden', () => connectContract(db.ctx, member.actor, { organizationId: org.id, key }));
    await refused('detached', () =>
      connectContract(db.ctx, detachedAdmin.actor, { organizationId: org.id, key }),
    );
    await refused('not_found', () =>
      connectContract(db.ctx, { email: unique('outsider') }, { organizationId: org.id, key }),
    );
    await refused('not_found', () =>
      connectContract(db.ctx, { email: managerEmail }, { organizationId: randomUUID(), key }),
    );
    await refused('invalid_input', () =>
      connectContract(db.ctx, { email: managerEmail }, { organizationId: 'acme', key }),
    );
    const closed = await newOrg('Closed');
    await setOrgStatus(closed.org.id, 'cancelled');
    await refused('organization_closed', () =>
      connectContract(db.ctx, closed.owner, { organizationId: closed.org.id, key }),
    );
  });

  it('refuses a contract connected to another organization, or already connected here', async () => {
    const a = await newOrg('Org A');
    const b = await newOrg('Org B');
    // A's owner manages the contract and is an admin of B as well
    await addMember(b.org.id, a.owner.email, 'admin');
    const { contract } = await external(a.owner.email);
    await connectContract(db.ctx, a.owner, { organizationId: a.org.id, contractId: contract.id });
    const e = await refused('conflict', () =>
      connectContract(db.ctx, a.owner, { organizationId: b.org.id, contractId: contract.id }),
    );
    expect(e.message).toContain('another organization');
    await refused('conflict', () =>
      connectContract(db.ctx, a.owner, { organizationId: a.org.id, contractId: contract.id }),
    );
    // A's own contract cannot move to B
    await refused('conflict', () =>
      connectContract(db.ctx, a.owner, { organizationId: b.org.id, contractId: a.ownContract.id }),
    );
    expect((await contractRow(contract.id)).organizationId).toBe(a.org.id);
  });

  it('moves a disconnected contract to another organization, releasing the old holders', async () => {
    const a = await newOrg('Org A');
    const b = await newOrg('Org B');
    await addMember(b.org.id, a.owner.email, 'admin');
    const holder = await addMember(a.org.id, unique('holder'), 'member');
    const { contract } = await external(a.owner.email);
    await connectContract(db.ctx, a.owner, { organizationId: a.org.id, contractId: contract.id });
    const em = db.em.fork();
    const seat = await em.findOneOrFail(SeatSchema, { contractId: contract.id }, { orderBy: { id: 'asc' } });
    seat.membershipId = holder.membership.id;
    seat.assignedAt = db.clock.now();
    await em.flush();

    await disconnectContract(db.ctx, a.owner, { organizationId: a.org.id, contractId: contract.id });
    // reconnecting to the same organization keeps the seats where they are
    await connectContract(db.ctx, a.owner, { organizationId: a.org.id, contractId: contract.id });
    expect((await db.em.fork().findOneOrFail(SeatSchema, { id: seat.id })).membershipId).toBe(
      holder.membership.id,
    );
    await disconnectContract(db.ctx, a.owner, { organizationId: a.org.id, contractId: contract.id });

    const r = await connectContract(db.ctx, a.owner, { organizationId: b.org.id, contractId: contract.id });
    expect(r.releasedSeats).toBe(1);
    const row = await contractRow(contract.id);
    expect(row.organizationId).toBe(b.org.id);
    expect(row.disconnectedAt).toBeNull();
    const freed = await db.em.fork().findOneOrFail(SeatSchema, { id: seat.id });
    expect(freed.membershipId).toBeNull();
    expect(freed.assignedAt).toBeNull();
    const notice = await db.em
      .fork()
      .findOneOrFail(OutboxSchema, { recipientId: holder.account.id, kind: 'seat_removed' });
    expect(notice.organizationId).toBe(a.org.id);
    expect(await db.em.fork().count(AuditEventSchema, { action: 'seat.released', subjectId: seat.id })).toBe(
      1,
    );
  });

  it('takes over a contract whose organization was closed', async () => {
    const a = await newOrg('Org A');
    const b = await newOrg('Org B');
    await addMember(b.org.id, a.owner.email, 'admin');
    const { contract } = await external(a.owner.email);
    await connectContract(db.ctx, a.owner, { organizationId: a.org.id, contractId: contract.id });
    await setOrgStatus(a.org.id, 'cancelled');
    await connectContract(db.ctx, a.owner, { organizationId: b.org.id, contractId: contract.id });
    expect((await contractRow(contract.id)).organizationId).toBe(b.org.id);
  });
});

describe('disconnectContract', () => {
  it("freezes the organization's connected contract; seats stay assigned", async () => {
    const { org, owner } = await newOrg();
    const admin = await addMember(org.id, unique('admin'), 'admin');
    const { contract } = await external(owner.email);
    await connectContract(db.ctx, owner, { organizationId: org.id });
    const em = db.em.fork();
    const seat = await em.findOneOrFail(SeatSchema, { contractId: contract.id }, { orderBy: { id: 'asc' } });
    seat.membershipId = admin.membership.id;
    seat.assignedAt = db.clock.now();
    await em.flush();
    db.clock.advance(60_000);

    const r = await disconnectContract(db.ctx, admin.actor, { organizationId: org.id });
    expect(r.contract.id).toBe(contract.id);
    const row = await contractRow(contract.id);
    expect(row.disconnectedAt).toEqual(db.clock.now());
    expect(row.organizationId).toBe(org.id);
    expect((await db.em.fork().findOneOrFail(SeatSchema, { id: seat.id })).membershipId).toBe(
      admin.membership.id,
    );
    const ev = await db.em.fork().findOneOrFail(AuditEventSchema, {
      action: 'contract.disconnected',
      subjectId: contract.id,
    });
    expect(ev).toMatchObject({ organizationId: org.id, actorId: admin.account.id });
    expect(ev.before).toMatchObject({ disconnectedAt: null });

    const again = await refused('conflict', () =>
      disconnectContract(db.ctx, admin.actor, { organizationId: org.id, contractId: contract.id }),
    );
    expect(again.message).toContain('already disconnected');
    // without an id, there is nothing connected left
    await refused('not_found', () => disconnectContract(db.ctx, admin.actor, { organizationId: org.id }));
    // the manager can now hand it to another organization with a key
    const issued = await issueConnectionKey(db.ctx, owner);
    expect(issued.contractId).toBe(contract.id);
  });

  it('asks which contract when several are connected', async () => {
    const { org, owner } = await newOrg();
    const a = await external(owner.email);
    const b = await external(owner.email);
    await connectContract(db.ctx, owner, { organizationId: org.id, contractId: a.contract.id });
    await connectContract(db.ctx, owner, { organizationId: org.id, contractId: b.contract.id });
    const e = await refused('invalid_input', () =>
      disconnectContract(db.ctx, owner, { organizationId: org.id }),
    );
    expect(e.message).toContain(a.contract.id);
    expect(e.message).toContain(b.contract.id);
    await disconnectContract(db.ctx, owner, { organizationId: org.id, contractId: b.contract.id });
    expect((await contractRow(a.contract.id)).disconnectedAt).toBeNull();
  });

  it("refuses the organization's own contract, pointing to cancel", async () => {
    const { org, owner, ownContract } = await newOrg();
    const e = await refused('conflict', () =>
      disconnectContract(db.ctx, owner, { organizationId: org.id, contractId: ownContract.id }),
    );
    expect(e.next).toContain('cancel');
  });

  it('refuses members and unknown organizations', async () => {
    const { org, owner } = await newOrg();
    await external(owner.email);
    await connectContract(db.ctx, owner, { organizationId: org.id });
    const member = await addMember(org.id, unique('member'), 'member');
    await refused('forbidden', () => disconnectContract(db.ctx, member.actor, { organizationId: org.id }));
    await refused('not_found', () => disconnectContract(db.ctx, owner, { organizationId: randomUUID() }));
    await refused('invalid_input', () => disconnectContract(db.ctx, owner, { organizationId: '42' }));
  });

  it("an admin of org B cannot disconnect org A's contract", async () => {
    const a = await newOrg('Org A');
    const b = await newOrg('Org B');
    const bAdmin = await addMember(b.org.id, unique('b-admin'), 'admin');
    const { contract } = await external(a.owner.email);
    await connectContract(db.ctx, a.owner, { organizationId: a.org.id, contractId: contract.id });
    await refused('not_found', () => disconnectContract(db.ctx, bAdmin.actor, { organizationId: a.org.id }));
    await refused('not_found', () =>
      disconnectContract(db.ctx, bAdmin.actor, { organizationId: a.org.id, contractId: contract.id }),
    );
    await refused('not_found', () =>
      disconnectContract(db.ctx, bAdmin.actor, { organizationId: b.org.id, contractId: contract.id }),
    );
    await refused('not_found', () =>
      disconnectContract(db.ctx, bAdmin.actor, { organizationId: b.org.id, contractId: a.ownContract.id }),
    );
    const row = await contractRow(contract.id);
    expect(row.organizationId).toBe(a.org.id);
    expect(row.disconnectedAt).toBeNull();
  });
});
