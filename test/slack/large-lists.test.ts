import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { blockKitProblems } from '../support/block-kit-limits.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addBulkAudit, addBulkMembers, bulkEmail, orgIdByName } from '../support/large-org.ts';
import { linkByName } from '../support/links.ts';
import {
  BOT_TOKEN,
  blockActionBody,
  blocksText,
  buttonsOf,
  eventBody,
  type SlackHarness,
  slashBody,
  startSlack,
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
  const orgId = await orgIdByName(db, DEMO.organization);
  await addBulkMembers(db, orgId, N);
  await addBulkAudit(db, orgId, 600);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner);
  slack.fake.addUser(TEAM, 'UERIN', DEMO.members[2]!);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = async (userId: string, text: string) => {
  const r = slack.fake.responseUrl();
  const res = await slack.post(slashBody({ teamId: TEAM, userId, text, responseUrl: r.url }));
  expect(res.status).toBe(200);
  return JSON.parse(res.body) as { text: string; blocks: Json[] };
};

/**
 * Every bulk member a list shows (by email, or by name with `names`), walking `<command> --page n`
 * until there is no Next button.
 */
const walk = async (command: string, names = false) => {
  const seen: string[] = [];
  const lines: string[] = [];
  for (let page = 1; page < 500; page++) {
    const msg = await slash('UALICE', `${command} --page ${page}`);
    expect(blockKitProblems(msg.blocks, 'message'), `page ${page}`).toEqual([]);
    const text = blocksText(msg.blocks);
    seen.push(...(text.match(names ? /Bulk Member \d+/g : /m\d{4}@bulk\.example\.com/g) ?? []));
    lines.push(...text.split('\n').filter((l) => l.startsWith('• ')));
    if (!buttonsOf(msg.blocks).some((b) => b.text.text.endsWith('▶'))) return { seen, lines, pages: page };
  }
  throw new Error('no last page');
};

describe(`lists of an organization of ${N + 5} members, in Slack`, () => {
  it('members: the first page says how many and where it is; each page within Block Kit limits; every member on some page', async () => {
    const first = await slash('UALICE', 'members');
    // the demo's 5 members and the 1,000
    expect(blocksText(first.blocks)).toMatch(/Acme has 1005 active members\. Page 1 of 41\./);
    expect(blocksText(first.blocks)).toMatch(/Members 1–25 of 1,005/);
    const { seen, pages } = await walk('members');
    expect(pages).toBe(41);
    expect(new Set(seen).size).toBe(N);
    for (let i = 1; i <= N; i++) expect(seen).toContain(bulkEmail(i));
  });

  it('the Next button carries the page and answers with the next page through the response_url', async () => {
    const first = await slash('UALICE', 'members');
    const next = buttonsOf(first.blocks).find((b) => b.text.text === 'Page 2 of 41 ▶')!;
    expect(JSON.parse(next.value)).toEqual({ list: 'members', page: 2 });
    const r = slack.fake.responseUrl();
    const res = await slack.post(
      blockActionBody({ teamId: TEAM, userId: 'UALICE', button: next, responseUrl: r.url }),
    );
    expect(res.status).toBe(200);
    const [reply] = await slack.fake.waitFor(() => {
      const got = slack.fake.responses.get(r.id)!;
      return got.length ? got : null;
    });
    expect(blockKitProblems(reply!.blocks as Json[], 'message')).toEqual([]);
    expect(blocksText(reply!.blocks as Json[])).toMatch(/Members 26–50 of 1,005/);
    expect(buttonsOf(reply!.blocks as Json[]).map((b) => b.text.text)).toEqual([
      '◀ Page 1',
      'Page 3 of 41 ▶',
    ]);
  });

  it('audit 500: 25 pages of 20 within limits, every one of the 500 newest changes shown once', async () => {
    // audit lines name people by their account's name
    const { seen, lines, pages } = await walk('audit 500', true);
    expect(pages).toBe(25);
    expect(lines).toHaveLength(500);
    // the demo's own changes are the newest; then the bulk ones, newest first, none twice
    const demo = 500 - seen.length;
    expect(demo).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen[0]).toBe('Bulk Member 1');
    expect(seen.at(-1)).toBe(`Bulk Member ${500 - demo}`);
    expect(lines.every((l) => /^• [A-Z][a-z]{2} \d{1,2}, \d\d:\d\d UTC — /.test(l))).toBe(true);
  });

  it('requests and App Home with 12 more pending requests: paged, within limits', async () => {
    // a moment after the demo's requests, so the 12 are the newest (page 1 lists the newest first)
    db.clock.advance(1000);
    for (let i = 0; i < 12; i++) await slash('UERIN', 'add 1 pro');
    // a slow machine acks "working on it" and finishes a request after the ack: wait for all 12
    for (let i = 0; i < 100; i++) {
      const [row] = await db.em.fork().execute<{ n: string }[]>('select count(*) as n from purchase_request');
      if (Number(row!.n) >= 14) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const first = await slash('UALICE', 'requests');
    expect(blockKitProblems(first.blocks, 'message')).toEqual([]);
    // the demo's 2 and the 12
    expect(blocksText(first.blocks)).toMatch(/14 seat purchase requests, page 1 of 3/);
    const buttons = buttonsOf(first.blocks).map((b) => b.text.text);
    expect(buttons.filter((b) => b.startsWith('Approve'))).toHaveLength(5);
    expect(buttons.at(-1)).toBe('Page 2 of 3 ▶');
    const before = slack.fake.callsTo('views.publish').length;
    await slack.post(
      eventBody(TEAM, { type: 'app_home_opened', user: 'UALICE', channel: 'DUALICE', tab: 'home' }),
      {
        contentType: 'application/json',
      },
    );
    const home = await slack.fake.waitFor(() => slack.fake.callsTo('views.publish')[before]);
    const view = home.args.view as Json;
    expect(blockKitProblems(view.blocks, 'home')).toEqual([]);
    expect(blocksText(view.blocks)).toMatch(/14 seat purchase requests, page 1 of 3/);
  });
});
