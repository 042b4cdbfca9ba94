import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ContractSchema, InvitationSchema, OrganizationSchema, SeatSchema } from '../../db/schemas/index.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { deleteOrganization } from '../../src/service/delete-organization.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { listAudit } from '../../src/service/list-audit.ts';
import { listMembers } from '../../src/service/list-members.ts';
import { offboardMembers } from '../../src/service/offboard-members.ts';
import { revokeInvitation } from '../../src/service/revoke-invitation.ts';
import { setRole } from '../../src/service/set-role.ts';
import { setSeatAutoRenew } from '../../src/service/set-seat-auto-renew.ts';
import { transferOwnership } from '../../src/service/transfer-ownership.ts';
import { previewUnassign, unassignPlan } from '../../src/service/unassign-plan.ts';
import { updateOrganizationSettings } from '../../src/service/update-organization-settings.ts';
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
} from '../support/fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());
beforeEach(() => db.clock.set('2026-03-01T00:00:00Z'));

const listedRole = async (orgId: string, viewer: { email: string }, who: string) =>
  (await listMembers(db.ctx, viewer, { organizationId: orgId })).members.find((m) => m.email === who);

describe('setRole', () => {
  it('lets an admin make a member admin and back, with before/after in the audit', async () => {
    const { org, owner, admins, members } = await orgWith(db, { admins: 1, members: 1 });
    const m = members[0]!;
    const r = await setRole(db.ctx, admins[0]!.actor, {
      organizationId: org.id,
      member: m.email,
      role: 'admin',
    });
    expect(r.membership).toMatchObject({ role: 'admin', approver: false });
    expect(await listedRole(org.id, owner.actor, m.email)).toMatchObject({ role: 'admin', approver: false });
    // now an admin, they may invite
    await inviteMembers(db.ctx, m.actor, { organizationId: org.id, emails: [email()] });
    db.clock.advance(1000);
    await setRole(db.ctx, admins[0]!.actor, { organizationId: org.id, member: m.email, role: 'member' });
    expect((await membershipRow(db, org.id, m.id))?.role).toBe('member');
    const events = await auditRows(db, { action: 'member.role', subjectId: m.membershipId });
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [
        { role: 'member', approver: false },
        { role: 'admin', approver: false, email: m.email },
      ],
      [
        { role: 'admin', approver: false },
        { role: 'member', approver: false, email: m.email },
      ],
    ]);
    await refusedUnchanged(db, 'forbidden', () =>
      inviteMembers(db.ctx, m.actor, { organizationId: org.id, emails: [email()] }),
    );
  });

  it('lets only the owner mark and unmark billing approvers', async () => {
    const { org, owner, admins } = await orgWith(db, { admins: 2 });
    const [a, b] = admins as [(typeof admins)[0], (typeof admins)[0]];
    const e = await refusedUnchanged(db, 'forbidden', () =>
      setRole(db.ctx, a.actor, { organizationId: org.id, member: b.email, role: 'approver' }),
    );
    expect(e.next).toContain('owner');
    await refusedUnchanged(db, 'forbidden', () =>
      setRole(db.ctx, a.actor, { organizationId: org.id, member: a.email, role: 'approver' }),
    );
    const r = await setRole(db.ctx, owner.actor, {
      organizationId: org.id,
      member: b.email,
      role: 'approver',
    });
    expect(r.membership).toMatchObject({ role: 'admin', approver: true });
    expect(await listedRole(org.id, owner.actor, b.email)).toMatchObject({ approver: true });
    await refusedUnchanged(db, 'conflict', () =>
      setRole(db.ctx, owner.actor, { organizationId: org.id, member: b.email, role: 'approver' }),
    );
    await refusedUnchanged(db, 'forbidden', () =>
      setRole(db.ctx, a.actor, { organizationId: org.id, member: b.email, role: 'not-approver' }),
    );
    await setRole(db.ctx, owner.actor, { organizationId: org.id, member: b.email, role: 'not-approver' });
    expect((await membershipRow(db, org.id, b.id))?.approver).toBe(false);
  });

  it('lets only the owner demote an approver (that takes the billing right away)', async () => {
    const { org, owner, admins } = await orgWith(db, { admins: 2 });
    await setRole(db.ctx, owner.actor, {
      organizationId: org.id,
      member: admins[1]!.email,
      role: 'approver',
    });
    const e = await refusedUnchanged(db, 'forbidden', () =>
      setRole(db.ctx, admins[0]!.actor, { organizationId: org.id, member: admins[1]!.email, role: 'member' }),
    );
    expect(e.message).toContain('approver');
    // an approver may still step down themselves only through the owner
    await refusedUnchanged(db, 'forbidden', () =>
      setRole(db.ctx, admins[1]!.actor, { organizationId: org.id, member: admins[1]!.email, role: 'member' }),
    );
    expect(await membershipRow(db, org.id, admins[1]!.id)).toMatchObject({ role: 'admin', approver: true });
    // a plain admin can still be demoted by another admin
    await setRole(db.ctx, admins[1]!.actor, {
      organizationId: org.id,
      member: admins[0]!.email,
      role: 'member',
    });
    expect((await membershipRow(db, org.id, admins[0]!.id))?.role).toBe('member');
  });

  it('makes only admins approvers, and demoting an approver to member takes the right away', async () => {
    const { org, owner, admins, members } = await orgWith(db, { admins: 1, members: 1 });
    const e = await refusedUnchanged(db, 'conflict', () =>
      setRole(db.ctx, owner.actor, { organizationId: org.id, member: members[0]!.email, role: 'approver' }),
    );
    expect(e.next).toContain(`role ${members[0]!.email} admin`);
    await setRole(db.ctx, owner.actor, {
      organizationId: org.id,
      member: admins[0]!.email,
      role: 'approver',
    });
    await setRole(db.ctx, owner.actor, { organizationId: org.id, member: admins[0]!.email, role: 'member' });
    expect(await membershipRow(db, org.id, admins[0]!.id)).toMatchObject({ role: 'member', approver: false });
  });

  it('refuses members (forbidden), the owner as target, detached people, no-ops and bad roles', async () => {
    const { org, owner, admins, members } = await orgWith(db, { admins: 1, members: 2 });
    await refusedUnchanged(db, 'forbidden', () =>
      setRole(db.ctx, members[0]!.actor, {
        organizationId: org.id,
        member: members[1]!.email,
        role: 'admin',
      }),
    );
    await refusedUnchanged(db, 'forbidden', () =>
      setRole(db.ctx, members[0]!.actor, {
        organizationId: org.id,
        member: members[0]!.email,
        role: 'admin',
      }),
    );
    await refusedUnchanged(db, 'conflict', () =>
      setRole(db.ctx, admins[0]!.actor, { organizationId: org.id, member: owner.email, role: 'member' }),
    );
    await refusedUnchanged(db, 'conflict', () =>
      setRole(db.ctx, admins[0]!.actor, {
        organizationId: org.id,
        member: members[1]!.email,
        role: 'member',
      }),
    );
    const gone = await addMember(db, org.id, { status: 'detached' });
    await refusedUnchanged(db, 'detached', () =>
      setRole(db.ctx, owner.actor, { organizationId: org.id, member: gone.email, role: 'admin' }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      setRole(db.ctx, owner.actor, { organizationId: org.id, member: email('ghost'), role: 'admin' }),
    );
    for (const role of ['owner', 'superuser', '']) {
      await refusedUnchanged(db, 'invalid_input', () =>
        setRole(db.ctx, owner.actor, {
          organizationId: org.id,
          member: members[1]!.email,
          role: role as never,
        }),
      );
    }
  });
});

describe('transferOwnership', () => {
  it('hands the organization over; the old owner stays as approver admin and can then be offboarded', async () => {
    const { org, owner, admins, members } = await orgWith(db, { admins: 1, members: 1 });
    const next = members[0]!;
    const r = await transferOwnership(db.ctx, owner.actor, {
      organizationId: org.id,
      to: next.email.toUpperCase(),
    });
    expect(r.owner.id).toBe(next.id);
    expect(r.organization.ownerId).toBe(next.id);
    expect((await db.em.fork().findOneOrFail(OrganizationSchema, { id: org.id })).ownerId).toBe(next.id);
    expect(await membershipRow(db, org.id, next.id)).toMatchObject({ role: 'owner', approver: true });
    expect(await membershipRow(db, org.id, owner.id)).toMatchObject({
      role: 'admin',
      approver: true,
      status: 'active',
    });
    const [event] = await auditRows(db, { action: 'organization.owner', subjectId: org.id });
    expect(event).toMatchObject({
      actorId: owner.id,
      before: { owner: owner.email, newOwnerRole: 'member' },
      after: { owner: next.email },
    });
    for (const p of [owner, next]) {
      const [told] = await outboxTo(db, p.id, 'ownership_transferred');
      expect(told?.payload).toMatchObject({ from: owner.email, to: next.email });
    }
    // the old owner has lost owner-only rights
    await refusedUnchanged(db, 'forbidden', () =>
      transferOwnership(db.ctx, owner.actor, { organizationId: org.id, to: admins[0]!.email }),
    );
    // and can now leave
    const off = await offboardMembers(db.ctx, next.actor, { organizationId: org.id, members: [owner.email] });
    expect(off.offboarded[0]?.email).toBe(owner.email);
    expect((await membershipRow(db, org.id, owner.id))?.status).toBe('detached');
  });

  it('refuses admins (forbidden), self (conflict), detached and unknown targets', async () => {
    const { org, owner, admins } = await orgWith(db, { admins: 1 });
    await refusedUnchanged(db, 'forbidden', () =>
      transferOwnership(db.ctx, admins[0]!.actor, { organizationId: org.id, to: admins[0]!.email }),
    );
    await refusedUnchanged(db, 'conflict', () =>
      transferOwnership(db.ctx, owner.actor, { organizationId: org.id, to: owner.email }),
    );
    const gone = await addMember(db, org.id, { status: 'detached' });
    await refusedUnchanged(db, 'detached', () =>
      transferOwnership(db.ctx, owner.actor, { organizationId: org.id, to: gone.email }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      transferOwnership(db.ctx, owner.actor, { organizationId: org.id, to: email('ghost') }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      transferOwnership(db.ctx, owner.actor, { organizationId: org.id, to: 'ghost' }),
    );
    expect(await membershipRow(db, org.id, owner.id)).toMatchObject({ role: 'owner' });
  });
});

describe('deleteOrganization', () => {
  it('needs the exact name', async () => {
    const { org, owner } = await orgWith(db, { name: 'Exact Name' });
    for (const confirmName of ['Exact', 'exact name', 'EXACT NAME', 'Exact  Name']) {
      const e = await refusedUnchanged(db, 'invalid_input', () =>
        deleteOrganization(db.ctx, owner.actor, { organizationId: org.id, confirmName }),
      );
      expect(e.next).toContain('Exact Name');
    }
    await refusedUnchanged(db, 'invalid_input', () =>
      deleteOrganization(db.ctx, owner.actor, { organizationId: org.id, confirmName: '' }),
    );
    expect((await db.em.fork().findOneOrFail(OrganizationSchema, { id: org.id })).status).toBe('active');
    await deleteOrganization(db.ctx, owner.actor, { organizationId: org.id, confirmName: ' Exact Name ' });
    expect((await db.em.fork().findOneOrFail(OrganizationSchema, { id: org.id })).status).toBe('deleted');
  });

  it('is the owner’s alone', async () => {
    const { org, admins } = await orgWith(db, { name: 'Mine', admins: 1 });
    await refusedUnchanged(db, 'forbidden', () =>
      deleteOrganization(db.ctx, admins[0]!.actor, { organizationId: org.id, confirmName: 'Mine' }),
    );
  });

  it('ends everything: members leave, seats free, contract ends, invitations close, everyone is told', async () => {
    const { org, owner, admins, members, contract } = await orgWith(db, {
      name: 'Closing',
      admins: 1,
      members: 1,
      seats: { pro: 1 },
    });
    await giveSeat(db, contract.id, members[0]!.membershipId, 'pro');
    const inv = await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [email()] });
    const r = await deleteOrganization(db.ctx, owner.actor, {
      organizationId: org.id,
      confirmName: 'Closing',
    });
    expect(r.members).toBe(3);
    const em = db.em.fork();
    expect(await em.findOneOrFail(ContractSchema, { id: contract.id })).toMatchObject({ status: 'ended' });
    expect(await em.count(SeatSchema, { contractId: contract.id, membershipId: { $ne: null } })).toBe(0);
    expect((await em.findOneOrFail(InvitationSchema, { id: inv.invited[0]!.id })).status).toBe('revoked');
    for (const p of [owner, admins[0]!, members[0]!]) {
      expect((await membershipRow(db, org.id, p.id))?.status).toBe('left');
      expect(await outboxTo(db, p.id, 'organization_deleted')).toHaveLength(1);
    }
    const [deleted] = await auditRows(db, { action: 'organization.deleted', subjectId: org.id });
    expect(deleted).toMatchObject({
      actorId: owner.id,
      before: { status: 'active', members: 3 },
      after: { status: 'deleted' },
    });
    // it is gone for everyone
    await refusedUnchanged(db, 'not_found', () =>
      listMembers(db.ctx, owner.actor, { organizationId: org.id }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      deleteOrganization(db.ctx, owner.actor, { organizationId: org.id, confirmName: 'Closing' }),
    );
  });
});

describe('cross-organization isolation', () => {
  it("an admin of org B naming org A's id, or org A's people in org B, gets not_found and changes nothing", async () => {
    const a = await orgWith(db, { name: 'Org A', admins: 1, members: 1, seats: { pro: 2 } });
    const b = await orgWith(db, { name: 'Org B', admins: 1, seats: { pro: 2 } });
    await giveSeat(db, a.contract.id, a.members[0]!.membershipId, 'pro');
    const inv = await inviteMembers(db.ctx, a.owner.actor, { organizationId: a.org.id, emails: [email()] });
    const bAdmin = b.admins[0]!.actor;
    const bOwner = b.owner.actor;
    const A = a.org.id;
    const B = b.org.id;
    const aMember = a.members[0]!.email;
    const calls: [string, () => Promise<unknown>][] = [
      // naming org A
      ['invite', () => inviteMembers(db.ctx, bAdmin, { organizationId: A, emails: [email()] })],
      [
        'assign',
        () => assignPlan(db.ctx, bAdmin, { organizationId: A, member: a.admins[0]!.email, plan: 'pro' }),
      ],
      ['unassign', () => unassignPlan(db.ctx, bAdmin, { organizationId: A, member: aMember })],
      ['preview', () => previewUnassign(db.ctx, bAdmin, { organizationId: A, member: aMember })],
      [
        'renew',
        () => setSeatAutoRenew(db.ctx, bAdmin, { organizationId: A, member: aMember, autoRenew: false }),
      ],
      ['offboard', () => offboardMembers(db.ctx, bAdmin, { organizationId: A, members: [aMember] })],
      ['role', () => setRole(db.ctx, bAdmin, { organizationId: A, member: aMember, role: 'admin' })],
      ['settings', () => updateOrganizationSettings(db.ctx, bAdmin, { organizationId: A, autoAssign: true })],
      [
        'revoke',
        () => revokeInvitation(db.ctx, bAdmin, { organizationId: A, invitationId: inv.invited[0]!.id }),
      ],
      ['members', () => listMembers(db.ctx, bAdmin, { organizationId: A })],
      ['audit', () => listAudit(db.ctx, bAdmin, { organizationId: A })],
      ['owner', () => transferOwnership(db.ctx, bOwner, { organizationId: A, to: b.admins[0]!.email })],
      ['delete', () => deleteOrganization(db.ctx, bOwner, { organizationId: A, confirmName: 'Org A' })],
      // naming org A's people inside org B
      ['assign in B', () => assignPlan(db.ctx, bAdmin, { organizationId: B, member: aMember, plan: 'pro' })],
      ['unassign in B', () => unassignPlan(db.ctx, bAdmin, { organizationId: B, member: aMember })],
      ['offboard in B', () => offboardMembers(db.ctx, bAdmin, { organizationId: B, members: [aMember] })],
      [
        'role in B',
        () => setRole(db.ctx, bOwner, { organizationId: B, member: a.admins[0]!.email, role: 'approver' }),
      ],
      ['owner in B', () => transferOwnership(db.ctx, bOwner, { organizationId: B, to: aMember })],
      [
        'revoke in B',
        () => revokeInvitation(db.ctx, bAdmin, { organizationId: B, invitationId: inv.invited[0]!.id }),
      ],
    ];
    const messages = new Set<string>();
    for (const [name, call] of calls) {
      const e = await refusedUnchanged(db, 'not_found', call).catch((err: Error) => {
        throw new Error(`${name}: ${err.message}`);
      });
      if (!name.endsWith('in B')) messages.add(e.message);
    }
    // one answer whether or not the organization exists: nothing leaks
    expect([...messages]).toEqual(['That organization does not exist.']);
    expect(await membershipRow(db, A, a.members[0]!.id)).toMatchObject({ status: 'active', role: 'member' });
    expect((await db.em.fork().findOneOrFail(OrganizationSchema, { id: A })).status).toBe('active');
  });

  it('answers a made-up organization id the same way', async () => {
    const b = await orgWith(db, { admins: 1 });
    const e = await refusedUnchanged(db, 'not_found', () =>
      listMembers(db.ctx, b.admins[0]!.actor, { organizationId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(e.message).toBe('That organization does not exist.');
    await refusedUnchanged(db, 'invalid_input', () =>
      listMembers(db.ctx, b.admins[0]!.actor, { organizationId: '00000000-0000' }),
    );
  });
});
