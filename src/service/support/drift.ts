import type { EntityManager } from '@mikro-orm/postgresql';
import type { BilledState } from '../ports.ts';

export interface Drift {
  planCode: string;
  ours: number;
  billed: number;
}

/** Plans whose billed quantity differs from our purchased seats (what the customer pays vs has). */
export const driftOf = async (
  em: EntityManager,
  contractId: string,
  billed: BilledState,
): Promise<Drift[]> => {
  const rows = await em.execute<{ plan_code: string; n: number }[]>(
    'select plan_code, count(*)::int as n from seat where contract_id = ? group by plan_code',
    [contractId],
  );
  const ours = new Map(rows.map((r) => [r.plan_code, r.n]));
  const theirs = new Map(billed.items.map((i) => [i.planCode, i.quantity]));
  const plans = new Set([...ours.keys(), ...theirs.keys()]);
  return [...plans]
    .sort()
    .map((planCode) => ({ planCode, ours: ours.get(planCode) ?? 0, billed: theirs.get(planCode) ?? 0 }))
    .filter((d) => d.ours !== d.billed);
};
