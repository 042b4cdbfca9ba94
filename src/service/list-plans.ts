import { allPlans, paidPlans } from '../../db/repositories/plans.ts';
import type { Plan } from '../domain/catalog.ts';
import type { ServiceContext } from './context.ts';
import { reading } from './support/tx.ts';

/** The catalog, cheapest first; `paidOnly` leaves out plans that need no seat. */
export const listPlans = (ctx: ServiceContext, opts: { paidOnly?: boolean } = {}): Promise<Plan[]> =>
  reading(ctx, (em) => (opts.paidOnly ? paidPlans(em) : allPlans(em)));
