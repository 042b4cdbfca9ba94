import type { EntityManager } from '@mikro-orm/postgresql';
import { insertSeats } from '../../../db/repositories/contracts.ts';
import { awaitingPurchases, stopAwaitingPayment } from '../../../db/repositories/late-payments.ts';
import type { Organization, PurchaseRequest } from '../../domain/model.ts';
import { canMove } from '../../domain/quote.ts';
import { seatIntendedPeople } from './intended-people.ts';
import { notifyOutcome } from './purchase.ts';
import { sendPurchaseReceipt } from './receipts.ts';
import { audit } from './records.ts';

/** Purchases whose payment the provider still holds (failed once, may complete), locked. */
export { awaitingPurchases };

/** The held payment went through after all: the seats appear now, once, and everyone is told and sent the receipt. */
export const completeLatePurchase = async (
  em: EntityManager,
  now: Date,
  org: Organization,
  request: PurchaseRequest,
  ref: string,
) => {
  // awaitingPurchases returns failed ones only; the state machine is the rule that allows this
  if (!canMove(request.status, 'charged')) {
    throw new Error(`purchase ${request.id} cannot move from ${request.status} to charged`);
  }
  request.status = 'charged';
  request.chargeRef = ref;
  request.failureReason = null;
  request.updatedAt = now;
  await stopAwaitingPayment(em, request.id);
  await insertSeats(em, request.contractId, request.planCode, request.quantity, now);
  await seatIntendedPeople(em, now, org, request, request.quantity, null);
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
  const told = await notifyOutcome(em, now, org, request, {});
  await sendPurchaseReceipt(em, now, org, request, told);
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
  await stopAwaitingPayment(em, request.id);
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
