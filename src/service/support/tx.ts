import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../context.ts';
import { openRecords, writeRecords } from './records.ts';

/** Runs one use case as one transaction on a fresh unit of work; all or nothing. */
export const inTransaction = <T>(ctx: ServiceContext, fn: (em: EntityManager) => Promise<T>): Promise<T> =>
  ctx.em.fork({ clear: true }).transactional(async (tx) => {
    const em = tx as EntityManager;
    openRecords(em);
    const result = await fn(em);
    await em.flush();
    await writeRecords(em);
    return result;
  });

/** Read-only work on a fresh unit of work (no transaction needed). */
export const reading = <T>(ctx: ServiceContext, fn: (em: EntityManager) => Promise<T>): Promise<T> =>
  fn(ctx.em.fork({ clear: true }) as EntityManager);
