import type { EntityManager } from '@mikro-orm/postgresql';

export { plansByCode } from './plans.ts';

export interface PlanTally {
  planCode: string;
  /** seats of the plan in the contract this period */
  purchased: number;
  /** of which renew at the period end */
  renewing: number;
}

/** A contract's seats per plan, in one grouped read: what a quote prices from. */
export const seatTallyOf = async (em: EntityManager, contractId: string): Promise<PlanTally[]> =>
  (
    await em.execute<{ plan_code: string; purchased: number; renewing: number }[]>(
      `select plan_code, count(*)::int as purchased, count(*) filter (where auto_renew)::int as renewing
       from seat where contract_id = ? group by plan_code`,
      [contractId],
    )
  ).map((r) => ({ planCode: r.plan_code, purchased: r.purchased, renewing: r.renewing }));
