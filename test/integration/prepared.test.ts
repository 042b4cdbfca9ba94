import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePrepared } from '../../src/service/support/prepared.ts';
import { asSeatError } from '../../src/service/support/seats.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

describe('executePrepared', () => {
  it('answers like a plain query, with ? placeholders', async () => {
    const rows = await executePrepared<{ n: number; s: string }>(
      db.em.fork(),
      'select ?::int + ?::int as n, ?::text as s',
      [2, 3, 'x'],
    );
    expect(rows).toEqual([{ n: 5, s: 'x' }]);
  });

  it.runIf(!usingPglite)('plans a statement once per PostgreSQL connection', async () => {
    const single = await db.connect(1);
    const em = single.em.fork() as unknown as EntityManager;
    const sql = 'select ?::int as answer';
    await executePrepared(em, sql, [42]);
    await executePrepared(em, sql, [43]);
    const prepared = await em.execute<{ statement: string }[]>(
      'select statement from pg_prepared_statements where statement like ?',
      ['select $1::int as answer'],
    );
    expect(prepared).toHaveLength(1);
  });

  it('lets a unique violation be told as already_has_seat', async () => {
    const em = db.em.fork();
    await em.execute('create table if not exists t_unique (k int primary key)');
    const err = await executePrepared(em, 'insert into t_unique values (1), (1)', []).catch(
      (e: unknown) => e,
    );
    expect((asSeatError(err) as { code?: string }).code).toBe('already_has_seat');
  });
});
