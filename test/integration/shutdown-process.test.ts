import { type ChildProcess, spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../adapters/slack/verify-request.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { FakeSlack } from '../slack/fake-slack.ts';
import { slashBody } from '../slack/harness.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';

/**
 * `npm start`'s entry point as a real process, stopped with SIGTERM while a slash command is
 * still at work after its ack (Slack's users.info answers slowly): the command must finish and
 * post its result to the response_url, new connections must be refused, the process must exit 0
 * within SHUTDOWN_GRACE_MS, and a second process must start on the same port and database.
 */
const SECRET = 'shutdown-signing-secret-0123456789';
const TEAM = 'T0ACME';
const GRACE_MS = 8_000;
const SLOW_MS = 3_000;

let db: TestDb;
let fake: FakeSlack;
const children: ChildProcess[] = [];

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  fake = await new FakeSlack().start();
  fake.tokens.set('xoxb-shutdown', TEAM);
  fake.addUser(TEAM, 'UALICE', DEMO.owner);
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await fake?.close();
  await db?.close();
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });

/**
 * Starts the bot process; resolves once it logs that it listens (everything started), or with
 * `healthy` as soon as /healthz answers (the worker may still be starting), with its log lines
 * and its exit.
 */
const start = async (port: number, until: 'listening' | 'healthy' = 'listening') => {
  const child = spawn(process.execPath, ['src/cli/start.mjs'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: db.url!,
      PORT: String(port),
      HOST: '127.0.0.1',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-shutdown',
      SLACK_API_URL: fake.apiUrl,
      SHUTDOWN_GRACE_MS: String(GRACE_MS),
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
    child.on('exit', (code) => resolve({ code, at: Date.now() })),
  );
  const listening = new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (c: Buffer) => {
      buffer += c.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (line.includes('Seatkeeper listening')) resolve();
      }
    });
    void exited.then(({ code }) => reject(new Error(`exited ${code} before listening: ${stderr}`)));
  });
  if (until === 'listening') await listening;
  else {
    listening.catch(() => {});
    for (;;) {
      if (child.exitCode !== null) throw new Error(`exited ${child.exitCode} before healthy: ${stderr}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  return { child, lines, exited, stderr: () => stderr };
};

describe.skipIf(usingPglite)('SIGTERM on the bot process', () => {
  it('finishes the slash command in flight, refuses new connections, exits 0 in time; a new process starts cleanly', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = await start(port);

    fake.delays.set('users.info', SLOW_MS);
    const reply = fake.responseUrl();
    const body = slashBody({ teamId: TEAM, userId: 'UALICE', text: 'status', responseUrl: reply.url });
    const ts = Math.floor(Date.now() / 1000);
    const ack = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signSlackRequest(SECRET, body, ts),
        connection: 'close',
      },
      body,
    });
    expect(ack.status).toBe(200);
    expect(await ack.text()).toContain('Working on it');
    // the command is still waiting on Slack's users.info: nothing posted yet
    expect(fake.responses.get(reply.id)).toEqual([]);

    const signalled = Date.now();
    first.child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 300));
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();

    const { code, at } = await first.exited;
    expect(code, first.stderr()).toBe(0);
    expect(at - signalled).toBeLessThan(GRACE_MS);
    // the work after the ack was done before the exit: the result reached the response_url
    const posted = fake.responses.get(reply.id)!;
    expect(posted).toHaveLength(1);
    expect(JSON.stringify(posted[0])).not.toContain('Working on it');
    expect(first.lines.some((l) => l.includes('shutting down'))).toBe(true);
    expect(first.lines.some((l) => l.includes('grace ran out'))).toBe(false);

    fake.delays.delete('users.info');
    const second = await start(port);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ok: true, database: 'up' });
    second.child.kill('SIGTERM');
    expect((await second.exited).code, second.stderr()).toBe(0);
  }, 60_000);

  it('a SIGTERM as soon as it is healthy (before the worker has started) still stops cleanly, exit 0', async () => {
    const port = await freePort();
    const early = await start(port, 'healthy');
    early.child.kill('SIGTERM');
    const { code } = await early.exited;
    expect(code, early.stderr()).toBe(0);
    expect(early.child.signalCode).toBeNull();
  }, 60_000);
});
