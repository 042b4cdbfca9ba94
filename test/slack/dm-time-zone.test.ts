import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { platformZoneOf } from '../support/fixtures.ts';
import { linkByName } from '../support/links.ts';
import { BOT_TOKEN, blocksText, type SlackHarness, slashBody, startSlack } from './harness.ts';

const TEAM = 'T0ZONE';
const GINA = 'gina@example.com';
const IVY = 'ivy@example.com';

let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner, { tz: 'Europe/Paris' });
  slack.fake.addUser(TEAM, 'UFRANK', DEMO.outsider, { locale: 'fr-FR', tz: 'Europe/Paris' });
  slack.fake.addUser(TEAM, 'UGINA', GINA, {});
  // never seen by Seatkeeper before its first direct message
  slack.fake.addUser(TEAM, 'UIVY', IVY, { locale: 'nl-NL', tz: 'Europe/Amsterdam' });
  // a week before Paris moves its clocks: Paris is UTC+1
  db.clock.set('2026-03-10T09:00:00Z');
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = async (userId: string, text: string) => {
  const r = await slack.post(
    slashBody({ teamId: TEAM, userId, text, responseUrl: slack.fake.responseUrl().url }),
  );
  expect(r.status).toBe(200);
};
const deliver = async () => {
  while ((await deliverOutbox(db.ctx, slack.notifier, { batch: 1 })).claimed > 0);
};
const dmTo = (channel: string) => {
  const m = slack.fake.messages.find((x) => x.channel === channel);
  expect(m, `a DM in ${channel}`).toBeDefined();
  return blocksText(m!.versions.at(-1)!.blocks);
};
const zoneOf = (email: string) => platformZoneOf(db, email);

describe('direct messages show times in the zone Slack reports for the recipient', () => {
  it('an invitation valid for 7 days reads in Paris time for a Parisian, in UTC for someone with no zone', async () => {
    // first contact: users.info tells the language and the zone, kept with the account
    await slash('UFRANK', 'help');
    await slash('UGINA', 'help');
    expect(await zoneOf(DEMO.outsider)).toBe('Europe/Paris');
    expect(await zoneOf(GINA)).toBeNull();
    await slash('UALICE', `invite ${DEMO.outsider} ${GINA}`);
    await deliver();
    // 2026-03-17T09:00Z is 10:00 in Paris (the year shows unless it is the reader's this year)
    expect(dmTo('DUFRANK')).toMatch(/L’invitation est valable jusqu’au 17 mars( 2026)?, 10:00\./);
    expect(dmTo('DUFRANK')).not.toContain('UTC');
    expect(dmTo('DUGINA')).toMatch(/Mar 17(, 2026)?, 09:00 UTC/);
  });

  it('someone never seen gets their first DM in the language and zone Slack reports for them', async () => {
    await slash('UALICE', `invite ${IVY}`);
    await deliver();
    const dm = dmTo('DUIVY');
    expect(dm).toMatch(
      / nodigt je uit voor Acme als lid\. De uitnodiging is geldig tot 17 mrt\.?( 2026)?, 10:00\./,
    );
    expect(dm).not.toContain('invites you');
    expect(await zoneOf(IVY)).toBe('Europe/Amsterdam');
  });

  it('a zone Slack reports later (a reply that shows a time asked) replaces the kept one', async () => {
    await slash('UALICE', 'audit');
    expect(await zoneOf(DEMO.owner)).toBe('Europe/Paris');
    slack.fake.addUser(TEAM, 'UALICE', DEMO.owner, { tz: 'Asia/Tokyo' });
    await slash('UALICE', 'audit');
    expect(await zoneOf(DEMO.owner)).toBe('Asia/Tokyo');
  });
});
