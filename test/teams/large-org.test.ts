import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { cardProblems } from '../support/card-limits.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addBulkMembers, bulkEmail, orgIdByName } from '../support/large-org.ts';
import { linkByName } from '../support/links.ts';
import { startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: cards are read loosely
type Json = any;

const N = 1000;

let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await addBulkMembers(db, await orgIdByName(db, DEMO.organization), N);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  alice = h.person(DEMO.owner);
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

const open = async (p: TeamsPerson, command: string) => {
  const r = await h.say(p, command);
  const button = r.cards[0].actions.find((a: Json) => a.data?.msteams?.type === 'task/fetch');
  const f = await h.invoke(p, 'task/fetch', { data: button.data });
  expect(f.status).toBe(200);
  return f.body.task.value.card.content;
};

/** What Teams sends as someone types in a Data.Query choice set. */
const search = async (p: TeamsPerson, dataset: string, queryText: string, skip = 0, top = 25) => {
  const r = await h.invoke(p, 'application/search', {
    kind: 'search',
    queryText,
    queryOptions: { skip, top },
    dataset,
  });
  expect(r.status).toBe(200);
  expect(r.body.type).toBe('application/vnd.microsoft.search.searchResponse');
  return r.body.value.results as { title: string; value: string }[];
};

const picker = (dialog: Json) => dialog.body.find((e: Json) => e.id === 'members');

describe(`offboarding dialog in an organization of ${N + 5} members (Teams)`, () => {
  it('a search-backed choice set (Data.Query) with the named leavers pre-selected; the card passes the SDK', async () => {
    const dialog = await open(alice, `offboard carol@example.com ${bulkEmail(150)} ${bulkEmail(999)}`);
    expect(cardProblems(dialog)).toEqual([]);
    const p = picker(dialog);
    expect(p).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, style: 'filtered' });
    expect(p['choices.data']).toEqual({ type: 'Data.Query', dataset: 'people:offboard.leavers' });
    expect(p.value).toBe(['carol@example.com', bulkEmail(150), bulkEmail(999)].join(','));
    expect(p.choices.length).toBeLessThanOrEqual(25);
    for (const email of ['carol@example.com', bulkEmail(150), bulkEmail(999)])
      expect(p.choices.map((c: Json) => c.value)).toContain(email);
  });

  it(`every one of the ${N} members is found through application/search, a page at a time`, async () => {
    const dialog = await open(alice, 'offboard');
    expect(cardProblems(dialog)).toEqual([]);
    const dataset = picker(dialog)['choices.data'].dataset;
    expect((await search(alice, dataset, 'm0150')).map((r) => r.value)).toEqual([bulkEmail(150)]);
    const reached = new Set<string>();
    for (let skip = 0; ; skip += 100) {
      const page = await search(alice, dataset, 'bulk', skip, 100);
      for (const r of page) reached.add(r.value);
      if (page.length < 100) break;
    }
    expect(reached.size).toBe(N);
    for (let i = 1; i <= N; i++) expect(reached.has(bulkEmail(i))).toBe(true);
  });

  it('a member who may not offboard, or an unknown dataset, finds nobody', async () => {
    const carol = h.person(DEMO.members[0]!);
    expect(await search(carol, 'people:offboard.leavers', 'm0')).toEqual([]);
    expect(await search(alice, 'people:nothing', 'm0')).toEqual([]);
  });

  it('submitting member 150 and 151 offboards exactly them', async () => {
    const dialog = await open(alice, 'offboard');
    const r = await h.invoke(alice, 'task/submit', {
      data: { ...dialog.actions[0].data, members: `${bulkEmail(150)},${bulkEmail(151)}`, freeSeat: 'true' },
    });
    expect(r.status).toBe(200);
    const rows = await db.em
      .fork()
      .execute<{ email: string }[]>(
        `select a.email from membership m join account a on a.id = m.account_id where m.status = 'detached' order by a.email`,
      );
    expect(rows.map((x) => x.email)).toEqual([bulkEmail(150), bulkEmail(151)]);
  });
});

describe('one offboarding submission of every other member (Teams)', () => {
  it('offboards the remaining 998 at once; the result card posted to the chat is within limits', async () => {
    const dialog = await open(alice, 'offboard');
    const rest = Array.from({ length: N }, (_, i) => bulkEmail(i + 1)).filter(
      (e) => e !== bulkEmail(150) && e !== bulkEmail(151),
    );
    const posted = h.ms.postedTo(alice.conversationId).length;
    const r = await h.invoke(alice, 'task/submit', {
      data: { ...dialog.actions[0].data, members: rest.join(','), freeSeat: 'true' },
    });
    expect(r.status).toBe(200);
    const card = await (async () => {
      for (let i = 0; i < 100; i++) {
        const got = h.ms.postedTo(alice.conversationId).slice(posted);
        const c = got
          .map((p) => p.activity.attachments?.[0]?.content)
          .find((x: Json) => x && /Offboarded/.test(JSON.stringify(x)));
        if (c) return c;
        await new Promise((res) => setTimeout(res, 100));
      }
      throw new Error('no result card');
    })();
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card)).toMatch(/Offboarded 998 people/);
    expect(JSON.stringify(card)).toMatch(/998 people can no longer sign in: m0001@bulk\.example\.com/);
    const [row] = await db.em
      .fork()
      .execute<{ n: string }[]>(`select count(*) as n from membership where status = 'detached'`);
    expect(Number(row!.n)).toBe(N);
  });
});
