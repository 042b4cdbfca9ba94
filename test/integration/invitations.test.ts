import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvitationSchema } from '../../db/schemas/index.ts';
import { acceptInvitation, declineInvitation } from '../../src/service/answer-invitation.ts';
import { expireStale } from '../../src/service/expire-stale.ts';
import { INVITATION_TTL_MS, inviteMembers } from '../../src/service/invite-members.ts';
import { listMembers } from '../../src/service/list-members.ts';
import { offboardMembers } from '../../src/service/offboard-members.ts';
import { revokeInvitation } from '../../src/service/revoke-invitation.ts';
import { setRole } from '../../src/service/set-role.ts';
import { updateOrganizationSettings } from '../../src/service/update-organization-settings.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import {
  account,
  accountRow,
  auditRows,
  DAY_MS,
  email,
  membershipRow,
  orgWith,
  outboxTo,
  refusal,
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

const invitationRow = (id: string) => db.em.fork().findOneOrFail(InvitationSchema, { id });

describe('inviteMembers', () => {
  it('invites by email with a role and a plan: a pending invitation, an audit event and a DM to the invitee', async () => {
    const { org, owner } = await orgWith(db, { name: 'Inviters' });
    const who = email('Invitee');
    const r = await inviteMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      emails: [` ${who.toUpperCase()} `],
      role: 'admin',
      plan: 'PRO',
    });
    expect(r.skipped).toEqual([]);
    expect(r.invited).toHaveLength(1);
    const inv = await invitationRow(r.invited[0]!.id);
    expect(inv).toMatchObject({
      organizationId: org.id,
      email: who,
      role: 'admin',
      planCode: 'pro',
      invitedById: owner.id,
      status: 'pending',
      decidedAt: null,
    });
    expect(inv.expiresAt).toEqual(new Date(db.clock.now().getTime() + 7 * DAY_MS));
    expect(INVITATION_TTL_MS).toBe(7 * DAY_MS);

    // the invitee becomes a known (free) account so the bot can message them
    const invitee = await accountRow(db, who);
    expect(invitee.personalPlan).toBe('free');
    const [dm] = await outboxTo(db, invitee.id, 'invitation');
    expect(dm).toMatchObject({
      organizationId: org.id,
      status: 'pending',
      payload: {
        invitationId: inv.id,
        organizationName: 'Inviters',
        invitedBy: owner.email,
        role: 'admin',
        plan: 'pro',
        expiresAt: inv.expiresAt.toISOString(),
      },
    });
    const [created] = await auditRows(db, { action: 'invitation.created', subjectId: inv.id });
    expect(created).toMatchObject({
      organizationId: org.id,
      actorId: owner.id,
      before: null,
      after: { email: who, role: 'admin', plan: 'pro' },
    });

    const listed = await listMembers(db.ctx, owner.actor, { organizationId: org.id });
    expect(listed.invitations).toEqual([
      { id: inv.id, email: who, role: 'admin', plan: 'pro', expiresAt: inv.expiresAt },
    ]);
  });

  it('invites as member without a plan by default; "free" means no plan', async () => {
    const { org, admins } = await orgWith(db, { admins: 1 });
    const a = email('a');
    const b = email('b');
    const r1 = await inviteMembers(db.ctx, admins[0]!.actor, { organizationId: org.id, emails: [a] });
    const r2 = await inviteMembers(db.ctx, admins[0]!.actor, {
      organizationId: org.id,
      emails: [b],
      plan: 'free',
    });
    expect(r1.invited[0]).toMatchObject({ role: 'member', planCode: null, invitedById: admins[0]!.id });
    expect(r2.invited[0]).toMatchObject({ role: 'member', planCode: null });
  });

  it('skips people already invited and already members, and duplicates in the list', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1 });
    const pending = email('pending');
    await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [pending] });
    const fresh = email('fresh');
    const before = await db.count('invitation');
    const r = await inviteMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      emails: [pending, members[0]!.email, owner.email.toUpperCase(), fresh, fresh.toUpperCase()],
    });
    expect(r.invited.map((i) => i.email)).toEqual([fresh]);
    expect(r.skipped).toEqual([
      { email: pending, reason: 'already_invited' },
      { email: members[0]!.email, reason: 'already_member' },
      { email: owner.email, reason: 'already_member' },
    ]);
    expect(await db.count('invitation')).toBe(before + 1);
    expect(await outboxTo(db, (await accountRow(db, pending)).id, 'invitation')).toHaveLength(1);
  });

  it('invites again once the earlier invitation has expired, even before the expiry job ran', async () => {
    const { org, owner } = await orgWith(db);
    const who = email('late');
    const first = await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [who] });
    db.clock.advance(8 * DAY_MS);
    const second = await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [who] });
    expect(second.invited).toHaveLength(1);
    expect((await invitationRow(first.invited[0]!.id)).status).toBe('expired');
    expect((await invitationRow(second.invited[0]!.id)).status).toBe('pending');
    const accepted = await acceptInvitation(db.ctx, { email: who }, { invitationId: second.invited[0]!.id });
    expect(accepted.membership.status).toBe('active');
  });

  it('refuses a member with forbidden, changing nothing', async () => {
    const { org, members } = await orgWith(db, { members: 1 });
    const e = await refusedUnchanged(db, 'forbidden', () =>
      inviteMembers(db.ctx, members[0]!.actor, { organizationId: org.id, emails: [email()] }),
    );
    expect(e.next).toContain('admin');
  });

  it('refuses an outsider and an admin of another organization with not_found', async () => {
    const a = await orgWith(db);
    const b = await orgWith(db, { admins: 1 });
    await refusedUnchanged(db, 'not_found', () =>
      inviteMembers(db.ctx, b.admins[0]!.actor, { organizationId: a.org.id, emails: [email()] }),
    );
    const outsider = await account(db);
    await refusedUnchanged(db, 'not_found', () =>
      inviteMembers(db.ctx, outsider.actor, { organizationId: a.org.id, emails: [email()] }),
    );
  });

  it('refuses bad input with invalid_input and changes nothing', async () => {
    const { org, owner } = await orgWith(db);
    const ok = { organizationId: org.id, emails: [email()] };
    const bad: Record<string, unknown>[] = [
      { ...ok, emails: ['not-an-email'] },
      { ...ok, emails: [email(), 'two@@example.com'] },
      { ...ok, emails: [] },
      { ...ok, emails: Array.from({ length: 51 }, () => email('many')) },
      { ...ok, organizationId: 'not-a-uuid' },
      { ...ok, role: 'owner' },
      { ...ok, plan: 'Pro plan!' },
    ];
    for (const raw of bad) {
      const e = await refusedUnchanged(db, 'invalid_input', () =>
        inviteMembers(db.ctx, owner.actor, raw as never),
      );
      expect(e.message).toMatch(/^Invalid input: /);
    }
    // 50 is the most at once
    const fifty = await inviteMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      emails: Array.from({ length: 50 }, () => email('fifty')),
    });
    expect(fifty.invited).toHaveLength(50);
  });

  it('refuses a plan the catalog does not have, listing the plans, and changes nothing', async () => {
    const { org, owner } = await orgWith(db);
    const e = await refusedUnchanged(db, 'not_found', () =>
      inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [email()], plan: 'platinum' }),
    );
    expect(e.message).toContain('platinum');
    expect(e.next).toBe('Plans: free, pro, business.');
  });

  it('returns a rejected promise for bad input rather than throwing', async () => {
    const call = inviteMembers(db.ctx, { email: email() }, { organizationId: 'x', emails: [] });
    expect(call).toBeInstanceOf(Promise);
    await expect(call).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('acceptInvitation', () => {
  it('makes an active member with the role and takes a free seat of the plan', async () => {
    const { org, owner, contract } = await orgWith(db, { name: 'Seated', seats: { pro: 2 } });
    const who = email('joiner');
    const inv = await inviteMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      emails: [who],
      role: 'admin',
      plan: 'pro',
    });
    const r = await acceptInvitation(
      db.ctx,
      { email: who.toUpperCase() },
      { invitationId: inv.invited[0]!.id },
    );
    expect(r.noFreeSeat).toBe(false);
    expect(r.seat).toMatchObject({ contractId: contract.id, planCode: 'pro' });
    const me = await accountRow(db, who);
    const m = await membershipRow(db, org.id, me.id);
    expect(m).toMatchObject({ role: 'admin', approver: false, status: 'active', former: false });
    expect((await seatOfMember(db, m!.id))?.planCode).toBe('pro');
    expect(await seatCounts(db, contract.id)).toMatchObject({ pro: { total: 2, assigned: 1, free: 1 } });
    expect((await invitationRow(inv.invited[0]!.id)).status).toBe('accepted');
    const [accepted] = await auditRows(db, { action: 'invitation.accepted', subjectId: m!.id });
    expect(accepted).toMatchObject({ actorId: me.id, after: { email: who, role: 'admin', plan: 'pro' } });
    const [told] = await outboxTo(db, owner.id, 'seat_assigned');
    expect(told?.payload).toMatchObject({
      event: 'invitation_accepted',
      email: who,
      plan: 'pro',
      noFreeSeat: false,
    });
    // accepting twice: the invitation is closed
    await refusedUnchanged(db, 'invitation_closed', () =>
      acceptInvitation(db.ctx, { email: who }, { invitationId: inv.invited[0]!.id }),
    );
  });

  it('joins on free when no seat of the plan is free, and says so', async () => {
    const { org, owner, contract } = await orgWith(db, { seats: { pro: 1 } });
    const [x, y] = [email('x'), email('y')];
    const inv = await inviteMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      emails: [x, y],
      plan: 'pro',
    });
    await acceptInvitation(db.ctx, { email: x }, { invitationId: inv.invited[0]!.id });
    const r = await acceptInvitation(db.ctx, { email: y }, { invitationId: inv.invited[1]!.id });
    expect(r.noFreeSeat).toBe(true);
    expect(r.seat).toBeNull();
    expect(r.membership.status).toBe('active');
    expect(await seatOfMember(db, r.membership.id)).toBeNull();
    expect(await seatCounts(db, contract.id)).toMatchObject({ pro: { total: 1, assigned: 1, free: 0 } });
    const told = await outboxTo(db, owner.id, 'seat_assigned');
    expect(told.find((o) => o.payload.email === y)?.payload).toMatchObject({
      email: y,
      plan: 'free',
      seatWanted: 'pro',
      noFreeSeat: true,
    });
  });

  it('joins on free without a plan, and takes the cheapest free seat when auto-assign is on', async () => {
    const { org, owner } = await orgWith(db, { seats: { pro: 1, business: 1 } });
    const plain = email('plain');
    const auto = email('auto');
    const i1 = await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [plain] });
    const r1 = await acceptInvitation(db.ctx, { email: plain }, { invitationId: i1.invited[0]!.id });
    expect(r1.seat).toBeNull();
    expect(r1.noFreeSeat).toBe(false);

    await updateOrganizationSettings(db.ctx, owner.actor, { organizationId: org.id, autoAssign: true });
    const i2 = await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [auto] });
    const r2 = await acceptInvitation(db.ctx, { email: auto }, { invitationId: i2.invited[0]!.id });
    expect(r2.seat?.planCode).toBe('pro');
  });

  it('reports noFreeSeat when auto-assign is on but every seat is taken', async () => {
    const { org, owner } = await orgWith(db);
    await updateOrganizationSettings(db.ctx, owner.actor, { organizationId: org.id, autoAssign: true });
    const who = email('auto');
    const inv = await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [who] });
    const r = await acceptInvitation(db.ctx, { email: who }, { invitationId: inv.invited[0]!.id });
    expect(r.seat).toBeNull();
    expect(r.noFreeSeat).toBe(true);
  });

  it("refuses someone else's invitation with not_found and an unknown id too", async () => {
    const { org, owner } = await orgWith(db);
    const inv = await inviteMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      emails: [email('target')],
    });
    const other = await account(db);
    await refusedUnchanged(db, 'not_found', () =>
      acceptInvitation(db.ctx, other.actor, { invitationId: inv.invited[0]!.id }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      declineInvitation(db.ctx, owner.actor, { invitationId: inv.invited[0]!.id }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      acceptInvitation(db.ctx, other.actor, { invitationId: '00000000-0000-4000-8000-000000000000' }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      acceptInvitation(db.ctx, other.actor, { invitationId: '42' }),
    );
    expect((await invitationRow(inv.invited[0]!.id)).status).toBe('pending');
  });

  it('lets an offboarded member back in with the new role only (no leftover approver flag)', async () => {
    const { org, owner } = await orgWith(db);
    const who = email('returning');
    const i1 = await inviteMembers(db.ctx, owner.actor, {
      organizationId: org.id,
      emails: [who],
      role: 'admin',
    });
    await acceptInvitation(db.ctx, { email: who }, { invitationId: i1.invited[0]!.id });
    await setRole(db.ctx, owner.actor, { organizationId: org.id, member: who, role: 'approver' });
    await offboardMembers(db.ctx, owner.actor, { organizationId: org.id, members: [who], markFormer: true });

    const i2 = await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [who] });
    expect(i2.invited).toHaveLength(1);
    const r = await acceptInvitation(db.ctx, { email: who }, { invitationId: i2.invited[0]!.id });
    expect(r.membership).toMatchObject({
      role: 'member',
      approver: false,
      status: 'active',
      former: false,
      endedAt: null,
    });
    const listed = await listMembers(db.ctx, owner.actor, { organizationId: org.id });
    expect(listed.members.find((m) => m.email === who)).toMatchObject({ role: 'member', approver: false });
  });
});

describe('declineInvitation', () => {
  it('closes the invitation, makes no member and tells the inviter', async () => {
    const { org, admins } = await orgWith(db, { admins: 1 });
    const who = email('nope');
    const inv = await inviteMembers(db.ctx, admins[0]!.actor, { organizationId: org.id, emails: [who] });
    const r = await declineInvitation(db.ctx, { email: who }, { invitationId: inv.invited[0]!.id });
    expect(r.invitation.status).toBe('declined');
    const row = await invitationRow(inv.invited[0]!.id);
    expect(row.status).toBe('declined');
    expect(row.decidedAt).toEqual(db.clock.now());
    expect(await membershipRow(db, org.id, (await accountRow(db, who)).id)).toBeNull();
    const [told] = await outboxTo(db, admins[0]!.id, 'invitation');
    expect(told?.payload).toEqual({ event: 'invitation_declined', email: who });
    const [declined] = await auditRows(db, { action: 'invitation.declined', subjectId: row.id });
    expect(declined).toMatchObject({ before: { status: 'pending' }, after: { status: 'declined' } });
    await refusedUnchanged(db, 'invitation_closed', () =>
      acceptInvitation(db.ctx, { email: who }, { invitationId: row.id }),
    );
  });
});

describe('revokeInvitation', () => {
  it('withdraws a pending invitation; it can no longer be accepted', async () => {
    const { org, owner, admins } = await orgWith(db, { admins: 1 });
    const who = email('revoked');
    const inv = await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [who] });
    const id = inv.invited[0]!.id;
    const r = await revokeInvitation(db.ctx, admins[0]!.actor, { organizationId: org.id, invitationId: id });
    expect(r.invitation.status).toBe('revoked');
    const [revoked] = await auditRows(db, { action: 'invitation.revoked', subjectId: id });
    expect(revoked).toMatchObject({
      actorId: admins[0]!.id,
      before: { status: 'pending' },
      after: { status: 'revoked', email: who },
    });
    const e = await refusedUnchanged(db, 'invitation_closed', () =>
      acceptInvitation(db.ctx, { email: who }, { invitationId: id }),
    );
    expect(e.message).toContain('revoked');
    await refusedUnchanged(db, 'invitation_closed', () =>
      revokeInvitation(db.ctx, owner.actor, { organizationId: org.id, invitationId: id }),
    );
    expect((await listMembers(db.ctx, owner.actor, { organizationId: org.id })).invitations).toEqual([]);
  });

  it("refuses members (forbidden), and another organization's invitation (not_found)", async () => {
    const a = await orgWith(db, { members: 1 });
    const b = await orgWith(db, { admins: 1 });
    const inv = await inviteMembers(db.ctx, a.owner.actor, { organizationId: a.org.id, emails: [email()] });
    const id = inv.invited[0]!.id;
    await refusedUnchanged(db, 'forbidden', () =>
      revokeInvitation(db.ctx, a.members[0]!.actor, { organizationId: a.org.id, invitationId: id }),
    );
    // naming org A's invitation under org B, where the admin has rights
    await refusedUnchanged(db, 'not_found', () =>
      revokeInvitation(db.ctx, b.admins[0]!.actor, { organizationId: b.org.id, invitationId: id }),
    );
    // naming org A directly
    await refusedUnchanged(db, 'not_found', () =>
      revokeInvitation(db.ctx, b.admins[0]!.actor, { organizationId: a.org.id, invitationId: id }),
    );
    await refusedUnchanged(db, 'invalid_input', () =>
      revokeInvitation(db.ctx, a.owner.actor, { organizationId: a.org.id, invitationId: 'nope' }),
    );
    expect((await invitationRow(id)).status).toBe('pending');
  });
});

describe('expiry', () => {
  it('closes an invitation after 7 days: accepting is refused, and expireStale marks it', async () => {
    const { org, owner } = await orgWith(db);
    const who = email('slow');
    const inv = await inviteMembers(db.ctx, owner.actor, { organizationId: org.id, emails: [who] });
    const id = inv.invited[0]!.id;

    db.clock.advance(7 * DAY_MS - 1000);
    expect(await expireStale(db.ctx)).toMatchObject({ invitations: 0 });
    expect((await listMembers(db.ctx, owner.actor, { organizationId: org.id })).invitations).toHaveLength(1);

    db.clock.advance(1000);
    const e = await refusedUnchanged(db, 'invitation_closed', () =>
      acceptInvitation(db.ctx, { email: who }, { invitationId: id }),
    );
    expect(e.message).toContain('expired');
    expect(e.next).toContain('invite you again');
    await refusal('invitation_closed', () => declineInvitation(db.ctx, { email: who }, { invitationId: id }));
    expect((await listMembers(db.ctx, owner.actor, { organizationId: org.id })).invitations).toEqual([]);

    const r = await expireStale(db.ctx);
    expect(r.invitations).toBeGreaterThanOrEqual(1);
    const row = await invitationRow(id);
    expect(row.status).toBe('expired');
    expect(row.decidedAt).toEqual(db.clock.now());
    const [expired] = await auditRows(db, { action: 'invitation.expired', subjectId: id });
    expect(expired).toMatchObject({
      organizationId: org.id,
      actorId: null,
      before: { status: 'pending' },
      after: { status: 'expired', email: who },
    });
    // idempotent
    const audits = await db.count('audit_event');
    expect((await expireStale(db.ctx)).invitations).toBe(0);
    expect(await db.count('audit_event')).toBe(audits);
    expect(await membershipRow(db, org.id, (await accountRow(db, who)).id)).toBeNull();
  });
});
