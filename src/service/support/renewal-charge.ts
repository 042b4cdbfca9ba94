import type { EntityManager } from '@mikro-orm/postgresql';
import { plansByCode, renewingSeatCounts } from '../../../db/repositories/renewals.ts';
import { listPrice } from '../../domain/catalog.ts';
import type { Contract } from '../../domain/model.ts';
import { tieredTotal } from '../../domain/tiers.ts';

/**
 * The next period's invoice: the renewing seats of each plan, after graduated tiers. The
 * renewal roll charges it; the reminder seven days before announces the same figure.
 */
export const renewalCharge = async (em: EntityManager, contract: Contract) => {
  const counts = await renewingSeatCounts(em, contract.id);
  const plans = await plansByCode(em);
  const byPlan = counts.map((c) => {
    const plan = plans.get(c.plan_code)!;
    return {
      plan: c.plan_code,
      seats: c.n,
      amount: tieredTotal(listPrice(plan, contract.period), c.n, plan.tiers),
    };
  });
  return { amount: byPlan.reduce((sum, p) => sum + p.amount, 0), byPlan };
};
