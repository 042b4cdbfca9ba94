import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { defineConfig } from '@mikro-orm/postgresql';
import { PGliteDriver } from 'mikro-orm-pglite';
import pg from 'pg';
import { LedgerGateway } from '../../adapters/ledger/ledger-gateway.ts';
import { ledgerChargeStore } from '../../db/repositories/ledger-charges.ts';
import { ormConfig } from '../../mikro-orm.config.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import type { Clock } from '../../src/service/ports.ts';

export const usingPglite = process.env.TEST_DB === 'pglite';
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A clock tests can move. */
export class TestClock implements Clock {
  constructor(private t: Date = new Date('2026-03-01T00:00:00Z')) {}
  now() {
    return new Date(this.t.getTime());
  }
  set(d: Date | string) {
    this.t = new Date(d);
  }
  advance(ms: number) {
    this.t = new Date(this.t.getTime() + ms);
  }
}

export interface TestDb {
  orm: MikroORM;
  em: EntityManager;
  url: string | null;
  ctx: ServiceContext;
  clock: TestClock;
  /** a second, independent ORM on the same database (separate connections) */
  connect(pool?: number): Promise<MikroORM>;
  count(table: string): Promise<number>;
  counts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

export const TABLES = [
  'account',
  'organization',
  'membership',
  'invitation',
  'contract',
  'seat',
  'purchase_request',
  'audit_event',
  'outbox',
  'usage_record',
  'ledger_charge',
  'period_charge',
  'renewal_reminder',
  'idle_offer',
  'teams_user',
  'teams_card',
  'slack_installation',
  'slack_user',
  'slack_message',
  'chat_identity',
  'workspace_link',
  'link_code',
  'scim_token',
  'scim_user',
  'offboarding_defaults',
];

/** A fresh database for one test file: created, migrated, and dropped at the end. */
export const freshDb = async (opts: { pool?: number } = {}): Promise<TestDb> => {
  const clock = new TestClock();
  let url: string | null = null;
  let dbName: string | null = null;
  let orm: MikroORM;
  if (usingPglite) {
    const pglite = new PGlite();
    const base = ormConfig({ databaseUrl: 'postgres://unused/unused' });
    orm = await MikroORM.init(
      defineConfig({
        ...(base as object),
        clientUrl: undefined,
        // PGlite is one session: one connection, as in `npm start` without DATABASE_URL
        pool: { min: 1, max: 1 },
        driver: PGliteDriver as never,
        dbName: 'postgres',
        driverOptions: { connection: { pglite: () => pglite } },
      } as never),
    );
  } else {
    dbName = `sk_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    url = u.toString();
    orm = await MikroORM.init(ormConfig({ databaseUrl: url, pool: opts.pool ?? 10 }));
  }
  await orm.getMigrator().up();
  const em = orm.em as unknown as EntityManager;
  const ctx: ServiceContext = {
    em,
    clock,
    billing: new LedgerGateway(ledgerChargeStore(em), () => clock.now()),
  };
  const extra: MikroORM[] = [];
  const count = async (table: string) => {
    const rows = await em.fork().execute<{ n: string }[]>(`select count(*)::int as n from ${table}`);
    return Number(rows[0]!.n);
  };
  return {
    orm,
    em,
    url,
    ctx,
    clock,
    async connect(pool = 10) {
      if (!url) throw new Error('separate connections need real PostgreSQL');
      const o = await MikroORM.init(ormConfig({ databaseUrl: url, pool }));
      extra.push(o);
      return o;
    },
    count,
    async counts() {
      const out: Record<string, number> = {};
      for (const t of TABLES) out[t] = await count(t);
      return out;
    },
    async close() {
      for (const o of extra) await o.close(true);
      await orm.close(true);
      if (dbName) {
        const admin = new pg.Client({ connectionString: serverUrl });
        await admin.connect();
        await admin.query(`drop database if exists ${dbName} with (force)`);
        await admin.end();
      }
    },
  };
};
