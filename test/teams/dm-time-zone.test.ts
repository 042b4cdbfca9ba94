import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { platformZoneOf } from '../support/fixtures.ts';
import { linkByName } from '../support/links.ts';
import { startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;
let frank: TeamsPerson;
let gina: TeamsPerson;

/** what a Teams client in Paris sends with every activity */
const PARIS = {
  locale: 'fr-FR',
  entities: [{ type: 'clientInfo', locale: 'fr-FR', timezone: 'Europe/Paris' }],
};
const NOWHERE = { entities: [{ type: 'clientInfo', timezone: 'Not/AZone' }] };

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  alice = h.person(DEMO.owner);
  frank = h.person(DEMO.outsider);
  gina = h.person('gina@example.com');
  db.clock.set('2026-03-10T09:00:00Z');
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

const zoneOf = (email: string) => platformZoneOf(db, email);

describe('Teams: direct messages show times in the zone the client reports', () => {
  it('an invitation card reads in Paris time for someone whose client is in Paris; an odd zone is not kept', async () => {
    await h.say(frank, 'help', PARIS);
    await h.say(gina, 'help', NOWHERE);
    expect(await zoneOf(DEMO.outsider)).toBe('Europe/Paris');
    expect(await zoneOf('gina@example.com')).toBeNull();
    await h.say(alice, `invite ${DEMO.outsider} gina@example.com`);
    await h.deliver();
    // 2026-03-17T09:00Z is 10:00 in Paris
    expect(cardText(h.lastPosted(frank).activity.attachments[0].content)).toMatch(
      /L’invitation est valable jusqu’au 17 mars( 2026)?, 10:00\./,
    );
    expect(cardText(h.lastPosted(gina).activity.attachments[0].content)).toMatch(
      /Mar 17(, 2026)?, 09:00 UTC/,
    );
  });
});
