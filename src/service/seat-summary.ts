import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Organization } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { singleFlight } from './support/single-flight.ts';
import { reading } from './support/tx.ts';

export interface PlanSeats {
  plan: string;
  planName: string;
  contractId: string;
  contractKind: string;
  purchased: number;
  assigned: number;
  free: number;
  /** seats with auto-renew off: they disappear at the renewal date */
  ending: number;
  renewalDate: string;
  frozen: boolean;
}

export interface SeatSummary {
  organizationId: string;
  organizationName: string;
  status: Organization['status'];
  paidThrough: string | null;
  autoAssign: boolean;
  plans: PlanSeats[];
  totals: { purchased: number; assigned: number; free: number; ending: number };
}

const input = z.object({ organizationId: uuidField });

interface TallyRow {
  plan_code: string;
  plan_name: string;
  contract_id: string;
  kind: string;
  current_period_end: Date;
  disconnected_at: Date | null;
  purchased: number;
  assigned: number;
  ending: number;
}

/** Concurrent summaries of one organization share a query (never an answer older than the call). */
const tallies = singleFlight<TallyRow[]>();

/** Seats per contract and plan; stays fast for organizations of tens of thousands. */
export const summarize = async (em: EntityManager, org: Organization): Promise<SeatSummary> => {
  const rows = await tallies(org.id, () =>
    em.execute<TallyRow[]>(
      // seats counted per contract first (an index-only scan of seat_tally), then named
      `select t.plan_code, p.name as plan_name, c.id as contract_id, c.kind, c.current_period_end, c.disconnected_at,
              t.purchased, t.assigned, t.ending
       from contract c
       cross join lateral (
         select s.plan_code, count(*)::int as purchased, count(s.membership_id)::int as assigned,
                count(*) filter (where not s.auto_renew)::int as ending
         from seat s where s.contract_id = c.id group by s.plan_code) t
       join plan p on p.code = t.plan_code
       where c.organization_id = ? and c.status = 'active'
       order by c.kind desc, p.rank`,
      [org.id],
    ),
  );
  const plans = rows.map((r) => ({
    plan: r.plan_code,
    planName: r.plan_name,
    contractId: r.contract_id,
    contractKind: r.kind,
    purchased: r.purchased,
    assigned: r.assigned,
    free: r.purchased - r.assigned,
    ending: r.ending,
    renewalDate: new Date(r.current_period_end).toISOString(),
    frozen: r.disconnected_at !== null,
  }));
  const sum = (k: 'purchased' | 'assigned' | 'free' | 'ending') => plans.reduce((n, p) => n + p[k], 0);
  return {
    organizationId: org.id,
    organizationName: org.name,
    status: org.status,
    paidThrough: org.paidThrough?.toISOString() ?? null,
    autoAssign: org.autoAssign,
    plans,
    totals: {
      purchased: sum('purchased'),
      assigned: sum('assigned'),
      free: sum('free'),
      ending: sum('ending'),
    },
  };
};

/** `status`: per plan purchased / assigned / free / ending and the renewal date (admins). */
export const seatSummary = (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return reading(ctx, async (em) => {
    const { org } = await authorize(em, cmd.organizationId, actor, 'view_org');
    const [summary, parked] = await Promise.all([
      summarize(em, org),
      em.execute<{ n: number }[]>(
        `select count(*)::int as n from outbox where organization_id = ? and status = 'parked'`,
        [org.id],
      ),
    ]);
    // messages the worker gave up on: admins should know someone was not told
    return { ...summary, undeliveredNotices: parked[0]?.n ?? 0 };
  });
};
