import type { EntityManager } from '@mikro-orm/postgresql';

import type { Plan } from '../../src/domain/catalog.ts';
import { PlanSchema } from '../schemas/index.ts';

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

/** Every plan by code (the recurring total prices the renewing seats of all plans). */
export const plansByCode = async (em: EntityManager): Promise<Map<string, Plan>> =>
  new Map((await em.find(PlanSchema, {})).map((p) => [p.code, p]));
