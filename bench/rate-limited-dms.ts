import os from 'node:os';
import { pino } from 'pino';
import { slackNotifier } from '../adapters/slack/slack-app.ts';
import { DEMO, seedDemo } from '../db/seeders/demo.ts';
import { loadConfig } from '../src/config.ts';
import { deliverOutbox } from '../src/jobs/deliver-outbox.ts';
import { FakeSlack } from '../test/slack/fake-slack.ts';
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
    const { id: orgId } = (
      await db.admin.query('select id from organization where name = $1', [DEMO.organization])
    ).rows[0];
    await db.admin.query(
      `insert into workspace_link (platform, workspace_id, organization_id, linked_by, linked_at)
       values ('slack', $1, $2, null, now())`,
      [TEAM, orgId],
    );
    await db.admin.query(
      `insert into account (id, email, name, personal_plan, created_at, updated_at)
       select gen_random_uuid(), 'dm' || i || '@bulk.example.com', null, 'free', now(), now()
       from generate_series(1, $1::int) as i`,
      [N],
    );
    await db.admin.query(
      `insert into chat_identity (platform, workspace_id, user_id, account_id, verified_at)
       select 'slack', $1, 'U' || substring(a.email from 3 for position('@' in a.email) - 3), a.id, now()
       from account a where a.email like 'dm%@bulk.example.com'`,
      [TEAM],
    );
    await db.admin.query(
      `insert into outbox (id, organization_id, recipient_id, kind, payload, status, attempts, next_attempt_at, created_at)
       select gen_random_uuid(), $1, a.id, 'offboarded',
              jsonb_build_object('organizationName', 'Acme', 'by', 'alice@example.com'), 'pending', 0, now(), now()
       from account a where a.email like 'dm%@bulk.example.com'`,
      [orgId],
    );
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
    const started = performance.now();
    for (;;) {
      const r = await deliverOutbox(ctx, notifier);
      if (r.claimed > 0) continue;
      const { n } = (await db.admin.query(`select count(*)::int as n from outbox where status = 'pending'`))
        .rows[0];
      if (n === 0) break;
      // only rows waiting out a Retry-After are left
      await new Promise((r) => setTimeout(r, 200));
    }
    const took = performance.now() - started;
    const { sent, lost } = (
      await db.admin.query(
        `select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as lost
         from outbox where kind = 'offboarded'`,
      )
    ).rows[0];
    const posts = fake.callsTo('chat.postMessage').length;
    console.log(
      `| ${N} DMs, one per person, Slack limits enforced | ${(took / 1000).toFixed(1)} s | ${sent} sent | ${lost} lost | ${fake.beyondLimits} beyond the limits | ${posts} chat.postMessage calls |`,
    );
    console.log(
      `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}.`,
    );
  } finally {
    await fake.close();
    await orm.close(true);
    await db.drop();
  }
};

await main();
