import type { EntityManager } from '@mikro-orm/postgresql';
import type { Account, Membership, Organization } from '../../src/domain/model.ts';
import { AccountSchema, MembershipSchema, OrganizationSchema } from '../schemas/index.ts';
import { plainFromRow } from './plain-rows.ts';

/** The seat counts `status` and the seats API show, per contract and plan. */

export interface TallyRow {
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

/** The tallies of one organization, own contract first, cheapest plan first. */
export const tallyRows = (em: EntityManager, organizationId: string): Promise<TallyRow[]> =>
  em.execute<TallyRow[]>(`${TALLY_SQL} order by c.kind desc, p.rank`, [organizationId]);

type Json = Record<string, unknown> | null;

/**
 * Everything `status` shows about one organization, for everyone asking at that moment, as plain
 * records (read, never written: no unit of work tracks them).
 */
export interface Picture {
  org: Organization | null;
  /** by email: each asker's account, and their membership here (null: none) */
  people: Map<string, { account: Account; membership: Membership | null }>;
  tallies: TallyRow[];
  parked: number;
}

/**
 * One query: the organization, the accounts and memberships of everyone asking (by email,
 * for authorizing each of them), the tallies, and how many notices the worker gave up on.
 */
export const readPicture = async (
  em: EntityManager,
  organizationId: string,
  emails: string[],
): Promise<Picture> => {
  const [row] = await em.execute<
    { o: Json; people: { a: Json; m: Json }[]; tallies: TallyRow[]; parked: number }[]
  >(
    `select (select row_to_json(o) from organization o where o.id = ?) as o,
            (select coalesce(json_agg(json_build_object('a', row_to_json(a), 'm', row_to_json(m))), '[]'::json)
             from account a left join membership m on m.organization_id = ? and m.account_id = a.id
             where a.email in (select jsonb_array_elements_text(?::jsonb))) as people,
            (select coalesce(json_agg(t order by t.kind desc, t.rank), '[]'::json) from (${TALLY_SQL}) t) as tallies,
            (select count(*)::int from outbox where organization_id = ? and status = 'parked') as parked`,
    [organizationId, organizationId, JSON.stringify([...new Set(emails)]), organizationId, organizationId],
  );
  const { o, people, tallies, parked } = row!;
  const byEmail = new Map<string, { account: Account; membership: Membership | null }>();
  for (const p of people) {
    if (!p.a) continue;
    const account = plainFromRow(em, AccountSchema, p.a);
    byEmail.set(account.email, { account, membership: p.m ? plainFromRow(em, MembershipSchema, p.m) : null });
  }
  return { org: o ? plainFromRow(em, OrganizationSchema, o) : null, people: byEmail, tallies, parked };
};
