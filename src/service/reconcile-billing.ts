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
  const contracts = await reading(ctx, (em) =>
    em.execute<{ id: string; organization_id: string; org_status: string }[]>(
      `select c.id, c.organization_id, o.status as org_status from contract c
       join organization o on o.id = c.organization_id
       where c.kind = 'organization' and c.status = 'active' and o.status in ('active', 'cancelling')
       order by c.id limit ?`,
      [opts.limit ?? 500],
    ),
  );
  const results: Reconciled[] = [];
  for (const c of contracts) {
    try {
      await syncRenewalSchedules(ctx, [c.id]);
      const billed = await ctx.billing.billedState(c.id);
      if (!billed) continue;
      const drift = await reading(ctx, (em) => driftOf(em, c.id, billed, ctx.clock.now()));
      const cancelMismatch = billed.cancelAtPeriodEnd !== (c.org_status === 'cancelling');
      if (drift.length === 0 && !cancelMismatch && !billed.ended) continue;
      await inTransaction(ctx, async (em) => {
        audit(em, ctx.clock.now(), {
          organizationId: c.organization_id,
          actorId: null,
          action: 'billing.drift',
          subject: { type: 'contract', id: c.id },
          after: {
            drift,
            cancelAtPeriodEnd: billed.cancelAtPeriodEnd,
            ended: billed.ended,
            source: 'reconciliation',
          },
        });
      });
      results.push({ contractId: c.id, drift, cancelMismatch });
    } catch (e) {
      results.push({
        contractId: c.id,
        drift: [],
        cancelMismatch: false,
        error: e instanceof Error ? e.message : String(e),
      });
    }
  }
  return results;
};
