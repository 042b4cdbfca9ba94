import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { lockInvitation } from '../../db/repositories/invitations.ts';
import { createMembership } from '../../db/repositories/memberships.ts';
import { paidPlans } from '../../db/repositories/plans.ts';
import { DomainError } from '../domain/errors.ts';
import type { Invitation } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { actorAccount, membershipOf, requireOpen, requireOrganization } from './support/lookups.ts';
import { auditPersonalPlan, pausesPersonalPlan } from './support/personal-plan.ts';
import { audit, notify } from './support/records.ts';
import { claimSeat } from './support/seats.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ invitationId: uuidField });

const closed = (inv: Invitation, now: Date) => {
  const state = inv.status === 'pending' && inv.expiresAt <= now ? 'expired' : inv.status;
  return new DomainError(
    'invitation_closed',
    { key: 'errors_service.invitation.closed', args: { state } },
    state === 'expired'
      ? { key: 'errors_service.invitation.invite_again' }
      : { key: 'errors_service.common.nothing_to_do' },
  );
};

/** Loads the actor's own pending invitation; someone else's is "not found". */
const ownPending = async (
  ctx: ServiceContext,
  em: Parameters<Parameters<typeof inTransaction>[1]>[0],
  actor: Actor,
  id: string,
) => {
  const now = ctx.clock.now();
  const me = await actorAccount(em, actor, now);
  const inv = await lockInvitation(em, id);
  if (!inv || inv.email !== me.email) {
    throw new DomainError(
      'not_found',
      { key: 'errors_service.invitation.not_found_for_you' },
      { key: 'errors_service.invitation.not_found_for_you_next' },
    );
  }
  if (inv.status !== 'pending' || inv.expiresAt <= now) throw closed(inv, now);
  return { me, inv, now };
};

/**
 * Accepting makes an active member; with a plan on the invitation (or auto-assign on) the
 * member takes a free seat. No free seat does not block joining: they start on free and the
 * inviter is told.
 */
export const acceptInvitation = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const { me, inv, now } = await ownPending(ctx, em, actor, cmd.invitationId);
    const org = await requireOrganization(em, inv.organizationId);
    requireOpen(org);
    const pausing = await pausesPersonalPlan(em, me);
    let membership = await membershipOf(em, org.id, me.id);
    const wasMember = membership?.status ?? null;
    if (membership?.status === 'active') {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.invitation.already_member', args: { org: org.name } },
        { key: 'errors_service.invitation.already_member_next' },
      );
    }
    if (membership) {
      // coming back after offboarding: the invitation's role, and no billing rights from before
      Object.assign(membership, {
        role: inv.role,
        approver: false,
        status: 'active',
        former: false,
        joinedAt: now,
        endedAt: null,
      });
    } else {
      membership = createMembership(em, {
        id: randomUUID(),
        organizationId: org.id,
        accountId: me.id,
        role: inv.role,
        approver: false,
        status: 'active',
        former: false,
        joinedAt: now,
        endedAt: null,
      });
    }
    inv.status = 'accepted';
    inv.decidedAt = now;
    await em.flush();
    let wanted: string[] = [];
    if (inv.planCode) wanted = [inv.planCode];
    else if (org.autoAssign) {
      wanted = (await paidPlans(em)).map((p) => p.code);
    }
    const seat = await claimSeat(em, org.id, membership.id, wanted, now);
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'invitation.accepted',
      subject: { type: 'membership', id: membership.id },
      before: { invitationId: inv.id, invitation: 'pending', membership: wasMember },
      after: { email: me.email, role: membership.role, plan: seat?.planCode ?? 'free' },
    });
    if (pausing) {
      auditPersonalPlan(em, now, { organizationId: org.id, actorId: me.id, account: me, paused: true });
    }
    notify(em, now, {
      organizationId: org.id,
      recipientId: inv.invitedById,
      kind: 'seat_assigned',
      payload: {
        event: 'invitation_accepted',
        email: me.email,
        organizationName: org.name,
        plan: seat?.planCode ?? 'free',
        seatWanted: inv.planCode,
        noFreeSeat: wanted.length > 0 && !seat,
      },
    });
    return { organization: org, membership, seat, noFreeSeat: wanted.length > 0 && !seat };
  });
};

export const declineInvitation = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const { me, inv, now } = await ownPending(ctx, em, actor, cmd.invitationId);
    inv.status = 'declined';
    inv.decidedAt = now;
    audit(em, now, {
      organizationId: inv.organizationId,
      actorId: me.id,
      action: 'invitation.declined',
      subject: { type: 'invitation', id: inv.id },
      before: { status: 'pending' },
      after: { status: 'declined' },
    });
    notify(em, now, {
      organizationId: inv.organizationId,
      recipientId: inv.invitedById,
      kind: 'invitation',
      payload: { event: 'invitation_declined', email: me.email },
    });
    return { invitation: inv };
  });
};
