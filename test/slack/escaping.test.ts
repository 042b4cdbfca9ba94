import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromMrkdwn } from '../../adapters/slack/mrkdwn.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { BOT_TOKEN, blocksText, type SlackHarness, slashBody, startSlack } from './harness.ts';

/** Issue 14: a name made of Slack markup, as Slack sends it (a real @channel and a formatted link). */
const NAME = 'Acme <!channel> <https://evil.example|Pay here> *now*';
// a workspace no organization has yet: creating one there links it
const TEAM = 'T0EVIL';
const Z = '\u200B';

let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner);
  slack.fake.addUser(TEAM, 'UFRANK', DEMO.outsider);
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = async (userId: string, text: string) => {
  const r = slack.fake.responseUrl();
  const res = await slack.post(slashBody({ teamId: TEAM, userId, text, responseUrl: r.url }));
  expect(res.status).toBe(200);
  const ack = JSON.parse(res.body) as { text: string; blocks: unknown[] };
  // slow work acks at once and posts the answer to the response_url
  if (ack.blocks.length && !/Working on it/.test(blocksText(ack.blocks))) return ack;
  const [posted] = await slack.fake.waitFor(() => {
    const got = slack.fake.responses.get(r.id)!;
    return got.length ? got : null;
  });
  return posted as unknown as { text: string; blocks: unknown[] };
};

/** Every mrkdwn string of a message as Slack receives it: the notification text and the blocks. */
const raw = (m: { text: string; blocks: unknown[] }) => JSON.stringify([m.text, m.blocks]);

describe('text people typed shows as typed in Slack, never as markup (issue 14)', () => {
  it('the organization is created with the name as typed, and its creator reads it back as typed', async () => {
    const reply = await slash('UALICE', `org create ${NAME}`);
    expect(blocksText(reply.blocks)).toContain(`${NAME} is created`);
    expect(raw(reply)).not.toContain('<!channel>');
    const [org] = await db.em
      .fork()
      .execute<{ name: string }[]>('select name from organization where name <> ?', [DEMO.organization]);
    expect(org?.name).toBe(NAME);
  });

  it("the invitee's DM pings nobody, links nowhere, formats nothing, and shows the name as typed", async () => {
    await slash('UALICE', `invite ${DEMO.outsider}`);
    while ((await deliverOutbox(db.ctx, slack.notifier, { batch: 1 })).claimed > 0);
    const dms = slack.fake.messages.filter((m) => m.channel === 'DUFRANK');
    expect(dms).toHaveLength(1);
    const dm = dms[0]!.versions.at(-1)!;
    const sent = raw(dm);
    // no `<` reaches Slack at all: no ping, no labelled link, no channel link
    expect(sent).not.toMatch(/<!channel>|<https?:|\|Pay here>|</);
    expect(sent).toContain('&lt;!channel&gt;');
    expect(sent).toContain('&lt;https://evil.example|Pay here&gt;');
    // the stars are no bold: a zero-width space on each side of each
    expect(sent).not.toContain('*now*');
    expect(sent).toContain(`${Z}*${Z}now${Z}*${Z}`);
    // what Frank reads: in the message and in its notification
    expect(blocksText(dm.blocks)).toContain(`invites you to ${NAME}`);
    expect(fromMrkdwn(dm.text)).toContain(`invites you to ${NAME}`);
  });
});
