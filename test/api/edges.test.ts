import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../adapters/slack/verify-request.ts';
import { type App, buildApp } from '../../src/app.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { loadConfig } from '../../src/config.ts';
import { buildHttp, listen } from '../../src/server.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import { account } from '../support/fixtures.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { OPENID_URL } from '../teams/fake-microsoft.ts';
import { TOKEN } from './support.ts';

/**
 * Every door of the real app (REST API, Slack, Teams, health) fed what breaks parsers: bad
 * JSON, oversized and wrongly encoded bodies, broken percent-encoding, invalid UTF-8, NUL bytes,
 * and a database that goes away. Each answer must be a short coded JSON error, never a page
 * with a stack trace, and change nothing.
 */
const SECRET = 'edges-signing-secret-0123456789abcdef';
const env = (databaseUrl: string | null) => ({
  API_TOKEN: TOKEN,
  ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  LOG_LEVEL: 'info',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_BOT_TOKEN: 'xoxb-edges',
  SLACK_API_URL: 'http://127.0.0.1:9/api/',
  TEAMS_APP_ID: '00000000-0000-0000-0000-00000000edge',
  TEAMS_APP_PASSWORD: 'edges-password',
  BOTFRAMEWORK_OPENID_METADATA: OPENID_URL,
  STRIPE_SECRET_KEY: 'sk_test_edges',
  STRIPE_WEBHOOK_SECRET: 'whsec_edges',
  STRIPE_API_BASE: 'http://127.0.0.1:9',
});

const serve = async (app: App) => {
  const server = await listen(buildHttp(app), 0, '127.0.0.1');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};
const shut = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

let db: TestDb;
let app: App;
let server: Server;
let base: string;
const logs: string[] = [];

beforeAll(async () => {
  db = await freshDb();
  app = await buildApp(loadConfig(env(db.url)), {
    orm: db.orm,
    clock: db.clock,
    logStream: { write: (line: string) => void logs.push(line) },
  });
  ({ server, base } = await serve(app));
});
afterAll(async () => {
  if (server) await shut(server);
  await db?.close();
});

/** A coded JSON error: `{ error: { code, message, next } }`, one line each, no stack, no HTML. */
const expectCoded = async (res: Response, status: number, code: string) => {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  const body = JSON.parse(text);
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(/^[^\n]{5,200}$/);
  expect(body.error.next).toMatch(/^[^\n]{5,200}$/);
  expect(text).not.toMatch(/<html|<pre>|\bat [\w.<>]+ \(|node_modules|\.ts:\d+/i);
  return body.error as { code: string; message: string; next: string };
};

const auth = { authorization: `Bearer ${TOKEN}` };
const signed = (body: string | Buffer, headers: Record<string, string> = {}) => {
  const ts = Math.floor(Date.now() / 1000);
  return {
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': signSlackRequest(SECRET, body.toString(), ts),
    ...headers,
  };
};

describe('bodies no parser can read', () => {
  it('malformed JSON to /api/messages is a 400 invalid_input', async () => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x.y.z' },
      body: '{"type": "message", ',
    });
    const e = await expectCoded(res, 400, 'invalid_input');
    expect(e.message).toBe('Invalid input: the body is not valid JSON.');
  });

  it('/api/messages answers a body that is no activity, or a bad token, with coded errors', async () => {
    for (const body of ['[]', '"hello"', '{"type": 5}', '{"text": "no type"}']) {
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer x.y.z' },
        body,
      });
      await expectCoded(res, 400, 'invalid_input');
    }
    const forged = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer x.y.z' },
      body: JSON.stringify({
        type: 'message',
        text: 'hi',
        serviceUrl: 'https://smba.teams.test/',
        channelId: 'msteams',
      }),
    });
    await expectCoded(forged, 401, 'unauthorized');
  });

  it('a 2 MB body to /slack/events is a 413', async () => {
    const body = `text=${'a'.repeat(2 * 1024 * 1024)}`;
    const res = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed(body) },
      body,
    });
    const e = await expectCoded(res, 413, 'invalid_input');
    expect(e.message).toBe('Invalid input: the body is larger than 1 MB.');
  });

  it('a body to /slack/events in a broken or unknown content encoding is a 4xx', async () => {
    const garbage = Buffer.from('this is not gzip at all');
    const gz = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'gzip' },
      body: garbage,
    });
    await expectCoded(gz, 400, 'invalid_input');
    const unknown = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-encoding': 'compress' },
      body: garbage,
    });
    await expectCoded(unknown, 415, 'invalid_input');
  });

  it('a correctly signed /slack/events body that is not UTF-8 or not a Slack payload is a 400', async () => {
    const latin1 = Buffer.from([0x74, 0x65, 0x78, 0x74, 0x3d, 0xe9, 0xe8]); // "text=" + Latin-1 é è
    const bad = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...signed(latin1) },
      body: latin1,
    });
    expect((await expectCoded(bad, 400, 'invalid_input')).message).toContain('UTF-8');
    const notJson = '{"type": "event_callback", ';
    const res = await fetch(`${base}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed(notJson) },
      body: notJson,
    });
    await expectCoded(res, 400, 'invalid_input');
  });

  it('/stripe/webhook answers an oversized body and a bad signature with coded errors', async () => {
    const big = await fetch(`${base}/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"x":"${'a'.repeat(2 * 1024 * 1024)}"}`,
    });
    await expectCoded(big, 413, 'invalid_input');
    const forged = await fetch(`${base}/stripe/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': 't=1,v1=00' },
      body: '{"id":"evt_1"}',
    });
    await expectCoded(forged, 400, 'invalid_signature');
  });

  it('a REST body that is not UTF-8 is refused and creates nothing', async () => {
    const before = await db.count('account');
    const body = Buffer.concat([Buffer.from('{"name": "Jos'), Buffer.from([0xe9]), Buffer.from('"}')]);
    const res = await fetch(`${base}/api/v1/accounts/latin1%40example.com`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body,
    });
    const e = await expectCoded(res, 400, 'invalid_input');
    expect(e.message).toBe('Invalid input: the body is not valid UTF-8.');
    expect(await db.count('account')).toBe(before);
  });
});

describe('paths and text PostgreSQL cannot take', () => {
  it('broken percent-encoding in an API path is a 400, not a 500', async () => {
    for (const path of ['/api/v1/accounts/%E0%A4%A', '/api/v1/accounts/%C3%28%40example.com']) {
      const res = await fetch(`${base}${path}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: '{}',
      });
      const e = await expectCoded(res, 400, 'invalid_input');
      expect(e.message).toBe('Invalid input: the path is not valid percent-encoded UTF-8.');
    }
  });

  it('a NUL byte in a name is refused in one line naming the field, and nothing is written', async () => {
    const before = await db.count('account');
    const res = await fetch(`${base}/api/v1/accounts/nul%40example.com`, {
      method: 'PUT',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Ana\u0000Smith', personalPlan: 'free' }),
    });
    const e = await expectCoded(res, 400, 'invalid_input');
    expect(e.message).toBe(
      'Invalid input: body field name "Ana\\u0000Smith" contains a control character (such as NUL) or broken text; remove it.',
    );
    expect(await db.count('account')).toBe(before);
    // a lone surrogate (broken UTF-16) and U+FFFD (what undecodable bytes become) are refused too
    for (const name of ['Ana\ud800', 'Jos\ufffd']) {
      const r = await fetch(`${base}/api/v1/accounts/nul%40example.com`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      await expectCoded(r, 400, 'invalid_input');
    }
    expect(await db.count('account')).toBe(before);
  });

  it('a NUL byte or invalid UTF-8 in a query parameter is a 400', async () => {
    for (const q of [
      'email=a%40example.com&feature=sur%00veys',
      'email=a%40example.com&feature=sur%C3%28veys',
    ]) {
      const res = await fetch(`${base}/api/v1/entitlements?${q}`, { headers: auth });
      const e = await expectCoded(res, 400, 'invalid_input');
      expect(e.message).toContain('query field feature');
    }
  });

  it('a NUL byte in a name typed in chat is refused with one line, and nothing is created', async () => {
    const owner = await account(db, { personalPlan: 'business', paymentMethod: 'pm_card_visa' });
    const before = await db.count('organization');
    const reply = await runCommand({ service: db.ctx, actor: owner.actor }, 'org create "Acme\u0000 Corp"');
    expect(reply.tone).toBe('error');
    expect(reply.text).toBe(
      'That text contains a control character (such as NUL) or broken text, which cannot be stored. Type it again without it.',
    );
    expect(await db.count('organization')).toBe(before);
  });

  it('an unknown route is a coded 404', async () => {
    await expectCoded(await fetch(`${base}/nowhere`), 404, 'not_found');
    await expectCoded(await fetch(`${base}/nowhere`, { method: 'POST', body: 'x' }), 404, 'not_found');
  });
});

describe.skipIf(usingPglite)('a database outage', () => {
  it('/readyz says only that the database is down, /metrics answers a coded 503, and both recover', async () => {
    const target = new URL(db.url!);
    const proxy = await new TcpProxy({ host: target.hostname, port: Number(target.port || 5432) }).start();
    const outageLogs: string[] = [];
    const through = await buildApp(loadConfig(env(proxy.url(db.url!))), {
      clock: db.clock,
      logStream: { write: (line: string) => void outageLogs.push(line) },
    });
    const door = await serve(through);
    try {
      expect((await fetch(`${door.base}/readyz`)).status).toBe(200);
      await proxy.cut();
      const ready = await fetch(`${door.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ ok: false, database: 'down' });
      const metrics = await fetch(`${door.base}/metrics`);
      const e = await expectCoded(metrics, 503, 'unavailable');
      expect(e.message).toBe('The database is not answering.');
      const api = await fetch(`${door.base}/api/v1/organizations?member=a%40example.com`, { headers: auth });
      await expectCoded(api, 503, 'unavailable');
      // the cause is in the log for the operator
      expect(outageLogs.join('\n')).toContain('database unavailable');
      await proxy.restore();
      expect((await fetch(`${door.base}/readyz`)).status).toBe(200);
    } finally {
      await shut(door.server);
      await through.close();
      await proxy.cut();
    }
  }, 60_000);
});

describe('logs', () => {
  it('redact payment method references, tokens and message texts, and carry no SQL parameters', async () => {
    logs.length = 0;
    const err = await db.em
      .fork()
      .execute('select ?::int as n', ['pm_sql_param_secret'])
      .catch((e: unknown) => e);
    app.log.error(
      {
        err,
        paymentMethod: 'pm_top_secret',
        account: { paymentMethod: 'pm_nested_secret', email: 'ana@example.com' },
        token: 'xoxb-top-secret',
        installation: { bot: { token: 'xoxb-nested-secret' } },
        headers: { authorization: 'Bearer header-secret' },
        text: 'a private message text',
        reply: { text: 'a private reply text' },
      },
      'something failed',
    );
    const line = logs.join('\n');
    expect(line).toContain('something failed');
    expect(line).toContain('ana@example.com');
    expect(line).toContain('22P02');
    for (const secret of [
      'pm_sql_param_secret',
      'pm_top_secret',
      'pm_nested_secret',
      'xoxb-top-secret',
      'xoxb-nested-secret',
      'header-secret',
      'private message',
      'private reply',
      'select',
    ]) {
      expect(line, secret).not.toContain(secret);
    }
  });
});
