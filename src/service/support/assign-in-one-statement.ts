import type { EntityManager } from '@mikro-orm/postgresql';
import {
  type AssignmentRequest,
  assignInOneStatement as runOneStatement,
} from '../../../db/repositories/assignment.ts';
import type { AssignmentOutcome } from '../../domain/assignment-rules.ts';
import type { Plan } from '../../domain/catalog.ts';
import type { Account } from '../../domain/model.ts';
import type { ClaimedSeat } from './seats.ts';

export interface Assigned {
  member: Account;
  plan: Plan;
  seat: ClaimedSeat;
  previousPlan: 'free';
}

/**
 * The common assignment (a member who holds no seat gets a free seat of a paid plan) as one
 * statement: the conditions of src/domain/assignment-rules.ts, the seat claim, the audit row
 * and the notice in one round trip. Either it assigned, or it reports the first failing
 * condition's code (or 'move'), having changed nothing; the caller then runs the full use
 * case, which refuses with the complete message or moves the member.
 */
export const tryAssignInOneStatement = async (
  em: EntityManager,
  now: Date,
  cmd: AssignmentRequest,
): Promise<{ assigned: Assigned; outcome: null } | { assigned: null; outcome: AssignmentOutcome }> => {
  const r = await runOneStatement(em, now, cmd);
  if (r.outcome !== null) return { assigned: null, outcome: r.outcome };
  return { assigned: { member: r.member, plan: r.plan, seat: r.seat, previousPlan: 'free' }, outcome: null };
};

/** tryAssignInOneStatement, answering null whenever it did not assign. */
export const assignInOneStatement = async (
  em: EntityManager,
  now: Date,
  cmd: AssignmentRequest,
): Promise<Assigned | null> => (await tryAssignInOneStatement(em, now, cmd)).assigned;
