import { PlanSchema } from '../../db/schemas/index.ts';
import type { Plan } from '../domain/catalog.ts';
import type { ServiceContext } from './context.ts';
import { reading } from './support/tx.ts';

/** The catalog, cheapest first; `paidOnly` leaves out plans that need no seat. */
export const listPlans = (ctx: ServiceContext, opts: { paidOnly?: boolean } = {}): Promise<Plan[]> =>
  reading(ctx, (em) =>
    em.find(PlanSchema, opts.paidOnly ? { rank: { $gt: 0 } } : {}, { orderBy: { rank: 'asc' } }),
  );
