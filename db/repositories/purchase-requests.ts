import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { Membership, PurchaseRequest } from '../../src/domain/model.ts';
import { MembershipSchema, PurchaseRequestSchema } from '../schemas/index.ts';

/** A new request, tracked: the transaction's flush inserts it. */
export const addRequest = (em: EntityManager, request: PurchaseRequest): PurchaseRequest =>
  em.create(PurchaseRequestSchema, request);

/** The request with its row locked for the rest of the transaction, or null. */
export const lockRequest = (em: EntityManager, id: string): Promise<PurchaseRequest | null> =>
  em.findOne(PurchaseRequestSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });

/** The request with its row locked; it must exist. */
export const lockExistingRequest = (em: EntityManager, id: string): Promise<PurchaseRequest> =>
  em.findOneOrFail(PurchaseRequestSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });

/** Requests by id, unlocked (what a page of the audit says was asked). */
export const requestsByIds = (em: EntityManager, ids: readonly string[]): Promise<PurchaseRequest[]> =>
  ids.length ? em.find(PurchaseRequestSchema, { id: { $in: [...ids] } }) : Promise.resolve([]);

/** One page of an organization's requests (or of one requester's), newest first, with the total. */
export const pageOfRequests = (
  em: EntityManager,
  where: { organizationId: string; requestedById?: string },
  page: { limit: number; offset: number },
): Promise<[PurchaseRequest[], number]> =>
  em.findAndCount(
    PurchaseRequestSchema,
    where.requestedById
      ? { organizationId: where.organizationId, requestedById: where.requestedById }
      : { organizationId: where.organizationId },
    { orderBy: { createdAt: 'desc', id: 'desc' }, limit: page.limit, offset: page.offset },
  );

/** Active approvers of an organization (the owner, and members marked approver): who decides requests. */
export const approversOf = (em: EntityManager, organizationId: string): Promise<Membership[]> =>
  em.find(MembershipSchema, {
    organizationId,
    status: 'active',
    $or: [{ role: 'owner' }, { approver: true }],
  });

/**
 * Takes the request's billing lease if it is free or started before `lapsedBefore`; false while
 * another call holds it. One conditional update, so two racing callers cannot both win.
 * (The tracked record's billingStartedAt is not refreshed: nothing reads it after this.)
 */
export const takeBillingLease = async (
  em: EntityManager,
  id: string,
  now: Date,
  lapsedBefore: Date,
): Promise<boolean> => {
  const rows = await em.execute<{ id: string }[]>(
    `update purchase_request set billing_started_at = ?
     where id = ? and (billing_started_at is null or billing_started_at <= ?) returning id`,
    [now, id, lapsedBefore],
  );
  return rows.length === 1;
};

/** Gives the billing lease back, so a retry may call the provider at once. */
export const releaseBillingLease = async (em: EntityManager, id: string): Promise<void> => {
  await em.execute('update purchase_request set billing_started_at = null where id = ?', [id]);
};

export interface SendTurnRow {
  id: string;
  billingQuantity: number | null;
}

/**
 * The contract's approved requests that hold the provider turn (their quantity is fixed), plus
 * this one: whose turn it is. Call it under the contract's lock.
 */
export const sendTurnOf = async (
  em: EntityManager,
  contractId: string,
  requestId: string,
): Promise<SendTurnRow[]> =>
  (
    await em.execute<{ id: string; billing_quantity: number | null }[]>(
      `select id, billing_quantity from purchase_request
       where contract_id = ? and status = 'approved' and (id = ? or billing_quantity is not null)`,
      [contractId, requestId],
    )
  ).map((r) => ({ id: r.id, billingQuantity: r.billing_quantity }));

/**
 * Fixes the plan's absolute quantity the provider is asked for: the plan's seats now plus the
 * request's own, in one statement. Returns it.
 */
export const fixBillingQuantity = async (
  em: EntityManager,
  r: Pick<PurchaseRequest, 'id' | 'contractId' | 'planCode' | 'quantity'>,
): Promise<number> => {
  const [row] = await em.execute<{ q: number }[]>(
    `update purchase_request set billing_quantity = ? +
       (select count(*) from seat where contract_id = ? and plan_code = ?)
     where id = ? returning billing_quantity as q`,
    [r.quantity, r.contractId, r.planCode, r.id],
  );
  return row!.q;
};

/** Adds a charged request's seats to its contract (renewing, unassigned), in one set-based statement. */
export const addPurchasedSeats = async (
  em: EntityManager,
  r: Pick<PurchaseRequest, 'contractId' | 'planCode' | 'quantity'>,
  now: Date,
): Promise<void> => {
  await em.execute(
    `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, last_used_at, created_at)
     select gen_random_uuid(), ?, ?, null, true, null, null, ? from generate_series(1, ?)`,
    [r.contractId, r.planCode, now, r.quantity],
  );
};

/**
 * Requests left approved since `cutoff` at the latest, at most `limit`: the one already at the
 * provider (quantity fixed) first, as the others wait for its turn to end.
 */
export const stalledRequestIds = async (em: EntityManager, cutoff: Date, limit: number): Promise<string[]> =>
  (
    await em.execute<{ id: string }[]>(
      `select id from purchase_request where status = 'approved' and updated_at <= ?
       order by billing_quantity is null, updated_at limit ?`,
      [cutoff, limit],
    )
  ).map((r) => r.id);

export interface AwaitingNudgeRow {
  id: string;
  /** when its approvers were asked: its waiting counts from then */
  createdAt: Date;
  remindedAt: Date | null;
  escalatedAt: Date | null;
  remindHours: number | null;
  escalateHours: number | null;
}

/**
 * Pending requests sent to their approvers, not answered nor escalated yet and still quoted, of
 * active organizations, oldest first, with their organization's timings: what the nudge job weighs.
 */
export const requestsAwaitingNudge = async (
  em: EntityManager,
  now: Date,
  askedBefore: Date,
  limit: number,
): Promise<AwaitingNudgeRow[]> =>
  (
    await em.execute<
      {
        id: string;
        created_at: Date;
        reminded_at: Date | null;
        escalated_at: Date | null;
        approval_remind_hours: number | null;
        approval_escalate_hours: number | null;
      }[]
    >(
      `select r.id, r.routed_at as created_at, r.reminded_at, r.escalated_at, o.approval_remind_hours, o.approval_escalate_hours
       from purchase_request r join organization o on o.id = r.organization_id
       where r.status = 'pending' and r.needs = 'approval' and r.escalated_at is null
         and r.quote_expires_at > ? and r.routed_at <= ? and o.status = 'active'
       order by r.routed_at, r.id limit ?`,
      [now, askedBefore, limit],
    )
  ).map((r) => ({
    id: r.id,
    createdAt: new Date(r.created_at),
    remindedAt: r.reminded_at ? new Date(r.reminded_at) : null,
    escalatedAt: r.escalated_at ? new Date(r.escalated_at) : null,
    remindHours: r.approval_remind_hours,
    escalateHours: r.approval_escalate_hours,
  }));

/**
 * Marks the request reminded (or escalated) if it still is pending and not so already: one
 * conditional update, so of two workers at once only one wins (the other's update waits for the
 * row and then matches nothing). Returns whether this call won.
 */
export const markNudged = async (
  em: EntityManager,
  id: string,
  nudge: 'remind' | 'escalate',
  now: Date,
): Promise<boolean> => {
  const rows = await em.execute<{ id: string }[]>(
    nudge === 'remind'
      ? `update purchase_request set reminded_at = ?
         where id = ? and status = 'pending' and reminded_at is null and escalated_at is null returning id`
      : `update purchase_request set escalated_at = ?
         where id = ? and status = 'pending' and escalated_at is null returning id`,
    [now, id],
  );
  return rows.length === 1;
};
