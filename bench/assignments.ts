import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { DomainError } from '../src/domain/errors.ts';
import { can } from '../src/domain/permissions.ts';
import { assignPlan } from '../src/service/assign-plan.ts';
import type { ServiceContext } from '../src/service/context.ts';
import { claimSeat, noFreeSeat } from '../src/service/support/seats.ts';
import { closedLoop, type LoadResult, serviceOn } from './support.ts';

export interface AssignmentsOptions {
  clients: number;
  pool: number;
  orgs: number;
  membersPerOrg: number;
  durationMs: number;
  warmupMs: number;
}

/**
 * Seeds `orgs` organizations, each with an owner (holding a business seat), `membersPerOrg`
 * seatless members and as many free pro seats, all with set-based SQL. Every row is what the
 * use cases would have written (same columns, same constraints).
 */
export const seedAssignments = async (
  db: pg.Client,
  o: Pick<AssignmentsOptions, 'orgs' | 'membersPerOrg'>,
) => {
  await db.query('begin');
  await db.query(
    `create temp table bench_org on commit drop as
     select o, gen_random_uuid() as org_id, gen_random_uuid() as owner_id, gen_random_uuid() as owner_m,
            gen_random_uuid() as contract_id
     from generate_series(1, $1) o`,
    [o.orgs],
  );
  await db.query(
    `insert into account (id, email, name, personal_plan, payment_method, created_at, updated_at)
     select owner_id, 'owner-' || o || '@bench.test', 'Owner ' || o, 'business', 'pm_card_visa', now(), now()
     from bench_org`,
  );
  await db.query(
    `insert into organization (id, name, owner_id, status, auto_assign, idle_reclaim, edition, modules, created_at, updated_at)
     select org_id, 'Bench ' || o, owner_id, 'active', false, true, 'standard', '[]', now(), now() from bench_org`,
  );
  await db.query(
    `insert into membership (id, organization_id, account_id, role, approver, status, former, joined_at)
     select owner_m, org_id, owner_id, 'owner', true, 'active', false, now() from bench_org`,
  );
  await db.query(
    `insert into contract (id, kind, organization_id, manager_id, period, currency, current_period_start,
                           current_period_end, status, created_at)
     select contract_id, 'organization', org_id, owner_id, 'month', 'eur', now(), now() + interval '1 month',
            'active', now()
     from bench_org`,
  );
  await db.query(
    `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, created_at)
     select gen_random_uuid(), contract_id, 'business', owner_m, true, now(), now() from bench_org`,
  );
  await db.query(
    `create temp table bench_member on commit drop as
     select o, i, org_id, gen_random_uuid() as account_id, 'm-' || o || '-' || i || '@bench.test' as email
     from bench_org, generate_series(1, $1) i`,
    [o.membersPerOrg],
  );
  await db.query(
    `insert into account (id, email, name, personal_plan, created_at, updated_at)
     select account_id, email, null, 'free', now(), now() from bench_member`,
  );
  await db.query(
    `insert into membership (id, organization_id, account_id, role, approver, status, former, joined_at)
     select gen_random_uuid(), org_id, account_id, 'member', false, 'active', false, now() from bench_member`,
  );
  await db.query(
    `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, created_at)
     select gen_random_uuid(), b.contract_id, 'pro', null, true, now()
     from bench_org b, generate_series(1, $1)`,
    [o.membersPerOrg],
  );
  // The work list: every seatless member, interleaved across organizations so concurrent
  // clients hit the same organizations' seats at once (as several admins would).
  const { rows } = await db.query<{ org_id: string; owner: string; email: string }>(
    `select m.org_id, 'owner-' || m.o || '@bench.test' as owner, m.email from bench_member m order by m.i, m.o`,
  );
  await db.query('commit');
  await db.query('analyze');
  return rows;
};

/**
 * A what-if, NOT product code: what `assignPlan` would cost if its lookups were joined into two
 * raw queries and its audit + outbox rows written by one statement (6 round trips with begin and
 * commit, instead of 12, and no entity hydration). Same checks for the bench's happy path (org
 * open, actor may assign, plan exists and is paid, member active and seatless), same claim, same
 * rows written. It measures the refactor suggested in bench/RESULTS.md.
 */
export const leanAssign = (
  ctx: ServiceContext,
  actorEmail: string,
  orgId: string,
  email: string,
  plan: string,
) =>
  ctx.em.fork({ clear: true }).transactional(async (tx) => {
    const em = tx as EntityManager;
    const now = ctx.clock.now();
    const [head] = await em.execute<
      {
        org_name: string;
        org_status: string;
        actor_id: string;
        role: string | null;
        approver: boolean | null;
        m_status: string | null;
        plan_code: string | null;
        plan_name: string | null;
        rank: number | null;
      }[]
    >(
      `select o.name as org_name, o.status as org_status, a.id as actor_id, m.role, m.approver, m.status as m_status,
              p.code as plan_code, p.name as plan_name, p.rank
       from organization o
       join account a on a.email = ?
       left join membership m on m.organization_id = o.id and m.account_id = a.id
       left join plan p on p.code = ?
       where o.id = ? and o.status <> 'deleted'`,
      [actorEmail, plan, orgId],
    );
    if (head?.m_status !== 'active') throw new DomainError('not_found', 'No such organization.', '-');
    if (!can({ role: head.role as 'admin', approver: head.approver!, status: 'active' }, 'assign'))
      throw new DomainError('forbidden', 'Not yours to do.', '-');
    if (head.org_status === 'cancelled') throw new DomainError('organization_closed', 'Closed.', '-');
    if (!head.plan_code || head.rank === 0) throw new DomainError('invalid_input', 'No such paid plan.', '-');
    const [member] = await em.execute<
      { account_id: string; membership_id: string; status: string; seat_plan: string | null }[]
    >(
      `select a.id as account_id, m.id as membership_id, m.status, s.plan_code as seat_plan
       from account a
       join membership m on m.account_id = a.id and m.organization_id = ?
       left join seat s on s.membership_id = m.id
       where a.email = ?`,
      [orgId, email],
    );
    if (member?.status !== 'active') throw new DomainError('not_found', 'Not a member.', '-');
    if (member.seat_plan)
      throw new DomainError('already_has_seat', 'Has a seat (moves not prototyped).', '-');
    const seat = await claimSeat(em, orgId, member.membership_id, [head.plan_code], now);
    if (!seat) throw noFreeSeat({ code: head.plan_code, name: head.plan_name! });
    await em.execute(
      `with audit as (
         insert into audit_event (id, organization_id, actor_id, action, subject_type, subject_id, before, after, at)
         values (?, ?, ?, 'seat.assigned', 'membership', ?, ?::jsonb, ?::jsonb, ?))
       insert into outbox (id, organization_id, recipient_id, kind, payload, status, attempts, next_attempt_at, created_at)
       values (?, ?, ?, 'seat_assigned', ?::jsonb, 'pending', 0, ?, ?)`,
      [
        randomUUID(),
        orgId,
        head.actor_id,
        member.membership_id,
        JSON.stringify({ plan: 'free' }),
        JSON.stringify({ plan: head.plan_code, seatId: seat.id, email }),
        now,
        randomUUID(),
        orgId,
        member.account_id,
        JSON.stringify({
          organizationName: head.org_name,
          plan: head.plan_code,
          previousPlan: 'free',
          by: actorEmail,
        }),
        now,
        now,
      ],
    );
    return seat;
  });

export interface AssignmentsBench {
  useCase: LoadResult;
  lean: LoadResult;
  seeded: number;
  seedSeconds: number;
  assignedAfter: number;
  overAssigned: number;
  auditRows: number;
  outboxRows: number;
}

export const benchAssignments = async (
  url: string,
  admin: pg.Client,
  o: AssignmentsOptions,
): Promise<AssignmentsBench> => {
  const t0 = performance.now();
  const work = await seedAssignments(admin, o);
  const seedSeconds = (performance.now() - t0) / 1000;
  const { orm, ctx } = await serviceOn(url, o.pool);
  try {
    let next = 0;
    const useCase = await closedLoop(o.clients, o.durationMs, o.warmupMs, async () => {
      const w = work[next++];
      if (!w) return false;
      await assignPlan(ctx, { email: w.owner }, { organizationId: w.org_id, member: w.email, plan: 'pro' });
      return true;
    });
    const lean = await closedLoop(o.clients, o.durationMs, o.warmupMs, async () => {
      const w = work[next++];
      if (!w) return false;
      await leanAssign(ctx, w.owner, w.org_id, w.email, 'pro');
      return true;
    });
    // the invariants still hold after the load
    const { rows } = await admin.query<{ assigned: number; over: number }>(
      `select count(*) filter (where plan_code = 'pro' and membership_id is not null)::int as assigned,
              (select count(*)::int from (select membership_id from seat where membership_id is not null
                 group by membership_id having count(*) > 1) x) as over
       from seat`,
    );
    const { rows: written } = await admin.query<{ audit: number; outbox: number }>(
      `select (select count(*)::int from audit_event where action = 'seat.assigned') as audit,
              (select count(*)::int from outbox where kind = 'seat_assigned') as outbox`,
    );
    return {
      useCase,
      lean,
      auditRows: written[0]!.audit,
      outboxRows: written[0]!.outbox,
      seeded: work.length,
      seedSeconds,
      assignedAfter: rows[0]!.assigned,
      overAssigned: rows[0]!.over,
    };
  } finally {
    await orm.close(true);
  }
};
