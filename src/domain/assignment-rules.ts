import { ACCESS_REFUSALS, refusalError } from './access.ts';
import type { Plan } from './catalog.ts';
import { DomainError, type ErrorCode } from './errors.ts';
import type { Account, Contract, Membership, Organization, Role, Seat } from './model.ts';
import { can } from './permissions.ts';

/**
 * The conditions of giving a member a seat of a plan, written once. Both paths derive from this
 * list: the use case (assignPlan) evaluates it in order on the records it loaded
 * (`assignmentFacts` below), and the one-statement fast path (db/repositories/assignment.ts)
 * is generated from it: one SQL expression per fact, and a CASE over the conditions in this
 * order that picks the first failing one's code. Adding a condition here therefore changes
 * both paths: its fact must get a TypeScript expression (assignmentFacts) and a SQL expression
 * (FACT_SQL in the repository), or the project does not compile.
 */
export type AssignmentFact =
  | 'organizationExists'
  | 'actorNotDetached'
  | 'actorActive'
  | 'actorMayAssign'
  | 'organizationOpen'
  | 'planExists'
  | 'planIsPaid'
  | 'targetIsMember'
  | 'targetActive'
  | 'targetLacksThisPlan'
  | 'heldSeatNotFrozen'
  | 'targetHoldsNoSeat'
  | 'freeSeatClaimed';

/** What a person reads in a refusal: the values the messages name. */
export interface RefusalContext {
  organizationName: string;
  actorRole: Role | null;
  /** the plan code as asked */
  planCode: string;
  planName: string | null;
  /** every plan code, cheapest first (named when the plan asked for does not exist) */
  planCodes: readonly string[];
  memberEmail: string;
}

/**
 * When a condition is known: before the claim (from the records read), or by the claim
 * itself (a free seat was taken).
 */
export type Stage = 'before_claim' | 'by_claim';

export type AssignmentCondition =
  | {
      fact: AssignmentFact;
      stage: Stage;
      code: ErrorCode;
      refusal: (c: RefusalContext) => DomainError;
    }
  | {
      fact: AssignmentFact;
      stage: Stage;
      /** not a refusal: the member moves from another plan (the fast path leaves that to the use case) */
      code: 'move';
    };

/** What the fast path reports: nothing failed (null), a refusal code, or a move it leaves alone. */
export type AssignmentOutcome = ErrorCode | 'move';

// the access refusals are access.ts's own: authorize and the assignment say the same words
const organizationNotFound = () => refusalError(ACCESS_REFUSALS.organizationNotFound());

/** Plan changes on a disconnected contract are frozen. */
export const contractFrozen = () =>
  new DomainError(
    'contract_frozen',
    { key: 'errors_support.assign.frozen' },
    { key: 'errors_support.assign.frozen_next' },
  );

export const noFreeSeat = (plan: Pick<Plan, 'code' | 'name'>) =>
  new DomainError(
    'no_free_seat',
    { key: 'errors_support.assign.no_free_seat', args: { plan: plan.name } },
    { key: 'errors_support.assign.no_free_seat_next', args: { code: plan.code } },
  );

/** The conditions, in the order they are checked; the first that fails decides. */
export const ASSIGNMENT_CONDITIONS: readonly AssignmentCondition[] = [
  { fact: 'organizationExists', stage: 'before_claim', code: 'not_found', refusal: organizationNotFound },
  {
    fact: 'actorNotDetached',
    stage: 'before_claim',
    code: 'detached',
    refusal: (c) => refusalError(ACCESS_REFUSALS.accessRemoved(c.organizationName)),
  },
  // same answer whether the organization exists for others or not: no leak across organizations
  { fact: 'actorActive', stage: 'before_claim', code: 'not_found', refusal: organizationNotFound },
  {
    fact: 'actorMayAssign',
    stage: 'before_claim',
    code: 'forbidden',
    refusal: (c) => refusalError(ACCESS_REFUSALS.notYours(c.actorRole, 'assign')),
  },
  {
    fact: 'organizationOpen',
    stage: 'before_claim',
    code: 'organization_closed',
    refusal: (c) => refusalError(ACCESS_REFUSALS.organizationClosed(c.organizationName)),
  },
  {
    fact: 'planExists',
    stage: 'before_claim',
    code: 'not_found',
    refusal: (c) =>
      new DomainError(
        'not_found',
        { key: 'errors_support.plan.not_found', args: { code: c.planCode } },
        { key: 'errors_support.plan.not_found_next', args: { codes: c.planCodes.join(', ') } },
      ),
  },
  {
    fact: 'planIsPaid',
    stage: 'before_claim',
    code: 'invalid_input',
    refusal: (c) =>
      new DomainError(
        'invalid_input',
        { key: 'errors_support.assign.free_needs_no_seat' },
        { key: 'errors_support.assign.free_needs_no_seat_next', args: { email: c.memberEmail } },
      ),
  },
  {
    fact: 'targetIsMember',
    stage: 'before_claim',
    code: 'not_found',
    refusal: (c) =>
      new DomainError(
        'not_found',
        {
          key: 'errors_support.member.not_member',
          args: { email: c.memberEmail, organization: c.organizationName },
        },
        { key: 'errors_support.member.not_member_next' },
      ),
  },
  {
    fact: 'targetActive',
    stage: 'before_claim',
    code: 'detached',
    refusal: (c) =>
      new DomainError(
        'detached',
        { key: 'errors_support.assign.offboarded', args: { email: c.memberEmail } },
        { key: 'errors_support.assign.offboarded_next' },
      ),
  },
  {
    fact: 'targetLacksThisPlan',
    stage: 'before_claim',
    code: 'already_has_seat',
    refusal: (c) =>
      new DomainError(
        'already_has_seat',
        {
          key: 'errors_support.assign.already_has',
          args: { email: c.memberEmail, plan: c.planName ?? c.planCode },
        },
        { key: 'errors_support.assign.already_has_next' },
      ),
  },
  // a move frees the held seat first: not while its contract is frozen
  { fact: 'heldSeatNotFrozen', stage: 'before_claim', code: 'contract_frozen', refusal: contractFrozen },
  { fact: 'targetHoldsNoSeat', stage: 'before_claim', code: 'move' },
  {
    fact: 'freeSeatClaimed',
    stage: 'by_claim',
    code: 'no_free_seat',
    refusal: (c) => noFreeSeat({ code: c.planCode, name: c.planName ?? c.planCode }),
  },
];

/** The records the use case reads to decide; null where there is none. */
export interface AssignmentState {
  organization: Organization | null;
  /** the acting account's membership in the organization */
  actor: Membership | null;
  plan: Plan | null;
  /** the member named, unless they left (or never joined) */
  target: { account: Account; membership: Membership } | null;
  /** the seat the member holds now, with its contract */
  held: { seat: Seat; contract: Contract } | null;
}

export type FactsBeforeClaim = Record<Exclude<AssignmentFact, 'freeSeatClaimed'>, boolean>;

/** Each fact before the claim, in TypeScript (its SQL twin is FACT_SQL in the repository). */
export const assignmentFacts = (s: AssignmentState): FactsBeforeClaim => ({
  organizationExists: s.organization !== null && s.organization.status !== 'deleted',
  actorNotDetached: s.actor?.status !== 'detached',
  actorActive: s.actor?.status === 'active',
  actorMayAssign: can(s.actor, 'assign'),
  organizationOpen: s.organization?.status !== 'cancelled',
  planExists: s.plan !== null,
  planIsPaid: s.plan?.code !== 'free',
  targetIsMember: s.target !== null,
  targetActive: s.target?.membership.status === 'active',
  targetLacksThisPlan: s.held === null || s.held.seat.planCode !== s.plan?.code,
  heldSeatNotFrozen: s.held === null || s.held.contract.disconnectedAt === null,
  targetHoldsNoSeat: s.held === null,
});

/**
 * Checks the conditions of one stage in order against the facts: throws the first failing
 * condition's refusal; returns whether the member moves from another plan.
 */
export const checkAssignment = (
  stage: Stage,
  facts: Partial<Record<AssignmentFact, boolean>>,
  context: RefusalContext,
): { move: boolean } => {
  let move = false;
  for (const c of ASSIGNMENT_CONDITIONS) {
    if (c.stage !== stage || facts[c.fact] !== false) continue;
    if (c.code === 'move') move = true;
    else throw c.refusal(context);
  }
  return { move };
};

/** The refusal of the condition on `fact`, for a fact found false. */
export const refusalOf = (fact: AssignmentFact, context: RefusalContext): DomainError => {
  const c = ASSIGNMENT_CONDITIONS.find((x) => x.fact === fact);
  if (!c || c.code === 'move') throw new Error(`no refusal for the fact ${fact}`);
  return c.refusal(context);
};

/** The first failing condition's outcome, as the fast path computes it (null: all hold). */
export const firstFailing = (facts: Record<AssignmentFact, boolean>): AssignmentOutcome | null =>
  ASSIGNMENT_CONDITIONS.find((c) => !facts[c.fact])?.code ?? null;

const ROLES = ['owner', 'admin', 'member'] as const satisfies readonly Role[];

/**
 * The memberships that may assign, as `role:approver` keys (the fast path matches the actor's
 * membership against them): asked of the permission table, not copied from it.
 */
export const ASSIGNING_MEMBERSHIPS: readonly string[] = ROLES.flatMap((role) =>
  [false, true]
    .filter((approver) => can({ role, approver, status: 'active' }, 'assign'))
    .map((approver) => `${role}:${approver}`),
);
