import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { LedgerGateway } from '../adapters/ledger/ledger-gateway.ts';
import { ledgerChargeStore } from '../db/repositories/ledger-charges.ts';
import { ormConfig } from '../mikro-orm.config.ts';
import type { ServiceContext } from '../src/service/context.ts';
import { systemClock } from '../src/service/ports.ts';

export const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDb {
  url: string;
  name: string;
  /** a plain client for set-based seeding and EXPLAIN */
  admin: pg.Client;
  drop(): Promise<void>;
}

/** A fresh database on the bench server, migrated; `drop()` removes it. */
export const createBenchDb = async (): Promise<BenchDb> => {
  const name = `sk_bench_${randomBytes(5).toString('hex')}`;
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  await server.query(`create database ${name}`);
  await server.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  const orm = await MikroORM.init(ormConfig({ databaseUrl: url, pool: 2 }));
  await orm.getMigrator().up();
  await orm.close(true);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  return {
    url,
    name,
    admin,
    async drop() {
      await admin.end().catch(() => {});
      const s = new pg.Client({ connectionString: serverUrl });
      await s.connect();
      await s.query(`drop database if exists ${name} with (force)`);
      await s.end();
    },
  };
};

/** An ORM on the bench database with `pool` connections, and a service context on it. */
export const serviceOn = async (url: string, pool: number) => {
  const orm = await MikroORM.init(ormConfig({ databaseUrl: url, pool }));
  const em = orm.em as unknown as EntityManager;
  const ctx: ServiceContext = { em, clock: systemClock, billing: new LedgerGateway(ledgerChargeStore(em)) };
  return { orm, ctx };
};

export interface LoadResult {
  clients: number;
  ops: number;
  errors: number;
  errorSamples: string[];
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** CPU this Node process spent per operation (user + system), in ms */
  nodeCpuPerOp: number;
}

export const percentile = (sorted: readonly number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * A closed loop: `clients` workers each call `op(i)` back to back until `durationMs` has passed
 * (or `op` returns false: the work ran out). A warm-up first, not counted.
 */
export const closedLoop = async (
  clients: number,
  durationMs: number,
  warmupMs: number,
  op: (client: number) => Promise<boolean | undefined>,
): Promise<LoadResult> => {
  const latencies: number[] = [];
  let errors = 0;
  const errorSamples: string[] = [];
  let measuring = false;
  let stopAt = Date.now() + warmupMs;
  let exhausted = false;
  const worker = async (client: number) => {
    while (!exhausted && Date.now() < stopAt) {
      const t0 = performance.now();
      try {
        const more = await op(client);
        if (measuring) latencies.push(performance.now() - t0);
        if (more === false) exhausted = true;
      } catch (e) {
        if (measuring) {
          errors++;
          if (errorSamples.length < 3) errorSamples.push((e as Error).message);
        }
      }
    }
  };
  if (warmupMs > 0) await Promise.all(Array.from({ length: clients }, (_, i) => worker(i)));
  measuring = true;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  stopAt = Date.now() + durationMs;
  await Promise.all(Array.from({ length: clients }, (_, i) => worker(i)));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  latencies.sort((a, b) => a - b);
  const ops = latencies.length;
  return {
    clients,
    ops,
    errors,
    errorSamples,
    seconds,
    perSecond: ops / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
    nodeCpuPerOp: (cpu.user + cpu.system) / 1000 / Math.max(1, ops),
  };
};

export const ms = (n: number) => `${n.toFixed(1)} ms`;
