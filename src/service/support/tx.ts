import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../context.ts';
import { openRecords, writeRecords } from './records.ts';

/** Runs one use case as one transaction on a fresh unit of work; all or nothing. */
export const inTransaction = async <T>(
  ctx: ServiceContext,
  fn: (em: EntityManager) => Promise<T>,
): Promise<T> => {
  // one fork, begun and committed directly (transactional() would fork a second time)
  const em = ctx.em.fork({ clear: true }) as EntityManager;
  await em.begin();
  try {
    openRecords(em);
    const result = await fn(em);
    await em.flush();
    await writeRecords(em);
    await em.commit();
    return result;
  } catch (e) {
    // the use case's error is the one that matters; a rollback that fails adds nothing
    await em.rollback().catch(() => {});
    throw e;
  }
};

/** Read-only work on a fresh unit of work (no transaction needed). */
export const reading = <T>(ctx: ServiceContext, fn: (em: EntityManager) => Promise<T>): Promise<T> =>
  fn(ctx.em.fork({ clear: true }) as EntityManager);
