import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { DEMO } from '../db/seeders/demo.ts';
import { FakeSlack } from '../test/slack/fake-slack.ts';
import {
  buttonClickBody,
  type OpenedView,
  signedHeaders,
  slashCommandBody,
  viewSubmissionBody,
  type Who,
} from './slack-bodies.ts';
import {
  type BenchDb,
  bundled,
  cpuOf,
  type EntryPoint,
  entryPoints,
  freePort,
  machineLine,
  median,
  rssMb,
  type Started,
  seededSlackDb,
  startProcess,
  writeSection,
} from './support.ts';

/**
 * `npm run bench:slack`: the process users run against a bare Bolt app, in one run. Our entry
 * point (`npm start`, and `npm run start:prod` when dist/ is built, see `entryPoints`) is spawned
 * as node itself with Slack on, the worker on as by default, a throwaway PostgreSQL database
 * seeded with the demo and its workspace linked, and Slack's Web API a local fake; the anchor is
 * bench/bare-bolt.ts, which only acks. Each kind of signed request is sent by 64 closed-loop
 * clients to each process in turn (ours, bare, ours, bare, … for BENCH_ROUNDS rounds), then
 * `/seats status` in an open loop at a fixed rate. CPU and RSS are read from /proc for each
 * process. Writes its section of bench/RESULTS.md.
 *
 * Knobs: BENCH_SECONDS (each measured load, default 10, after a 2 s warm-up), BENCH_ROUNDS (3),
 * BENCH_RATE (open loop, 500 req/s), BENCH_ROWS (a comma list of row ids, default all),
 * BENCH_PROD (see entryPoints), BENCH_PROFILE=<dir> (CPU profiles of every process).
 */
const CLIENTS = 64;
const WARMUP_S = 2;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const rate = Number(process.env.BENCH_RATE ?? 500);
const secret = randomBytes(16).toString('hex');
const ME: Who = { team: 'TBENCH', user: 'UALICE' };
/** Issue 15's targets for `/seats status` */
const TARGET = { ratio: 0.7, cpuUs: 700, p99Ms: 20, rssIdleMb: 150, rssLoadMb: 200 };

type RowId = 'status' | 'help' | 'add' | 'button' | 'modal';
const ROWS: { id: RowId; title: string; what: string }[] = [
  { id: 'status', title: '`/seats status`', what: 'answered in the ack: the per-plan tally from PostgreSQL' },
  {
    id: 'help',
    title: '`/seats help`',
    what: 'answered in the ack, no database work after the cached look-ups',
  },
  {
    id: 'button',
    title: 'button `list.page` (members, page 1)',
    what: 'acked at once; the page is read and posted to the response_url after the ack',
  },
  {
    id: 'add',
    title: '`/seats add 2 pro`',
    what: 'quotes and records a purchase request (one per call), answered in the ack',
  },
  {
    id: 'modal',
    title: 'modal submission (`purchase.form`, 2 × pro)',
    what: 'the same request from the Buy seats form; acked when done, the result posted to the response_url',
  },
];
const wanted = new Set((process.env.BENCH_ROWS ?? ROWS.map((r) => r.id).join(',')).split(','));
const rows = ROWS.filter((r) => wanted.has(r.id));

interface Proc {
  label: string;
  bare: boolean;
  started: Started;
  db?: BenchDb;
  idleRssMb: number;
  /** the response id of its slash commands' response_url (null: the bare app, which posts nothing) */
  later: string | null;
  bodies: Record<RowId, string>;
}

interface Sample {
  rps: number;
  /** answered within the load */
  requests: number;
  /** sent, including those still unanswered when the load ended */
  sent: number;
  p50: number;
  p99: number;
  max: number;
  errors: number;
  /** process CPU (all threads) per request answered, until the work after the acks is done, µs */
  cpuUs: number;
  /** main thread busy during the load, 0–1 */
  mainBusy: number;
  rssAfterMb: number;
  /** from the end of the load until the process went quiet: its work after the acks */
  drainMs: number;
}

const DRAIN = { windowMs: 250, quietShare: 0.05, maxMs: 120_000 };

/**
 * Waits until the process has spent under 5 % of a core for 250 ms: a button's page and a
 * form's result are read and posted after the ack, so a closed loop can end with that work still
 * queued, and it must not run during the next process's load. Resolves with how long it took.
 */
const drained = async (pid: number) => {
  const t0 = performance.now();
  let last = cpuOf(pid);
  for (;;) {
    await new Promise((r) => setTimeout(r, DRAIN.windowMs));
    const now = cpuOf(pid);
    const quiet = now.processMs - last.processMs < DRAIN.windowMs * DRAIN.quietShare;
    last = now;
    if (quiet || now.wallMs - t0 > DRAIN.maxMs) return Math.max(0, now.wallMs - t0 - DRAIN.windowMs);
  }
};

const load = async (p: Proc, body: string, duration: number, overallRate?: number): Promise<Sample> => {
  const before = cpuOf(p.started.pid);
  const r = await autocannon({
    url: `${p.started.url}/slack/events`,
    connections: CLIENTS,
    duration,
    method: 'POST',
    headers: signedHeaders(secret, body),
    body,
    ...(overallRate ? { overallRate } : {}),
  });
  const end = cpuOf(p.started.pid);
  const rssAfterMb = rssMb(p.started.pid);
  const drainMs = await drained(p.started.pid);
  const after = cpuOf(p.started.pid);
  const requests = r.requests.total;
  return {
    rps: r.requests.average,
    requests,
    sent: r.requests.sent ?? requests,
    // nothing answered (every request timed out): no latency and no CPU per request to show
    p50: requests ? r.latency.p50 : Number.NaN,
    p99: requests ? r.latency.p99 : Number.NaN,
    max: requests ? r.latency.max : Number.NaN,
    errors: r.non2xx + r.errors + r.timeouts,
    cpuUs: requests ? ((after.processMs - before.processMs) * 1000) / requests : Number.NaN,
    mainBusy: (end.mainMs - before.mainMs) / (end.wallMs - before.wallMs),
    rssAfterMb,
    drainMs,
  };
};

const post = async (p: Proc, body: string) => {
  const r = await fetch(`${p.started.url}/slack/events`, {
    method: 'POST',
    headers: signedHeaders(secret, body),
    body,
  });
  return { status: r.status, text: await r.text() };
};

/** The first answers must be the real ones: a bench of error replies would measure nothing. */
const expectAnswer = (what: string, got: string, pattern: RegExp) => {
  if (!pattern.test(got)) throw new Error(`${what}: unexpected answer: ${got.slice(0, 500)}`);
};

const startOurs = async (entry: EntryPoint, fake: FakeSlack, db: BenchDb) => {
  const port = await freePort();
  return startProcess({
    args: entry.args,
    env: {
      ...entry.env,
      DATABASE_URL: db.url,
      SLACK_SIGNING_SECRET: secret,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_API_URL: fake.apiUrl,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    port,
    health: '/healthz',
  });
};

/** Opens the Buy seats form in our process and checks each kind of request once. */
const prepareOurs = async (p: Proc, fake: FakeSlack) => {
  const status = await post(p, p.bodies.status);
  expectAnswer(`${p.label} /seats status`, status.text, /Acme: 3 of 7 seats assigned/);
  const opened = fake.callsTo('views.open').length;
  const form = fake.responseUrl();
  const add = await post(p, slashCommandBody(ME, 'add', form.url));
  if (add.status !== 200) throw new Error(`${p.label} /seats add: ${add.status} ${add.text}`);
  const view = await fake.waitFor(
    () => fake.callsTo('views.open')[opened]?.args.view as OpenedView | undefined,
  );
  p.bodies.modal = viewSubmissionBody(ME, view, { plan: 'pro', quantity: '2' });
  const checks: { row: RowId; pattern: RegExp; responseId?: string }[] = [
    { row: 'add', pattern: /2 Pro seats/ },
    { row: 'button', pattern: /Acme has \d+ active members/, responseId: 'button' },
    { row: 'modal', pattern: /2 Pro seats/, responseId: form.id },
  ];
  for (const c of checks) {
    if (!wanted.has(c.row)) continue;
    const before = c.responseId ? (fake.responses.get(c.responseId) ?? []).length : 0;
    const r = await post(p, p.bodies[c.row]);
    if (r.status !== 200) throw new Error(`${p.label} ${c.row}: ${r.status} ${r.text}`);
    const answer = c.responseId
      ? await fake.waitFor(() => fake.responses.get(c.responseId!)?.[before])
      : (JSON.parse(r.text) as unknown);
    expectAnswer(`${p.label} ${c.row}`, JSON.stringify(answer), c.pattern);
  }
};

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '—';
const spread = (xs: number[], digits = 2) =>
  `${fmt(median(xs), digits)} (${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)})`;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

const main = async () => {
  const load0 = os.loadavg();
  const t0 = Date.now();
  const { entries, notes } = entryPoints();
  const fake = await new FakeSlack().start();
  fake.tokens.set('xoxb-bench', ME.team);
  fake.addUser(ME.team, ME.user, DEMO.owner);
  fake.addUser(ME.team, 'UBOB', DEMO.admin);
  // every button press posts its page here: one response_url, many uses (the fake keeps them all)
  fake.responses.set('button', []);
  const buttonUrl = `${fake.base}/respond/button`;
  /**
   * A slash command's response_url (one per process): an answer in the ack never reaches it; one
   * that took longer than the ack allows ("Working on it…") is posted there, and counted.
   */
  const bodies = (later: string): Record<RowId, string> => ({
    status: slashCommandBody(ME, 'status', `${fake.base}/respond/${later}`),
    help: slashCommandBody(ME, 'help', `${fake.base}/respond/${later}`),
    add: slashCommandBody(ME, 'add 2 pro', `${fake.base}/respond/${later}`),
    button: buttonClickBody(
      ME,
      { actionId: 'list.page', value: { list: 'members', page: 1 }, label: 'Page 1' },
      buttonUrl,
    ),
    modal: '',
  });
  const procs: Proc[] = [];
  const dbs: BenchDb[] = [];
  try {
    for (const entry of entries) {
      // each entry point on its own database: their workers and purchase requests stay apart
      const db = await seededSlackDb(ME.team);
      dbs.push(db);
      const started = await startOurs(entry, fake, db);
      const later = `later${procs.length}`;
      fake.responses.set(later, []);
      procs.push({
        label: `\`${entry.name}\``,
        bare: false,
        started,
        db,
        idleRssMb: 0,
        later,
        bodies: bodies(later),
      });
    }
    const bare = await startProcess({
      args: [bundled(path.join(import.meta.dirname, 'bare-bolt.ts'))],
      env: { SLACK_SIGNING_SECRET: secret },
      port: await freePort(),
      health: '/healthz',
    });
    // its bodies are the first entry point's (the modal's is filled in by prepareOurs)
    procs.push({
      label: 'bare Bolt',
      bare: true,
      started: bare,
      idleRssMb: 0,
      later: null,
      bodies: procs[0]!.bodies,
    });
    // idle: healthy, the worker's first poll done, nothing sent yet
    await new Promise((r) => setTimeout(r, 2000));
    for (const p of procs) p.idleRssMb = rssMb(p.started.pid);
    for (const p of procs) if (!p.bare) await prepareOurs(p, fake);

    // closed loop: each row, round by round, every process in turn
    const closed = new Map<RowId, Map<Proc, Sample[]>>();
    let open: Map<Proc, Sample[]> | undefined;
    /** slash commands answered after the ack, per row and process: of how many sent */
    const deferred: { row: RowId; proc: Proc; later: number; sent: number }[] = [];
    const posted = (p: Proc) => (p.later ? fake.responses.get(p.later)!.length : 0);
    for (const row of rows) {
      const byProc = new Map<Proc, Sample[]>(procs.map((p) => [p, []]));
      closed.set(row.id, byProc);
      const sent = new Map<Proc, number>(procs.map((p) => [p, 0]));
      const before = new Map<Proc, number>(procs.map((p) => [p, posted(p)]));
      for (let round = 0; round < rounds; round++) {
        for (const p of procs) {
          const w = await load(p, p.bodies[row.id], WARMUP_S);
          const s = await load(p, p.bodies[row.id], seconds);
          sent.set(p, sent.get(p)! + w.sent + s.sent);
          byProc.get(p)!.push(s);
          console.error(
            `${row.id} round ${round + 1} ${p.label}: ${fmt(s.rps)} req/s, p99 ${s.p99} ms, ${fmt(s.cpuUs)} µs CPU/req, ${s.errors} errors, quiet ${fmt(s.drainMs / 1000, 1)} s after`,
          );
        }
      }
      // the open loop right after the closed one, while `status` is warm
      if (row.id === 'status') {
        open = new Map<Proc, Sample[]>(procs.map((p) => [p, []]));
        for (let round = 0; round < rounds; round++) {
          for (const p of procs) {
            const s = await load(p, p.bodies.status, seconds, rate);
            sent.set(p, sent.get(p)! + s.sent);
            open.get(p)!.push(s);
            console.error(
              `status open loop round ${round + 1} ${p.label}: p99 ${s.p99} ms, ${s.errors} errors`,
            );
          }
        }
      }
      // the bare app's last load gave our last one's late answers time to arrive
      if (row.id === 'status' || row.id === 'help' || row.id === 'add')
        for (const p of procs)
          if (p.later)
            deferred.push({ row: row.id, proc: p, later: posted(p) - before.get(p)!, sent: sent.get(p)! });
    }
    const endRss = new Map(procs.map((p) => [p, rssMb(p.started.pid)]));
    const barep = procs.find((p) => p.bare)!;
    const ours = procs.filter((p) => !p.bare);

    const lines: string[] = [
      '<!-- slack-bench:begin -->',
      '## Slack ack: the process users run against a bare Bolt app (`npm run bench:slack`)',
      '',
      `Run ${new Date(t0).toISOString()} on ${machineLine()}, PostgreSQL on 127.0.0.1; 1-minute load average ${load0[0]!.toFixed(2)} when it started and ${os.loadavg()[0]!.toFixed(2)} at its end (the machine is shared), ${Math.round((Date.now() - t0) / 1000)} s in all.`,
      '',
      `Seatkeeper is its real entry point, spawned as node itself (${ours.map((p) => p.label).join(', ')}: \`node ${entries.map((e) => e.args.join(' ')).join('` and `node ')}\`), worker on as by default, \`LOG_LEVEL=warn\`, on a throwaway PostgreSQL database seeded with the demo organization and its workspace linked; Slack's Web API and the response_urls are the tests' local fake in the bench process, which also runs the load generator. The anchor is a bare Bolt app that only acks (bench/bare-bolt.ts, Bolt's own signature check on). ${notes.join('; ')}.`,
      '',
      `Closed loop: ${CLIENTS} clients over loopback, ${rounds} rounds of ${seconds} s each after a ${WARMUP_S} s warm-up, the processes in turn (${procs.map((p) => p.label).join(', ')}, then again). Every request is signed. CPU per request is the process's utime + stime from /proc (every thread), from the start of the load until the process is quiet again (under 5 % of a core for 250 ms: a button's page and a form's result are posted after the ack), over the requests answered; "after the load" is how long that took, and the next load waits for it; "main busy" is the main thread's share of the wall time during the load. Ratios are per round, against the bare app's run of the same round: median (min–max).`,
      '',
      '| request | process | req/s per round | ratio to bare | CPU µs/request | main busy | p50 / p99 ms (median) | after the load (worst) | errors |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ];
    for (const row of rows) {
      const byProc = closed.get(row.id)!;
      const bareRuns = byProc.get(barep)!;
      for (const p of procs) {
        const runs = byProc.get(p)!;
        const ratios = runs.map((s, i) => s.rps / bareRuns[i]!.rps);
        lines.push(
          `| ${row.title} | ${p.label} | ${runs.map((s) => fmt(s.rps)).join(' · ')} | ${p.bare ? '—' : spread(ratios)} | ${fmt(median(runs.map((s) => s.cpuUs)))} | ${fmt(median(runs.map((s) => s.mainBusy)) * 100)} % | ${fmt(median(runs.map((s) => s.p50)))} / ${fmt(median(runs.map((s) => s.p99)))} | ${fmt(Math.max(...runs.map((s) => s.drainMs)) / 1000, 1)} s | ${sum(runs.map((s) => s.errors))} |`,
        );
      }
    }
    lines.push('', 'What each request does in Seatkeeper:', '');
    for (const row of rows) lines.push(`- ${row.title}: ${row.what}.`);
    const late = deferred.filter((d) => d.later > 0);
    lines.push(
      '',
      late.length
        ? `Slash commands whose answer missed the ack (acked "Working on it…", the answer posted to the response_url after, warm-ups included): ${late.map((d) => `${ROWS.find((r) => r.id === d.row)!.title} on ${d.proc.label} ${fmt(d.later)} of ${fmt(d.sent)} (${fmt((d.later / Math.max(1, d.sent)) * 100, 1)} %)`).join('; ')}.`
        : 'Every slash command was answered in its ack (none acked "Working on it…").',
    );
    if (open) {
      lines.push(
        '',
        `Open loop: \`/seats status\` at ${rate} requests/s for ${seconds} s (autocannon \`overallRate\`, ${CLIENTS} connections), ${rounds} rounds, after the closed loop.`,
        '',
        '| process | req/s done per round | p50 ms per round | p99 ms per round | max ms (worst) | CPU µs/request | errors |',
        '| --- | --- | --- | --- | --- | --- | --- |',
      );
      for (const p of procs) {
        const runs = open.get(p)!;
        lines.push(
          `| ${p.label} | ${runs.map((s) => fmt(s.rps)).join(' · ')} | ${runs.map((s) => fmt(s.p50)).join(' · ')} | ${runs.map((s) => fmt(s.p99)).join(' · ')} | ${fmt(Math.max(...runs.map((s) => s.max)))} | ${fmt(median(runs.map((s) => s.cpuUs)))} | ${sum(runs.map((s) => s.errors))} |`,
        );
      }
    }
    lines.push(
      '',
      'Memory (VmRSS) and start-up of the same processes:',
      '',
      '| process | spawn to healthy | RSS idle | RSS after each `status` load | RSS at most after a load | RSS at the end |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const p of procs) {
      const all = [...closed.values(), ...(open ? [open] : [])].flatMap((m) =>
        m.get(p)!.map((s) => s.rssAfterMb),
      );
      const status = closed.get('status')?.get(p) ?? [];
      lines.push(
        `| ${p.label} | ${fmt(p.started.startupMs / 1000, 1)} s | ${fmt(p.idleRssMb)} MB | ${status.map((s) => `${fmt(s.rssAfterMb)}`).join(' · ') || '—'} MB | ${fmt(Math.max(...all))} MB | ${fmt(endRss.get(p)!)} MB |`,
      );
    }
    const statusRuns = closed.get('status');
    if (statusRuns) {
      lines.push('', "Issue 15's targets for `/seats status`:", '');
      for (const p of ours) {
        const runs = statusRuns.get(p)!;
        const ratio = median(runs.map((s, i) => s.rps / statusRuns.get(barep)![i]!.rps));
        const cpu = median(runs.map((s) => s.cpuUs));
        const p99 = open ? Math.max(...open.get(p)!.map((s) => s.p99)) : Number.NaN;
        const afterLoad = Math.max(...runs.map((s) => s.rssAfterMb));
        const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
        lines.push(
          `- ${p.label}: ratio ≥ ${TARGET.ratio} ${verdict(ratio >= TARGET.ratio)} (${ratio.toFixed(2)}); CPU ≤ ${TARGET.cpuUs} µs/request ${verdict(cpu <= TARGET.cpuUs)} (${fmt(cpu)}); open-loop p99 ≤ ${TARGET.p99Ms} ms in every round ${verdict(p99 <= TARGET.p99Ms)} (worst ${fmt(p99)} ms); RSS ≤ ${TARGET.rssIdleMb} MB idle ${verdict(p.idleRssMb <= TARGET.rssIdleMb)} (${fmt(p.idleRssMb)}) and ≤ ${TARGET.rssLoadMb} MB after the load ${verdict(afterLoad <= TARGET.rssLoadMb)} (${fmt(afterLoad)}).`,
        );
      }
    }
    lines.push('<!-- slack-bench:end -->');
    const section = lines.join('\n');
    console.log(section);
    writeSection(path.join(import.meta.dirname, 'RESULTS.md'), 'slack-bench', section);
  } finally {
    for (const p of procs) await p.started.stop();
    for (const db of dbs) await db.drop();
    await fake.close();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
