import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import {
  APP_ID,
  buttonOf,
  buttonsOf,
  startTeamsOnLoopback,
  TENANT,
  type TeamsHarness,
  type TeamsPerson,
} from './harness.ts';
import type { LoopbackMicrosoft } from './loopback-microsoft.ts';

/**
 * Teams end to end with Microsoft's side as a real HTTP server on loopback (no nock): signed
 * activities into our POST /api/messages, verified against the stand-in's OpenID metadata and
 * keys; the bot's own token from the stand-in's login endpoint (client credentials); people's
 * emails from the connector's roster (the activities carry none); replies, proactive notices and
 * card updates through the connector, which takes only the token it issued.
 */

let db: TestDb;
let h: TeamsHarness<LoopbackMicrosoft>;
let alice: TeamsPerson;
let bob: TeamsPerson;
let erin: TeamsPerson;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeamsOnLoopback(db);
  alice = h.person('alice@example.com');
  bob = h.person('bob@example.com');
  erin = h.person('erin@example.com');
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

/** a message delivered the normal way: the bot answers through the connector, not in the response */
const tell = async (p: TeamsPerson, text: string) => {
  const before = h.ms.postedTo(p.conversationId).length;
  const r = await h.say(p, text, { deliveryMode: 'normal' });
  expect(r.status).toBe(200);
  const replies = h.ms.postedTo(p.conversationId).slice(before);
  expect(replies.length, `a reply to "${text}"`).toBeGreaterThan(0);
  return cardText(replies.at(-1)!.activity.attachments[0].content);
};

describe('Teams against a loopback Microsoft', () => {
  it('help: answered through the connector with a bot token from the login endpoint', async () => {
    expect(await tell(erin, 'help')).toMatch(/status/);
    expect(h.ms.tokenRequests.length).toBeGreaterThan(0);
    expect(h.ms.tokenRequests[0]).toEqual({
      tenant: 'botframework.com',
      form: {
        grant_type: 'client_credentials',
        client_id: APP_ID,
        client_secret: 'test-password',
        scope: `${h.ms.issuer}/.default`,
      },
    });
    expect(h.ms.refused).toBe(0);
  });

  it('the typist’s email comes from the roster: the activity names only their ids', async () => {
    expect(h.ms.memberLookups).toContain(erin.id);
  });

  it('status: an admin known only by the roster sees the seats per plan', async () => {
    const text = await tell(bob, 'status');
    expect(text).toMatch(/Acme: 3 of 7 seats assigned/);
    expect(text).toMatch(/Pro: 4 purchased, 2 assigned, 2 free/);
    expect(h.ms.memberLookups).toContain(bob.id);
  });

  it('a request reaches the approvers as proactive cards; an approval updates the other copy', async () => {
    await tell(alice, 'help');
    expect(await tell(erin, 'add 2 pro')).toMatch(/went to 2 approvers/);
    await h.deliver();
    const bobs = h.lastPosted(bob);
    expect(cardText(bobs.activity.attachments[0].content)).toMatch(/erin@example\.com asks for 2 Pro seats/);
    const seats = await db.count('seat');
    const card = await h.press(bob, buttonOf(await h.refresh(bob, bobs), 'Approve'), bobs.id);
    expect(cardText(card)).toMatch(/Approved: 2 Pro seats added/);
    expect(buttonsOf(card)).toEqual([]);
    expect(await db.count('seat')).toBe(seats + 2);
    // Alice's copy is updated in place at the connector
    const alices = h.lastPosted(alice);
    expect(alices.updates).toBe(1);
    expect(cardText(alices.activity.attachments[0].content)).toMatch(/Decided by bob@example\.com/);
    // and Erin is told, proactively
    await h.deliver();
    expect(cardText(h.lastPosted(erin).activity.attachments[0].content)).toMatch(/2 Pro seats/);
    expect(h.ms.refused).toBe(0);
    // one token served every call: it is kept until shortly before it expires
    expect(h.ms.tokenRequests).toHaveLength(1);
  });

  it('a token signed by a key the metadata does not list is refused with 401', async () => {
    const r = await h.post(
      { type: 'message', text: 'status', channelId: 'msteams', serviceUrl: h.serviceUrl },
      h.ms.token({}, h.ms.strangerKey),
    );
    expect(r.status).toBe(401);
  });

  it('a connector call without the issued token is refused by the stand-in (it checks)', async () => {
    const r = await fetch(`${h.serviceUrl}v3/conversations/x/members/y`, {
      headers: { authorization: 'Bearer made-up' },
    });
    expect(r.status).toBe(401);
  });
});
