import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { BOT_TOKEN, type SlackHarness, slashBody, startSlack } from './harness.ts';

const TEAM = 'T0BODY';
let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

// the guard reads and parses the body once and hands Bolt the result: every shape Bolt parses
// must still reach it (or Slack's probes be answered) exactly as before
describe('POST /slack/events reads the body once', () => {
  it('a slash command (a form without payload) reaches its listener', async () => {
    const r = await slack.post(
      slashBody({
        teamId: TEAM,
        userId: 'UALICE',
        text: 'status',
        responseUrl: slack.fake.responseUrl().url,
      }),
    );
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).text).toContain('Acme: 3 of 7 seats assigned');
  });

  it('an interactive payload (form with `payload` JSON) reaches Bolt and is acked', async () => {
    const payload = {
      type: 'block_actions',
      team: { id: TEAM },
      user: { id: 'UALICE' },
      api_app_id: 'A0SEATS',
      trigger_id: 't',
      actions: [{ type: 'button', action_id: 'noop', block_id: 'b', value: '{}', action_ts: '1' }],
    };
    const r = await slack.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
    expect(r.status).toBe(200);
    // acked by the listener, not by Bolt's unhandled-request timeout (3 s, then a 404)
    expect(r.ms).toBeLessThan(2500);
  });

  it("Slack's ssl_check (signed) is answered with an empty 200, and unsigned it is refused", async () => {
    const body = new URLSearchParams({ ssl_check: '1', token: 't' }).toString();
    const signed = await slack.post(body);
    expect(signed.status).toBe(200);
    expect(signed.body).toBe('');
    const unsigned = await slack.post(body, { secret: 'not-the-signing-secret' });
    expect(unsigned.status).toBe(401);
  });

  it('a url_verification with a bad signature gets no challenge back', async () => {
    const r = await slack.post(JSON.stringify({ type: 'url_verification', challenge: 'c-9' }), {
      contentType: 'application/json',
      secret: 'wrong',
    });
    expect(r.status).toBe(401);
    expect(r.body).not.toContain('c-9');
  });
});
