import { TeamsNotifier } from '../adapters/teams/teams-notifier.ts';
import { DEMO, seedDemo } from '../db/seeders/demo.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { deliverOutbox } from '../src/jobs/deliver-outbox.ts';
import { FakeMicrosoft, OPENID_URL, SERVICE_URL } from '../test/teams/fake-microsoft.ts';
import { deliverAll, machineLine, seedRecipients } from './bulk-recipients.ts';
import { createBenchDb } from './support.ts';

/**
 * `npm run bench:notify:teams`: 1,000 Teams proactive messages (one per person) delivered by the
 * outbox worker through the Teams notifier and its limiters, against the tests' fake Microsoft
 * connector enforcing Teams' published limits (per conversation 7/1 s, 8/2 s, 60/30 s,
 * 1,800/hour; 50 a second per tenant) with 429 + Retry-After beyond them.
 */
const N = Number(process.env.BENCH_DMS ?? 1000);
const APP_ID = '00000000-1111-2222-3333-444444444444';
const TENANT = 'tenant-bench';

const main = async () => {
  const db = await createBenchDb();
  const ms = new FakeMicrosoft(APP_ID);
  ms.enforceLimits = true;
  const config = loadConfig({
    TEAMS_APP_ID: APP_ID,
    TEAMS_APP_PASSWORD: 'bench-password',
    BOTFRAMEWORK_OPENID_METADATA: OPENID_URL,
    DATABASE_URL: db.url,
    LOG_LEVEL: 'silent',
    WORKER: 'off',
  });
  const app = await buildApp(config);
  try {
    await seedDemo(app.ctx);
    await seedRecipients(db, {
      platform: 'teams',
      workspaceId: TENANT,
      organizationName: DEMO.organization,
      n: N,
      userId: `'aad-' || a.email`,
    });
    await db.admin.query(
      `insert into teams_user (aad_object_id, tenant_id, account_id, email, user_id, conversation_reference, updated_at)
       select 'aad-' || a.email, $1, a.id, a.email, '29:' || a.email,
              jsonb_build_object('channelId', 'msteams', 'serviceUrl', $2::text,
                'conversation', jsonb_build_object('id', 'a:' || a.email, 'tenantId', $1::text, 'conversationType', 'personal'),
                'bot', jsonb_build_object('id', '28:' || $3::text), 'user', jsonb_build_object('id', '29:' || a.email)),
              now()
       from account a where a.email like 'dm%@bulk.example.com'`,
      [TENANT, SERVICE_URL, APP_ID],
    );
    const notifier = new TeamsNotifier(app.teams!.deps);
    const { seconds, sent, lost } = await deliverAll(db, () => deliverOutbox(app.ctx, notifier));
    console.log(
      `| ${N} Teams messages, one per person, Teams limits enforced | ${seconds.toFixed(1)} s | ${sent} sent | ${lost} lost | ${ms.beyondLimits} beyond the limits | ${ms.posted.length} posts |`,
    );
    console.log(machineLine());
  } finally {
    ms.close();
    await app.close();
    await db.drop();
  }
};

await main();
