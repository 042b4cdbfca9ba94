import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import { signSlackRequest } from '../adapters/slack/verify-request.ts';
import { insertLink } from '../db/repositories/workspace-links.ts';
import { DEMO, seedDemo } from '../db/seeders/demo.ts';
import { FakeSlack } from '../test/slack/fake-slack.ts';
import { createBenchDb, serviceOn } from './support.ts';

/**
 * `npm run bench:slack`: signed `/seats status` slash commands, 64 concurrent clients on
 * loopback for BENCH_SECONDS (default 10) against (1) our server with Slack on, on a throwaway
 * PostgreSQL database seeded with the demo organization, and (2) a bare Bolt app that only
 * acks the same request. Each server runs in its own process; the Slack Web API is a local fake
 * (only users.info is called, once per user). Targets: p99 ack under 50 ms, and at least half
 * the bare app's throughput. Writes its section of bench/RESULTS.md.
 */
const CLIENTS = 64;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const TARGET_P99_MS = 50;
const secret = randomBytes(16).toString('hex');
const TEAM = 'TBENCH';

const startServer = (args: string[]) =>
  new Promise<{ child: ChildProcess; port: number }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        // BENCH_PROFILE=<dir>: each server writes a CPU profile there when it stops
        ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : []),
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'slack-ack-server.ts'),
        ...args,
      ],
      {
        env: { ...process.env, BENCH_SLACK_SECRET: secret },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, port: (JSON.parse(line) as { port: number }).port });
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });

const slash = (text: string) =>
  new URLSearchParams({
    team_id: TEAM,
    user_id: 'UALICE',
    command: '/seats',
    text,
    response_url: 'http://127.0.0.1:9/unused',
    trigger_id: 'bench',
    api_app_id: 'A0SEATS',
  }).toString();

/** Signed once per run: the timestamp stays inside the 5-minute window for the whole run. */
const load = (port: number, duration: number, text = 'status') => {
  const body = slash(text);
  const ts = Math.floor(Date.now() / 1000);
  return autocannon({
    url: `http://127.0.0.1:${port}/slack/events`,
    connections: CLIENTS,
    duration,
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(ts),
      'x-slack-signature': signSlackRequest(secret, body, ts),
    },
    body,
  });
};

const measure = async (port: number, text = 'status') => {
  await load(port, 2, text); // warm-up: JIT, connection pools, the users.info cache
  return load(port, seconds, text);
};

const row = (name: string, r: Result) =>
  `| ${name} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p99} | ${r.latency.max} | ${r.non2xx + r.errors + r.timeouts} |`;

const main = async () => {
  const load1 = os.loadavg()[0]!;
  const fake = await new FakeSlack().start();
  fake.tokens.set('xoxb-bench', TEAM);
  fake.addUser(TEAM, 'UALICE', DEMO.owner);
  const db = await createBenchDb();
  const children: ChildProcess[] = [];
  try {
    const { orm, ctx } = await serviceOn(db.url, 2);
    await seedDemo(ctx);
    // the bench's workspace is Acme's, as `org create` there would have linked it
    const em = orm.em.fork();
    const [acme] = await em.execute<{ id: string }[]>("select id from organization where name = 'Acme'");
    await insertLink(em, { platform: 'slack', workspaceId: TEAM }, acme!.id, null, new Date());
    await orm.close(true);
    const ours = await startServer(['seatkeeper', db.url, fake.apiUrl]);
    children.push(ours.child);
    // the first command checks the answer is the real one
    const check = await fetch(`http://127.0.0.1:${ours.port}/slack/events`, {
      method: 'POST',
      headers: (() => {
        const ts = Math.floor(Date.now() / 1000);
        return {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signSlackRequest(secret, slash('status'), ts),
        };
      })(),
      body: slash('status'),
    });
    const answer = await check.text();
    if (!answer.includes('Acme: 3 of 7 seats assigned')) throw new Error(`unexpected answer: ${answer}`);
    const seatkeeper = await measure(ours.port);
    // the adapter alone: `help` reads nothing from the database after the cached lookups
    const help = await measure(ours.port, 'help');
    ours.child.kill();
    const bare = await startServer(['bare']);
    children.push(bare.child);
    const bolt = await measure(bare.port);
    bare.child.kill();

    const ratio = seatkeeper.requests.average / bolt.requests.average;
    const p99ok = seatkeeper.latency.p99 < TARGET_P99_MS;
    const ratioOk = ratio >= 0.5;
    const lines = [
      '<!-- slack-bench:begin -->',
      '## Slack ack latency (`npm run bench:slack`)',
      '',
      `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} (${Math.round(os.totalmem() / 2 ** 30)} GB), Node ${process.version}, PostgreSQL on 127.0.0.1 (a throwaway database seeded with the demo organization). ${CLIENTS} concurrent clients over loopback for ${seconds} s after a 2 s warm-up, each server in its own process; every request is a signed \`/seats status\` slash command. Seatkeeper verifies the signature, resolves the user (cached), reads the workspace's organization and runs \`status\` on PostgreSQL; the bare Bolt app only verifies and acks.`,
      '',
      '| server | requests/s | p50 ms | p99 ms | max ms | errors |',
      '| --- | --- | --- | --- | --- | --- |',
      row('Seatkeeper (`/seats status`, PostgreSQL)', seatkeeper),
      row('Seatkeeper (`/seats help`, no database work)', help),
      row('bare Bolt app (ack only)', bolt),
      '',
      `- p99 ack under ${TARGET_P99_MS} ms: **${p99ok ? 'met' : 'missed'}** (${seatkeeper.latency.p99} ms).`,
      `- at least half the bare app's throughput: **${ratioOk ? 'met' : 'missed'}** (${(ratio * 100).toFixed(0)} %).`,
      `- The adapter alone (\`help\`) runs at ${((help.requests.average / bolt.requests.average) * 100).toFixed(0)} % of the bare app's throughput; \`status\` adds one PostgreSQL query per organization shared by the calls that arrive together (the per-plan tally, the undelivered notices and the authorization of every waiting caller), on the same ${os.cpus().length} cores as both servers' neighbours and the load generator.`,
      `- Load average when the run started: ${load1.toFixed(2)} on ${os.cpus().length} cores (the machine is shared); the bare app's own p99 (${bolt.latency.p99} ms) shows how much of the tail is the machine rather than the code.`,
      '<!-- slack-bench:end -->',
    ];
    const section = lines.join('\n');
    console.log(section);
    const file = path.join(import.meta.dirname, 'RESULTS.md');
    const current = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const marked = /<!-- slack-bench:begin -->[\s\S]*<!-- slack-bench:end -->/;
    writeFileSync(
      file,
      marked.test(current) ? current.replace(marked, section) : `${current.trimEnd()}\n\n${section}\n`,
    );
  } finally {
    for (const c of children) c.kill();
    await db.drop();
    await fake.close();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
