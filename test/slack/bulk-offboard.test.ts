import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { blockKitProblems } from '../support/block-kit-limits.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addBulkMembers, orgIdByName } from '../support/large-org.ts';
import { linkByName } from '../support/links.ts';
import {
  BOT_TOKEN,
  blocksText,
  type SlackHarness,
  slashBody,
  startSlack,
  viewSubmissionBody,
} from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: payloads are read loosely
type Json = any;

const TEAM = 'T0WAVE';
const N = 1000;

let db: TestDb;
let slack: SlackHarness;
let leavers: string[];

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  leavers = await addBulkMembers(db, await orgIdByName(db, DEMO.organization), N);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

describe(`one offboarding submission of ${N} leavers (Slack)`, () => {
  it('finishes: all detached and told, the result within Block Kit limits with every outcome counted', async () => {
    const r = slack.fake.responseUrl();
    await slack.post(slashBody({ teamId: TEAM, userId: 'UALICE', text: 'offboard', responseUrl: r.url }));
    const view = slack.fake.callsTo('views.open').at(-1)!.args.view as Json;
    const res = await slack.post(
      viewSubmissionBody({
        teamId: TEAM,
        userId: 'UALICE',
        view,
        values: { members: leavers, freeSeat: true },
      }),
    );
    expect(res.status).toBe(200);
    // the modal closes (no errors), the result comes through the response_url
    expect(res.body).toBe('');
    const posts = await slack.fake.waitFor(() => {
      const got = slack.fake.responses.get(r.id)!;
      return got.some((m) => /Offboarded/.test(blocksText(m.blocks as Json[]))) ? got : null;
    });
    const last = posts.at(-1)! as Json;
    expect(blockKitProblems(last.blocks, 'message')).toEqual([]);
    const text = blocksText(last.blocks);
    expect(text).toMatch(/Offboarded 1000 people\. Their data stays\./);
    expect(text).toMatch(/1000 people can no longer sign in: m0001@bulk\.example\.com, .* and 990 more/);
    // a slow wave said "working on it" first and the result replaced it; never more than 5 uses
    expect(posts.length).toBeLessThanOrEqual(2);
    if (posts.length === 2) {
      expect(blocksText((posts[0] as Json).blocks)).toMatch(/Working on it/);
      expect(last.replace_original).toBe(true);
    }
    const [row] = await db.em.fork().execute<{ detached: string; told: string }[]>(
      `select (select count(*) from membership where status = 'detached') as detached,
                (select count(*) from outbox where kind = 'offboarded') as told`,
    );
    expect(Number(row!.detached)).toBe(N);
    expect(Number(row!.told)).toBe(N);
  });
});
