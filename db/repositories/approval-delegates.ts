import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export interface DelegationRow {
  approverId: string;
  approverEmail: string;
  delegateId: string;
  delegateEmail: string;
  until: Date;
}

const SELECT = `select d.approver_id, a.email as approver_email, d.delegate_id, b.email as delegate_email, d.until
  from approval_delegate d
  join account a on a.id = d.approver_id
  join account b on b.id = d.delegate_id`;

type Row = {
  approver_id: string;
  approver_email: string;
  delegate_id: string;
  delegate_email: string;
  until: Date;
};
const rowOf = (r: Row): DelegationRow => ({
  approverId: r.approver_id,
  approverEmail: r.approver_email,
  delegateId: r.delegate_id,
  delegateEmail: r.delegate_email,
  until: new Date(r.until),
});

/** The approver's delegate in this organization, if they named one (current or past its day). */
export const delegationOf = async (em: EntityManager, organizationId: string, approverId: string) => {
  const rows = await em.execute<Row[]>(`${SELECT} where d.organization_id = ? and d.approver_id = ?`, [
    organizationId,
    approverId,
  ]);
  return rows[0] ? rowOf(rows[0]) : null;
};

/** The approvers this account stands in for right now in this organization. */
export const delegationsTo = async (
  em: EntityManager,
  organizationId: string,
  delegateId: string,
  now: Date,
) =>
  (
    await em.execute<Row[]>(
      `${SELECT} where d.organization_id = ? and d.delegate_id = ? and d.until > ? order by a.email`,
      [organizationId, delegateId, now],
    )
  ).map(rowOf);

/** Names (or renames) the approver's one delegate, with the last instant they may decide. */
export const saveDelegation = (
  em: EntityManager,
  d: { organizationId: string; approverId: string; delegateId: string; until: Date; at: Date },
) =>
  em.execute(
    `insert into approval_delegate (id, organization_id, approver_id, delegate_id, until, created_at)
     values (?, ?, ?, ?, ?, ?)
     on conflict (organization_id, approver_id)
     do update set delegate_id = excluded.delegate_id, until = excluded.until, created_at = excluded.created_at`,
    [randomUUID(), d.organizationId, d.approverId, d.delegateId, d.until, d.at],
  );

/** Ends the approver's delegation; how many there were (0 or 1). */
export const removeDelegation = async (em: EntityManager, organizationId: string, approverId: string) => {
  const rows = await em.execute<{ id: string }[]>(
    'delete from approval_delegate where organization_id = ? and approver_id = ? returning id',
    [organizationId, approverId],
  );
  return rows.length;
};

/**
 * The delegates standing in right now for these approvers in this organization, if still active
 * members there: who else decides (and is told about) a request that needs approval.
 */
export const activeDelegatesFor = async (
  em: EntityManager,
  organizationId: string,
  approverIds: readonly string[],
  now: Date,
) =>
  approverIds.length
    ? (
        await em.execute<Row[]>(
          `${SELECT} join membership m on m.organization_id = d.organization_id and m.account_id = d.delegate_id
           where d.organization_id = ? and d.approver_id in (?) and d.until > ? and m.status = 'active'
           order by a.email`,
          [organizationId, [...approverIds], now],
        )
      ).map(rowOf)
    : [];
