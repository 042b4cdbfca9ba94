import type { EntityManager } from '@mikro-orm/postgresql';
import type { Account, Membership, Seat } from '../../src/domain/model.ts';
import { MembershipSchema, SeatSchema } from '../schemas/index.ts';
import { accountFromRow, type JsonRow, tracked } from './accounts.ts';

export { markSeatUsed } from './seats.ts';

/** A `membership` row (as `row_to_json`) as the tracked membership. */
export const membershipFromRow = (em: EntityManager, row: Record<string, unknown>): Membership =>
  tracked(em, MembershipSchema, row);

export const membershipOf = (
  em: EntityManager,
  organizationId: string,
  accountId: string,
): Promise<Membership | null> => em.findOne(MembershipSchema, { organizationId, accountId });

/** A new membership, tracked by the unit of work (written at the next flush). */
export const createMembership = (em: EntityManager, m: Membership): Membership =>
  em.create(MembershipSchema, m);

export const activeMembershipsOf = (em: EntityManager, organizationId: string): Promise<Membership[]> =>
  em.find(MembershipSchema, { organizationId, status: 'active' });

/** The active owner and admins of an organization. */
export const activeAdminsOf = (em: EntityManager, organizationId: string): Promise<Membership[]> =>
  em.find(MembershipSchema, { organizationId, status: 'active', role: { $in: ['owner', 'admin'] } });

export const ownerMembershipOf = (em: EntityManager, organizationId: string): Promise<Membership | null> =>
  em.findOne(MembershipSchema, { organizationId, role: 'owner' });

/** Members still known to the organization: active or detached (offboarded), not left. */
export const currentMembershipsOf = (em: EntityManager, organizationId: string): Promise<Membership[]> =>
  em.find(MembershipSchema, { organizationId, status: { $in: ['active', 'detached'] } });

/** The active and detached memberships of one account, in every organization. */
export const currentMembershipsOfAccount = (em: EntityManager, accountId: string): Promise<Membership[]> =>
  em.find(MembershipSchema, { accountId, status: { $in: ['active', 'detached'] } });

export const countActiveMembershipsOfAccount = (em: EntityManager, accountId: string): Promise<number> =>
  em.count(MembershipSchema, { accountId, status: 'active' });

/** Memberships by id with their account's email, in no order; `lock`: rows locked for the transaction. */
export const membershipsWithEmail = (
  em: EntityManager,
  ids: readonly string[],
  lock: boolean,
): Promise<{ id: string; account_id: string; status: string; email: string }[]> =>
  ids.length
    ? em.execute(
        `select m.id, m.account_id, m.status, a.email from membership m join account a on a.id = m.account_id
         where m.id in (?)${lock ? ' for update of m' : ''}`,
        [[...ids]],
      )
    : Promise.resolve([]);

/** Locks a membership row for the rest of the transaction. */
export const lockMembershipRow = async (em: EntityManager, id: string) => {
  await em.execute('select id from membership where id = ? for update', [id]);
};

type Member = { account: Account; membership: Membership };

const asMember = (em: EntityManager, a: Record<string, unknown>, m: Record<string, unknown>): Member => ({
  account: accountFromRow(em, a),
  membership: membershipFromRow(em, m),
});

/**
 * The accounts and memberships (not left) of many emails in one organization, in one query,
 * tracked, by email; emails of no member are absent.
 */
export const membersByEmails = async (
  em: EntityManager,
  organizationId: string,
  emails: readonly string[],
): Promise<Map<string, Member>> => {
  if (!emails.length) return new Map();
  const rows = await em.execute<{ a: NonNullable<JsonRow>; m: NonNullable<JsonRow> }[]>(
    `select row_to_json(a) as a, row_to_json(m) as m
     from account a join membership m on m.account_id = a.id and m.organization_id = ?
     where a.email in (?) and m.status <> 'left'`,
    [organizationId, [...emails]],
  );
  return new Map(rows.map((r) => [String(r.a.email), asMember(em, r.a, r.m)]));
};

/** The account and membership (not left) of one email in an organization, tracked, or null. */
export const memberByEmail = async (
  em: EntityManager,
  organizationId: string,
  email: string,
): Promise<Member | null> => {
  const [row] = await em.execute<{ a: JsonRow; m: JsonRow }[]>(
    `select row_to_json(a) as a, row_to_json(m) as m
     from account a join membership m on m.account_id = a.id and m.organization_id = ?
     where a.email = ? and m.status <> 'left'`,
    [organizationId, email],
  );
  return row?.a && row.m ? asMember(em, row.a, row.m) : null;
};

export interface MemberListRow {
  email: string;
  name: string | null;
  role: string;
  approver: boolean;
  status: string;
  former: boolean;
  plan: string | null;
  auto_renew: boolean | null;
}

/** Which members a list shows: former ones are hidden, shown too, or the only ones shown. */
export type FormerMembers = 'hide' | 'include' | 'only';

const FORMER_FILTER: Record<FormerMembers, string> = {
  hide: 'and not m.former',
  include: '',
  only: 'and m.former',
};

/**
 * One page of an organization's member list (not left; former ones as asked), owner first,
 * then admins, then by email, with each one's seat.
 */
export const memberListPage = (
  em: EntityManager,
  organizationId: string,
  page: { former: FormerMembers; limit: number; offset: number },
): Promise<MemberListRow[]> =>
  em.execute<MemberListRow[]>(
    `select a.email, a.name, m.role, m.approver, m.status, m.former, s.plan_code as plan, s.auto_renew
     from membership m join account a on a.id = m.account_id
     left join seat s on s.membership_id = m.id
     where m.organization_id = ? and m.status <> 'left' ${FORMER_FILTER[page.former]}
     order by (m.role = 'owner') desc, (m.role = 'admin') desc, a.email
     limit ? offset ?`,
    [organizationId, page.limit, page.offset],
  );

/** How many the whole member list has, and how many of them are active. */
export const memberListCounts = async (
  em: EntityManager,
  organizationId: string,
  former: FormerMembers,
): Promise<{ total: number; active: number }> => {
  const [counts] = await em.execute<{ total: string; active: string }[]>(
    `select count(*) as total, count(*) filter (where m.status = 'active') as active
     from membership m
     where m.organization_id = ? and m.status <> 'left' ${FORMER_FILTER[former]}`,
    [organizationId],
  );
  return { total: Number(counts?.total ?? 0), active: Number(counts?.active ?? 0) };
};

/** The seats these memberships hold, tracked. */
export const seatsHeldBy = (em: EntityManager, membershipIds: readonly string[]): Promise<Seat[]> =>
  em.find(SeatSchema, { membershipId: { $in: [...membershipIds] } });

/** The seat one membership holds, tracked, or null. */
export const seatHeldBy = (em: EntityManager, membershipId: string): Promise<Seat | null> =>
  em.findOne(SeatSchema, { membershipId });
