import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LedgerGateway } from '../../adapters/ledger/ledger-gateway.ts';
import { ledgerChargeStore } from '../../db/repositories/ledger-charges.ts';
import { OrganizationSchema } from '../../db/schemas/index.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { checkEntitlement } from '../../src/service/check-entitlement.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { updateOrganizationSettings } from '../../src/service/update-organization-settings.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import {
  account,
  addMember,
  auditRows,
  email,
  giveSeat,
  orgWith,
  outboxTo,
  refusedUnchanged,
  seatCounts,
  seatOfMember,
} from '../support/fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());
beforeEach(() => db.clock.set('2026-03-01T00:00:00Z'));

const autoAssignOn = (orgId: string, actor: { email: string }) =>
  updateOrganizationSettings(db.ctx, actor, { organizationId: orgId, autoAssign: true });

describe('checkEntitlement for members with a seat', () => {
  it("answers from the seat's plan and refreshes the seat's last use", async () => {
    const { org, contract, members } = await orgWith(db, { members: 1, seats: { pro: 1 } });
    const m = members[0]!;
    const seatId = await giveSeat(db, contract.id, m.membershipId, 'pro');
    db.clock.advance(3600_000);
    const r = await checkEntitlement(db.ctx, { email: m.email.toUpperCase(), feature: 'Exports' });
    expect(r).toEqual({
      allowed: true,
      feature: 'exports',
      plan: 'pro',
      limits: { survey_responses: 1000, active_surveys: 50 },
      organizationId: org.id,
      source: 'seat',
    });
    const seat = await seatOfMember(db, m.membershipId);
    expect(seat?.id).toBe(seatId);
    expect(seat?.lastUsedAt).toEqual(db.clock.now());
  });

  it('says no for a feature the seat lacks, without auto-assigning a richer seat', async () => {
    const { org, owner, contract, members } = await orgWith(db, {
      members: 1,
      seats: { pro: 1, business: 1 },
    });
    await autoAssignOn(org.id, owner.actor);
    await giveSeat(db, contract.id, members[0]!.membershipId, 'pro');
    const r = await checkEntitlement(db.ctx, { email: members[0]!.email, feature: 'groups' });
    expect(r).toMatchObject({ allowed: false, plan: 'pro', source: 'seat', organizationId: org.id });
    expect(await seatCounts(db, contract.id)).toMatchObject({ business: { assigned: 1, free: 1 } });
  });

  it('answers for the owner from their business seat', async () => {
    const { org, owner } = await orgWith(db);
    const r = await checkEntitlement(db.ctx, { email: owner.email, feature: 'sso' });
    expect(r).toMatchObject({
      allowed: true,
      plan: 'business',
      limits: {},
      organizationId: org.id,
      source: 'seat',
    });
  });
});

describe('auto-assign', () => {
  it('is off by default: a seatless member stays on free and takes no seat', async () => {
    const { org, contract, members } = await orgWith(db, { members: 1, seats: { pro: 1 } });
    const before = await db.counts();
    const r = await checkEntitlement(db.ctx, { email: members[0]!.email, feature: 'exports' });
    expect(r).toMatchObject({
      allowed: false,
      plan: 'free',
      source: 'organization_free',
      organizationId: org.id,
      limits: { survey_responses: 100, active_surveys: 3 },
    });
    expect(await db.counts()).toEqual(before);
    expect(await seatCounts(db, contract.id)).toMatchObject({ pro: { assigned: 0 } });
  });

  it('gives the cheapest plan that has the feature, once, with an audit event and a notice', async () => {
    const { org, owner, contract, members } = await orgWith(db, {
      members: 2,
      seats: { pro: 1, business: 1 },
    });
    await autoAssignOn(org.id, owner.actor);
    const [a, b] = members as [(typeof members)[0], (typeof members)[0]];

    const r = await checkEntitlement(db.ctx, { email: a.email, feature: 'exports' });
    expect(r).toMatchObject({ allowed: true, plan: 'pro', source: 'auto_assigned', organizationId: org.id });
    const seat = await seatOfMember(db, a.membershipId);
    expect(seat).toMatchObject({ planCode: 'pro' });
    expect(seat?.lastUsedAt).toEqual(db.clock.now());
    const [assigned] = await auditRows(db, { action: 'seat.auto_assigned', subjectId: a.membershipId });
    expect(assigned).toMatchObject({
      organizationId: org.id,
      actorId: null,
      before: { plan: 'free' },
      after: { plan: 'pro', seatId: seat!.id, email: a.email, feature: 'exports' },
    });
    const [told] = await outboxTo(db, a.id, 'seat_assigned');
    expect(told?.payload).toMatchObject({ plan: 'pro', previousPlan: 'free', by: 'auto-assign' });

    // asking again answers from the seat, and takes nothing more
    expect(await checkEntitlement(db.ctx, { email: a.email, feature: 'exports' })).toMatchObject({
      source: 'seat',
      plan: 'pro',
    });
    // the pro seat is gone: the next one who needs exports gets business
    expect(await checkEntitlement(db.ctx, { email: b.email, feature: 'exports' })).toMatchObject({
      allowed: true,
      plan: 'business',
      source: 'auto_assigned',
    });
    expect(await seatCounts(db, contract.id)).toMatchObject({
      pro: { assigned: 1, free: 0 },
      business: { assigned: 2, free: 0 },
    });
  });

  it('skips cheaper plans that lack the feature', async () => {
    const { org, owner, contract, members } = await orgWith(db, {
      members: 1,
      seats: { pro: 3, business: 1 },
    });
    await autoAssignOn(org.id, owner.actor);
    const r = await checkEntitlement(db.ctx, { email: members[0]!.email, feature: 'groups' });
    expect(r).toMatchObject({ allowed: true, plan: 'business', source: 'auto_assigned' });
    expect(await seatCounts(db, contract.id)).toMatchObject({ pro: { assigned: 0 } });
  });

  it('takes no seat for a feature the free plan already has', async () => {
    const { org, owner, contract, members } = await orgWith(db, { members: 1, seats: { pro: 1 } });
    await autoAssignOn(org.id, owner.actor);
    const r = await checkEntitlement(db.ctx, { email: members[0]!.email, feature: 'surveys' });
    expect(r).toMatchObject({ allowed: true, plan: 'free', source: 'organization_free' });
    expect(await seatCounts(db, contract.id)).toMatchObject({ pro: { assigned: 0, free: 1 } });
  });

  it('answers free when no seat with the feature is free, or the feature is unknown', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1, seats: { pro: 1 } });
    await autoAssignOn(org.id, owner.actor);
    const before = await db.counts();
    expect(await checkEntitlement(db.ctx, { email: members[0]!.email, feature: 'sso' })).toMatchObject({
      allowed: false,
      plan: 'free',
      source: 'organization_free',
    });
    expect(await checkEntitlement(db.ctx, { email: members[0]!.email, feature: 'teleport' })).toMatchObject({
      allowed: false,
      plan: 'free',
    });
    expect(await db.counts()).toEqual(before);
  });

  it('stops when auto-assign is turned off again', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1, seats: { pro: 1 } });
    await autoAssignOn(org.id, owner.actor);
    await updateOrganizationSettings(db.ctx, owner.actor, { organizationId: org.id, autoAssign: false });
    expect(await checkEntitlement(db.ctx, { email: members[0]!.email, feature: 'exports' })).toMatchObject({
      allowed: false,
      source: 'organization_free',
    });
    expect(await seatOfMember(db, members[0]!.membershipId)).toBeNull();
  });
});

describe('checkEntitlement outside organizations', () => {
  it('blocks a detached member, even with a seat left on them', async () => {
    const { org, contract } = await orgWith(db, { seats: { pro: 1 } });
    const gone = await addMember(db, org.id, { status: 'detached', personalPlan: 'business' });
    await giveSeat(db, contract.id, gone.membershipId, 'pro');
    expect(await checkEntitlement(db.ctx, { email: gone.email, feature: 'surveys' })).toEqual({
      allowed: false,
      feature: 'surveys',
      plan: null,
      limits: {},
      organizationId: org.id,
      source: 'detached',
    });
  });

  it('answers an unknown account with the free plan and creates nothing', async () => {
    const before = await db.counts();
    const who = email('ghost');
    expect(await checkEntitlement(db.ctx, { email: who, feature: 'surveys' })).toMatchObject({
      allowed: true,
      plan: 'free',
      source: 'unknown_account',
      organizationId: null,
    });
    expect(await checkEntitlement(db.ctx, { email: who, feature: 'exports' })).toMatchObject({
      allowed: false,
      plan: 'free',
    });
    expect(await db.counts()).toEqual(before);
  });

  it('answers accounts in no organization from their personal plan (solo counts as pro)', async () => {
    const solo = await account(db, { personalPlan: 'solo' });
    const biz = await account(db, { personalPlan: 'business' });
    expect(await checkEntitlement(db.ctx, { email: solo.email, feature: 'exports' })).toMatchObject({
      allowed: true,
      plan: 'pro',
      source: 'personal',
    });
    expect(await checkEntitlement(db.ctx, { email: solo.email, feature: 'groups' })).toMatchObject({
      allowed: false,
    });
    expect(await checkEntitlement(db.ctx, { email: biz.email, feature: 'groups' })).toMatchObject({
      allowed: true,
      plan: 'business',
      source: 'personal',
    });
  });

  it('refuses malformed input with invalid_input', async () => {
    await refusedUnchanged(db, 'invalid_input', () =>
      checkEntitlement(db.ctx, { email: 'x', feature: 'surveys' }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      checkEntitlement(db.ctx, { email: email(), feature: 'drop table;' }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      checkEntitlement(db.ctx, { email: email(), feature: '' }),
    );
  });
});

describe('updateOrganizationSettings', () => {
  it('lets admins switch auto-assign and idle reclaim, with before/after in the audit', async () => {
    const { org, admins } = await orgWith(db, { admins: 1 });
    const r = await updateOrganizationSettings(db.ctx, admins[0]!.actor, {
      organizationId: org.id,
      autoAssign: true,
      idleReclaim: false,
    });
    expect(r.organization).toMatchObject({ autoAssign: true, idleReclaim: false });
    const row = await db.em.fork().findOneOrFail(OrganizationSchema, { id: org.id });
    expect(row).toMatchObject({ autoAssign: true, idleReclaim: false, autoApproveBelow: null });
    const [changed] = await auditRows(db, { action: 'organization.settings', subjectId: org.id });
    expect(changed).toMatchObject({
      actorId: admins[0]!.id,
      before: { autoAssign: false, autoApproveBelow: null, idleReclaim: true },
      after: { autoAssign: true, autoApproveBelow: null, idleReclaim: false },
    });
    await refusedUnchanged(db, 'conflict', () =>
      updateOrganizationSettings(db.ctx, admins[0]!.actor, { organizationId: org.id, autoAssign: true }),
    );
  });

  it('keeps the auto-approve amount to the owner (it spends money)', async () => {
    const { org, owner, admins } = await orgWith(db, { admins: 1 });
    await refusedUnchanged(db, 'forbidden', () =>
      updateOrganizationSettings(db.ctx, admins[0]!.actor, {
        organizationId: org.id,
        autoApproveBelow: 5000,
      }),
    );
    const r = await updateOrganizationSettings(db.ctx, owner.actor, {
      organizationId: org.id,
      autoApproveBelow: 5000,
    });
    expect(r.organization.autoApproveBelow).toBe(5000);
    const off = await updateOrganizationSettings(db.ctx, owner.actor, {
      organizationId: org.id,
      autoApproveBelow: null,
    });
    expect(off.organization.autoApproveBelow).toBeNull();
  });

  it('refuses members (forbidden), other organizations (not_found) and bad input (invalid_input)', async () => {
    const a = await orgWith(db, { members: 1 });
    const b = await orgWith(db, { admins: 1 });
    await refusedUnchanged(db, 'forbidden', () =>
      updateOrganizationSettings(db.ctx, a.members[0]!.actor, { organizationId: a.org.id, autoAssign: true }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      updateOrganizationSettings(db.ctx, b.admins[0]!.actor, { organizationId: a.org.id, autoAssign: true }),
    );
    for (const raw of [
      { organizationId: a.org.id },
      { organizationId: 'abc', autoAssign: true },
      { organizationId: a.org.id, autoApproveBelow: -1 },
      { organizationId: a.org.id, autoApproveBelow: 10.5 },
      { organizationId: a.org.id, autoAssign: 'yes' },
    ]) {
      await refusedUnchanged(db, 'invalid_input', () =>
        updateOrganizationSettings(db.ctx, a.owner.actor, raw as never),
      );
    }
    expect((await db.em.fork().findOneOrFail(OrganizationSchema, { id: a.org.id })).autoAssign).toBe(false);
  });
});

describe('assignment and entitlement together', () => {
  it('a manual assignment is what the product sees next', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1, seats: { business: 1 } });
    expect((await checkEntitlement(db.ctx, { email: members[0]!.email, feature: 'api' })).allowed).toBe(
      false,
    );
    await assignPlan(db.ctx, owner.actor, {
      organizationId: org.id,
      member: members[0]!.email,
      plan: 'business',
    });
    expect(await checkEntitlement(db.ctx, { email: members[0]!.email, feature: 'api' })).toMatchObject({
      allowed: true,
      plan: 'business',
      source: 'seat',
    });
  });
});

describe.skipIf(usingPglite)('auto-assign under concurrency', () => {
  it('concurrent first checks by one seatless member all succeed, with exactly one seat taken', async () => {
    const ctxs: ServiceContext[] = [];
    for (let i = 0; i < 3; i++) {
      const orm = await db.connect(4);
      const em = orm.em as unknown as EntityManager;
      ctxs.push({
        em,
        clock: db.clock,
        billing: new LedgerGateway(ledgerChargeStore(em), () => db.clock.now()),
      });
    }
    for (let round = 0; round < 3; round++) {
      const { org, owner, contract, members } = await orgWith(db, { members: 1, seats: { pro: 3 } });
      await autoAssignOn(org.id, owner.actor);
      const answers = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          checkEntitlement(ctxs[i % ctxs.length]!, { email: members[0]!.email, feature: 'exports' }),
        ),
      );
      expect(answers.map((a) => [a.allowed, a.plan])).toEqual(answers.map(() => [true, 'pro']));
      expect(answers.filter((a) => a.source === 'auto_assigned')).toHaveLength(1);
      expect(await seatCounts(db, contract.id)).toMatchObject({ pro: { assigned: 1, free: 2 } });
      expect(await auditRows(db, { action: 'seat.auto_assigned', organizationId: org.id })).toHaveLength(1);
    }
  });
});
