import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { buildSync } from 'esbuild';
import pg from 'pg';
import { LedgerGateway } from '../adapters/ledger/ledger-gateway.ts';
import { ledgerChargeStore } from '../db/repositories/ledger-charges.ts';
import { insertLink } from '../db/repositories/workspace-links.ts';
import { seedDemo } from '../db/seeders/demo.ts';
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

/** A fresh database on the bench server, migrated unless `migrate: false`; `drop()` removes it. */
export const createBenchDb = async (o: { migrate?: boolean } = {}): Promise<BenchDb> => {
  const name = `sk_bench_${randomBytes(5).toString('hex')}`;
  const server = new pg.Client({ connectionString: serverUrl });
  await server.connect();
  await server.query(`create database ${name}`);
  await server.end();
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  if (o.migrate !== false) {
    const orm = await MikroORM.init(ormConfig({ databaseUrl: url, pool: 2 }));
    await orm.getMigrator().up();
    await orm.close(true);
  }
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

// ---- the processes a bench starts: the real entry points, measured from outside ----

/** The repository root: entry points run from here, as `npm start` does. */
export const repoRoot = path.resolve(import.meta.dirname, '..');

export interface EntryPoint {
  /** what a reader knows it by: the npm script */
  name: string;
  /** node's arguments: node itself is spawned, so the pid is the process that serves */
  args: string[];
  env: Record<string, string>;
}

/**
 * A bench-side program (an anchor such as the bare Bolt app) bundled the way `npm start` bundles
 * the product, so both run on plain node and neither pays for a TypeScript loader.
 */
export const bundled = (entry: string): string => {
  const outfile = path.join(repoRoot, 'bench/out', `${path.basename(entry, '.ts')}.mjs`);
  buildSync({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'node',
    packages: 'external',
    outfile,
  });
  return outfile;
};

/** `npm start` (`node src/cli/start.mjs`: bundles the sources, then runs them in that process). */
export const DEV_ENTRY: EntryPoint = {
  name: 'npm start',
  args: ['src/cli/start.mjs'],
  env: {},
};

/** `npm run start:prod`, with its NODE_ENV and flags, on the built dist/. */
export const PROD_ENTRY: EntryPoint = {
  name: 'npm run start:prod',
  args: ['--enable-source-maps', 'dist/src/main.js'],
  env: { NODE_ENV: 'production' },
};

const newestMtime = (dir: string): number => {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
};

/**
 * The entry points to measure: `npm start` always; the production start when dist/ is built and
 * not older than the sources, or when BENCH_PROD=1 (which builds it first; BENCH_PROD=0 skips it).
 * A stale dist/ is skipped with a note rather than measured as if it were today's code.
 */
export const entryPoints = (): { entries: EntryPoint[]; notes: string[] } => {
  const mode = process.env.BENCH_PROD;
  const main = path.join(repoRoot, 'dist/src/main.js');
  if (mode === '0') return { entries: [DEV_ENTRY], notes: ['production start skipped (BENCH_PROD=0)'] };
  if (mode === '1') {
    console.error('BENCH_PROD=1: npm run build …');
    execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
    return { entries: [DEV_ENTRY, PROD_ENTRY], notes: ['dist/ built by this run (BENCH_PROD=1)'] };
  }
  if (!existsSync(main))
    return {
      entries: [DEV_ENTRY],
      notes: ['production start not measured: no dist/ (`BENCH_PROD=1` builds it)'],
    };
  const built = statSync(main).mtimeMs;
  const sources = Math.max(...['src', 'adapters', 'db'].map((d) => newestMtime(path.join(repoRoot, d))));
  if (sources > built)
    return {
      entries: [DEV_ENTRY],
      notes: ['production start not measured: dist/ is older than the sources (`BENCH_PROD=1` rebuilds it)'],
    };
  return { entries: [DEV_ENTRY, PROD_ENTRY], notes: [`dist/ built ${new Date(built).toISOString()}`] };
};

/** A port nothing listens on now (our entry point takes PORT and does not report an ephemeral one). */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

export interface Started {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** spawn → first 200 from the health route, ms */
  startupMs: number;
  /** what it printed (kept short): shown when it dies */
  output(): string;
  /** SIGTERM, SIGKILL after 15 s; resolves with the exit code, or the signal that ended it */
  stop(): Promise<number | string>;
}

/**
 * Spawns `node <args>` in the repository root with `env` on top of this process's environment
 * and waits until GET `health` answers 200. BENCH_PROFILE=<dir> adds `--cpu-prof` (the profile is
 * written when the process exits after SIGTERM).
 */
export const startProcess = async (o: {
  args: string[];
  env: Record<string, string>;
  port: number;
  health: string;
  timeoutMs?: number;
}): Promise<Started> => {
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_PROFILE)}`]
    : [];
  const t0 = performance.now();
  const child = spawn(process.execPath, [...profile, ...o.args], {
    cwd: repoRoot,
    env: { ...process.env, ...o.env, PORT: String(o.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (c: Buffer) => {
    out = (out + c.toString()).slice(-8000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | string | undefined;
  const exit = new Promise<number | string>((r) =>
    child.once('exit', (code, signal) => {
      exited = code ?? signal ?? 'unknown';
      r(exited);
    }),
  );
  const url = `http://127.0.0.1:${o.port}`;
  const until = Date.now() + (o.timeoutMs ?? 60_000);
  for (;;) {
    if (exited !== undefined) throw new Error(`${o.args.join(' ')} exited with ${exited}:\n${out}`);
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`${o.args.join(' ')} not healthy in time:\n${out}`);
    }
    const ok = await fetch(`${url}${o.health}`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setTimeout(r, 20));
  }
  const startupMs = performance.now() - t0;
  return {
    child,
    pid: child.pid!,
    port: o.port,
    url,
    startupMs,
    output: () => out,
    async stop() {
      if (exited !== undefined) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exit;
      clearTimeout(timer);
      return code;
    },
  };
};

const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of a process (every thread) or of one thread, in ms, from /proc. */
const statCpuMs = (file: string) => {
  const s = readFileSync(file, 'utf8');
  // fields after the command name, which is in parentheses and may hold spaces
  const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / CLK_TCK;
};

export interface CpuSample {
  /** the whole process: main thread, GC and libuv threads */
  processMs: number;
  /** the main thread (JavaScript) alone */
  mainMs: number;
  wallMs: number;
}

export const cpuOf = (pid: number): CpuSample => ({
  processMs: statCpuMs(`/proc/${pid}/stat`),
  mainMs: statCpuMs(`/proc/${pid}/task/${pid}/stat`),
  wallMs: performance.now(),
});

/** VmRSS of a process, in MB. */
export const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

/**
 * A generated section of a results file, between `<!-- name:begin -->` and `<!-- name:end -->`;
 * a new one goes after the section named `after` (else at the end). The rest of the file is kept.
 */
export const writeSection = (file: string, name: string, section: string, after?: string) => {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const marked = new RegExp(`<!-- ${name}:begin -->[\\s\\S]*<!-- ${name}:end -->`);
  const anchor = after ? `<!-- ${after}:end -->` : null;
  writeFileSync(
    file,
    marked.test(current)
      ? current.replace(marked, () => section)
      : anchor && current.includes(anchor)
        ? current.replace(anchor, () => `${anchor}\n\n${section}`)
        : `${current.trimEnd()}\n\n${section}\n`,
  );
};

/** The machine line of a results section: the machine is shared, so the load average goes with it. */
export const machineLine = () =>
  `${os.cpus().length} × ${os.cpus()[0]?.model.trim()} (${Math.round(os.totalmem() / 2 ** 30)} GB), Node ${process.version}`;

/** The median of the finite values (a round with nothing answered has no latency). */
export const median = (xs: readonly number[]) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/**
 * A throwaway bench database seeded with the demo organization (Acme), with a Slack workspace
 * linked to it as `org create` there would have done.
 */
export const seededSlackDb = async (team: string): Promise<BenchDb> => {
  const db = await createBenchDb();
  const { orm, ctx } = await serviceOn(db.url, 2);
  try {
    await seedDemo(ctx);
    const em = orm.em.fork();
    const [acme] = await em.execute<{ id: string }[]>("select id from organization where name = 'Acme'");
    await insertLink(em, { platform: 'slack', workspaceId: team }, acme!.id, null, new Date());
  } finally {
    await orm.close(true);
  }
  return db;
};
