import type { EntityManager } from '@mikro-orm/postgresql';
import type { ScimUserRow } from '../schemas/scim.ts';

/** A member as the identity provider sees them: the membership, its account's email, and SCIM's extras. */
export interface ScimUserRecord {
  id: string;
  email: string;
  active: boolean;
  externalId: string | null;
  givenName: string | null;
  familyName: string | null;
  displayName: string | null;
  created: Date;
  lastModified: Date;
}

/** One equality a SCIM filter may ask for; several are joined with `and`. */
export type ScimCriterion =
  | { attribute: 'userName' | 'externalId' | 'id'; value: string }
  | { attribute: 'active'; value: boolean };

interface Row {
  id: string;
  email: string;
  status: string;
  external_id: string | null;
  given_name: string | null;
  family_name: string | null;
  display_name: string | null;
  joined_at: Date | string;
  modified: Date | string;
  total?: string | number;
}

const toRecord = (r: Row): ScimUserRecord => ({
  id: r.id,
  email: r.email,
  active: r.status === 'active',
  externalId: r.external_id,
  givenName: r.given_name,
  familyName: r.family_name,
  displayName: r.display_name,
  created: new Date(r.joined_at),
  lastModified: new Date(r.modified),
});

// Members the organization still knows (not left) whose SCIM record was not DELETEd.
const FROM = `from membership m
  join account a on a.id = m.account_id
  left join scim_user s on s.membership_id = m.id
  where m.organization_id = ? and m.status <> 'left' and s.deleted_at is null`;
const COLUMNS = `m.id, a.email, m.status, s.external_id, s.given_name, s.family_name, s.display_name, m.joined_at,
  greatest(m.joined_at, coalesce(m.ended_at, m.joined_at), coalesce(s.updated_at, m.joined_at)) as modified`;

const SQL_OF: Record<ScimCriterion['attribute'], string> = {
  // userName is the email, compared case-insensitively (RFC 7643: userName is not caseExact)
  userName: 'a.email = lower(?)',
  externalId: 's.external_id = ?',
  id: 'm.id::text = lower(?)',
  active: "(m.status = 'active') = ?",
};

/** One page of the organization's users (startIndex is 1-based), with the total that match. */
export const listScimUsers = async (
  em: EntityManager,
  organizationId: string,
  q: { where: readonly ScimCriterion[]; startIndex: number; count: number },
): Promise<{ total: number; users: ScimUserRecord[] }> => {
  const where = q.where.map((c) => ` and ${SQL_OF[c.attribute]}`).join('');
  const params = [organizationId, ...q.where.map((c) => c.value)];
  const [counted] = await em.execute<{ n: string | number }[]>(
    `select count(*) as n ${FROM}${where}`,
    params,
  );
  const total = Number(counted?.n ?? 0);
  if (q.count === 0 || q.startIndex > total) return { total, users: [] };
  const rows = await em.execute<Row[]>(
    `select ${COLUMNS} ${FROM}${where} order by m.joined_at, m.id limit ? offset ?`,
    [...params, q.count, q.startIndex - 1],
  );
  return { total, users: rows.map(toRecord) };
};

/** One user of the organization by SCIM id (the membership id); another organization's is null. */
export const findScimUser = async (
  em: EntityManager,
  organizationId: string,
  id: string,
): Promise<ScimUserRecord | null> => {
  const rows = await em.execute<Row[]>(`select ${COLUMNS} ${FROM} and m.id::text = lower(?)`, [
    organizationId,
    id,
  ]);
  return rows[0] ? toRecord(rows[0]) : null;
};

/** Whether the identity provider DELETEd this membership's SCIM record. */
export const scimUserDeleted = async (em: EntityManager, membershipId: string): Promise<boolean> => {
  const rows = await em.execute<{ deleted: boolean }[]>(
    'select deleted_at is not null as deleted from scim_user where membership_id = ?',
    [membershipId],
  );
  return rows[0]?.deleted ?? false;
};

/** Stores what the identity provider says beyond the email; a DELETEd record comes back. */
export const saveScimAttributes = (
  em: EntityManager,
  u: Omit<ScimUserRow, 'deletedAt' | 'updatedAt'> & { at: Date },
) =>
  em.execute(
    `insert into scim_user (membership_id, organization_id, external_id, given_name, family_name, display_name, deleted_at, updated_at)
     values (?, ?, ?, ?, ?, ?, null, ?)
     on conflict (membership_id) do update set external_id = excluded.external_id, given_name = excluded.given_name,
       family_name = excluded.family_name, display_name = excluded.display_name, deleted_at = null,
       updated_at = excluded.updated_at`,
    [u.membershipId, u.organizationId, u.externalId, u.givenName, u.familyName, u.displayName, u.at],
  );

/** DELETE: the membership stays (offboarded), but is no longer a SCIM resource. */
export const markScimUserDeleted = (
  em: EntityManager,
  membershipId: string,
  organizationId: string,
  at: Date,
) =>
  em.execute(
    `insert into scim_user (membership_id, organization_id, deleted_at, updated_at) values (?, ?, ?, ?)
     on conflict (membership_id) do update set deleted_at = excluded.deleted_at, updated_at = excluded.updated_at`,
    [membershipId, organizationId, at, at],
  );
