import type { EntityManager } from '@mikro-orm/postgresql';
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
  const rows = await em.execute<{ plan_code: string; n: number }[]>(
    `select s.plan_code, count(*)::int as n from seat s join contract c on c.id = s.contract_id
     where s.contract_id = ? and (s.auto_renew or c.current_period_end > ?) group by s.plan_code`,
    [contractId, now],
  );
  const ours = new Map(rows.map((r) => [r.plan_code, r.n]));
  const theirs = new Map(billed.items.map((i) => [i.planCode, i.quantity]));
  const plans = new Set([...ours.keys(), ...theirs.keys()]);
  return [...plans]
    .sort()
    .map((planCode) => ({ planCode, ours: ours.get(planCode) ?? 0, billed: theirs.get(planCode) ?? 0 }))
    .filter((d) => d.ours !== d.billed);
};
