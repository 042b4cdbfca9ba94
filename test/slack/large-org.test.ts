import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { blockKitProblems, optionsProblems } from '../support/block-kit-limits.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addBulkMembers, bulkEmail, orgIdByName } from '../support/large-org.ts';
import { linkByName } from '../support/links.ts';
import {
  BOT_TOKEN,
  blockSuggestionBody,
  blocksText,
  type SlackHarness,
  slashBody,
  startSlack,
  viewSubmissionBody,
} from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: payloads are read loosely
type Json = any;

const TEAM = 'T0BIG';
const N = 1000;

let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await addBulkMembers(db, await orgIdByName(db, DEMO.organization), N);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner);
  slack.fake.addUser(TEAM, 'UCAROL', DEMO.members[0]!);
  slack.fake.addUser(TEAM, 'UM0150', bulkEmail(150));
  slack.fake.addUser(TEAM, 'UM0999', bulkEmail(999));
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = async (userId: string, text: string) => {
  const r = slack.fake.responseUrl();
  const before = slack.fake.callsTo('views.open').length;
  const res = await slack.post(slashBody({ teamId: TEAM, userId, text, responseUrl: r.url }));
  const opened = slack.fake.callsTo('views.open');
  return {
    res,
    view: (opened.length > before ? opened.at(-1)!.args.view : null) as Json,
    responseId: r.id,
  };
};

const suggest = async (view: Json, value: string, userId = 'UALICE', teamId = TEAM, blockId = 'members') => {
  const r = await slack.post(blockSuggestionBody({ teamId, userId, view, blockId, value }));
  expect(r.status).toBe(200);
  return (JSON.parse(r.body) as { options: { text: { text: string }; value: string }[] }).options;
};

const summaryOf = (view: Json) => view.blocks.find((b: Json) => b.block_id === 'summary').text.text;

describe(`offboarding in an organization of ${N + 5} members (Slack)`, () => {
  it('the picker is a multi_external_select with every named leaver pre-filled, past the 100th; the summary lists them', async () => {
    const { view } = await slash('UALICE', `offboard <@UCAROL> <@UM0150> <@UM0999>`);
    expect(blockKitProblems(view.blocks, 'modal', view)).toEqual([]);
    const picker = view.blocks.find((b: Json) => b.block_id === 'members').element;
    expect(picker.type).toBe('multi_external_select');
    expect(picker.options).toBeUndefined();
    const named = [DEMO.members[0], bulkEmail(150), bulkEmail(999)];
    expect(picker.initial_options.map((o: Json) => o.value)).toEqual(named);
    expect(summaryOf(view)).toContain(`Leavers: *${named.join(', ')}*`);
  });

  it('the options endpoint answers block_suggestion through the signature guard: a search finds member 150', async () => {
    const { view } = await slash('UALICE', 'offboard');
    const found = await suggest(view, 'm0150');
    expect(found.map((o) => o.value)).toEqual([bulkEmail(150)]);
    expect(found[0]!.text.text).toBe(`${bulkEmail(150)} (Free)`);
    // a name finds them too, case-insensitively
    expect((await suggest(view, 'bulk member 999')).map((o) => o.value)).toEqual([bulkEmail(999)]);
  });

  it(`every one of the ${N} members is reachable by typing, each answer within Slack's 100 options`, async () => {
    const { view } = await slash('UALICE', 'offboard');
    const first = await suggest(view, '');
    expect(first).toHaveLength(100);
    expect(optionsProblems(first)).toEqual([]);
    const reached = new Set<string>();
    for (const prefix of ['m00', 'm01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10']) {
      const page = await suggest(view, prefix);
      expect(optionsProblems(page)).toEqual([]);
      for (const o of page) reached.add(o.value);
    }
    for (let i = 1; i <= N; i++) expect(reached.has(bulkEmail(i)), bulkEmail(i)).toBe(true);
    // the owner and the person searching are never offered
    expect(await suggest(view, DEMO.owner)).toEqual([]);
  });

  it('a workspace not linked to the organization gets no options; a forged signature gets 401', async () => {
    const { view } = await slash('UALICE', 'offboard');
    slack.fake.tokens.set('xoxb-other', 'T0OTHER');
    slack.fake.addUser('T0OTHER', 'UOTHER', 'other@example.com');
    const body = blockSuggestionBody({
      teamId: 'T0OTHER',
      userId: 'UOTHER',
      view,
      blockId: 'members',
      value: 'm0',
    });
    const r = await slack.post(body);
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).options).toEqual([]);
    expect((await slack.post(body, { secret: 'wrong' })).status).toBe(401);
  });

  it('submitting the picked leavers (member 150 among them) offboards exactly them', async () => {
    const { view, responseId } = await slash('UALICE', 'offboard <@UM0150>');
    const values = { members: [bulkEmail(150), bulkEmail(151)], freeSeat: true };
    const res = await slack.post(viewSubmissionBody({ teamId: TEAM, userId: 'UALICE', view, values }));
    expect(res.status).toBe(200);
    const [reply] = await slack.fake.waitFor(() => {
      const got = slack.fake.responses.get(responseId)!;
      return got.length ? got : null;
    });
    const text = blocksText(reply!.blocks as unknown[]);
    expect(text).toMatch(/Offboarded 2 people/);
    expect(text).toContain(`${bulkEmail(150)}: can no longer sign in`);
    const rows = await db.em
      .fork()
      .execute<{ email: string }[]>(
        `select a.email from membership m join account a on a.id = m.account_id where m.status = 'detached' order by a.email`,
      );
    expect(rows.map((r) => r.email)).toEqual([bulkEmail(150), bulkEmail(151)]);
  });
});

describe(`seats for people in an organization of ${N + 5} members (Slack)`, () => {
  it('the purchase form’s For picker searches every member, past the 100th; its picks are whom the seats are for', async () => {
    const { view, responseId } = await slash('UALICE', 'add');
    expect(blockKitProblems(view.blocks, 'modal', view)).toEqual([]);
    const picker = view.blocks.find((b: Json) => b.block_id === 'forPeople').element;
    expect(picker.type).toBe('multi_external_select');
    const found = await suggest(view, 'm0999', 'UALICE', TEAM, 'forPeople');
    expect(found.map((o) => o.value)).toContain(bulkEmail(999));
    expect(optionsProblems(found)).toEqual([]);
    const values = { plan: 'business', quantity: '2', forPeople: [bulkEmail(152), bulkEmail(999)] };
    const res = await slack.post(viewSubmissionBody({ teamId: TEAM, userId: 'UALICE', view, values }));
    expect(res.status).toBe(200);
    const [reply] = await slack.fake.waitFor(() => {
      const got = slack.fake.responses.get(responseId)!;
      return got.length ? got : null;
    });
    expect(blocksText(reply!.blocks as unknown[])).toContain(
      `*For*\n${bulkEmail(152)} and ${bulkEmail(999)}`,
    );
    const [row] = await db.em
      .fork()
      .execute<{ n: number }[]>(
        `select jsonb_array_length(for_membership_ids) as n from purchase_request where status = 'pending' and plan_code = 'business'`,
      );
    expect(row!.n).toBe(2);
  });
});
