import type { EntityManager } from '@mikro-orm/postgresql';
import { billableSeatsByPlan } from '../../../db/repositories/billing-events.ts';
import type { BilledState } from '../ports.ts';

export interface Drift {
  planCode: string;
  ours: number;
  billed: number;
}

/**
 * Plans whose billed quantity differs from our purchased seats (what the customer pays vs has).
 * Once the period has ended and until our roll removes them, seats that do not renew are not
 * counted: the renewal schedule rightly stopped billing them at the period end.
 */
export const driftOf = async (
  em: EntityManager,
  contractId: string,
  billed: BilledState,
  now: Date,
): Promise<Drift[]> => {
  const ours = await billableSeatsByPlan(em, contractId, now);
  const theirs = new Map(billed.items.map((i) => [i.planCode, i.quantity]));
  const plans = new Set([...ours.keys(), ...theirs.keys()]);
  return [...plans]
    .sort()
    .map((planCode) => ({ planCode, ours: ours.get(planCode) ?? 0, billed: theirs.get(planCode) ?? 0 }))
    .filter((d) => d.ours !== d.billed);
};
