import { contractFrozen, noFreeSeat as noFreeSeatError } from '../../domain/assignment-rules.ts';
import type { Plan } from '../../domain/catalog.ts';
import type { Contract, Seat } from '../../domain/model.ts';

// The reads and writes of seats live in the seats repository; re-exported for the use cases.
export {
  asSeatError,
  type ClaimedSeat,
  claimSeat,
  freeSeatCandidates,
  memberPlan,
  seatOf,
  seatsOf,
} from '../../../db/repositories/seats.ts';

/** Plan changes on a disconnected contract are frozen. */
export const requireNotFrozen = (contract: Contract) => {
  if (contract.disconnectedAt) throw contractFrozen();
};

/** Frees a tracked seat; the transaction's flush writes it. */
export const releaseSeat = (seat: Seat) => {
  seat.membershipId = null;
  seat.assignedAt = null;
};

export const noFreeSeat = (plan: Pick<Plan, 'code' | 'name'>) => noFreeSeatError(plan);
