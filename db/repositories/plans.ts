import type { EntityManager } from '@mikro-orm/postgresql';
import type { Plan } from '../../src/domain/catalog.ts';
import { PlanSchema } from '../schemas/index.ts';
import { type JsonRow, tracked } from './accounts.ts';

/** The catalog, cheapest first. */
export const allPlans = (em: EntityManager): Promise<Plan[]> =>
  em.find(PlanSchema, {}, { orderBy: { rank: 'asc' } });

/** The plans that need a seat (rank above free), cheapest first. */
export const paidPlans = (em: EntityManager): Promise<Plan[]> =>
  em.find(PlanSchema, { rank: { $gt: 0 } }, { orderBy: { rank: 'asc' } });

/** A plan by its (lower-case) code, tracked, or null: one raw read, cheaper than the ORM's on hot paths. */
export const planByCode = async (em: EntityManager, code: string): Promise<Plan | null> => {
  const [row] = await em.execute<{ p: JsonRow }[]>('select row_to_json(p) as p from plan p where code = ?', [
    code,
  ]);
  return row?.p ? tracked(em, PlanSchema, row.p) : null;
};

/** Every plan by code (the recurring total prices the renewing seats of all plans). */
export const plansByCode = async (em: EntityManager): Promise<Map<string, Plan>> =>
  new Map((await em.find(PlanSchema, {})).map((p) => [p.code, p]));
