import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { OrganizationSchema } from '../db/schemas/index.ts';
import { assignPlan } from '../src/service/assign-plan.ts';
import { seatSummary, summarize, TALLY_SQL } from '../src/service/seat-summary.ts';
import { closedLoop, type LoadResult, serviceOn } from './support.ts';

export interface SummaryOptions {
  clients: number;
  pool: number;
  members: number;
  durationMs: number;
  warmupMs: number;
}

/**
 * One organization of `members` members, seeded with set-based SQL: its own contract holds
 * 80% of members' worth of pro seats (90% of them assigned, some not renewing) and 16% business
 * seats; a connected external contract adds 4% pro seats. About a tenth of members are seatless.
 */
export const seedBigOrganization = async (db: pg.Client, members: number) => {
  const pro = Math.round(members * 0.8);
  const proAssigned = Math.round(pro * 0.9);
  const business = Math.round(members * 0.16);
  const businessAssigned = Math.round(business * 0.875);
  const external = Math.round(members * 0.04);
  const externalAssigned = Math.round(external * 0.95);
  await db.query('begin');
  const { rows } = await db.query<{
    org_id: string;
    owner_id: string;
    owner_m: string;
    own: string;
    ext: string;
  }>(
    `select gen_random_uuid() as org_id, gen_random_uuid() as owner_id, gen_random_uuid() as owner_m,
            gen_random_uuid() as own, gen_random_uuid() as ext`,
  );
  const k = rows[0]!;
  const owner = 'owner@big.bench.test';
  await db.query(
    `insert into account (id, email, name, personal_plan, payment_method, created_at, updated_at)
     values ($1, $2, 'Big Owner', 'business', 'pm_card_visa', now(), now())`,
    [k.owner_id, owner],
  );
  await db.query(
    `insert into organization (id, name, owner_id, status, auto_assign, idle_reclaim, edition, modules, created_at, updated_at)
     values ($1, 'Big Co', $2, 'active', false, true, 'standard', '[]', now(), now())`,
    [k.org_id, k.owner_id],
  );
  await db.query(
    `insert into membership (id, organization_id, account_id, role, approver, status, former, joined_at)
     values ($1, $2, $3, 'owner', true, 'active', false, now())`,
    [k.owner_m, k.org_id, k.owner_id],
  );
  await db.query(
    `insert into contract (id, kind, organization_id, manager_id, period, currency, current_period_start,
                           current_period_end, status, created_at)
     values ($1, 'organization', $3, $4, 'year', 'eur', now(), now() + interval '1 year', 'active', now()),
            ($2, 'external', $3, $4, 'year', 'eur', now(), now() + interval '1 year', 'active', now())`,
    [k.own, k.ext, k.org_id, k.owner_id],
  );
  await db.query(
    `create temp table big_member on commit drop as
     select i, gen_random_uuid() as account_id, gen_random_uuid() as membership_id from generate_series(1, $1) i`,
    [members],
  );
  await db.query(
    `insert into account (id, email, name, personal_plan, created_at, updated_at)
     select account_id, 'big-' || i || '@big.bench.test', null, 'free', now(), now() from big_member`,
  );
  await db.query(
    `insert into membership (id, organization_id, account_id, role, approver, status, former, joined_at)
     select membership_id, $1, account_id, case when i % 500 = 0 then 'admin' else 'member' end, false, 'active',
            false, now()
     from big_member`,
    [k.org_id],
  );
  await db.query(
    `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, created_at)
     values (gen_random_uuid(), $1, 'business', $2, true, now(), now())`,
    [k.own, k.owner_m],
  );
  // seats numbered g; seat g of a block goes to member `offset + g` while g <= assigned
  const block = async (contract: string, plan: string, count: number, assigned: number, offset: number) =>
    db.query(
      `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, created_at)
       select gen_random_uuid(), $1, $2, m.membership_id, g % 25 <> 0, case when m.membership_id is null then null else now() end, now()
       from generate_series(1, $3::int) g
       left join big_member m on g <= $4::int and m.i = $5::int + g`,
      [contract, plan, count, assigned, offset],
    );
  await block(k.own, 'pro', pro, proAssigned, 0);
  await block(k.own, 'business', business, businessAssigned, proAssigned);
  await block(k.ext, 'pro', external, externalAssigned, proAssigned + businessAssigned);
  await db.query('commit');
  await db.query('vacuum analyze seat');
  await db.query('analyze');
  const totals = await db.query<{ seats: number; assigned: number }>(
    `select count(*)::int as seats, count(membership_id)::int as assigned from seat where contract_id in ($1, $2)`,
    [k.own, k.ext],
  );
  return { orgId: k.org_id, owner, ...totals.rows[0]! };
};

/**
 * Adds `n` seatless members and `n` free renewing pro seats to the big organization, so the
 * assignment load in it runs out of neither during the measurement.
 */
const topUpForAssignments = async (db: pg.Client, orgId: string, n: number) => {
  await db.query('begin');
  await db.query(
    `create temp table extra_member on commit drop as
     select i, gen_random_uuid() as account_id from generate_series(1, $1::int) i`,
    [n],
  );
  await db.query(
    `insert into account (id, email, name, personal_plan, created_at, updated_at)
     select account_id, 'extra-' || i || '@big.bench.test', null, 'free', now(), now() from extra_member`,
  );
  await db.query(
    `insert into membership (id, organization_id, account_id, role, approver, status, former, joined_at)
     select gen_random_uuid(), $1, account_id, 'member', false, 'active', false, now() from extra_member`,
    [orgId],
  );
  await db.query(
    `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, created_at)
     select gen_random_uuid(), c.id, 'pro', null, true, null, now()
     from contract c cross join generate_series(1, $2::int)
     where c.organization_id = $1 and c.kind = 'organization'`,
    [orgId, n],
  );
  await db.query('commit');
  await db.query('analyze');
};

export type SummaryBench = Awaited<ReturnType<typeof benchSeatSummary>>;

export const benchSeatSummary = async (url: string, admin: pg.Client, o: SummaryOptions) => {
  const t0 = performance.now();
  const seeded = await seedBigOrganization(admin, o.members);
  const seedSeconds = (performance.now() - t0) / 1000;
  const { orm, ctx } = await serviceOn(url, o.pool);
  try {
    // correctness first: the summary counts what was seeded
    const check = await seatSummary(ctx, { email: seeded.owner }, { organizationId: seeded.orgId });
    if (check.totals.purchased !== seeded.seats || check.totals.assigned !== seeded.assigned) {
      throw new Error(`summary is wrong: ${JSON.stringify(check.totals)} vs ${JSON.stringify(seeded)}`);
    }
    const useCase: LoadResult = await closedLoop(o.clients, o.durationMs, o.warmupMs, async () => {
      await seatSummary(ctx, { email: seeded.owner }, { organizationId: seeded.orgId });
      return true;
    });
    const org = await (orm.em.fork() as unknown as EntityManager).findOneOrFail(OrganizationSchema, {
      id: seeded.orgId,
    });
    const query: LoadResult = await closedLoop(o.clients, o.durationMs, o.warmupMs, async () => {
      await summarize(orm.em.fork() as unknown as EntityManager, org);
      return true;
    });
    const single: LoadResult = await closedLoop(1, Math.min(3000, o.durationMs), 200, async () => {
      await summarize(orm.em.fork() as unknown as EntityManager, org);
      return true;
    });
    // assignments inside the big organization: the seat claim must not slow down with its size
    await topUpForAssignments(admin, seeded.orgId, 40_000);
    const { rows: seatless } = await admin.query<{ email: string }>(
      `select a.email from membership m join account a on a.id = m.account_id
       where m.organization_id = $1 and m.role = 'member'
         and not exists (select 1 from seat s where s.membership_id = m.id)
       order by a.email`,
      [seeded.orgId],
    );
    let nextMember = 0;
    const bigOrgAssign: LoadResult = await closedLoop(o.clients, o.durationMs, o.warmupMs, async () => {
      const m = seatless[nextMember++];
      if (!m) return false;
      await assignPlan(
        ctx,
        { email: seeded.owner },
        { organizationId: seeded.orgId, member: m.email, plan: 'pro' },
      );
      return true;
    });
    const plan = await admin.query<{ 'QUERY PLAN': string }>(
      // the product's own query (pg numbers its parameters: the one `?` becomes $1)
      `explain (analyze, buffers, costs off) ${TALLY_SQL.replace('?', '$1')} order by c.kind desc, p.rank`,
      [seeded.orgId],
    );
    return {
      seeded,
      seedSeconds,
      totals: check.totals,
      useCase,
      query,
      single,
      bigOrgAssign,
      explain: plan.rows.map((r) => r['QUERY PLAN']).join('\n'),
    };
  } finally {
    await orm.close(true);
  }
};
