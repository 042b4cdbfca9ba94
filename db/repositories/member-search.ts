import type { EntityManager } from '@mikro-orm/postgresql';

/** One member as a people picker shows them. */
export interface MemberHit {
  email: string;
  name: string | null;
  plan: string;
}

/** `%`, `_` and `\` typed by a person match themselves, not any text. */
const likeEscaped = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Active members whose email or name contains the query, in email order, one page at a time,
 * with the total that matched. `offboardable`: the ones HR may offboard (not the owner, not the
 * searcher `exceptEmail`); otherwise everyone active.
 */
export const searchActiveMembers = async (
  em: EntityManager,
  o: {
    organizationId: string;
    offboardable: { exceptEmail: string } | null;
    query: string;
    limit: number;
    offset: number;
  },
): Promise<{ hits: MemberHit[]; total: number }> => {
  const pattern = `%${likeEscaped(o.query.trim().toLowerCase())}%`;
  const rows = await em.execute<(MemberHit & { total: string })[]>(
    `select a.email, a.name, coalesce(s.plan_code, 'free') as plan, count(*) over () as total
     from membership m join account a on a.id = m.account_id
     left join seat s on s.membership_id = m.id
     where m.organization_id = ? and m.status = 'active'
       ${o.offboardable ? "and m.role <> 'owner' and a.email <> ?" : ''}
       and (a.email like ? or lower(coalesce(a.name, '')) like ?)
     order by a.email limit ? offset ?`,
    [
      o.organizationId,
      ...(o.offboardable ? [o.offboardable.exceptEmail] : []),
      pattern,
      pattern,
      o.limit,
      o.offset,
    ],
  );
  return {
    hits: rows.map(({ email, name, plan }) => ({ email, name, plan })),
    total: rows.length ? Number(rows[0]!.total) : 0,
  };
};

/** The members of an organization with these emails (any status), for labelling picks. */
export const membersByEmail = async (
  em: EntityManager,
  organizationId: string,
  emails: string[],
): Promise<MemberHit[]> =>
  emails.length
    ? em.execute<MemberHit[]>(
        `select a.email, a.name, coalesce(s.plan_code, 'free') as plan
         from membership m join account a on a.id = m.account_id
         left join seat s on s.membership_id = m.id
         where m.organization_id = ? and a.email in (?)`,
        [organizationId, emails],
      )
    : Promise.resolve([]);
