import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MembershipSchema, SeatSchema } from '../../db/schemas/index.ts';
import { acceptInvitation } from '../../src/service/answer-invitation.ts';
import { checkEntitlement } from '../../src/service/check-entitlement.ts';
import { deleteOrganization } from '../../src/service/delete-organization.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { listMembers } from '../../src/service/list-members.ts';
import { offboardMembers } from '../../src/service/offboard-members.ts';
import { organizationsOf } from '../../src/service/organizations-of.ts';
import { seatSummary } from '../../src/service/seat-summary.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import {
  addMember,
  auditRows,
  email,
  giveSeat,
  membershipRow,
  orgWith,
  outboxTo,
  refusedUnchanged,
  seatCounts,
} from '../support/fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());
beforeEach(() => db.clock.set('2026-03-01T00:00:00Z'));

const seatRow = (id: string) => db.em.fork().findOneOrFail(SeatSchema, { id });

/** Membership and seat rows of an organization, to show a refused batch changed nothing. */
const state = async (orgId: string) => {
  const em = db.em.fork();
  const members = await em.find(MembershipSchema, { organizationId: orgId }, { orderBy: { id: 'asc' } });
  const seats = await em.execute(
    `select s.id, s.membership_id, s.auto_renew from seat s join contract c on c.id = s.contract_id
     where c.organization_id = ? order by s.id`,
    [orgId],
  );
  return { members: members.map((m) => ({ ...m })), seats };
};

describe('offboardMembers, one leaver', () => {
  it('by default detaches them and frees their seat; their data stays; they are told', async () => {
    const { org, owner, admins, members, contract } = await orgWith(db, {
      admins: 1,
      members: 1,
      seats: { pro: 1 },
    });
    const m = members[0]!;
    const seatId = await giveSeat(db, contract.id, m.membershipId, 'pro');
    const r = await offboardMembers(db.ctx, admins[0]!.actor, { organizationId: org.id, members: [m.email] });
    expect(r.offboarded).toEqual([
      { email: m.email, seat: { plan: 'pro', freed: true, autoRenew: true, frozen: false } },
    ]);
    const row = await membershipRow(db, org.id, m.id);
    expect(row).toMatchObject({ status: 'detached', former: false, role: 'member' });
    expect(row?.endedAt).toEqual(db.clock.now());
    expect(await seatRow(seatId)).toMatchObject({ membershipId: null, autoRenew: true });
    expect(await seatCounts(db, contract.id)).toMatchObject({ pro: { free: 1 } });

    const [event] = await auditRows(db, { action: 'member.offboarded', subjectId: m.membershipId });
    expect(event).toMatchObject({
      actorId: admins[0]!.id,
      before: { status: 'active', plan: 'pro' },
      after: { status: 'detached', former: false, seatFreed: true, seatAutoRenew: true, email: m.email },
    });
    const [told] = await outboxTo(db, m.id, 'offboarded');
    expect(told?.payload).toMatchObject({ organizationName: org.name, by: admins[0]!.email });

    // still listed (not former), as detached on free; blocked by the entitlement check
    const listed = await listMembers(db.ctx, owner.actor, { organizationId: org.id });
    expect(listed.members.find((x) => x.email === m.email)).toMatchObject({
      status: 'detached',
      plan: 'free',
    });
    expect(await checkEntitlement(db.ctx, { email: m.email, feature: 'surveys' })).toMatchObject({
      allowed: false,
      source: 'detached',
    });
    expect(await organizationsOf(db.ctx, { email: m.email })).toEqual([
      expect.objectContaining({ id: org.id, memberStatus: 'detached', plan: null }),
    ]);
  });

  const combos = [false, true].flatMap((freeSeat) =>
    [false, true].flatMap((stopAutoRenew) =>
      [false, true].map((markFormer) => ({ freeSeat, stopAutoRenew, markFormer })),
    ),
  );
  it.each(combos)('applies options %o', async (options) => {
    const { org, owner, members, contract } = await orgWith(db, { members: 1, seats: { pro: 1 } });
    const m = members[0]!;
    const seatId = await giveSeat(db, contract.id, m.membershipId, 'pro');
    const r = await offboardMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      members: [m.email],
      ...options,
    });
    expect(r.offboarded).toEqual([
      {
        email: m.email,
        seat: { plan: 'pro', freed: options.freeSeat, autoRenew: !options.stopAutoRenew, frozen: false },
      },
    ]);
    expect(await membershipRow(db, org.id, m.id)).toMatchObject({
      status: 'detached',
      former: options.markFormer,
    });
    expect(await seatRow(seatId)).toMatchObject({
      membershipId: options.freeSeat ? null : m.membershipId,
      autoRenew: !options.stopAutoRenew,
    });
    const summary = await seatSummary(db.ctx, owner.actor, { organizationId: org.id });
    expect(summary.plans.find((p) => p.plan === 'pro')).toMatchObject({
      assigned: options.freeSeat ? 0 : 1,
      ending: options.stopAutoRenew ? 1 : 0,
    });
    const listed = await listMembers(db.ctx, owner.actor, { organizationId: org.id });
    expect(listed.members.some((x) => x.email === m.email)).toBe(!options.markFormer);
    const all = await listMembers(db.ctx, owner.actor, { organizationId: org.id, former: 'include' });
    expect(all.members.find((x) => x.email === m.email)).toMatchObject({
      status: 'detached',
      former: options.markFormer,
      plan: options.freeSeat ? 'free' : 'pro',
    });
    const [event] = await auditRows(db, { action: 'member.offboarded', subjectId: m.membershipId });
    expect(event?.after).toMatchObject({
      former: options.markFormer,
      seatFreed: options.freeSeat,
      seatAutoRenew: !options.stopAutoRenew,
    });
  });

  it('offboards a seatless member', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1 });
    const r = await offboardMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      members: [members[0]!.email],
      stopAutoRenew: true,
    });
    expect(r.offboarded).toEqual([{ email: members[0]!.email, seat: null }]);
  });

  it("restores the leaver's paid personal plan", async () => {
    const { org, owner } = await orgWith(db);
    const who = email('solo');
    await addMember(db, org.id, { email: who, personalPlan: 'solo' });
    await offboardMembers(db.ctx, owner.actor, { organizationId: org.id, members: [who] });
    const restored = await auditRows(db, { organizationId: org.id, action: 'personal_plan.restored' });
    expect(restored).toHaveLength(1);
    expect(restored[0]).toMatchObject({
      before: { personalPlan: 'solo', paused: true },
      after: { personalPlan: 'solo', paused: false },
    });
    // deleting the organization later does not restore it a second time
    await deleteOrganization(db.ctx, owner.actor, { organizationId: org.id, confirmName: org.name });
    const again = await auditRows(db, { organizationId: org.id, action: 'personal_plan.restored' });
    expect(again.map((e) => e.subjectId).filter((id) => id === restored[0]!.subjectId)).toHaveLength(1);
  });
});

describe('offboardMembers, many at once', () => {
  it('offboards everyone in the list in one go, each with their own audit event and notice', async () => {
    const { org, owner, members, contract } = await orgWith(db, {
      members: 4,
      seats: { pro: 2, business: 1 },
    });
    const [a, b, c, d] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    await giveSeat(db, contract.id, a.membershipId, 'pro');
    await giveSeat(db, contract.id, b.membershipId, 'business');
    const r = await offboardMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      members: [a.email, b.email.toUpperCase(), c.email, a.email],
      freeSeat: true,
      stopAutoRenew: true,
      markFormer: true,
    });
    expect(r.offboarded).toEqual([
      { email: a.email, seat: { plan: 'pro', freed: true, autoRenew: false, frozen: false } },
      { email: b.email, seat: { plan: 'business', freed: true, autoRenew: false, frozen: false } },
      { email: c.email, seat: null },
    ]);
    for (const x of [a, b, c]) {
      expect((await membershipRow(db, org.id, x.id))?.status).toBe('detached');
      expect(await outboxTo(db, x.id, 'offboarded')).toHaveLength(1);
      expect(await auditRows(db, { action: 'member.offboarded', subjectId: x.membershipId })).toHaveLength(1);
    }
    expect((await membershipRow(db, org.id, d.id))?.status).toBe('active');
    expect(await seatCounts(db, contract.id)).toMatchObject({
      pro: { total: 2, assigned: 0 },
      business: { total: 2, assigned: 1 },
    });
    const listed = await listMembers(db.ctx, owner.actor, { organizationId: org.id });
    expect(listed.members.map((x) => x.email).sort()).toEqual([owner.email, d.email].sort());
  });

  it('refuses the owner (owner_cannot_leave) and leaves the whole batch unchanged', async () => {
    const { org, owner, admins, members, contract } = await orgWith(db, {
      admins: 1,
      members: 2,
      seats: { pro: 2 },
    });
    await giveSeat(db, contract.id, members[0]!.membershipId, 'pro');
    const before = await state(org.id);
    const e = await refusedUnchanged(db, 'owner_cannot_leave', () =>
      offboardMembers(db.ctx, admins[0]!.actor, {
        organizationId: org.id,
        members: [members[0]!.email, owner.email, members[1]!.email],
        stopAutoRenew: true,
        markFormer: true,
      }),
    );
    expect(e.next).toContain('owner <who>');
    expect(await state(org.id)).toEqual(before);
    // the owner cannot offboard themselves either
    await refusedUnchanged(db, 'owner_cannot_leave', () =>
      offboardMembers(db.ctx, owner.actor, { organizationId: org.id, members: [owner.email] }),
    );
  });

  it('refuses the whole batch when one email is not a member (not_found)', async () => {
    const a = await orgWith(db, { members: 2, seats: { pro: 1 } });
    const b = await orgWith(db, { members: 1 });
    await giveSeat(db, a.contract.id, a.members[0]!.membershipId, 'pro');
    const before = await state(a.org.id);
    for (const stranger of [email('ghost'), b.members[0]!.email]) {
      const e = await refusedUnchanged(db, 'not_found', () =>
        offboardMembers(db.ctx, a.owner.actor, {
          organizationId: a.org.id,
          members: [a.members[0]!.email, stranger, a.members[1]!.email],
        }),
      );
      expect(e.message).toContain(stranger);
    }
    expect(await state(a.org.id)).toEqual(before);
    expect((await membershipRow(db, b.org.id, b.members[0]!.id))?.status).toBe('active');
  });

  it('refuses a batch naming someone already offboarded (conflict)', async () => {
    const { org, owner, members } = await orgWith(db, { members: 2 });
    await offboardMembers(db.ctx, owner.actor, { organizationId: org.id, members: [members[0]!.email] });
    const before = await state(org.id);
    await refusedUnchanged(db, 'conflict', () =>
      offboardMembers(db.ctx, owner.actor, {
        organizationId: org.id,
        members: [members[1]!.email, members[0]!.email],
      }),
    );
    expect(await state(org.id)).toEqual(before);
  });
});

describe('offboardMembers refusals', () => {
  it('refuses members (forbidden) and admins of other organizations (not_found)', async () => {
    const a = await orgWith(db, { members: 2 });
    const b = await orgWith(db, { admins: 1 });
    await refusedUnchanged(db, 'forbidden', () =>
      offboardMembers(db.ctx, a.members[0]!.actor, {
        organizationId: a.org.id,
        members: [a.members[1]!.email],
      }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      offboardMembers(db.ctx, b.admins[0]!.actor, {
        organizationId: a.org.id,
        members: [a.members[1]!.email],
      }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      offboardMembers(db.ctx, b.admins[0]!.actor, {
        organizationId: b.org.id,
        members: [a.members[1]!.email],
      }),
    );
  });

  it('refuses bad input with invalid_input', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1 });
    for (const raw of [
      { organizationId: org.id, members: [] },
      { organizationId: org.id, members: [members[0]!.email, 'not an email'] },
      { organizationId: 'x', members: [members[0]!.email] },
      { organizationId: org.id, members: [members[0]!.email], freeSeat: 'yes' },
      { organizationId: org.id, members: Array.from({ length: 1001 }, () => email()) },
    ]) {
      await refusedUnchanged(db, 'invalid_input', () => offboardMembers(db.ctx, owner.actor, raw as never));
    }
  });

  it('takes away what a detached admin could do (detached)', async () => {
    const { org, owner, admins, members } = await orgWith(db, { admins: 1, members: 1 });
    await offboardMembers(db.ctx, owner.actor, { organizationId: org.id, members: [admins[0]!.email] });
    await refusedUnchanged(db, 'detached', () =>
      offboardMembers(db.ctx, admins[0]!.actor, { organizationId: org.id, members: [members[0]!.email] }),
    );
    await refusedUnchanged(db, 'detached', () =>
      inviteMembers(db.ctx, admins[0]!.actor, { organizationId: org.id, emails: [email()] }),
    );
    await refusedUnchanged(db, 'detached', () =>
      listMembers(db.ctx, admins[0]!.actor, { organizationId: org.id }),
    );
  });

  it('lets an offboarded person be invited back', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1 });
    const m = members[0]!;
    await offboardMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      members: [m.email],
      markFormer: true,
    });
    const inv = await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [m.email] });
    expect(inv.invited).toHaveLength(1);
    await acceptInvitation(db.ctx, m.actor, { invitationId: inv.invited[0]!.id });
    expect(await membershipRow(db, org.id, m.id)).toMatchObject({
      status: 'active',
      former: false,
      endedAt: null,
    });
  });
});
