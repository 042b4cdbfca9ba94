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
 * Who decides an organization's requests right now, in one statement: its active approvers
 * (the owner, and members marked approver; `forApprover` null), and the active members standing
 * in for one of them until a later instant (`forApprover`: that approver's email).
 */
export const decidersNow = async (
  em: EntityManager,
  organizationId: string,
  now: Date,
): Promise<{ accountId: string; forApprover: string | null; forApproverId: string | null }[]> =>
  (
    await em.execute<{ account_id: string; for_approver: string | null; for_approver_id: string | null }[]>(
      `select m.account_id, null as for_approver, null::uuid as for_approver_id, 0 as k, '' as e from membership m
       where m.organization_id = ? and m.status = 'active' and (m.role = 'owner' or m.approver)
       union all
       select d.delegate_id, a.email, d.approver_id, 1, a.email from approval_delegate d
       join account a on a.id = d.approver_id
       join membership am on am.organization_id = d.organization_id and am.account_id = d.approver_id
         and am.status = 'active' and (am.role = 'owner' or am.approver)
       join membership dm on dm.organization_id = d.organization_id and dm.account_id = d.delegate_id
         and dm.status = 'active'
       where d.organization_id = ? and d.until > ?
       order by k, e`,
      [organizationId, organizationId, now],
    )
  ).map((r) => ({ accountId: r.account_id, forApprover: r.for_approver, forApproverId: r.for_approver_id }));
