import { contractsToReconcile } from '../../db/repositories/billing-events.ts';
import type { ServiceContext } from './context.ts';
import { type Drift, driftOf } from './support/drift.ts';
import { audit } from './support/records.ts';
import { syncRenewalSchedules } from './support/renewal-schedule.ts';
import { inTransaction, reading } from './support/tx.ts';

export interface Reconciled {
  contractId: string;
  drift: Drift[];
  /** the provider's cancel-at-period-end flag disagrees with our organization's status */
  cancelMismatch: boolean;
  error?: string;
}

/**
 * Hourly: compares what the billing provider bills for each organization's contract (per plan
 * quantity, cancel at period end) with our seats, and records every difference as a
 * `billing.drift` audit event for people to look at. It repairs nothing by itself: which side
 * is right (a webhook not yet applied, a change made in the Stripe dashboard) needs a person.
 * With the ledger there is no second record, so nothing can drift.
 *
 * It is also the safety net of the renewal schedule: each contract's next-period quantities are
 * synced again first, so a sync that failed after an auto-renew change is retried within the hour.
 */
export const reconcileBilling = async (ctx: ServiceContext, opts: { limit?: number } = {}) => {
  const contracts = await reading(ctx, (em) => contractsToReconcile(em, opts.limit ?? 500));
  const results: Reconciled[] = [];
  for (const c of contracts) {
    try {
      await syncRenewalSchedules(ctx, [c.contractId]);
      const billed = await ctx.billing.billedState(c.contractId);
      if (!billed) continue;
      const drift = await reading(ctx, (em) => driftOf(em, c.contractId, billed, ctx.clock.now()));
      const cancelMismatch = billed.cancelAtPeriodEnd !== (c.organizationStatus === 'cancelling');
      if (drift.length === 0 && !cancelMismatch && !billed.ended) continue;
      await inTransaction(ctx, async (em) => {
        audit(em, ctx.clock.now(), {
          organizationId: c.organizationId,
          actorId: null,
          action: 'billing.drift',
          subject: { type: 'contract', id: c.contractId },
          after: {
            drift,
            cancelAtPeriodEnd: billed.cancelAtPeriodEnd,
            ended: billed.ended,
            source: 'reconciliation',
          },
        });
      });
      results.push({ contractId: c.contractId, drift, cancelMismatch });
    } catch (e) {
      results.push({
        contractId: c.contractId,
        drift: [],
        cancelMismatch: false,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return results;
};
