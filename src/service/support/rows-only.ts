import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../context.ts';

/**
 * Read-only work that only runs SQL (em.execute) and maps plain rows: it runs on the context's
 * own entity manager, without forking a unit of work per call (a fork, its identity map and its
 * tracked entities are what a hot read path such as `status` paid for most). Each statement
 * still reads the database as it is now. em.find and friends refuse here (no global context),
 * so a read that needs entities must use `reading`.
 */
export const rowsOnly = <T>(ctx: ServiceContext, fn: (em: EntityManager) => Promise<T>): Promise<T> =>
  fn(ctx.em);
