import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSlackRequest, verifySlackRequest } from '../../adapters/slack/verify-request.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { BOT_TOKEN, SIGNING_SECRET, type SlackHarness, slashBody, startSlack } from './harness.ts';

const TEAM = 'T0ACME';
let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  slack.fake.addUser(TEAM, 'UBOB', DEMO.admin);
  slack.fake.addUser(TEAM, 'UFRANK', DEMO.outsider);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const invite = () =>
  slashBody({
    teamId: TEAM,
    userId: 'UBOB',
    text: `invite ${DEMO.outsider}`,
    responseUrl: slack.fake.responseUrl().url,
  });
const now = () => Math.floor(Date.now() / 1000);

describe('inbound Slack requests are authenticated', () => {
  it('a wrong signature is refused with 401 and changes nothing', async () => {
    const before = await db.counts();
    const r = await slack.post(invite(), { secret: 'not-the-signing-secret' });
    expect(r.status).toBe(401);
    expect(await db.counts()).toEqual(before);
    expect(slack.fake.calls).toHaveLength(0);
  });

  it('a body changed after signing is refused', async () => {
    const body = invite();
    const ts = now();
    const res = await fetch(`${slack.url}/slack/events`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(ts),
        'x-slack-signature': signSlackRequest(SIGNING_SECRET, body, ts),
      },
      body: body.replace('invite', 'offboard'),
    });
    expect(res.status).toBe(401);
  });

  it('missing signature headers are refused', async () => {
    const res = await fetch(`${slack.url}/slack/events`, { method: 'POST', body: invite() });
    expect(res.status).toBe(401);
  });

  for (const [label, skew] of [
    ['more than 5 minutes old', -301],
    ['more than 5 minutes in the future', 301],
  ] as const) {
    it(`a correctly signed request ${label} is refused with 401 and changes nothing`, async () => {
      const before = await db.counts();
      const r = await slack.post(invite(), { timestamp: now() + skew });
      expect(r.status).toBe(401);
      expect(await db.counts()).toEqual(before);
    });
  }

  it('the 5-minute window holds both ways and its edges are inside', () => {
    const base = { signingSecret: 's', rawBody: 'b', nowSeconds: 1_000_000 };
    const sig = (ts: number) => ({
      ...base,
      timestamp: String(ts),
      signature: undefined as string | undefined,
    });
    const signed = async (ts: number) => {
      return verifySlackRequest({ ...sig(ts), signature: signSlackRequest('s', 'b', ts) });
    };
    return Promise.all([
      signed(1_000_000 - 300).then((v) => expect(v.ok).toBe(true)),
      signed(1_000_000 + 300).then((v) => expect(v.ok).toBe(true)),
      signed(1_000_000 + 301).then((v) =>
        expect(v).toEqual({ ok: false, reason: 'timestamp outside the 5-minute window' }),
      ),
      signed(1_000_000 - 301).then((v) => expect(v.ok).toBe(false)),
    ]);
  });

  it("Slack's URL verification (signed) gets its challenge back", async () => {
    const r = await slack.post(JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' }), {
      contentType: 'application/json',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ challenge: 'c-123' });
  });

  it('a retried delivery (X-Slack-Retry-Num) is acknowledged and not acted on twice', async () => {
    const body = invite();
    const first = await slack.post(body);
    expect(first.status).toBe(200);
    expect(JSON.parse(first.body).text).toContain(DEMO.outsider);
    const afterFirst = await db.counts();
    const retry = await slack.post(body, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    expect(retry.body).toBe('');
    expect(await db.counts()).toEqual(afterFirst);
  });

  it('a NUL byte typed in a name (Slack sends %00) is refused in the ack and nothing is created', async () => {
    const before = await db.counts();
    const r = await slack.post(
      slashBody({
        teamId: TEAM,
        userId: 'UBOB',
        text: 'org create "Acme\u0000 Two"',
        responseUrl: slack.fake.responseUrl().url,
      }),
    );
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).text).toContain(
      'That text contains a control character (such as NUL) or broken text, which cannot be stored.',
    );
    expect(await db.counts()).toEqual(before);
  });
});
