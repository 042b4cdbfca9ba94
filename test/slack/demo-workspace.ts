import { afterAll, beforeAll, expect } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import type { PostedMessage } from './fake-slack.ts';
import {
  BOT_TOKEN,
  blockActionBody,
  type SlackButton,
  type SlackHarness,
  slashBody,
  startSlack,
} from './harness.ts';

export const TEAM = 'T0ACME';
/** The demo's people as Slack users of TEAM. */
export const DEMO_IDS: Record<string, string> = {
  [DEMO.owner]: 'UALICE',
  [DEMO.admin]: 'UBOB',
  [DEMO.members[0]!]: 'UCAROL',
  [DEMO.members[1]!]: 'UDAVE',
  [DEMO.members[2]!]: 'UERIN',
};

/**
 * The Acme demo in a Slack workspace, for one test file: a fresh database seeded on
 * 2026-03-02 08:00 UTC and linked to TEAM, our server behind the fake Slack, the demo's people
 * known to it; closed after the file. What tests do there: a slash command, a click, delivering
 * the outbox, a person's DMs.
 */
export const demoWorkspace = (ids: Record<string, string> = DEMO_IDS) => {
  let db: TestDb;
  let slack: SlackHarness;
  beforeAll(async () => {
    db = await freshDb();
    db.clock.set('2026-03-02T08:00:00Z');
    await seedDemo(db.ctx);
    await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
    slack = await startSlack(db);
    slack.fake.tokens.set(BOT_TOKEN, TEAM);
    for (const [email, id] of Object.entries(ids)) slack.fake.addUser(TEAM, id, email);
  });
  afterAll(async () => {
    await slack?.close();
    await db?.close();
  });
  /** what the bot answered on a response_url (in the ack, or posted to it later), as blocks */
  const answered = async (res: { status: number; body: string }, id: string, timeoutMs?: number) => {
    expect(res.status).toBe(200);
    const [reply] = res.body
      ? [JSON.parse(res.body) as { blocks: unknown[] }]
      : await slack.fake.waitFor(() => {
          const got = slack.fake.responses.get(id)!;
          return got.length ? got : null;
        }, timeoutMs);
    return reply!.blocks as unknown[];
  };
  return {
    get db() {
      return db;
    },
    get slack() {
      return slack;
    },
    slash: async (email: string, text: string) => {
      const r = slack.fake.responseUrl();
      return answered(
        await slack.post(slashBody({ teamId: TEAM, userId: ids[email]!, text, responseUrl: r.url })),
        r.id,
      );
    },
    /** a button pressed on `message` (or on an ephemeral answer), answered once every copy is settled */
    click: async (email: string, button: SlackButton, message?: PostedMessage) => {
      const r = slack.fake.responseUrl();
      return answered(
        await slack.post(
          blockActionBody({
            teamId: TEAM,
            userId: ids[email]!,
            button,
            responseUrl: r.url,
            ...(message ? { channel: message.channel, ts: message.ts } : {}),
          }),
        ),
        r.id,
        20_000,
      );
    },
    deliver: async () => {
      while ((await deliverOutbox(db.ctx, slack.notifier, { batch: 1 })).claimed > 0);
    },
    dmsOf: (email: string) => slack.fake.messages.filter((m) => m.channel === `D${ids[email]}`),
  };
};
