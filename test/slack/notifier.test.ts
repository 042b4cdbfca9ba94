import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { type Notifier, RetryLater, Unreachable } from '../../src/commands/notifier.ts';
import { info } from '../../src/commands/reply.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { RoutingNotifier } from '../../src/jobs/routing-notifier.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { BOT_TOKEN, blocksText, type SlackHarness, slashBody, startSlack } from './harness.ts';

const TEAM = 'T0ACME';
let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner);
  slack.fake.addUser(TEAM, 'UBOB', DEMO.admin);
  // Alice has used the app, so her identity is verified; Bob's is verified when he is found
  await slack.post(
    slashBody({ teamId: TEAM, userId: 'UALICE', text: 'status', responseUrl: slack.fake.responseUrl().url }),
  );
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const to = async (email: string) => {
  const [a] = await db.em.fork().execute<{ id: string }[]>('select id from account where email = ?', [email]);
  return { accountId: a?.id ?? randomUUID(), email, name: null };
};
const meta = { outboxId: randomUUID(), kind: 'seat_ending', payload: {} };

describe('the Slack notifier', () => {
  it('sends a DM to the Slack user with the recipient’s email', async () => {
    await slack.notifier.send(await to(DEMO.admin), info('Your pro seat in Acme ends on 2026-03-31.'), meta);
    const m = slack.fake.messages.at(-1)!;
    expect(m.channel).toBe('DUBOB');
    expect(blocksText(m.versions[0]!.blocks)).toMatch(/ends on 2026-03-31/);
    expect(slack.fake.callsTo('chat.postMessage').at(-1)!.token).toBe(BOT_TOKEN);
  });

  it('a Slack user whose profile shows the email unconfirmed gets nobody’s messages', async () => {
    slack.fake.addUser(TEAM, 'UCAROL', DEMO.members[0]!, { confirmed: false });
    const sent = slack.fake.callsTo('chat.postMessage').length;
    await expect(
      slack.notifier.send(await to(DEMO.members[0]!), info('Your seat'), meta),
    ).rejects.toBeInstanceOf(Unreachable);
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(sent);
  });

  it('throws Unreachable for someone with no Slack user, so the routing notifier falls back', async () => {
    await expect(slack.notifier.send(await to(DEMO.outsider), info('hello'), meta)).rejects.toBeInstanceOf(
      Unreachable,
    );
    const got: string[] = [];
    const fallback: Notifier = {
      name: 'recording',
      async send(r) {
        got.push(r.email);
      },
    };
    await new RoutingNotifier([slack.notifier], fallback).send(await to(DEMO.outsider), info('hello'), meta);
    expect(got).toEqual([DEMO.outsider]);
  });

  it('turns a 429 into RetryLater with Slack’s Retry-After (no silent sleeping)', async () => {
    slack.fake.rateLimitNext('chat.postMessage', 7);
    const started = Date.now();
    const e = await slack.notifier.send(await to(DEMO.admin), info('x'), meta).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(RetryLater);
    expect((e as RetryLater).afterMs).toBe(7000);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('an outbox row that hit a 429 waits Retry-After before its next attempt', async () => {
    await slack.post(
      slashBody({
        teamId: TEAM,
        userId: 'UBOB',
        text: 'invite hal@example.com',
        responseUrl: slack.fake.responseUrl().url,
      }),
    );
    await slack.post(
      slashBody({
        teamId: TEAM,
        userId: 'UALICE',
        text: `role ${DEMO.admin} not-approver`,
        responseUrl: slack.fake.responseUrl().url,
      }),
    );
    const pending = await db.em
      .fork()
      .execute<{ id: string }[]>("select id from outbox where status = 'pending'");
    expect(pending.length).toBeGreaterThan(0);
    // the first Slack post of the batch is rate limited; its row must wait Retry-After
    slack.fake.addUser(TEAM, 'UHAL', 'hal@example.com');
    slack.fake.rateLimitNext('chat.postMessage', 30);
    const r = await deliverOutbox(db.ctx, slack.notifier);
    expect(r.retrying).toBeGreaterThanOrEqual(1);
    const [row] = await db.em
      .fork()
      .execute<{ wait: number; last_error: string }[]>(
        "select extract(epoch from next_attempt_at - ?::timestamptz)::int as wait, last_error from outbox where status = 'pending' and last_error is not null",
        [db.clock.now()],
      );
    expect(row!.wait).toBeGreaterThanOrEqual(30);
    expect(row!.last_error).toMatch(/rate limited/);
  });
});
