import { afterAll, beforeAll } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

/**
 * The Acme demo in a Teams tenant, for one test file: a fresh database seeded on 2026-03-02
 * 08:00 UTC and linked to TENANT, our server behind the fake Microsoft endpoints, and these
 * people, who have each talked to the bot once (their personal chats are known); closed after
 * the file. Read `db`, `h` and `person()` from a hook or a test (they exist once it started).
 */
export const demoTenant = (emails: string[]) => {
  let db: TestDb;
  let h: TeamsHarness;
  const people = new Map<string, TeamsPerson>();
  beforeAll(async () => {
    db = await freshDb();
    db.clock.set('2026-03-02T08:00:00Z');
    await seedDemo(db.ctx);
    await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
    h = await startTeams(db);
    for (const email of emails) {
      const p = h.person(email);
      people.set(email, p);
      await h.say(p, 'help');
    }
  });
  afterAll(async () => {
    await h?.close();
    await db?.close();
  });
  return {
    get db() {
      return db;
    },
    get h() {
      return h;
    },
    person: (email: string) => people.get(email)!,
  };
};
