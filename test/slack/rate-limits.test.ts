import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackRateLimits } from '../../adapters/slack/rate-limits.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { RetryLater } from '../../src/commands/notifier.ts';
import { info } from '../../src/commands/reply.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addBulkMembers, addBulkNotices, bulkEmail, orgIdByName } from '../support/large-org.ts';
import { linkByName } from '../support/links.ts';
import { BOT_TOKEN, type SlackHarness, startSlack } from './harness.ts';

const TEAM = 'T0RATE';
/** shortened for the test; the product uses Slack's published 1 s per channel */
const PER_CHANNEL_MS = 150;

let db: TestDb;
let slack: SlackHarness;
let orgId: string;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  orgId = await orgIdByName(db, DEMO.organization);
  await addBulkMembers(db, orgId, 30);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  // lookups at 6,000 a minute here (Slack's Tier 3 is 50: 1.2 s apart)
  const perMinute = { 'users.lookupByEmail': 6000, 'users.info': 6000 };
  // ours a little slower than the fake's limit, as the product keeps a margin under Slack's
  slack = await startSlack(db, { rateLimits: { perChannelMs: PER_CHANNEL_MS + 100, perMinute } });
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  for (let i = 1; i <= 30; i++) slack.fake.addUser(TEAM, `UM${String(i).padStart(4, '0')}`, bulkEmail(i));
  slack.fake.limits = { perChannelMs: PER_CHANNEL_MS, perMinute, defaultPerMinute: 20 };
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const to = async (email: string) => {
  const [a] = await db.em.fork().execute<{ id: string }[]>('select id from account where email = ?', [email]);
  return { accountId: a!.id, email, name: null };
};
const meta = () => ({ outboxId: randomUUID(), kind: 'seat_ending', payload: {} });

describe('outbound Slack calls within the limits', () => {
  it('notices to one person are spaced by the per-channel limit: none refused, none lost', async () => {
    const before = slack.fake.callsTo('chat.postMessage').length;
    const person = await to(bulkEmail(1));
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => slack.notifier.send(person, info(`notice ${i}`), meta())),
    );
    expect(slack.fake.beyondLimits).toBe(0);
    const posts = slack.fake.messages.filter((m) => m.channel === 'DUM0001');
    expect(posts).toHaveLength(5);
    expect(slack.fake.callsTo('chat.postMessage').length - before).toBe(5);
  });

  it('a wave of notices through the outbox: every one delivered, zero beyond the limits', async () => {
    await addBulkNotices(db, { organizationId: orgId, platform: 'slack', workspaceId: TEAM, n: 30 });
    while ((await deliverOutbox(db.ctx, slack.notifier, { batch: 1 })).claimed > 0);
    const [left] = await db.em
      .fork()
      .execute<{ n: string }[]>(
        `select count(*) as n from outbox where kind = 'offboarded' and status <> 'sent'`,
      );
    expect(Number(left!.n)).toBe(0);
    expect(new Set(slack.fake.messages.map((m) => m.channel)).size).toBeGreaterThanOrEqual(30);
    expect(slack.fake.beyondLimits).toBe(0);
  });

  it('after a 429 the next call on that limiter is refused here until Retry-After, not sent to Slack', async () => {
    const person = await to(bulkEmail(2));
    slack.fake.rateLimitNext('chat.postMessage', 3);
    const first = await slack.notifier.send(person, info('a'), meta()).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(RetryLater);
    expect((first as RetryLater).afterMs).toBe(3000);
    const calls = slack.fake.callsTo('chat.postMessage').length;
    const second = await slack.notifier.send(person, info('b'), meta()).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(RetryLater);
    expect((second as RetryLater).afterMs).toBeGreaterThan(2000);
    expect(slack.fake.callsTo('chat.postMessage')).toHaveLength(calls);
  });

  it('a tier limit spaces the calls of one method evenly (600 a minute: one each 100 ms)', async () => {
    const limits = new SlackRateLimits({ perMinute: { 'users.info': 600 } });
    const at: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () =>
        limits.run('T1', 'users.info', {}, async () => {
          at.push(performance.now());
        }),
      ),
    );
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(100);
  });
});
