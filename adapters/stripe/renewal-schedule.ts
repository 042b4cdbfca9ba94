import { createHash } from 'node:crypto';
import type Stripe from 'stripe';
import type { BillingPeriod } from '../../src/domain/period.ts';
import type { PlanQuantity } from '../../src/service/ports.ts';

/** One item of a schedule phase, as we send it: a catalog price and a quantity. */
export interface PhaseItem {
  plan: string;
  price: string;
  quantity: number;
}

/** Whether some plan renews fewer seats than it has now (only then does the next period differ). */
export const dropsAny = (current: PlanQuantity[], renewing: PlanQuantity[]): boolean =>
  current.some((c) => (renewing.find((r) => r.planCode === c.planCode)?.quantity ?? 0) < c.quantity);

/** "business=1,pro=3": plans in code order, zero quantities left out. */
const tag = (items: { plan: string; quantity: number }[]) =>
  items
    .filter((i) => i.quantity > 0)
    .map((i) => `${i.plan}=${i.quantity}`)
    .sort()
    .join(',');

/** Stripe refuses idempotency keys over 255 characters; a long one is hashed (same facts, same key). */
const bounded = (contractId: string, key: string) =>
  key.length <= 255
    ? key
    : `contract:${contractId}:schedule:${createHash('sha256').update(key).digest('hex')}`;

/** Attaching a schedule to the subscription: once per period and schedule revision. */
export const attachKey = (contractId: string, periodStart: Date, revision: number) =>
  `contract:${contractId}:schedule:${periodStart.toISOString()}:attach:r${revision}`;

/**
 * Setting the two phases: derived from the contract, the period and the quantities of both
 * phases, so a retry of an unanswered request is the same request. The revision (schedule
 * changes Stripe accepted so far) makes a return to earlier quantities a new request: without
 * it, auto-renew off, on, off again within a day would replay the first answer and change nothing.
 */
export const phasesKey = (
  contractId: string,
  periodStart: Date,
  now: PhaseItem[],
  next: PhaseItem[],
  revision: number,
) =>
  bounded(
    contractId,
    `contract:${contractId}:schedule:${periodStart.toISOString()}:${tag(now)}>${tag(next)}:r${revision}`,
  );

export const releaseKey = (contractId: string, scheduleId: string) =>
  `contract:${contractId}:schedule:${scheduleId}:release`;

const priceOf = (p: string | { id: string }) => (typeof p === 'string' ? p : p.id);

/** Whether a phase Stripe holds already has exactly these items. */
export const samePhaseItems = (
  held: { price: string | { id: string }; quantity?: number | null }[],
  wanted: PhaseItem[],
): boolean => {
  const a = held.map((i) => `${priceOf(i.price)}×${i.quantity ?? 0}`).sort();
  const b = wanted.map((i) => `${i.price}×${i.quantity}`).sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
};

/**
 * The two phases: the current period exactly as Stripe bills it now (so nothing in it changes,
 * and no proration), then one period of the renewing seats. `end_behavior: release` (set by the
 * caller) hands the subscription back after that period, still at the renewing quantities.
 */
export const renewalPhases = (
  current: { start_date: number; end_date: number },
  now: PhaseItem[],
  next: PhaseItem[],
  period: BillingPeriod,
): Stripe.SubscriptionScheduleUpdateParams.Phase[] => [
  {
    start_date: current.start_date,
    end_date: current.end_date,
    items: now.map((i) => ({ price: i.price, quantity: i.quantity })),
    proration_behavior: 'none',
  },
  {
    items: next.map((i) => ({ price: i.price, quantity: i.quantity })),
    duration: { interval: period, interval_count: 1 },
    proration_behavior: 'none',
  },
];
