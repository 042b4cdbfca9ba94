import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { assignInOneStatement } from './support/assign-in-one-statement.ts';
import { emailField, parse, planCodeField, uuidField } from './support/input.ts';
import { authorize, requireMemberByEmail, requireOpen, requirePlan } from './support/lookups.ts';
import { audit, notify } from './support/records.ts';
import { claimSeat, noFreeSeat, releaseSeat, requireNotFrozen, seatOf } from './support/seats.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField, member: emailField, plan: planCodeField });

/**
 * An admin gives a member a seat of a plan. A member on another plan moves over: the new seat
 * is taken before the old one is freed, in one transaction, so a failure changes nothing.
 * The common case (no seat yet) goes through one statement first; anything else, including
 * every refusal, takes the full path below.
 */
export const assignPlan = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  const done = await assignInOneStatement(ctx.em.fork(), ctx.clock.now(), {
    organizationId: cmd.organizationId,
    actorEmail: parse(emailField, actor.email),
    memberEmail: cmd.member,
    plan: cmd.plan,
  });
  if (done) return done;
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'assign');
    requireOpen(org);
    const plan = await requirePlan(em, cmd.plan);
    if (plan.code === 'free') {
      throw new DomainError(
        'invalid_input',
        'Free needs no seat.',
        `Use \`unassign ${cmd.member}\` to move them to free.`,
      );
    }
    const { account, membership } = await requireMemberByEmail(em, org, cmd.member);
    if (membership.status !== 'active') {
      throw new DomainError(
        'detached',
        `${account.email} was offboarded.`,
        'Invite them again to give them a seat.',
      );
    }
    const current = await seatOf(em, membership.id);
    if (current?.seat.planCode === plan.code) {
      throw new DomainError(
        'already_has_seat',
        `${account.email} already has a ${plan.name} seat.`,
        'Nothing to do.',
      );
    }
    if (current) {
      requireNotFrozen(current.contract);
      releaseSeat(current.seat);
      await em.flush();
    }
    const seat = await claimSeat(em, org.id, membership.id, [plan.code], now);
    if (!seat) throw noFreeSeat(plan);
    const before = { plan: current?.seat.planCode ?? 'free' };
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'seat.assigned',
      subject: { type: 'membership', id: membership.id },
      before,
      after: { plan: plan.code, seatId: seat.id, email: account.email },
    });
    notify(em, now, {
      organizationId: org.id,
      recipientId: account.id,
      kind: 'seat_assigned',
      payload: { organizationName: org.name, plan: plan.code, previousPlan: before.plan, by: me.email },
    });
    return { member: account, plan, seat, previousPlan: before.plan };
  });
};
