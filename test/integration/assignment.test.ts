import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SeatSchema } from '../../db/schemas/index.ts';
import { impactLine } from '../../src/commands/domain-terms.ts';
import { english } from '../../src/i18n/words.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { listMembers } from '../../src/service/list-members.ts';
import { recordUsage } from '../../src/service/record-usage.ts';
import { seatSummary } from '../../src/service/seat-summary.ts';
import { setSeatAutoRenew } from '../../src/service/set-seat-auto-renew.ts';
import { previewUnassign, unassignPlan } from '../../src/service/unassign-plan.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import {
  addMember,
  addSeats,
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

/** An external contract connected to the org, then disconnected (frozen), with `n` seats of `plan`. */
const frozenContract = async (orgId: string, managerId: string, plan: string, n: number) => {
  const id = randomUUID();
  const now = db.clock.now();
  await db.em.fork().execute(
    `insert into contract (id, kind, organization_id, manager_id, period, currency, current_period_start,
       current_period_end, status, disconnected_at, created_at)
     values (?, 'external', ?, ?, 'year', 'eur', ?, ?, 'active', ?, ?)`,
    [id, orgId, managerId, now, new Date('2027-03-01T00:00:00Z'), now, now],
  );
  await addSeats(db, id, plan, n);
  return id;
};

const seatRow = (id: string) => db.em.fork().findOneOrFail(SeatSchema, { id });

describe('assignPlan', () => {
  it('gives a member a free seat of the plan, audits it and tells them', async () => {
    const { org, owner, admins, members, contract } = await orgWith(db, {
      admins: 1,
      members: 1,
      seats: { pro: 2 },
    });
    const m = members[0]!;
    const r = await assignPlan(db.ctx, admins[0]!.actor, {
      organizationId: org.id,
      member: m.email.toUpperCase(),
      plan: 'Pro',
    });
    expect(r.previousPlan).toBe('free');
    expect(r.plan.code).toBe('pro');
    expect(r.seat.contractId).toBe(contract.id);
    const seat = await seatOfMember(db, m.membershipId);
    expect(seat).toMatchObject({ id: r.seat.id, planCode: 'pro' });
    expect(seat?.assignedAt).toEqual(db.clock.now());
    expect(await seatCounts(db, contract.id)).toMatchObject({ pro: { total: 2, assigned: 1, free: 1 } });
    const [assigned] = await auditRows(db, { action: 'seat.assigned', subjectId: m.membershipId });
    expect(assigned).toMatchObject({
      organizationId: org.id,
      actorId: admins[0]!.id,
      before: { plan: 'free' },
      after: { plan: 'pro', seatId: r.seat.id, email: m.email },
    });
    const [told] = await outboxTo(db, m.id, 'seat_assigned');
    expect(told?.payload).toMatchObject({ plan: 'pro', previousPlan: 'free', by: admins[0]!.email });
    const listed = await listMembers(db.ctx, owner.actor, { organizationId: org.id });
    expect(listed.members.find((x) => x.email === m.email)).toMatchObject({ plan: 'pro', autoRenew: true });
  });

  it('moves a member to another plan, freeing the old seat', async () => {
    const { org, owner, members, contract } = await orgWith(db, {
      members: 1,
      seats: { pro: 1, business: 1 },
    });
    const m = members[0]!;
    const first = await assignPlan(db.ctx, owner.actor, {
      organizationId: org.id,
      member: m.email,
      plan: 'pro',
    });
    db.clock.advance(1000);
    const r = await assignPlan(db.ctx, owner.actor, {
      organizationId: org.id,
      member: m.email,
      plan: 'business',
    });
    expect(r.previousPlan).toBe('pro');
    expect((await seatOfMember(db, m.membershipId))?.planCode).toBe('business');
    expect((await seatRow(first.seat.id)).membershipId).toBeNull();
    expect(await seatCounts(db, contract.id)).toMatchObject({
      pro: { assigned: 0, free: 1 },
      business: { total: 2, assigned: 2, free: 0 },
    });
    const events = await auditRows(db, { action: 'seat.assigned', subjectId: m.membershipId });
    expect(events.map((e) => [e.before?.plan, e.after?.plan])).toEqual([
      ['free', 'pro'],
      ['pro', 'business'],
    ]);
  });

  it('refuses with no_free_seat when the plan has none free, keeping the current seat', async () => {
    const { org, owner, members, contract } = await orgWith(db, { members: 2, seats: { pro: 1 } });
    const [a, b] = members as [(typeof members)[0], (typeof members)[0]];
    await assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: a.email, plan: 'pro' });
    const e = await refusedUnchanged(db, 'no_free_seat', () =>
      assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: b.email, plan: 'pro' }),
    );
    expect(e.next).toContain('add 1 pro');
    // switching to a plan with no free seat leaves the member where they were
    await refusedUnchanged(db, 'no_free_seat', () =>
      assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: a.email, plan: 'business' }),
    );
    expect((await seatOfMember(db, a.membershipId))?.planCode).toBe('pro');
    expect(await seatOfMember(db, b.membershipId)).toBeNull();
    expect(await seatCounts(db, contract.id)).toMatchObject({ pro: { assigned: 1, free: 0 } });
  });

  it('refuses a member who already has a seat of that plan with already_has_seat', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1, seats: { pro: 2 } });
    await assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: members[0]!.email, plan: 'pro' });
    await refusedUnchanged(db, 'already_has_seat', () =>
      assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: members[0]!.email, plan: 'pro' }),
    );
    // the owner holds a business seat from creation
    await refusedUnchanged(db, 'already_has_seat', () =>
      assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: owner.email, plan: 'business' }),
    );
  });

  it('refuses the free plan with a hint to unassign', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1 });
    const e = await refusedUnchanged(db, 'invalid_input', () =>
      assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: members[0]!.email, plan: 'free' }),
    );
    expect(e.next).toContain(`unassign ${members[0]!.email}`);
  });

  it('refuses a detached member, an unknown person and an unknown plan', async () => {
    const { org, owner } = await orgWith(db, { seats: { pro: 1 } });
    const gone = await addMember(db, org.id, { status: 'detached' });
    await refusedUnchanged(db, 'detached', () =>
      assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: gone.email, plan: 'pro' }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: email('ghost'), plan: 'pro' }),
    );
    const e = await refusedUnchanged(db, 'not_found', () =>
      assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: gone.email, plan: 'platinum' }),
    );
    expect(e.next).toContain('pro');
  });

  it('refuses members (forbidden) and bad input (invalid_input)', async () => {
    const { org, owner, members } = await orgWith(db, { members: 2, seats: { pro: 1 } });
    await refusedUnchanged(db, 'forbidden', () =>
      assignPlan(db.ctx, members[0]!.actor, {
        organizationId: org.id,
        member: members[1]!.email,
        plan: 'pro',
      }),
    );
    // a member cannot give themselves a seat either
    await refusedUnchanged(db, 'forbidden', () =>
      assignPlan(db.ctx, members[0]!.actor, {
        organizationId: org.id,
        member: members[0]!.email,
        plan: 'pro',
      }),
    );
    for (const raw of [
      { organizationId: 'nope', member: members[0]!.email, plan: 'pro' },
      { organizationId: org.id, member: 'nope', plan: 'pro' },
      { organizationId: org.id, member: members[0]!.email, plan: '' },
      { organizationId: org.id, member: members[0]!.email, plan: 'p r o' },
    ]) {
      await refusedUnchanged(db, 'invalid_input', () => assignPlan(db.ctx, owner.actor, raw));
    }
  });

  it("refuses an admin of another organization naming this one, or this one's member, with not_found", async () => {
    const a = await orgWith(db, { members: 1, seats: { pro: 1 } });
    const b = await orgWith(db, { admins: 1, seats: { pro: 1 } });
    await refusedUnchanged(db, 'not_found', () =>
      assignPlan(db.ctx, b.admins[0]!.actor, {
        organizationId: a.org.id,
        member: a.members[0]!.email,
        plan: 'pro',
      }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      assignPlan(db.ctx, b.admins[0]!.actor, {
        organizationId: b.org.id,
        member: a.members[0]!.email,
        plan: 'pro',
      }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      unassignPlan(db.ctx, b.admins[0]!.actor, { organizationId: a.org.id, member: a.owner.email }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      previewUnassign(db.ctx, b.admins[0]!.actor, { organizationId: b.org.id, member: a.owner.email }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      setSeatAutoRenew(db.ctx, b.admins[0]!.actor, {
        organizationId: b.org.id,
        member: a.owner.email,
        autoRenew: false,
      }),
    );
    expect(await seatCounts(db, a.contract.id)).toMatchObject({ pro: { assigned: 0 } });
  });

  it('does not take seats from a frozen (disconnected) contract, nor move a member off one', async () => {
    const { org, owner, members } = await orgWith(db, { members: 2 });
    const frozen = await frozenContract(org.id, owner.id, 'pro', 2);
    await refusedUnchanged(db, 'no_free_seat', () =>
      assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: members[0]!.email, plan: 'pro' }),
    );
    await giveSeat(db, frozen, members[1]!.membershipId, 'pro');
    await refusedUnchanged(db, 'contract_frozen', () =>
      assignPlan(db.ctx, owner.actor, {
        organizationId: org.id,
        member: members[1]!.email,
        plan: 'business',
      }),
    );
    await refusedUnchanged(db, 'contract_frozen', () =>
      unassignPlan(db.ctx, owner.actor, { organizationId: org.id, member: members[1]!.email }),
    );
    await refusedUnchanged(db, 'contract_frozen', () =>
      setSeatAutoRenew(db.ctx, owner.actor, {
        organizationId: org.id,
        member: members[1]!.email,
        autoRenew: false,
      }),
    );
  });
});

describe('previewUnassign and unassignPlan', () => {
  it('shows what stops working on free, without changing anything', async () => {
    const { org, admins, members } = await orgWith(db, { admins: 1, members: 1, seats: { pro: 1 } });
    const m = members[0]!;
    await assignPlan(db.ctx, admins[0]!.actor, { organizationId: org.id, member: m.email, plan: 'pro' });
    await recordUsage(db.ctx, {
      email: m.email,
      records: [
        { resourceType: 'survey', resourceId: 'big', metric: 'survey_responses', value: 250 },
        { resourceType: 'survey', resourceId: 'small', metric: 'survey_responses', value: 40 },
        {
          resourceType: 'survey',
          resourceId: 'closed',
          metric: 'survey_responses',
          value: 900,
          active: false,
        },
      ],
    });
    const before = await db.counts();
    const p = await previewUnassign(db.ctx, admins[0]!.actor, { organizationId: org.id, member: m.email });
    expect(p.from.code).toBe('pro');
    expect(p.impact.lostFeatures).toEqual(['exports', 'branding']);
    expect(p.impact.warnings.map((w) => impactLine(w, english))).toEqual([
      '1 active survey over the Free limit of 100 responses will become inactive',
      'No more access to: exports, branding',
    ]);
    expect(await db.counts()).toEqual(before);
    expect((await seatOfMember(db, m.membershipId))?.planCode).toBe('pro');
  });

  it('counts several surveys over the limit', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1, seats: { business: 1 } });
    const m = members[0]!;
    await assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: m.email, plan: 'business' });
    await recordUsage(db.ctx, {
      email: m.email,
      records: ['a', 'b'].map((id) => ({
        resourceType: 'survey',
        resourceId: id,
        metric: 'survey_responses',
        value: 101,
      })),
    });
    const p = await previewUnassign(db.ctx, owner.actor, { organizationId: org.id, member: m.email });
    expect(impactLine(p.impact.warnings[0]!, english)).toBe(
      '2 active surveys over the Free limit of 100 responses will become inactive',
    );
    expect(p.impact.lostFeatures).toEqual(['exports', 'branding', 'groups', 'api', 'sso']);
  });

  it('frees the seat, moves the member to free, audits it and tells them what stops working', async () => {
    const { org, owner, members, contract } = await orgWith(db, { members: 1, seats: { pro: 1 } });
    const m = members[0]!;
    const a = await assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: m.email, plan: 'pro' });
    await recordUsage(db.ctx, {
      email: m.email,
      records: [{ resourceType: 'survey', resourceId: 's', metric: 'survey_responses', value: 250 }],
    });
    const r = await unassignPlan(db.ctx, owner.actor, { organizationId: org.id, member: m.email });
    expect(r.from.code).toBe('pro');
    expect(impactLine(r.impact.warnings[0]!, english)).toContain(
      'active survey over the Free limit of 100 responses',
    );
    expect(await seatOfMember(db, m.membershipId)).toBeNull();
    const seat = await seatRow(a.seat.id);
    expect(seat).toMatchObject({ membershipId: null, assignedAt: null });
    expect(await seatCounts(db, contract.id)).toMatchObject({ pro: { total: 1, assigned: 0, free: 1 } });
    const [removed] = await auditRows(db, { action: 'seat.unassigned', subjectId: m.membershipId });
    expect(removed).toMatchObject({
      actorId: owner.id,
      before: { plan: 'pro', seatId: a.seat.id, email: m.email },
      after: { plan: 'free' },
    });
    const [told] = await outboxTo(db, m.id, 'seat_removed');
    expect(told?.payload).toMatchObject({ plan: 'pro', by: owner.email, warnings: r.impact.warnings });
    const listed = await listMembers(db.ctx, owner.actor, { organizationId: org.id });
    expect(listed.members.find((x) => x.email === m.email)).toMatchObject({ plan: 'free', autoRenew: null });
    // the freed seat can go to someone else
    const other = await addMember(db, org.id);
    await assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: other.email, plan: 'pro' });
  });

  it('refuses a member already on free (conflict), members (forbidden), and unknown people (not_found)', async () => {
    const { org, owner, members } = await orgWith(db, { members: 2 });
    await refusedUnchanged(db, 'conflict', () =>
      unassignPlan(db.ctx, owner.actor, { organizationId: org.id, member: members[0]!.email }),
    );
    await refusedUnchanged(db, 'conflict', () =>
      previewUnassign(db.ctx, owner.actor, { organizationId: org.id, member: members[0]!.email }),
    );
    await refusedUnchanged(db, 'forbidden', () =>
      unassignPlan(db.ctx, members[1]!.actor, { organizationId: org.id, member: owner.email }),
    );
    await refusedUnchanged(db, 'forbidden', () =>
      previewUnassign(db.ctx, members[1]!.actor, { organizationId: org.id, member: owner.email }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      unassignPlan(db.ctx, owner.actor, { organizationId: org.id, member: email('ghost') }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      unassignPlan(db.ctx, owner.actor, { organizationId: org.id, member: 'ghost' }),
    );
  });

  it('can free the seat an offboarded member kept', async () => {
    const { org, owner, contract } = await orgWith(db, { seats: { pro: 1 } });
    const gone = await addMember(db, org.id, { status: 'detached' });
    await giveSeat(db, contract.id, gone.membershipId, 'pro');
    await unassignPlan(db.ctx, owner.actor, { organizationId: org.id, member: gone.email });
    expect(await seatOfMember(db, gone.membershipId)).toBeNull();
  });
});

describe('setSeatAutoRenew', () => {
  it('turns a seat off (ends at the renewal date) and on again, with audit events', async () => {
    const { org, admins, members, contract } = await orgWith(db, {
      admins: 1,
      members: 1,
      seats: { pro: 1 },
    });
    const m = members[0]!;
    const admin = admins[0]!;
    const a = await assignPlan(db.ctx, admin.actor, { organizationId: org.id, member: m.email, plan: 'pro' });
    const off = await setSeatAutoRenew(db.ctx, admin.actor, {
      organizationId: org.id,
      member: m.email,
      autoRenew: false,
    });
    expect(off.endsAt).toEqual(contract.currentPeriodEnd);
    expect(off.renewsOn).toBeNull();
    expect((await seatRow(a.seat.id)).autoRenew).toBe(false);
    // still usable until then
    expect((await seatOfMember(db, m.membershipId))?.id).toBe(a.seat.id);
    const summary = await seatSummary(db.ctx, admin.actor, { organizationId: org.id });
    expect(summary.plans.find((p) => p.plan === 'pro')).toMatchObject({
      purchased: 1,
      assigned: 1,
      ending: 1,
    });
    await refusedUnchanged(db, 'conflict', () =>
      setSeatAutoRenew(db.ctx, admin.actor, { organizationId: org.id, member: m.email, autoRenew: false }),
    );

    db.clock.advance(1000);
    const on = await setSeatAutoRenew(db.ctx, admin.actor, {
      organizationId: org.id,
      member: m.email,
      autoRenew: true,
    });
    expect(on.renewsOn).toEqual(contract.currentPeriodEnd);
    expect(on.endsAt).toBeNull();
    expect((await seatRow(a.seat.id)).autoRenew).toBe(true);
    const events = await auditRows(db, { action: 'seat.auto_renew', subjectId: a.seat.id });
    expect(events.map((e) => [e.before?.autoRenew, e.after?.autoRenew])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(events[0]).toMatchObject({ actorId: admin.id, after: { email: m.email } });
  });

  it('refuses a seatless member (conflict), members (forbidden) and a non-boolean (invalid_input)', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1 });
    await refusedUnchanged(db, 'conflict', () =>
      setSeatAutoRenew(db.ctx, owner.actor, {
        organizationId: org.id,
        member: members[0]!.email,
        autoRenew: false,
      }),
    );
    await refusedUnchanged(db, 'forbidden', () =>
      setSeatAutoRenew(db.ctx, members[0]!.actor, {
        organizationId: org.id,
        member: owner.email,
        autoRenew: false,
      }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      setSeatAutoRenew(db.ctx, owner.actor, {
        organizationId: org.id,
        member: owner.email,
        autoRenew: 'off' as never,
      }),
    );
  });
});
