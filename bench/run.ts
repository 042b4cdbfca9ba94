import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchAssignments } from './assignments.ts';
import { benchSeatSummary } from './seat-summary.ts';
import { createBenchDb, type LoadResult, ms, serverUrl } from './support.ts';

/**
 * `npm run bench`: load and scale benchmarks against real PostgreSQL (BENCH_DATABASE_URL, default
 * the local server). A fresh database is created and dropped at the end. Bounded: about two and a
 * half minutes with the defaults (BENCH_SECONDS per measurement), and stopped at four.
 *   1. assignments per second: 32 clients calling the `assignPlan` use case (target 1,000/s);
 *   2. seat summary latency for an organization of 50,000 members, 32 clients (target p99 < 100 ms);
 *   plus a what-if row that measures a suggested change (assignPlan in fewer round trips) on the
 *   throwaway database, clearly labelled: they are not the product code.
 * Prints a table and rewrites the generated part of bench/RESULTS.md.
 */
const env = (name: string, fallback: number) => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${v}"`);
  return n;
};
const clients = env('BENCH_CLIENTS', 32);
/** database connections the service may open (the clients queue for them when fewer) */
const pool = env('BENCH_POOL', clients);
const seconds = env('BENCH_SECONDS', 10);
const members = env('BENCH_MEMBERS', 50_000);
const orgs = env('BENCH_ORGS', 64);
const membersPerOrg = env('BENCH_MEMBERS_PER_ORG', 1000);
const TARGET_ASSIGN = 1000;
const TARGET_P99 = 100;

const main = async () => {
  const started = performance.now();
  const db = await createBenchDb();
  const hardStop = setTimeout(
    () => {
      console.error('bench: over 4 minutes, giving up');
      db.drop().finally(() => process.exit(1));
    },
    4 * 60 * 1000,
  );
  try {
    const setting = async (name: string) =>
      (await db.admin.query<{ v: string }>('select current_setting($1) as v', [name])).rows[0]!.v;
    const pgVersion = await setting('server_version');
    const maxConn = await setting('max_connections');
    const loadBefore = os.loadavg()[0]!;
    console.log(`bench database ${db.name} on ${redact(serverUrl)} (PostgreSQL ${pgVersion})`);

    console.log(
      `\n1. assignments: ${orgs} orgs × ${membersPerOrg} members, ${clients} clients, ${seconds} s`,
    );
    const a = await benchAssignments(db.url, db.admin, {
      clients,
      pool,
      orgs,
      membersPerOrg,
      durationMs: seconds * 1000,
      warmupMs: 2000,
    });
    console.log(`   seeded ${a.seeded} members in ${a.seedSeconds.toFixed(1)} s`);
    if (a.useCase.errors + a.lean.errors)
      console.log(`   errors: ${[...a.useCase.errorSamples, ...a.lean.errorSamples].join('; ')}`);

    console.log(
      `\n2. seat summary: one org of ${members} members, ${clients} clients, ${seconds} s per variant`,
    );
    const s = await benchSeatSummary(db.url, db.admin, {
      clients,
      pool,
      members,
      durationMs: seconds * 1000,
      warmupMs: 1000,
    });
    console.log(
      `   seeded ${s.seeded.seats} seats (${s.seeded.assigned} assigned) in ${s.seedSeconds.toFixed(1)} s`,
    );

    const perSecondVerdict = (r: LoadResult) =>
      `${r.perSecond >= TARGET_ASSIGN ? 'meets' : 'misses'} ${TARGET_ASSIGN}/s`;
    const rows: [string, LoadResult, string][] = [
      ['assignPlan (use case)', a.useCase, perSecondVerdict(a.useCase)],
      ['what-if: assign in 6 round trips', a.lean, perSecondVerdict(a.lean)],
      ['assignPlan in the 50,000-member org', s.bigOrgAssign, perSecondVerdict(s.bigOrgAssign)],
      ['seatSummary (use case)', s.useCase, p99Verdict(s.useCase)],
      ['summarize (query, shared by concurrent calls)', s.query, p99Verdict(s.query)],
      ['summarize, 1 client', s.single, p99Verdict(s.single)],
    ];
    const table = renderTable(rows);
    console.log(`\n${table}`);
    console.log(
      `invariants after load: ${a.assignedAfter} pro seats assigned, ${a.overAssigned} members with >1 seat`,
    );
    const total = (performance.now() - started) / 1000;
    console.log(`total ${total.toFixed(0)} s`);

    const machine = [
      `- CPU: ${os.availableParallelism()} × ${os.cpus()[0]?.model ?? 'unknown'} (nproc ${os.availableParallelism()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`,
      `- Node ${process.version}; PostgreSQL ${pgVersion} on the same machine (max_connections ${maxConn}); MikroORM pool = ${pool}`,
      `- command: \`npm run bench\` (BENCH_CLIENTS=${clients} BENCH_POOL=${pool} BENCH_SECONDS=${seconds} BENCH_MEMBERS=${members} BENCH_ORGS=${orgs} BENCH_MEMBERS_PER_ORG=${membersPerOrg})`,
      `- run at ${new Date().toISOString()}, ${total.toFixed(0)} s in all; 1-minute load average ${loadBefore.toFixed(1)} before the run (other work on this shared machine) and ${os.loadavg()[0]!.toFixed(1)} at its end (including the bench's own connections)`,
    ].join('\n');
    const generated = [
      '<!-- bench:begin (generated by bench/run.ts; everything outside these markers is kept) -->',
      '## Latest run',
      '',
      machine,
      '',
      table,
      '',
      `Assignments: ${a.useCase.ops} \`assignPlan\` calls in ${a.useCase.seconds.toFixed(1)} s, then ${a.lean.ops} what-if calls in ${a.lean.seconds.toFixed(1)} s (each after a 2 s warm-up); afterwards ${a.assignedAfter} pro seats assigned, ${a.auditRows} \`seat.assigned\` audit rows and ${a.outboxRows} \`seat_assigned\` notices (one each), ${a.overAssigned} members holding more than one seat.`,
      `Seat summary: ${s.seeded.seats} seats (${s.seeded.assigned} assigned) in two contracts of one organization of ${members} members; totals returned ${JSON.stringify(s.totals)}.`,
      '',
      'Plan of the product summary query (EXPLAIN ANALYZE, one run after the load):',
      '',
      '```',
      s.explain,
      '```',
      '<!-- bench:end -->',
    ].join('\n');
    writeResults(generated);
    console.log('wrote bench/RESULTS.md');
  } finally {
    clearTimeout(hardStop);
    await db.drop();
  }
};

const p99Verdict = (r: LoadResult) => `${r.p99 < TARGET_P99 ? 'meets' : 'misses'} p99 < ${TARGET_P99} ms`;

const renderTable = (rows: [string, LoadResult, string][]) => {
  const head = [
    'benchmark',
    'clients',
    'ops',
    'ops/s',
    'p50',
    'p95',
    'p99',
    'max',
    'node CPU/op',
    'errors',
    'target',
  ];
  const body = rows.map(([name, r, verdict]) => [
    name,
    String(r.clients),
    String(r.ops),
    r.perSecond.toFixed(0),
    ms(r.p50),
    ms(r.p95),
    ms(r.p99),
    ms(r.max),
    ms(r.nodeCpuPerOp),
    String(r.errors),
    verdict,
  ]);
  // padded like the Markdown formatter (biome) writes tables, so the file stays lint-clean
  const len = (t: string) => [...t].length;
  const widths = head.map((_, i) => Math.max(3, ...[head, ...body].map((r) => len(r[i]!))));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => c + ' '.repeat(widths[i]! - len(c))).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
};

const redact = (url: string) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');

const RESULTS = path.join(import.meta.dirname, 'RESULTS.md');
const writeResults = (generated: string) => {
  const current = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Bench results\n';
  const re = /<!-- bench:begin[\s\S]*?<!-- bench:end -->/;
  const next = re.test(current) ? current.replace(re, generated) : `${current.trimEnd()}\n\n${generated}\n`;
  writeFileSync(RESULTS, next);
};

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
