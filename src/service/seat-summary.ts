import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Organization } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { emailField, parse, uuidField } from './support/input.ts';
import { authorizeRows, type Json } from './support/lookups.ts';
import { batchedFlight, singleFlight } from './support/single-flight.ts';
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
  current_period_end: Date | string;
  disconnected_at: Date | string | null;
  purchased: number;
  assigned: number;
  ending: number;
}

/**
 * Seats per contract and plan of one organization (parameter: its id): counted per contract
 * first (an index-only scan of seat_tally), then named; stays fast for tens of thousands.
 */
export const TALLY_SQL = `select t.plan_code, p.name as plan_name, p.rank, c.id as contract_id, c.kind, c.current_period_end,
         c.disconnected_at, t.purchased, t.assigned, t.ending
  from contract c
  cross join lateral (
    select s.plan_code, count(*)::int as purchased, count(s.membership_id)::int as assigned,
           count(*) filter (where not s.auto_renew)::int as ending
    from seat s where s.contract_id = c.id group by s.plan_code) t
  join plan p on p.code = t.plan_code
  where c.organization_id = ? and c.status = 'active'`;

/** Concurrent summaries of one organization share a query (never an answer older than the call). */
const tallies = singleFlight<TallyRow[]>();

/** Seats per contract and plan, for an organization already looked up. */
export const summarize = async (em: EntityManager, org: Organization): Promise<SeatSummary> => {
  const rows = await tallies(org.id, () =>
    em.execute<TallyRow[]>(`${TALLY_SQL} order by c.kind desc, p.rank`, [org.id]),
  );
  return summaryOf(org, rows);
};

const summaryOf = (org: Organization, rows: TallyRow[]): SeatSummary => {
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

/** Everything `status` shows about one organization, for everyone asking at that moment. */
interface Picture {
  o: Json;
  people: { a: Json; m: Json }[];
  tallies: TallyRow[];
  parked: number;
}

/**
 * Concurrent `status` calls for one organization share one query that also authorizes every
 * caller waiting for it (chat bursts: many people, one organization): one round trip serves
 * them all, and each caller is refused or answered as authorize would.
 */
const pictures = batchedFlight<string, Picture>();

const readPicture = async (em: EntityManager, organizationId: string, emails: string[]) => {
  const [row] = await em.execute<Picture[]>(
    `select (select row_to_json(o) from organization o where o.id = ?) as o,
            (select coalesce(json_agg(json_build_object('a', row_to_json(a), 'm', row_to_json(m))), '[]'::json)
             from account a left join membership m on m.organization_id = ? and m.account_id = a.id
             where a.email in (select jsonb_array_elements_text(?::jsonb))) as people,
            (select coalesce(json_agg(t order by t.kind desc, t.rank), '[]'::json) from (${TALLY_SQL}) t) as tallies,
            (select count(*)::int from outbox where organization_id = ? and status = 'parked') as parked`,
    [organizationId, organizationId, JSON.stringify([...new Set(emails)]), organizationId, organizationId],
  );
  return row!;
};

/** `status`: per plan purchased / assigned / free / ending and the renewal date (admins). */
export const seatSummary = (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  const email = parse(emailField, actor.email);
  return reading(ctx, async (em) => {
    const picture = await pictures(cmd.organizationId, email, (emails) =>
      readPicture(em, cmd.organizationId, emails),
    );
    const mine = picture.people.find((p) => p.a?.email === email);
    const { org } = authorizeRows(em, picture.o, mine?.a ?? null, mine?.m ?? null, 'view_org');
    // messages the worker gave up on: admins should know someone was not told
    return { ...summaryOf(org, picture.tallies), undeliveredNotices: picture.parked };
  });
};
