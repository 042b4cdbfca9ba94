import os from 'node:os';
import type { Platform } from '../src/domain/workspace.ts';
import type { BenchDb } from './support.ts';

/**
 * N people of the demo organization, each verified on one platform in a linked workspace (as
 * after their first command) with one pending notice: an offboarding wave's messages.
 * `userId` is the SQL expression of each person's platform user id, from `a.email`.
 */
export const seedRecipients = async (
  db: BenchDb,
  o: { platform: Platform; workspaceId: string; organizationName: string; n: number; userId: string },
) => {
  const { id: orgId } = (
    await db.admin.query('select id from organization where name = $1', [o.organizationName])
  ).rows[0];
  await db.admin.query(
    `insert into workspace_link (platform, workspace_id, organization_id, linked_by, linked_at)
     values ($1, $2, $3, null, now())`,
    [o.platform, o.workspaceId, orgId],
  );
  await db.admin.query(
    `insert into account (id, email, name, personal_plan, created_at, updated_at)
     select gen_random_uuid(), 'dm' || i || '@bulk.example.com', null, 'free', now(), now()
     from generate_series(1, $1::int) as i`,
    [o.n],
  );
  await db.admin.query(
    `insert into chat_identity (platform, workspace_id, user_id, account_id, verified_at)
     select $1, $2, ${o.userId}, a.id, now() from account a where a.email like 'dm%@bulk.example.com'`,
    [o.platform, o.workspaceId],
  );
  await db.admin.query(
    `insert into outbox (id, organization_id, recipient_id, kind, payload, status, attempts, next_attempt_at, created_at)
     select gen_random_uuid(), $1, a.id, 'offboarded',
            jsonb_build_object('organizationName', $2::text, 'by', 'alice@example.com'), 'pending', 0, now(), now()
     from account a where a.email like 'dm%@bulk.example.com'`,
    [orgId, o.organizationName],
  );
  return orgId as string;
};

/**
 * Runs the outbox worker's delivery until no notice is pending (the last ones wait out a
 * Retry-After), then reports the time and how many were sent and lost.
 */
export const deliverAll = async (db: BenchDb, deliver: () => Promise<{ claimed: number }>) => {
  const started = performance.now();
  for (;;) {
    if ((await deliver()).claimed > 0) continue;
    const { n } = (await db.admin.query(`select count(*)::int as n from outbox where status = 'pending'`))
      .rows[0];
    if (n === 0) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const seconds = (performance.now() - started) / 1000;
  const { sent, lost } = (
    await db.admin.query(
      `select count(*) filter (where status = 'sent')::int as sent, count(*) filter (where status <> 'sent')::int as lost
       from outbox where kind = 'offboarded'`,
    )
  ).rows[0];
  return { seconds, sent: sent as number, lost: lost as number };
};

export const machineLine = () =>
  `Run ${new Date().toISOString()} on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(2)}.`;
