import { pino } from 'pino';
import { slackNotifier } from '../adapters/slack/slack-app.ts';
import { DEMO, seedDemo } from '../db/seeders/demo.ts';
import { loadConfig } from '../src/config.ts';
import { deliverOutbox } from '../src/jobs/deliver-outbox.ts';
import { FakeSlack } from '../test/slack/fake-slack.ts';
import { deliverAll, machineLine, seedRecipients } from './bulk-recipients.ts';
import { createBenchDb, serviceOn } from './support.ts';

/**
 * `npm run bench:notify`: 1,000 Slack DMs (an offboarding wave's notices) delivered by the
 * outbox worker through the Slack notifier, against a fake Slack that enforces Slack's
 * published limits (1 chat.postMessage per second per channel; Tier 3 = 50 a minute for
 * users.lookupByEmail and chat.update, Tier 4 = 100 for users.info, Tier 2 = 20 for the rest)
 * and answers anything beyond them with a 429 and Retry-After. Reports the time, notices lost
 * (not sent at the end) and calls beyond the limits. Recipients were seen in Slack before
 * (verified identities), as after their first command: no lookups.
 */
const N = Number(process.env.BENCH_DMS ?? 1000);
const TEAM = 'T0BENCH';
const TOKEN = 'xoxb-bench';

const main = async () => {
  const db = await createBenchDb();
  const { orm, ctx } = await serviceOn(db.url, 4);
  const fake = await new FakeSlack().start();
  try {
    await seedDemo(ctx);
    await seedRecipients(db, {
      platform: 'slack',
      workspaceId: TEAM,
      organizationName: DEMO.organization,
      n: N,
      userId: `'U' || substring(a.email from 3 for position('@' in a.email) - 3)`,
    });
    fake.tokens.set(TOKEN, TEAM);
    fake.limits = {
      perChannelMs: 1000,
      perMinute: { 'users.lookupByEmail': 50, 'chat.update': 50, 'users.info': 100 },
      defaultPerMinute: 20,
    };
    const config = loadConfig({
      LOG_LEVEL: 'silent',
      SLACK_SIGNING_SECRET: 'bench-secret',
      SLACK_BOT_TOKEN: TOKEN,
      SLACK_API_URL: fake.apiUrl,
    });
    const notifier = slackNotifier({ config, service: ctx, log: pino({ level: 'silent' }) });
    const { seconds, sent, lost } = await deliverAll(db, () => deliverOutbox(ctx, notifier));
    const posts = fake.callsTo('chat.postMessage').length;
    console.log(
      `| ${N} DMs, one per person, Slack limits enforced | ${seconds.toFixed(1)} s | ${sent} sent | ${lost} lost | ${fake.beyondLimits} beyond the limits | ${posts} chat.postMessage calls |`,
    );
    console.log(machineLine());
  } finally {
    await fake.close();
    await orm.close(true);
    await db.drop();
  }
};

await main();
