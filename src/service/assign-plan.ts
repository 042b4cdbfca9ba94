import { z } from 'zod';
import { type AssignmentRequest, loadAssignment } from '../../db/repositories/assignment.ts';
import {
  assignmentFacts,
  checkAssignment,
  type RefusalContext,
  refusalOf,
} from '../domain/assignment-rules.ts';
import type { Actor, ServiceContext } from './context.ts';
import { tryAssignInOneStatement } from './support/assign-in-one-statement.ts';
import { emailField, parse, planCodeField, uuidField } from './support/input.ts';
import { audit, notify } from './support/records.ts';
import { claimSeat, releaseSeat } from './support/seats.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField, member: emailField, plan: planCodeField });

/**
 * An admin gives a member a seat of a plan. A member on another plan moves over: the old seat
 * is freed and the new one taken in one transaction, so a failure changes nothing.
 * The conditions are the list in src/domain/assignment-rules.ts. The common case (no seat yet)
 * goes through one statement generated from that list first; when it reports a refusal or a
 * move, the full path below evaluates the same list and refuses with the complete message.
 */
export const assignPlan = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  const request = {
    organizationId: cmd.organizationId,
    actorEmail: parse(emailField, actor.email),
    memberEmail: cmd.member,
    plan: cmd.plan,
  };
  const fast = await tryAssignInOneStatement(ctx.em.fork(), ctx.clock.now(), request);
  if (fast.assigned) return fast.assigned;
  return assignInFull(ctx, request);
};

/**
 * The full path: evaluates the conditions in order on the records it reads and refuses with
 * the first failing one's complete message, or assigns (moving a member from another plan).
 * Exported for the test that compares it with the fast path.
 */
export const assignInFull = (ctx: ServiceContext, request: AssignmentRequest) =>
  inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const state = await loadAssignment(em, request);
    const context: RefusalContext = {
      organizationName: state.organization?.name ?? '',
      actorRole: state.actor?.role ?? null,
      planCode: request.plan,
      planName: state.plan?.name ?? null,
      planCodes: state.planCodes,
      memberEmail: request.memberEmail,
    };
    const { move } = checkAssignment('before_claim', assignmentFacts(state), context);
    // every condition before the claim holds: the records below exist
    const org = state.organization!;
    const me = state.me!;
    const plan = state.plan!;
    const { account, membership } = state.target!;
    const current = state.held;
    if (move && current) {
      releaseSeat(current.seat);
      await em.flush();
    }
    const seat = await claimSeat(em, org.id, membership.id, [plan.code], now);
    if (!seat) throw refusalOf('freeSeatClaimed', context);
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
