import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlackSocket } from '../../adapters/slack/slack-app.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { App } from '../../src/app.ts';
import { InFlight } from '../../src/commands/in-flight.ts';
import { loadConfig } from '../../src/config.ts';
import { buildHttp, listen } from '../../src/server.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { FakeSlack } from './fake-slack.ts';
import { FakeSocketMode } from './fake-socket-mode.ts';
import { BOT_TOKEN, blocksText, eventBody } from './harness.ts';

/**
 * Slack over Socket Mode against a loopback stand-in: apps.connections.open (on the fake Web API)
 * hands out the URL of a real WebSocket server; envelopes come down it, acks go back up it, with
 * the same listeners and 3-second race as over HTTP; and a dropped socket is reopened with a new
 * URL, after which a redelivered envelope is still run.
 */

const TEAM = 'T0ACME';
const APP_TOKEN = 'xapp-1-A0SEATS-1-0123456789abcdef';
const USERS: Record<string, string> = {
  UALICE: DEMO.owner,
  UBOB: DEMO.admin,
  UCAROL: DEMO.members[0]!,
  UDAVE: DEMO.members[1]!,
};

let db: TestDb;
let fake: FakeSlack;
let socket: FakeSocketMode;
let slack: Awaited<ReturnType<typeof startSlackSocket>>;
const config = (apiUrl: string) =>
  loadConfig({
    LOG_LEVEL: 'silent',
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_API_URL: apiUrl,
  });

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  fake = await new FakeSlack().start();
  socket = await new FakeSocketMode().start();
  fake.socketUrl = socket.url;
  fake.tokens.set(BOT_TOKEN, TEAM);
  for (const [id, email] of Object.entries(USERS)) fake.addUser(TEAM, id, email);
  slack = await startSlackSocket({
    config: config(fake.apiUrl),
    service: db.ctx,
    log: pino({ level: process.env.SLACK_TEST_LOG ?? 'silent' }),
    ackAfterMs: 300,
    socketPingTimeoutMs: 500,
  });
});
afterAll(async () => {
  await slack?.stop();
  await socket?.close();
  await fake?.close();
  await db?.close();
});

const slashPayload = (userId: string, text: string, responseUrl: string) => ({
  token: 'deprecated',
  team_id: TEAM,
  team_domain: 'acme',
  channel_id: 'C0GENERAL',
  user_id: userId,
  command: '/seats',
  text,
  api_app_id: 'A0SEATS',
  response_url: responseUrl,
  trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
});

/** `/seats <text>` over the socket; the ack's payload (what Slack shows at once) */
const slash = async (userId: string, text: string) => {
  const r = fake.responseUrl();
  const ack = await socket.ackOf(socket.send('slash_commands', slashPayload(userId, text, r.url)));
  const payload = (ack.payload ?? {}) as { text?: string; blocks?: unknown[]; response_type?: string };
  return {
    payload,
    text: payload.blocks ? blocksText(payload.blocks) : (payload.text ?? ''),
    responseId: r.id,
  };
};

describe('Slack over Socket Mode, on a loopback WebSocket', () => {
  it('opens the connection with the app-level token and the URL apps.connections.open gave', () => {
    const opens = fake.callsTo('apps.connections.open');
    expect(opens).toHaveLength(1);
    expect(opens[0]!.token).toBe(APP_TOKEN);
    expect(socket.connections).toEqual(['t1']);
    expect(socket.connected).toBe(true);
  });

  it('a slash command comes as an envelope; the reply goes back in its ack', async () => {
    const r = await slash('UBOB', 'status');
    expect(r.payload.response_type).toBe('ephemeral');
    expect(r.text).toMatch(/Acme: 3 of 7 seats assigned/);
    expect(r.text).toMatch(/Pro: 4 purchased, 2 assigned, 2 free/);
    // the bot's calls use the bot token, not the app-level one
    expect(fake.callsTo('users.info').find((c) => c.args.user === 'UBOB')?.token).toBe(BOT_TOKEN);
  });

  it('a slow command is acked with "Working on it…" at once and finished at the response_url', async () => {
    fake.delays.set('users.info', 1200);
    try {
      const started = Date.now();
      const r = await slash('UCAROL', 'status');
      expect(Date.now() - started).toBeLessThan(1200);
      expect(r.text).toBe('Working on it… I will post the result here.');
      const posted = await fake.waitFor(() => fake.responses.get(r.responseId)?.[0]);
      expect(blocksText(posted.blocks as unknown[])).toMatch(/You are a member of Acme on the Pro plan/);
    } finally {
      fake.delays.delete('users.info');
    }
  });

  it('reconnects with a new URL after the socket drops, and runs what Slack redelivers', async () => {
    socket.drop();
    await socket.waitFor(() => socket.connections.length === 2 && socket.connected);
    expect(socket.connections).toEqual(['t1', expect.stringMatching(/^t\d+$/)]);
    expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
    // the Home tab event that was in flight when the socket dropped comes again, marked as a retry
    const home = JSON.parse(
      eventBody(TEAM, { type: 'app_home_opened', user: 'UDAVE', channel: 'D0DAVE', tab: 'home' }),
    );
    const publishes = fake.callsTo('views.publish').length;
    const id = socket.send('events_api', home, { retry_attempt: 1, retry_reason: 'timeout' });
    expect((await socket.ackOf(id)).envelope_id).toBe(id);
    const published = await fake.waitFor(() => fake.callsTo('views.publish')[publishes]);
    expect(published.args.user_id).toBe('UDAVE');
    // and commands go on as before
    expect((await slash('UBOB', 'status')).text).toMatch(/Acme: 3 of 7 seats assigned/);
  });

  it('serves no /slack/events over HTTP when Socket Mode is on', async () => {
    const app: App = {
      config: config(fake.apiUrl),
      orm: db.orm,
      ctx: db.ctx,
      log: pino({ level: 'silent' }),
      teams: null,
      inFlight: new InFlight(),
      close: async () => {},
    };
    const server: Server = await listen(buildHttp(app), 0, '127.0.0.1');
    try {
      const port = (server.address() as AddressInfo).port;
      const r = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: 'x' });
      expect(r.status).toBe(404);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
