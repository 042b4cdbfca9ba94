import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { type Picture, readPicture, type TallyRow, tallyRows } from '../../db/repositories/seat-summary.ts';
import type { Organization } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { emailField, parse, uuidField } from './support/input.ts';
import { authorizeRecords } from './support/lookups.ts';
import { rowsOnly } from './support/rows-only.ts';
import { batchedFlight, singleFlight } from './support/single-flight.ts';

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

// the SQL of the counts is the repository's; kept here for the benchmarks that import it
export { TALLY_SQL } from '../../db/repositories/seat-summary.ts';

/** Concurrent summaries of one organization share a query (never an answer older than the call). */
const tallies = singleFlight<TallyRow[]>();

/** Seats per contract and plan, for an organization already looked up. */
export const summarize = async (em: EntityManager, org: Organization): Promise<SeatSummary> => {
  const rows = await tallies(org.id, () => tallyRows(em, org.id));
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

/**
 * Concurrent `status` calls for one organization share one query that also authorizes every
 * caller waiting for it (chat bursts: many people, one organization): one round trip serves
 * them all, and each caller is refused or answered as authorize would.
 */
const pictures = batchedFlight<string, Picture>();

/** `status`: per plan purchased / assigned / free / ending and the renewal date (admins). */
export const seatSummary = (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  const email = parse(emailField, actor.email);
  // plain rows, no unit of work: nothing here is written
  return rowsOnly(ctx, async (em) => {
    const picture = await pictures(cmd.organizationId, email, (emails) =>
      readPicture(em, cmd.organizationId, emails),
    );
    const mine = picture.people.get(email);
    const { org } = authorizeRecords(
      picture.org,
      mine?.account ?? null,
      mine?.membership ?? null,
      'view_org',
    );
    // messages the worker gave up on: admins should know someone was not told
    return { ...summaryOf(org, picture.tallies), undeliveredNotices: picture.parked };
  });
};
