import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { BOT_TOKEN, blocksText, type SlackHarness, slashBody, startSlack } from './harness.ts';

const TEAM = 'T0ZONES';

let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  // the demo's changes all happen at this instant
  db.clock.set('2026-03-01T00:00:00Z');
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  // India is UTC+5:30 all year: a zone whose offset is not whole hours
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner, { tz: 'Asia/Kolkata' });
  slack.fake.addUser(TEAM, 'UBOB', DEMO.admin);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = async (userId: string, text: string) => {
  const r = slack.fake.responseUrl();
  const res = await slack.post(slashBody({ teamId: TEAM, userId, text, responseUrl: r.url }));
  expect(res.status).toBe(200);
  const ack = JSON.parse(res.body) as { blocks?: unknown[]; text?: string };
  return ack.blocks ? blocksText(ack.blocks) : (ack.text ?? '');
};
const infoCalls = (userId: string) =>
  slack.fake.callsTo('users.info').filter((c) => c.args.user === userId).length;

describe('audit in Slack, in the reader’s time zone (users.info tz)', () => {
  it('shows each change at the time of the reader’s zone, as a sentence with names', async () => {
    const text = await slash('UALICE', 'audit');
    expect(text).toContain('Mar 1, 05:30 — Alice gave Dave a Pro seat.');
    expect(text).toContain('Mar 1, 05:30 — Alice created the organization Acme, billed monthly.');
    expect(text).not.toMatch(/UTC|=|seatId|dave@example\.com/);
    // a first contact: the identity check and the time zone share one users.info
    expect(infoCalls('UALICE')).toBe(1);
  });

  it('asks Slack only for replies that show a time: status asks nothing, audit asks once', async () => {
    await slash('UALICE', 'status');
    await slash('UALICE', 'members');
    expect(infoCalls('UALICE')).toBe(1);
    await slash('UALICE', 'audit 5');
    expect(infoCalls('UALICE')).toBe(2);
  });

  it('a user Slack gives no zone reads UTC, and the time says so', async () => {
    const text = await slash('UBOB', 'audit');
    expect(text).toContain('Mar 1, 00:00 UTC — Alice gave Dave a Pro seat.');
  });

  it('a failing users.info costs only the local time: UTC, and the time says so', async () => {
    // Alice's identity is verified already; Slack now answers user_not_found for her
    slack.fake.users.delete(`${TEAM}:UALICE`);
    const text = await slash('UALICE', 'audit');
    expect(text).toContain('Mar 1, 00:00 UTC — Alice gave Dave a Pro seat.');
  });
});
