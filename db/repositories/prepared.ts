import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';

/** `?` placeholders (the ORM's) as PostgreSQL's `$1, $2, …`; the SQL must hold no other `?`. */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

interface PoolClient {
  /** the database driver module: node-postgres for PostgreSQL, another for the embedded one */
  driver?: unknown;
  acquireConnection(): Promise<unknown>;
  releaseConnection(c: unknown): Promise<void>;
}

/**
 * Runs a hot statement as a named prepared statement on PostgreSQL, so each connection plans it
 * once instead of on every call (planning the one-statement assignment costs twice its
 * execution). Outside a transaction only: it takes its own pooled connection. On the embedded
 * database (no node-postgres connection) it is a plain query.
 */
export const executePrepared = async <T>(em: EntityManager, sql: string, params: unknown[]): Promise<T[]> => {
  const client = em.getKnex().client as unknown as PoolClient;
  // the embedded database has one connection: never hold it while asking for another
  if (client.driver !== pg) return em.execute<T[]>(sql, params);
  const conn = await client.acquireConnection();
  try {
    if (!(conn instanceof pg.Client)) return await em.execute<T[]>(sql, params);
    const text = numbered(sql);
    const name = `sk_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    const r = await conn.query({ name, text, values: params });
    return r.rows as T[];
  } finally {
    await client.releaseConnection(conn);
  }
};
