import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PurchaseRequestSchema } from '../../../db/schemas/index.ts';
import type { Organization, PurchaseRequest } from '../../domain/model.ts';
import { canMove } from '../../domain/quote.ts';
import { notifyOutcome } from './purchase.ts';
import { audit } from './records.ts';

/** Purchases whose payment the provider still holds (failed once, may complete), locked. */
export const awaitingPurchases = async (
  em: EntityManager,
  where: { contractId: string; billingRef?: string },
): Promise<(PurchaseRequest & { billingQuantity: number | null; billingRef: string | null })[]> => {
  const rows = await em.execute<
    { id: string; billing_quantity: number | null; billing_ref: string | null }[]
  >(
    `select id, billing_quantity, billing_ref from purchase_request
     where contract_id = ? and awaiting_payment and status = 'payment_failed' ${where.billingRef ? 'and billing_ref = ?' : ''}
     order by created_at for update`,
    where.billingRef ? [where.contractId, where.billingRef] : [where.contractId],
  );
  const out = [];
  for (const r of rows) {
    const request = await em.findOneOrFail(
      PurchaseRequestSchema,
      { id: r.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    out.push(Object.assign(request, { billingQuantity: r.billing_quantity, billingRef: r.billing_ref }));
  }
  return out;
};

/** The held payment went through after all: the seats appear now, once, and everyone is told. */
export const completeLatePurchase = async (
  em: EntityManager,
  now: Date,
  org: Organization,
  request: PurchaseRequest,
  ref: string,
) => {
  // awaitingPurchases selects failed ones only; the state machine is the rule that allows this
  if (!canMove(request.status, 'charged')) {
    throw new Error(`purchase ${request.id} cannot move from ${request.status} to charged`);
  }
  request.status = 'charged';
  request.chargeRef = ref;
  request.failureReason = null;
  request.updatedAt = now;
  await em.execute('update purchase_request set awaiting_payment = false where id = ?', [request.id]);
  await em.execute(
    `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, last_used_at, created_at)
     select gen_random_uuid(), ?, ?, null, true, null, null, ? from generate_series(1, ?)`,
    [request.contractId, request.planCode, now, request.quantity],
  );
  audit(em, now, {
    organizationId: org.id,
    actorId: null,
    action: 'purchase.charged',
    subject: { type: 'purchase_request', id: request.id },
    before: { status: 'payment_failed' },
    after: {
      status: 'charged',
      seatsAdded: request.quantity,
      plan: request.planCode,
      chargeRef: ref,
      late: true,
    },
  });
  await notifyOutcome(em, now, org, request, {});
};

/** The held payment's window closed: it stays failed for good, and everyone is told. */
export const expireLatePurchase = async (
  em: EntityManager,
  now: Date,
  org: Organization,
  request: PurchaseRequest,
) => {
  const reason = 'The payment was not completed in time.';
  request.failureReason = reason;
  request.updatedAt = now;
  await em.execute('update purchase_request set awaiting_payment = false where id = ?', [request.id]);
  audit(em, now, {
    organizationId: org.id,
    actorId: null,
    action: 'purchase.payment_expired',
    subject: { type: 'purchase_request', id: request.id },
    before: { status: 'payment_failed', awaitingPayment: true },
    after: { status: 'payment_failed', reason },
  });
  await notifyOutcome(em, now, org, request, { reason });
};
