import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { TeamsNotifier } from '../../adapters/teams/teams-notifier.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import type { Notifier } from '../../src/commands/notifier.ts';
import { RetryLater, Unreachable } from '../../src/commands/notifier.ts';
import { info } from '../../src/commands/reply.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { RoutingNotifier } from '../../src/jobs/routing-notifier.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

let db: TestDb;
let h: TeamsHarness;
let teams: TeamsNotifier;
let bob: TeamsPerson;

const accountOf = async (email: string) =>
  (await db.em.fork().execute<{ id: string }[]>('select id from account where email = ?', [email]))[0]!.id;
const meta = { outboxId: 'o-1', kind: 'test', payload: {} };

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  teams = new TeamsNotifier(h.app.teams!.deps);
  bob = h.person('bob@example.com');
  await h.say(bob, 'help');
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

describe('TeamsNotifier', () => {
  it('writes to the personal chat the user last wrote from, with their stored reference', async () => {
    const before = h.ms.postedTo(bob.conversationId).length;
    await teams.send(
      { accountId: await accountOf('bob@example.com'), email: 'bob@example.com', name: 'Bob' },
      info('Hello Bob'),
      meta,
    );
    const posted = h.ms.postedTo(bob.conversationId);
    expect(posted).toHaveLength(before + 1);
    expect(cardText(posted.at(-1)!.activity.attachments[0].content)).toBe('Hello Bob');
  });

  it('someone with no Teams conversation is Unreachable, so routing tries the next platform', async () => {
    const dave = { accountId: await accountOf('dave@example.com'), email: 'dave@example.com', name: 'Dave' };
    await expect(teams.send(dave, info('Hi'), meta)).rejects.toBeInstanceOf(Unreachable);
    const got: string[] = [];
    const log: Notifier = { name: 'log', send: async (to, r) => void got.push(`${to.email}: ${r.text}`) };
    await new RoutingNotifier([teams], log).send(dave, info('Hi'), meta);
    expect(got).toEqual(['dave@example.com: Hi']);
  });

  // the connector SDK itself waits out Retry-After and retries a 429 three times; a fourth 429
  // goes back to the outbox as RetryLater, so the row waits instead of the worker
  it('a user who blocked the bot is Unreachable (403), so another platform can try', async () => {
    const erin = h.person('erin@example.com');
    await h.say(erin, 'help');
    h.ms.blocked.add(erin.conversationId);
    try {
      const to = { accountId: await accountOf('erin@example.com'), email: 'erin@example.com', name: 'Erin' };
      await expect(teams.send(to, info('Hi'), meta)).rejects.toBeInstanceOf(Unreachable);
    } finally {
      h.ms.blocked.delete(erin.conversationId);
    }
  });

  it('after the app is uninstalled from someone’s personal scope, they are Unreachable on Teams', async () => {
    const dave = h.person('dave@example.com');
    await h.say(dave, 'help');
    const to = { accountId: await accountOf('dave@example.com'), email: 'dave@example.com', name: 'Dave' };
    await teams.send(to, info('Still here?'), meta);
    const r = await h.post({
      type: 'installationUpdate',
      action: 'remove',
      id: 'uninstall-1',
      channelId: 'msteams',
      serviceUrl: 'https://smba.teams.test/emea/',
      from: { id: dave.id, aadObjectId: dave.aadObjectId },
      recipient: { id: `28:${h.app.config.TEAMS_APP_ID}` },
      conversation: { id: dave.conversationId, conversationType: 'personal', tenantId: dave.tenantId },
    });
    expect(r.status).toBe(200);
    await expect(teams.send(to, info('Hello?'), meta)).rejects.toBeInstanceOf(Unreachable);
  });

  it('a 429 the SDK gives up on becomes RetryLater with its Retry-After', async () => {
    h.ms.throttle = { times: 4, retryAfter: 1 };
    const to = { accountId: await accountOf('bob@example.com'), email: 'bob@example.com', name: 'Bob' };
    const err = await teams.send(to, info('Hi'), meta).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RetryLater);
    expect((err as RetryLater).afterMs).toBe(1000);
    expect(h.ms.throttle.times).toBe(0);
  });

  it('the outbox honours it: the notice waits Retry-After and goes out on the next try', async () => {
    // the previous 429's Retry-After (1 s) has passed: until then Bob's chat is not tried at all
    db.clock.advance(1000);
    await h.say(h.person('erin@example.com'), 'add 1 pro');
    await db.em
      .fork()
      .execute(`update outbox set status = 'sent' where status = 'pending' and recipient_id <> ?`, [
        await accountOf('bob@example.com'),
      ]);
    h.ms.throttle = { times: 4, retryAfter: 2 };
    const first = await deliverOutbox(db.ctx, teams);
    expect(first).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    const row = (
      await db.em
        .fork()
        .execute<{ next_attempt_at: Date; last_error: string }[]>(
          `select next_attempt_at, last_error from outbox where status = 'pending'`,
        )
    )[0]!;
    expect(new Date(row.next_attempt_at).getTime() - db.clock.now().getTime()).toBe(2000);
    db.clock.advance(2000);
    expect(await deliverOutbox(db.ctx, teams)).toMatchObject({ claimed: 1, sent: 1 });
    expect(cardText(h.lastPosted(bob).activity.attachments[0].content)).toMatch(
      /erin@example\.com asks for 1 Pro seat/,
    );
  });
});
