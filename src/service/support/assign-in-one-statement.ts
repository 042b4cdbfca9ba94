import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountSchema, PlanSchema } from '../../../db/schemas/index.ts';
import type { Plan } from '../../domain/catalog.ts';
import type { Account, Role } from '../../domain/model.ts';
import { can } from '../../domain/permissions.ts';
import { executePrepared } from './prepared.ts';
import { asSeatError, type ClaimedSeat, freeSeatCandidates } from './seats.ts';

/** The roles the domain lets assign seats (the gate below asks the domain, not a copy of it). */
const ASSIGNERS = (['owner', 'admin', 'member'] as const satisfies readonly Role[]).filter((role) =>
  can({ role, approver: false, status: 'active' }, 'assign'),
);

export interface Assigned {
  member: Account;
  plan: Plan;
  seat: ClaimedSeat;
  previousPlan: 'free';
}

/**
 * The common assignment — an allowed admin of an open organization gives a paid plan to an
 * active member who holds no seat — as one statement: checks, the seat claim, the audit row and
 * the notice in a single round trip and a single implicit transaction (all or nothing, like
 * inTransaction). It returns null, having changed nothing, whenever any condition is not met;
 * the caller then runs the full use case, which finds the precise refusal or handles a move from
 * another plan. So this gate only has to be a sufficient condition, never the whole rulebook.
 * Why: each extra round trip of a write transaction costs throughput on a busy database
 * (bench/RESULTS.md).
 */
export const assignInOneStatement = async (
  em: EntityManager,
  now: Date,
  cmd: AssignmentInput,
): Promise<Assigned | null> => {
  const statement = assignmentStatement(now, cmd);
  if (!statement) return null;
  const rows = await executePrepared<{
    seat: Record<string, string>;
    account: Record<string, unknown>;
    plan: Record<string, unknown>;
  }>(em, statement.sql, statement.params).catch((e) => {
    throw asSeatError(e);
  });
  const row = rows[0];
  if (!row) return null;
  return {
    member: em.map(AccountSchema, row.account as never),
    plan: em.map(PlanSchema, row.plan as never),
    seat: { id: row.seat.id!, contractId: row.seat.contract_id!, planCode: row.seat.plan_code! },
    previousPlan: 'free',
  };
};

interface AssignmentInput {
  organizationId: string;
  actorEmail: string;
  memberEmail: string;
  plan: string;
}

/** The statement and its parameters (separate, so a benchmark can EXPLAIN it). */
export const assignmentStatement = (now: Date, cmd: AssignmentInput) => {
  const candidates = freeSeatCandidates(cmd.organizationId, [cmd.plan]);
  if (!candidates) return null;
  const sql = `with me as (
         select a.id, a.email, o.name as org_name
         from organization o
         join account a on a.email = ?
         join membership m on m.organization_id = o.id and m.account_id = a.id
         where o.id = ? and o.status = 'active' and m.status = 'active' and m.role = any(string_to_array(?, ','))
       ),
       p as (select * from plan where code = ? and code <> 'free'),
       t as (
         select a.id as account_id, a.email, m.id as membership_id
         from account a join membership m on m.account_id = a.id and m.organization_id = ?
         where a.email = ? and m.status = 'active'
           and not exists (select 1 from seat s where s.membership_id = m.id)
           and exists (select 1 from me) and exists (select 1 from p)
       ),
       claimed as (
         update seat set membership_id = (select membership_id from t), assigned_at = ?
         where exists (select 1 from t) and id = (${candidates.sql})
         returning id, contract_id, plan_code
       ),
       audited as (
         insert into audit_event (id, organization_id, actor_id, action, subject_type, subject_id, before, after, at)
         select gen_random_uuid(), ?, me.id, 'seat.assigned', 'membership', t.membership_id,
                jsonb_build_object('plan', 'free'),
                jsonb_build_object('plan', claimed.plan_code, 'seatId', claimed.id, 'email', t.email), ?
         from claimed, me, t
       ),
       noticed as (
         insert into outbox (id, organization_id, recipient_id, kind, payload, created_at, next_attempt_at, status, attempts)
         select gen_random_uuid(), ?, t.account_id, 'seat_assigned',
                jsonb_build_object('organizationName', me.org_name, 'plan', claimed.plan_code,
                                   'previousPlan', 'free', 'by', me.email), ?, ?, 'pending', 0
         from claimed, me, t
       )
       select row_to_json(claimed) as seat, row_to_json(a) as account, row_to_json(p) as plan
       from claimed, t, p, account a where a.id = t.account_id`;
  const params: unknown[] = [
    cmd.actorEmail,
    cmd.organizationId,
    ASSIGNERS.join(','),
    cmd.plan,
    cmd.organizationId,
    cmd.memberEmail,
    now,
    ...candidates.params,
    cmd.organizationId,
    now,
    cmd.organizationId,
    now,
    now,
  ];
  return { sql, params };
};
