import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ASSIGNING_MEMBERSHIPS,
  ASSIGNMENT_CONDITIONS,
  type AssignmentCondition,
  type AssignmentFact,
  type AssignmentOutcome,
  type AssignmentState,
} from '../../src/domain/assignment-rules.ts';
import type { Plan } from '../../src/domain/catalog.ts';
import type { Account, Contract, Membership, Organization, Seat } from '../../src/domain/model.ts';
import {
  AccountSchema,
  ContractSchema,
  MembershipSchema,
  OrganizationSchema,
  PlanSchema,
  SeatSchema,
} from '../schemas/index.ts';
import { executePrepared } from './prepared.ts';
import {
  asSeatError,
  type ClaimedSeat,
  columnsOf,
  freeSeatCandidates,
  managedPart,
  managedRow,
} from './seats.ts';

/** Who assigns which plan to whom, in which organization (emails and plan code parsed). */
export interface AssignmentRequest {
  organizationId: string;
  actorEmail: string;
  memberEmail: string;
  plan: string;
}

/**
 * The rows every assignment decides on, one row always (each part null when missing):
 * o organization, a actor's account, m actor's membership, p plan, t member's account,
 * tm member's membership (unless they left), ts the seat they hold, tc its contract.
 * Parameters: rowParams. Both paths read exactly these rows. The seat and its contract are
 * LIMIT 1 subqueries so that even a generic plan looks them up by index: as plain joins, the
 * planner may merge-join over every held seat of the database.
 */
const ASSIGNMENT_ROWS = `from (select string_to_array(?, ',') as assigners) r
  left join organization o on o.id = ?
  left join account a on a.email = ?
  left join membership m on m.organization_id = o.id and m.account_id = a.id
  left join plan p on p.code = ?
  left join account t on t.email = ?
  left join membership tm on tm.organization_id = o.id and tm.account_id = t.id and tm.status <> 'left'
  left join lateral (select * from seat s where s.membership_id = tm.id limit 1) ts on true
  left join lateral (select * from contract c where c.id = ts.contract_id limit 1) tc on true`;

const rowParams = (cmd: AssignmentRequest) => [
  ASSIGNING_MEMBERSHIPS.join(','),
  cmd.organizationId,
  cmd.actorEmail,
  cmd.plan,
  cmd.memberEmail,
];

/**
 * Each fact of the assignment conditions as SQL over ASSIGNMENT_ROWS (the TypeScript twin of
 * each is assignmentFacts in src/domain/assignment-rules.ts). A new fact in the domain list
 * does not compile until it has its expression here. `claimed` is the claim's own result.
 */
export const FACT_SQL: Record<AssignmentFact, string> = {
  organizationExists: `coalesce(o.status <> 'deleted', false)`,
  actorNotDetached: `m.status is distinct from 'detached'`,
  actorActive: `m.status is not distinct from 'active'`,
  actorMayAssign: `coalesce(m.status = 'active' and (m.role || ':' || m.approver) = any(r.assigners), false)`,
  organizationOpen: `o.status is distinct from 'cancelled'`,
  planExists: 'p.code is not null',
  planIsPaid: `p.code is distinct from 'free'`,
  targetIsMember: 'tm.id is not null',
  targetActive: `tm.status is not distinct from 'active'`,
  targetLacksThisPlan: 'ts.id is null or ts.plan_code is distinct from p.code',
  heldSeatNotFrozen: 'tc.disconnected_at is null',
  targetHoldsNoSeat: 'ts.id is null',
  freeSeatClaimed: 'exists (select 1 from claimed)',
};

const column = (fact: AssignmentFact) => `f."${fact}"`;

/** The first failing condition's outcome, as SQL: a CASE over the list, in its order. */
export const outcomeCase = (
  conditions: readonly AssignmentCondition[],
  factSql: (fact: AssignmentFact) => string,
) => `case ${conditions.map((c) => `when (${factSql(c.fact)}) is not true then '${c.code}'`).join(' ')} end`;

const BEFORE_CLAIM = ASSIGNMENT_CONDITIONS.filter((c) => c.stage === 'before_claim');

/**
 * The seat_assigned notice, as SQL per payload field (the same fields the use case writes).
 * Once notices are typed, this can be `satisfies Record<keyof (seat_assigned payload), string>`.
 */
const SEAT_ASSIGNED_PAYLOAD = {
  organizationName: 'f.org_name',
  plan: 'claimed.plan_code',
  previousPlan: `'free'`,
  by: 'f.actor_email',
};

const jsonbOf = (fields: Record<string, string>) =>
  `jsonb_build_object(${Object.entries(fields)
    .map(([k, v]) => `'${k}', ${v}`)
    .join(', ')})`;

/**
 * The common assignment as one statement: the conditions (ASSIGNMENT_CONDITIONS, as SQL), the
 * seat claim, the audit row and the notice in a single round trip and a single implicit
 * transaction. The claim, audit and notice happen only when no condition before the claim
 * fails; the statement returns the first failing condition's code (or 'move': the member holds
 * a seat of another plan, which the use case moves) and, when none failed, the claimed seat.
 * Separate from its execution so a benchmark can EXPLAIN it.
 */
export const assignmentStatement = (now: Date, cmd: AssignmentRequest) => {
  const candidates = freeSeatCandidates(cmd.organizationId, [cmd.plan]);
  if (!candidates) return null;
  const facts = BEFORE_CLAIM.map((c) => `${FACT_SQL[c.fact]} as "${c.fact}"`).join(',\n         ');
  const sql = `with f as (
         select o.name as org_name, a.id as actor_id, a.email as actor_email,
                t.id as target_account_id, t.email as target_email, tm.id as target_membership_id,
                row_to_json(t) as target, row_to_json(p) as plan,
         ${facts}
         ${ASSIGNMENT_ROWS}
       ),
       gate as (select ${outcomeCase(BEFORE_CLAIM, column)} as outcome from f),
       claimed as (
         update seat set membership_id = (select target_membership_id from f), assigned_at = ?
         where (select outcome from gate) is null and id = (${candidates.sql})
         returning id, contract_id, plan_code
       ),
       audited as (
         insert into audit_event (id, organization_id, actor_id, action, subject_type, subject_id, before, after, at)
         select gen_random_uuid(), ?, f.actor_id, 'seat.assigned', 'membership', f.target_membership_id,
                jsonb_build_object('plan', 'free'),
                jsonb_build_object('plan', claimed.plan_code, 'seatId', claimed.id, 'email', f.target_email), ?
         from claimed, f
       ),
       noticed as (
         insert into outbox (id, organization_id, recipient_id, kind, payload, created_at, next_attempt_at, status, attempts)
         select gen_random_uuid(), ?, f.target_account_id, 'seat_assigned', ${jsonbOf(SEAT_ASSIGNED_PAYLOAD)},
                ?, ?, 'pending', 0
         from claimed, f
       )
       select ${outcomeCase(ASSIGNMENT_CONDITIONS, (fact) => (BEFORE_CLAIM.some((c) => c.fact === fact) ? column(fact) : FACT_SQL[fact]))} as outcome,
              (select row_to_json(claimed) from claimed) as seat, f.target as account, f.plan as plan
       from f`;
  const params: unknown[] = [
    ...rowParams(cmd),
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

export type FastAssignment =
  | { outcome: null; member: Account; plan: Plan; seat: ClaimedSeat }
  | { outcome: AssignmentOutcome };

/**
 * Runs the one-statement assignment (a prepared statement, on its own pooled connection):
 * either the seat it claimed, or the outcome of the first failing condition, having changed
 * nothing. Why one statement: each extra round trip of a write transaction costs throughput
 * on a busy database (bench/RESULTS.md).
 */
export const assignInOneStatement = async (
  em: EntityManager,
  now: Date,
  cmd: AssignmentRequest,
): Promise<FastAssignment> => {
  const statement = assignmentStatement(now, cmd)!;
  const rows = await executePrepared<{
    outcome: AssignmentOutcome | null;
    seat: Record<string, string> | null;
    account: Record<string, unknown>;
    plan: Record<string, unknown>;
  }>(em, statement.sql, statement.params).catch((e) => {
    throw asSeatError(e);
  });
  const row = rows[0]!;
  if (row.outcome !== null || !row.seat) return { outcome: row.outcome ?? 'no_free_seat' };
  return {
    outcome: null,
    member: em.map(AccountSchema, row.account as never),
    plan: em.map(PlanSchema, row.plan as never),
    seat: { id: row.seat.id!, contractId: row.seat.contract_id!, planCode: row.seat.plan_code! },
  };
};

type Json = Record<string, unknown> | null;

/** What the use case decides on: the rows of ASSIGNMENT_ROWS as tracked records. */
export interface AssignmentRecords extends AssignmentState {
  /** the acting account */
  me: Account | null;
  /** every plan code, cheapest first; only read when the plan asked for does not exist */
  planCodes: string[];
}

/** The records of ASSIGNMENT_ROWS in one round trip (the seat and its contract tracked). */
export const loadAssignment = async (
  em: EntityManager,
  cmd: AssignmentRequest,
): Promise<AssignmentRecords> => {
  const seatCols = columnsOf(em, SeatSchema);
  const contractCols = columnsOf(em, ContractSchema);
  const [row] = await em.execute<Record<string, unknown>[]>(
    `select row_to_json(o) as o, row_to_json(a) as a, row_to_json(m) as m, row_to_json(p) as p,
            row_to_json(t) as t, row_to_json(tm) as tm,
            ${[...seatCols.map((c) => `ts."${c}" as "s.${c}"`), ...contractCols.map((c) => `tc."${c}" as "c.${c}"`)].join(', ')},
            case when p.code is null then (select json_agg(code order by rank) from plan) end as plan_codes
     ${ASSIGNMENT_ROWS}`,
    rowParams(cmd),
  );
  const r = row!;
  const json = (k: string) => r[k] as Json;
  const mapped = <T extends object>(schema: { meta: { className: string } }, k: string) => {
    const v = json(k);
    return v ? managedRow<T>(em, schema, v) : null;
  };
  const targetAccount = mapped<Account>(AccountSchema, 't');
  const targetMembership = mapped<Membership>(MembershipSchema, 'tm');
  return {
    organization: mapped<Organization>(OrganizationSchema, 'o'),
    me: mapped<Account>(AccountSchema, 'a'),
    actor: mapped<Membership>(MembershipSchema, 'm'),
    plan: mapped<Plan>(PlanSchema, 'p'),
    target:
      targetAccount && targetMembership ? { account: targetAccount, membership: targetMembership } : null,
    held:
      r['s.id'] == null
        ? null
        : {
            seat: managedPart<Seat>(em, r, SeatSchema, 's', seatCols),
            contract: managedPart<Contract>(em, r, ContractSchema, 'c', contractCols),
          },
    planCodes: (r.plan_codes as string[] | null) ?? [],
  };
};
