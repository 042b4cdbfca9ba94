import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';

/**
 * The production path an operator takes: `npm run build` compiles to dist/, then the npm scripts
 * run the JavaScript with NODE_ENV=production on PostgreSQL: the migrations come from the build,
 * the bot answers /healthz and /readyz, the worker runs beside it, and both stop on SIGTERM.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const TIMEOUT = 120_000;

const freePort = () =>
  new Promise<number>((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => done(typeof a === 'object' && a ? a.port : 0));
    });
  });

/** the processes whose parent is `pid` (Linux /proc: field 4 of stat, after the command's parentheses) */
const childrenOf = (pid: number) =>
  readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);

interface Proc {
  child: ChildProcess;
  output(): string;
  /** resolves once the output contains `text` */
  waitFor(text: string): Promise<void>;
  /** SIGTERM to the program the script runs (sh passes its exit code on); that exit code */
  stop(): Promise<number | null>;
}

const scripts = (
  JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
).scripts;

/** A package.json script as npm runs it (`sh -c`), without npm in between to swallow exit codes. */
const npmRun = (script: string, env: Record<string, string>): Proc => {
  const clean: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const k of ['NODE_ENV', 'NODE_OPTIONS', 'STRIPE_SECRET_KEY', 'API_TOKEN', 'TEAMS_APP_ID'])
    if (!(k in env)) delete clean[k];
  const child = spawn('sh', ['-c', scripts[script]!], { cwd: ROOT, env: clean, detached: true });
  let out = '';
  const waiters: (() => void)[] = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of waiters) w();
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    output: () => out,
    waitFor: (text) =>
      new Promise((done, fail) => {
        const check = () => out.includes(text) && done();
        waiters.push(check);
        check();
        exited.then(() => fail(new Error(`${script} exited before "${text}":\n${out}`)));
      }),
    stop: async () => {
      for (const pid of childrenOf(child.pid!)) process.kill(pid, 'SIGTERM');
      return exited;
    },
  };
};

describe('the production build', () => {
  let db: TestDb;
  let build: ReturnType<typeof spawnSync>;
  const procs: Proc[] = [];

  beforeAll(async () => {
    // an empty database: the compiled migrations must create the schema
    db = await freshDb();
    await db.em.fork().execute('drop schema public cascade; create schema public');
    build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8' });
  }, TIMEOUT);

  afterAll(async () => {
    for (const p of procs) if (p.child.exitCode === null) process.kill(-p.child.pid!, 'SIGKILL');
    await db?.close();
  });

  it('compiles to JavaScript in dist/', () => {
    expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
    expect(existsSync(resolve(ROOT, 'dist/src/main.js'))).toBe(true);
    expect(existsSync(resolve(ROOT, 'dist/src/jobs/main.js'))).toBe(true);
    expect(existsSync(resolve(ROOT, 'dist/db/migrations/index.js'))).toBe(true);
  });

  it(
    'migrates from the build alone',
    async () => {
      const migrate = npmRun('db:migrate:prod', { DATABASE_URL: db.url!, LOG_LEVEL: 'silent' });
      procs.push(migrate);
      await migrate.waitFor('applied).');
      expect(migrate.output()).toMatch(/^Database is at Migration\d+_\w+ \(\d+ applied\)\.$/m);
      expect(await db.count('seat')).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'the bot starts with NODE_ENV=production, answers /healthz and /readyz, and stops on SIGTERM',
    async () => {
      const port = await freePort();
      const bot = npmRun('start:prod', { DATABASE_URL: db.url!, PORT: String(port), WORKER: 'off' });
      procs.push(bot);
      await bot.waitFor('Seatkeeper listening');
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true });
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(await ready.json()).toEqual({ ok: true, database: 'up' });
      expect(bot.output()).toContain('"worker":"off"');
      expect(await bot.stop(), bot.output()).toBe(0);
    },
    TIMEOUT,
  );

  it(
    'the worker starts from the build and stops on SIGTERM',
    async () => {
      const worker = npmRun('start:worker:prod', { DATABASE_URL: db.url! });
      procs.push(worker);
      await worker.waitFor('Seatkeeper worker running');
      expect(await worker.stop(), worker.output()).toBe(0);
    },
    TIMEOUT,
  );
});
