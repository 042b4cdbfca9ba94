import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addBulkAudit, orgIdByName } from '../support/large-org.ts';
import { linkByName } from '../support/links.ts';
import {
  buttonOf,
  executeValue,
  invokeCard,
  startTeams,
  TENANT,
  type TeamsHarness,
  type TeamsPerson,
} from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: cards are read loosely
type Json = any;

let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;

beforeAll(async () => {
  db = await freshDb();
  // the demo's changes all happen at this instant
  db.clock.set('2026-03-01T00:00:00Z');
  await seedDemo(db.ctx);
  // 30 more (a minute apart, before the demo's), so the list has a second page
  await addBulkAudit(db, await orgIdByName(db, DEMO.organization), 30);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  alice = h.person(DEMO.owner);
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

const audit = async (text: string, extra: Record<string, unknown> = {}) => {
  const r = await h.say(alice, text, extra);
  expect(r.status).toBe(200);
  expect(r.cards).toHaveLength(1);
  return r.cards[0] as Json;
};

describe('audit in Teams, in the reader’s time zone (the activity’s localTimezone)', () => {
  it('shows each change at the time of the activity’s localTimezone', async () => {
    // New York is UTC-5 in March (before the switch to summer time): still Feb 28 there
    const card = await audit('audit', { localTimezone: 'America/New_York' });
    expect(cardText(card)).toContain('Feb 28, 19:00 — Alice gave Dave a Pro seat.');
    expect(cardText(card)).not.toMatch(/UTC|=|seatId/);
  });

  it('reads the clientInfo entity’s timezone when the activity has no localTimezone', async () => {
    const card = await audit('audit', {
      entities: [
        { type: 'clientInfo', locale: 'en-US', country: 'JP', platform: 'Web', timezone: 'Asia/Tokyo' },
      ],
    });
    expect(cardText(card)).toContain('Mar 1, 09:00 — Alice gave Dave a Pro seat.');
  });

  it('without a zone, or with one Intl does not know, shows UTC and says so', async () => {
    expect(cardText(await audit('audit'))).toContain('Mar 1, 00:00 UTC — Alice gave Dave a Pro seat.');
    expect(cardText(await audit('audit', { localTimezone: 'Nowhere/Land' }))).toContain(
      'Mar 1, 00:00 UTC — Alice gave Dave a Pro seat.',
    );
  });

  it('the Next button answers the next page in the zone of the click', async () => {
    const first = await audit('audit 50', { localTimezone: 'Europe/Berlin' });
    const r = await h.invoke(alice, 'adaptiveCard/action', executeValue(buttonOf(first, 'Page 2 of 3 ▶')), {
      localTimezone: 'Europe/Berlin',
    });
    expect(r.status).toBe(200);
    const text = cardText(invokeCard(r.body));
    expect(text).toMatch(/Audit 21–40 of 50/);
    // the bulk changes (no accounts: named by email), a minute apart before midnight UTC: 00:xx in Berlin (UTC+1)
    expect(text).toMatch(/^- Mar 1, 00:\d\d — Seatkeeper gave m\d{4}@bulk\.example\.com a Pro seat\.$/m);
    expect(text).not.toMatch(/UTC/);
  });
});
