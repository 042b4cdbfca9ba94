import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import {
  BOT_TOKEN,
  blockActionBody,
  blocksText,
  buttonsOf,
  type SlackButton,
  type SlackHarness,
  slashBody,
  startSlack,
} from './harness.ts';

const TEAM = 'T0ACME';
const ID: Record<string, string> = {
  [DEMO.owner]: 'UALICE',
  [DEMO.admin]: 'UBOB',
  [DEMO.members[0]!]: 'UCAROL',
  [DEMO.members[1]!]: 'UDAVE',
  [DEMO.members[2]!]: 'UERIN',
};

let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  db.clock.set('2026-03-02T08:00:00Z');
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  for (const [email, id] of Object.entries(ID)) slack.fake.addUser(TEAM, id, email);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

/** What the bot answered on a response_url (a slash command's or a click's), as blocks. */
const answered = async (res: { status: number; body: string }, id: string) => {
  expect(res.status).toBe(200);
  const [reply] = res.body
    ? [JSON.parse(res.body) as { blocks: unknown[] }]
    : await slack.fake.waitFor(() => {
        const got = slack.fake.responses.get(id)!;
        return got.length ? got : null;
      });
  return reply!.blocks as unknown[];
};
const slash = async (email: string, text: string) => {
  const r = slack.fake.responseUrl();
  return answered(
    await slack.post(slashBody({ teamId: TEAM, userId: ID[email]!, text, responseUrl: r.url })),
    r.id,
  );
};
const click = async (email: string, b: SlackButton) => {
  const r = slack.fake.responseUrl();
  return answered(
    await slack.post(blockActionBody({ teamId: TEAM, userId: ID[email]!, button: b, responseUrl: r.url })),
    r.id,
  );
};
const deliver = async () => {
  while ((await deliverOutbox(db.ctx, slack.notifier, { batch: 1 })).claimed > 0);
};
const dmsOf = (email: string) => slack.fake.messages.filter((m) => m.channel === `D${ID[email]}`);

describe('reuse before you buy, in Slack', () => {
  it('Erin’s quote names the Pro seats nobody used for 40 days; Ask them to give back sends the holders the offer', async () => {
    await db.em
      .fork()
      .execute(
        `update seat set assigned_at = ?, last_used_at = ? where plan_code = 'pro' and membership_id is not null`,
        [new Date('2026-01-21T08:00:00Z'), new Date('2026-01-21T08:00:00Z')],
      );
    const quote = await slash(DEMO.members[2]!, 'add 3 pro');
    expect(blocksText(quote)).toMatch(
      /2 Pro seats are not in use \(idle for over 28 days, or held by someone who left\): (Carol|Dave)/,
    );
    const ask = buttonsOf(quote).find((b) => b.text.text === 'Ask them to give back')!;
    expect(ask.action_id).toBe('purchase.ask_give_back');
    const asked = await click(DEMO.members[2]!, ask);
    expect(blocksText(asked)).toMatch(
      /Asked 2 people to give back their Pro seat\. Your request is for 3 Pro seats now/,
    );
    await deliver();
    const carols = dmsOf(DEMO.members[0]!).at(-1)!.versions.at(-1)!;
    expect(blocksText(carols.blocks)).toMatch(/You have not used your Pro seat in Acme since 2026-01-21/);
    expect(buttonsOf(carols.blocks).map((b) => b.action_id)).toEqual(['idle.keep', 'idle.give_back']);
    // Bob's approval request says the same facts
    const bobs = dmsOf(DEMO.admin)
      .map((m) => blocksText(m.versions.at(-1)!.blocks))
      .find((t) => t.includes('asks for 3 Pro seats'));
    expect(bobs).toMatch(/2 Pro seats are not in use/);
  });
});
