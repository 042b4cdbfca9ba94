import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { cardProblems } from '../support/card-limits.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addBulkAudit, addBulkMembers, bulkEmail, orgIdByName } from '../support/large-org.ts';
import { linkByName } from '../support/links.ts';
import { actionsOf, buttonOf, startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: cards are read loosely
type Json = any;

const N = 1000;

let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  const orgId = await orgIdByName(db, DEMO.organization);
  await addBulkMembers(db, orgId, N);
  await addBulkAudit(db, orgId, 600);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  alice = h.person(DEMO.owner);
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

const say = async (p: TeamsPerson, text: string) => {
  const r = await h.say(p, text);
  expect(r.status).toBe(200);
  expect(r.cards).toHaveLength(1);
  return r.cards[0] as Json;
};

const hasNext = (card: Json) => actionsOf(card).some((a: Json) => String(a.title).endsWith('▶'));

describe(`lists of an organization of ${N + 5} members, in Teams`, () => {
  it('members: every page passes the Adaptive Cards SDK, stays under 28 KB; every member on some page', async () => {
    const seen = new Set<string>();
    let pages = 0;
    for (let page = 1; page < 100; page++) {
      const card = await say(alice, `members --page ${page}`);
      expect(cardProblems(card), `page ${page}`).toEqual([]);
      for (const e of cardText(card).match(/m\d{4}@bulk\.example\.com/g) ?? []) seen.add(e);
      pages = page;
      if (!hasNext(card)) break;
    }
    expect(pages).toBe(41);
    for (let i = 1; i <= N; i++) expect(seen.has(bulkEmail(i))).toBe(true);
  });

  it('the Next button (Action.Execute) answers the next page as the card', async () => {
    const card = await say(alice, 'members');
    const next = await h.press(alice, buttonOf(card, 'Page 2 of 41 ▶'));
    expect(cardProblems(next)).toEqual([]);
    expect(cardText(next)).toMatch(/Members 26–50 of 1,005/);
  });

  it('audit 200 and audit 500: each page under 28 KB and valid; all 500 lines reachable', async () => {
    const first = await say(alice, 'audit 200');
    expect(cardProblems(first)).toEqual([]);
    expect(cardText(first)).toMatch(/The last 200 changes, page 1 of 10/);
    let lines = 0;
    for (let page = 1; page <= 25; page++) {
      const card = await say(alice, `audit 500 --page ${page}`);
      expect(cardProblems(card), `page ${page}`).toEqual([]);
      lines += (cardText(card).match(/^- [A-Z][a-z]{2} \d{1,2}(, \d{4})?, \d\d:\d\d( UTC)? — /gm) ?? [])
        .length;
      expect(hasNext(card)).toBe(page < 25);
    }
    expect(lines).toBe(500);
  });

  it('requests with 14 pending: no action set over 5; every Approve reachable over the pages', async () => {
    const erin = h.person(DEMO.members[2]!);
    for (let i = 0; i < 12; i++) await say(erin, 'add 1 pro');
    let approves = 0;
    for (let page = 1; page <= 3; page++) {
      const card = await say(alice, `requests --page ${page}`);
      expect(cardProblems(card), `page ${page}`).toEqual([]);
      approves += actionsOf(card).filter((a: Json) => String(a.title).startsWith('Approve')).length;
    }
    const [pending] = await db.em
      .fork()
      .execute<{ n: string }[]>(
        `select count(*) as n from purchase_request where status = 'pending' and needs = 'approval'`,
      );
    expect(Number(pending!.n)).toBeGreaterThanOrEqual(12);
    expect(approves).toBe(Number(pending!.n));
  });
});
