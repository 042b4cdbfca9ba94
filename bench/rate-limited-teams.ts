import os from 'node:os';
import { TeamsNotifier } from '../adapters/teams/teams-notifier.ts';
import { DEMO, seedDemo } from '../db/seeders/demo.ts';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { deliverOutbox } from '../src/jobs/deliver-outbox.ts';
import { FakeMicrosoft, OPENID_URL, SERVICE_URL } from '../test/teams/fake-microsoft.ts';
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
    const { id: orgId } = (
      await db.admin.query('select id from organization where name = $1', [DEMO.organization])
    ).rows[0];
    await db.admin.query(
      `insert into workspace_link (platform, workspace_id, organization_id, linked_by, linked_at)
       values ('teams', $1, $2, null, now())`,
      [TENANT, orgId],
    );
    await db.admin.query(
      `insert into account (id, email, name, personal_plan, created_at, updated_at)
       select gen_random_uuid(), 'dm' || i || '@bulk.example.com', null, 'free', now(), now()
       from generate_series(1, $1::int) as i`,
      [N],
    );
    await db.admin.query(
      `insert into chat_identity (platform, workspace_id, user_id, account_id, verified_at)
       select 'teams', $1, 'aad-' || a.email, a.id, now() from account a where a.email like 'dm%@bulk.example.com'`,
      [TENANT],
    );
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
    await db.admin.query(
      `insert into outbox (id, organization_id, recipient_id, kind, payload, status, attempts, next_attempt_at, created_at)
       select gen_random_uuid(), $1, a.id, 'offboarded',
              jsonb_build_object('organizationName', 'Acme', 'by', 'alice@example.com'), 'pending', 0, now(), now()
       from account a where a.email like 'dm%@bulk.example.com'`,
      [orgId],
    );
    const notifier = new TeamsNotifier(app.teams!.deps);
    const started = performance.now();
    for (;;) {
      const r = await deliverOutbox(app.ctx, notifier);
      if (r.claimed > 0) continue;
      const { n } = (await db.admin.query(`select count(*)::int as n from outbox where status = 'pending'`))
        .rows[0];
      if (n === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const took = performance.now() - started;
    const { sent, lost } = (
      await db.admin.query(
        `select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as lost
         from outbox where kind = 'offboarded'`,
      )
    ).rows[0];
    console.log(
      `| ${N} Teams messages, one per person, Teams limits enforced | ${(took / 1000).toFixed(1)} s | ${sent} sent | ${lost} lost | ${ms.beyondLimits} beyond the limits | ${ms.posted.length} posts |`,
    );
    console.log(
      `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}.`,
    );
  } finally {
    ms.close();
    await app.close();
    await db.drop();
  }
};

await main();
