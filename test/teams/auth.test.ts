import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { buildHttp, listen } from '../../src/server.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { APP_ID, startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

let db: TestDb;
let h: TeamsHarness;
let bob: TeamsPerson;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  bob = h.person('bob@example.com');
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

const invite = (token: string | null) =>
  h.post(
    {
      type: 'message',
      id: 'x1',
      channelId: 'msteams',
      serviceUrl: 'https://smba.teams.test/emea/',
      from: { id: bob.id, aadObjectId: bob.aadObjectId },
      recipient: { id: `28:${APP_ID}` },
      conversation: { id: bob.conversationId, conversationType: 'personal', tenantId: bob.tenantId },
      text: 'invite frank@example.com',
      deliveryMode: 'expectReplies',
    },
    token,
  );

describe('POST /api/messages authentication', () => {
  it('a valid token reaches the bot (and the same request is what the refusals change)', async () => {
    const r = await h.say(bob, 'status');
    expect(r.status).toBe(200);
    expect(r.cards[0].body[0].text).toMatch(/Acme/);
  });

  it.each([
    ['no token', () => null],
    [
      'an expired token',
      () =>
        h.ms.token({ exp: Math.floor(Date.now() / 1000) - 3600, nbf: Math.floor(Date.now() / 1000) - 7200 }),
    ],
    ['a token for another app id', () => h.ms.token({ aud: 'another-app-id' })],
    ['a token from another issuer', () => h.ms.token({ iss: 'https://evil.example.com' })],
    ['a token signed by another key under the published key id', () => h.ms.token({}, h.ms.strangerKey)],
    [
      'a token signed by an unknown key id (botbuilder says 500)',
      () => h.ms.token({}, h.ms.strangerKey, 'unknown-kid'),
    ],
    ['a token whose signature was tampered with', () => `${h.ms.token().slice(0, -6)}AAAAAA`],
  ])('%s → 401 and nothing changes', async (_name, token) => {
    const before = await db.counts();
    const r = await invite(token());
    expect(r.status).toBe(401);
    expect(JSON.stringify(r.body)).not.toMatch(/Signing Key|stack/i);
    expect(await db.counts()).toEqual(before);
  });
});

describe('without TEAMS_APP_ID', () => {
  it('there is no /api/messages (404) and no Teams bot', async () => {
    const app = await buildApp(loadConfig({ DATABASE_URL: db.url ?? undefined, LOG_LEVEL: 'silent' }), {
      orm: db.orm,
      clock: db.clock,
    });
    expect(app.teams).toBeNull();
    const server = await listen(buildHttp(app), 0, '127.0.0.1');
    try {
      const port = (server.address() as AddressInfo).port;
      const r = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${h.ms.token()}` },
        body: JSON.stringify({ type: 'message', text: 'status' }),
      });
      expect(r.status).toBe(404);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('configuration', () => {
  it('TEAMS_APP_ID without TEAMS_APP_PASSWORD stops the start with one line naming it', () => {
    expect(() => loadConfig({ TEAMS_APP_ID: APP_ID })).toThrow(
      /^TEAMS_APP_PASSWORD is required with TEAMS_APP_ID/,
    );
  });
});
