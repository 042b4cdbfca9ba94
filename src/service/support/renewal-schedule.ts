import { contractPeriod, seatsWithRenewing } from '../../../db/repositories/renewals.ts';
import type { ServiceContext } from '../context.ts';
import type { PlanQuantity } from '../ports.ts';
import { audit } from './records.ts';
import { inTransaction, reading } from './tx.ts';

interface Seats {
  contractId: string;
  organizationId: string | null;
  period: 'month' | 'year';
  periodStart: Date;
  current: PlanQuantity[];
  renewing: PlanQuantity[];
}

const seatsOf = (ctx: ServiceContext, contractId: string): Promise<Seats | null> =>
  reading(ctx, async (em) => {
    const c = await contractPeriod(em, contractId);
    // An ended period: the roll is due and brings Stripe to the renewing seats itself; the next
    // period is planned from the rolled contract.
    if (c?.status !== 'active' || c.currentPeriodEnd <= ctx.clock.now()) return null;
    const rows = await seatsWithRenewing(em, contractId);
    return {
      contractId,
      organizationId: c.organizationId,
      period: c.period,
      periodStart: c.currentPeriodStart,
      current: rows.map((r) => ({ planCode: r.planCode, quantity: r.seats })),
      renewing: rows.map((r) => ({ planCode: r.planCode, quantity: r.renewing })),
    };
  });

const sameSeats = (a: Seats, b: Seats | null) =>
  b !== null &&
  a.periodStart.getTime() === b.periodStart.getTime() &&
  JSON.stringify([a.current, a.renewing]) === JSON.stringify([b.current, b.renewing]);

export interface ScheduleSync {
  contractId: string;
  error?: string;
}

/**
 * Tells the billing provider what each contract renews next period, after the change that
 * altered it has committed (never inside a transaction: it calls the provider).
 *
 * A failure does not undo the person's change: their change is already recorded and right, and
 * the roll at period end still drops the seats. So it is not thrown; it is recorded as a
 * `billing.schedule_failed` audit event, and the hourly reconciliation syncs every contract again.
 *
 * If the seats changed while the provider was being told (another change ran at the same time and
 * its own sync may have landed first), it is told again, so the last word is the newest state.
 */
export const syncRenewalSchedules = async (
  ctx: ServiceContext,
  contractIds: Iterable<string>,
): Promise<ScheduleSync[]> => {
  const out: ScheduleSync[] = [];
  for (const contractId of new Set(contractIds)) {
    let seats = await seatsOf(ctx, contractId);
    try {
      for (let round = 0; seats && round < 3; round++) {
        await ctx.billing.scheduleRenewal({
          contractId,
          period: seats.period,
          periodStart: seats.periodStart,
          current: seats.current,
          renewing: seats.renewing,
        });
        const after = await seatsOf(ctx, contractId);
        if (sameSeats(seats, after)) break;
        seats = after;
      }
      out.push({ contractId });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      await inTransaction(ctx, async (em) => {
        audit(em, ctx.clock.now(), {
          organizationId: seats?.organizationId ?? null,
          actorId: null,
          action: 'billing.schedule_failed',
          subject: { type: 'contract', id: contractId },
          after: { error, renewing: seats?.renewing ?? null },
        });
      });
      out.push({ contractId, error });
    }
  }
  return out;
};
