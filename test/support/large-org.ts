import type { TestDb } from './db.ts';

/** The email of the i-th bulk member (1-based, zero-padded so email order is number order). */
export const bulkEmail = (i: number) => `m${String(i).padStart(4, '0')}@bulk.example.com`;

/**
 * Adds `n` active members to an organization in one statement each for accounts and
 * memberships (a 1,000-person company in well under a second).
 */
export const addBulkMembers = async (db: TestDb, organizationId: string, n: number) => {
  const em = db.em.fork();
  const now = db.clock.now();
  await em.execute(
    `insert into account (id, email, name, personal_plan, created_at, updated_at)
     select gen_random_uuid(), 'm' || lpad(i::text, 4, '0') || '@bulk.example.com',
            'Bulk Member ' || i, 'free', ?, ?
     from generate_series(1, ?) as i`,
    [now, now, n],
  );
  await em.execute(
    `insert into membership (id, organization_id, account_id, role, approver, status, former, joined_at)
     select gen_random_uuid(), ?, a.id, 'member', false, 'active', false, ?
     from account a where a.email like '%@bulk.example.com'`,
    [organizationId, now],
  );
  return Array.from({ length: n }, (_, i) => bulkEmail(i + 1));
};

/** The id of an organization by name. */
export const orgIdByName = async (db: TestDb, name: string) => {
  const [row] = await db.em
    .fork()
    .execute<{ id: string }[]>('select id from organization where name = ?', [name]);
  if (!row) throw new Error(`no organization ${name}`);
  return row.id;
};

/** `n` audit events in an organization, one a minute back from now, each naming a bulk member. */
export const addBulkAudit = async (db: TestDb, organizationId: string, n: number) => {
  const now = db.clock.now();
  await db.em.fork().execute(
    `insert into audit_event (id, organization_id, actor_id, action, subject_type, subject_id, before, after, at)
     select gen_random_uuid(), ?, null, 'seat.assigned', 'membership', gen_random_uuid()::text,
            jsonb_build_object('plan', 'free'),
            jsonb_build_object('plan', 'pro', 'email', 'm' || lpad(i::text, 4, '0') || '@bulk.example.com'),
            ?::timestamptz - make_interval(mins => i)
     from generate_series(1, ?) as i`,
    [organizationId, now, n],
  );
};

/**
 * Bulk members known to a chat workspace (a verified identity each, user id `U` + number), and
 * one pending `offboarded` notice to each: what an offboarding wave leaves in the outbox.
 */
export const addBulkNotices = async (
  db: TestDb,
  o: { organizationId: string; platform: 'slack' | 'teams'; workspaceId: string; n: number },
) => {
  const em = db.em.fork();
  const now = db.clock.now();
  await em.execute(
    `insert into chat_identity (platform, workspace_id, user_id, account_id, verified_at)
     select ?, ?, 'UM' || substring(a.email from 2 for 4), a.id, ?
     from account a where a.email like '%@bulk.example.com'
       and substring(a.email from 2 for 4)::int <= ?
     on conflict do nothing`,
    [o.platform, o.workspaceId, now, o.n],
  );
  await em.execute(
    `insert into outbox (id, organization_id, recipient_id, kind, payload, status, attempts, next_attempt_at, created_at)
     select gen_random_uuid(), ?, a.id, 'offboarded', jsonb_build_object('organizationName', 'Acme', 'by', 'alice@example.com'),
            'pending', 0, ?, ?
     from account a where a.email like '%@bulk.example.com' and substring(a.email from 2 for 4)::int <= ?`,
    [o.organizationId, now, now, o.n],
  );
};
