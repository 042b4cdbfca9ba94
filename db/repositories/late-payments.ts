import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { PurchaseRequest } from '../../src/domain/model.ts';
import { PurchaseRequestSchema } from '../schemas/index.ts';

// purchase_request's billing_quantity, billing_ref and awaiting_payment have no mapping yet:
// they are read and written here by SQL.

/** A purchase whose payment the provider still holds, with its billing columns. */
export type AwaitingPurchase = PurchaseRequest & {
  billingQuantity: number | null;
  billingRef: string | null;
};

/**
 * Purchases whose payment the provider still holds (failed once, may complete), oldest first,
 * each locked and tracked; optionally only those billed as `billingRef`.
 */
export const awaitingPurchases = async (
  em: EntityManager,
  where: { contractId: string; billingRef?: string },
): Promise<AwaitingPurchase[]> => {
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

/** The provider holds this purchase's payment no longer (it went through, or its window closed). */
export const stopAwaitingPayment = async (em: EntityManager, requestId: string) => {
  await em.execute('update purchase_request set awaiting_payment = false where id = ?', [requestId]);
};
