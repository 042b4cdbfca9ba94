import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FakeSlack } from '../test/slack/fake-slack.ts';
import {
  type BenchDb,
  createBenchDb,
  type EntryPoint,
  entryPoints,
  freePort,
  machineLine,
  median,
  rssMb,
  startProcess,
  writeSection,
} from './support.ts';

/**
 * `npm run bench:startup`: time from spawn to a healthy GET /healthz of the real entry point
 * (`npm start`, and `npm run start:prod` when dist/ is built, see `entryPoints`), with Slack on
 * against a local fake and the worker on as by default, on:
 * - the embedded database in a fresh DATA_DIR (a new folder each run),
 * - the embedded database in an existing DATA_DIR (made by a first start, then started again),
 * - PostgreSQL, a database already migrated (a restart),
 * - PostgreSQL, an empty database (the first start migrates it).
 * BENCH_STARTUP_RUNS runs of each (default 3), each reported, and the time SIGTERM takes to exit.
 * Writes its section of bench/RESULTS.md.
 */
const runs = Number(process.env.BENCH_STARTUP_RUNS ?? 3);
const secret = randomBytes(16).toString('hex');
const SETTLE_MS = 2000;

interface Run {
  healthyMs: number;
  stopMs: number;
  rssMb: number;
  exit: number | string;
}

const once = async (entry: EntryPoint, fake: FakeSlack, env: Record<string, string>): Promise<Run> => {
  const started = await startProcess({
    args: entry.args,
    env: {
      ...entry.env,
      SLACK_SIGNING_SECRET: secret,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: fake.apiUrl,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    port: await freePort(),
    health: '/healthz',
    timeoutMs: 120_000,
  });
  // healthy comes before the worker starts and the signal handlers are installed: let them be
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  const rss = rssMb(started.pid);
  const t0 = performance.now();
  const exit = await started.stop();
  return { healthyMs: started.startupMs, stopMs: performance.now() - t0, rssMb: rss, exit };
};

const main = async () => {
  const load0 = os.loadavg();
  const t0 = Date.now();
  const { entries, notes } = entryPoints();
  const fake = await new FakeSlack().start();
  fake.tokens.set('xoxb-bench', 'TBENCH');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'sk-startup-'));
  const dbs: BenchDb[] = [];
  const results: { entry: EntryPoint; scenario: string; runs: Run[] }[] = [];
  const scenario = async (entry: EntryPoint, name: string, env: () => Promise<Record<string, string>>) => {
    const done: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await once(entry, fake, await env());
      done.push(r);
      console.error(`${entry.name}, ${name}, run ${i + 1}: healthy in ${Math.round(r.healthyMs)} ms`);
    }
    results.push({ entry, scenario: name, runs: done });
  };
  try {
    for (const [e, entry] of entries.entries()) {
      let n = 0;
      const freshDir = () => path.join(tmp, `${e}-fresh-${++n}`);
      await scenario(entry, 'embedded database, fresh DATA_DIR', async () => ({ DATA_DIR: freshDir() }));
      // an existing DATA_DIR: a copy of one the fresh starts made, so every run finds the same folder
      const existing = path.join(tmp, `${e}-existing`);
      cpSync(path.join(tmp, `${e}-fresh-1`), existing, { recursive: true });
      await scenario(entry, 'embedded database, existing DATA_DIR', async () => ({ DATA_DIR: existing }));
      const migrated = await createBenchDb();
      dbs.push(migrated);
      await scenario(entry, 'PostgreSQL, migrated database', async () => ({ DATABASE_URL: migrated.url }));
      await scenario(entry, 'PostgreSQL, empty database (the start migrates it)', async () => {
        const empty = await createBenchDb({ migrate: false });
        dbs.push(empty);
        return { DATABASE_URL: empty.url };
      });
    }
  } finally {
    for (const db of dbs) await db.drop();
    rmSync(tmp, { recursive: true, force: true });
    await fake.close();
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const lines = [
    '<!-- startup-bench:begin -->',
    '## Start-up of the process users run (`npm run bench:startup`)',
    '',
    `Run ${new Date(t0).toISOString()} on ${machineLine()}, PostgreSQL on 127.0.0.1; 1-minute load average ${load0[0]!.toFixed(2)} when it started and ${os.loadavg()[0]!.toFixed(2)} at its end (the machine is shared), ${Math.round((Date.now() - t0) / 1000)} s in all.`,
    '',
    `From spawning the entry point (node itself: ${entries.map((e) => `\`node ${e.args.join(' ')}\` for ${e.name}`).join(', ')}) to the first 200 from GET /healthz, with Slack on (signing secret, bot token, Slack's Web API a local fake), the worker on as by default and \`LOG_LEVEL=warn\`; then, 2 s later (healthy comes before the worker has started and the signal handlers are installed), SIGTERM and the time to exit. ${runs} runs of each, one after the other. ${notes.join('; ')}.`,
    '',
    '| entry point | database | spawn to healthy, each run | median | RSS 2 s after healthy | SIGTERM to exit | exit |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...results.map(
      (r) =>
        `| ${r.entry.name} | ${r.scenario} | ${r.runs.map((x) => s(x.healthyMs)).join(' · ')} | ${s(median(r.runs.map((x) => x.healthyMs)))} | ${Math.round(median(r.runs.map((x) => x.rssMb)))} MB | ${s(median(r.runs.map((x) => x.stopMs)))} | ${r.runs.map((x) => x.exit).join(' · ')} |`,
    ),
    '',
    "Issue 15's targets: embedded database ≤ 5 s fresh and ≤ 4 s existing, PostgreSQL ≤ 3 s (the migrated database: a restart).",
    '<!-- startup-bench:end -->',
  ];
  const section = lines.join('\n');
  console.log(section);
  writeSection(path.join(import.meta.dirname, 'RESULTS.md'), 'startup-bench', section, 'slack-bench');
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
