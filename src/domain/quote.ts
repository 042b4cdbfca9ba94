import { listPrice, type Plan } from './catalog.ts';
import type { PurchaseRequest, PurchaseStatus } from './model.ts';
import type { BillingPeriod } from './period.ts';
import { prorate } from './proration.ts';
import { tieredIncrement, tieredTotal } from './tiers.ts';

export const MAX_SEATS_PER_REQUEST = 10_000;
/** a quote holds its price this long: an approver's own quote closes then; approved later, a request is priced again */
export const QUOTE_TTL_MS = 24 * 3600 * 1000;
/** a request waiting for an approver stays open this long (never past its period's end) */
export const REQUEST_TTL_MS = 7 * 24 * 3600 * 1000;

export interface SeatQuote {
  currency: string;
  /** charged now: the added seats' tiered price for the rest of the period, to the second */
  proratedAmount: number;
  /** the contract's total per period once the seats are added (renewing seats, all plans) */
  recurringTotal: number;
  prorationDate: Date;
  quoteExpiresAt: Date;
}

export interface QuoteInput {
  plan: Plan;
  period: BillingPeriod;
  periodStart: Date;
  periodEnd: Date;
  /** seats of this plan already in the contract this period */
  purchasedOfPlan: number;
  /** renewing seats per plan code, before the purchase (for the recurring total) */
  renewingByPlan: ReadonlyMap<string, { plan: Plan; seats: number }>;
  quantity: number;
  at: Date;
}

export const quoteSeats = (q: QuoteInput): SeatQuote => {
  const price = listPrice(q.plan, q.period);
  const added = tieredIncrement(price, q.purchasedOfPlan, q.purchasedOfPlan + q.quantity, q.plan.tiers);
  let recurringTotal = 0;
  const byPlan = new Map(q.renewingByPlan);
  const mine = byPlan.get(q.plan.code);
  byPlan.set(q.plan.code, { plan: q.plan, seats: (mine?.seats ?? 0) + q.quantity });
  for (const { plan, seats } of byPlan.values()) {
    recurringTotal += tieredTotal(listPrice(plan, q.period), seats, plan.tiers);
  }
  return {
    currency: q.plan.currency,
    proratedAmount: prorate(added, q.periodStart, q.periodEnd, q.at),
    recurringTotal,
    prorationDate: q.at,
    quoteExpiresAt: new Date(Math.min(q.at.getTime() + QUOTE_TTL_MS, q.periodEnd.getTime())),
  };
};

/**
 * The purchase state machine: pending → approved → charged | payment_failed; pending → rejected |
 * expired; payment_failed → charged when a payment the provider held completes later (3-D Secure
 * finished, a retried invoice paid). A failure that can no longer complete stays failed.
 */
const NEXT: Record<PurchaseStatus, readonly PurchaseStatus[]> = {
  pending: ['approved', 'rejected', 'expired', 'covered'],
  approved: ['charged', 'payment_failed'],
  charged: [],
  payment_failed: ['charged'],
  rejected: [],
  expired: [],
  covered: [],
};

/**
 * When a new request closes unanswered: an approver's own quote when its price ends (they are
 * the one confirming, now or not at all); one waiting for an approver a week later, so the
 * reminder and the escalation reach someone in time, and never past the period's end (its quote
 * prices the days left of that period).
 */
export const requestClosesAt = (needs: PurchaseRequest['needs'], quote: SeatQuote, periodEnd: Date): Date =>
  needs === 'confirmation'
    ? quote.quoteExpiresAt
    : new Date(Math.min(quote.prorationDate.getTime() + REQUEST_TTL_MS, periodEnd.getTime()));

/** Its price no longer holds: approving it now prices it again (requests from before held until they closed). */
export const isPriceStale = (r: Pick<PurchaseRequest, 'priceValidUntil' | 'quoteExpiresAt'>, now: Date) =>
  now.getTime() >= (r.priceValidUntil ?? r.quoteExpiresAt).getTime();

export const canMove = (from: PurchaseStatus, to: PurchaseStatus): boolean => NEXT[from].includes(to);

export const isQuoteExpired = (r: Pick<PurchaseRequest, 'quoteExpiresAt'>, now: Date) =>
  now.getTime() >= r.quoteExpiresAt.getTime();

/** A request turned down by the person who asked for it: they cancelled their own quote. */
export const isWithdrawn = (r: Pick<PurchaseRequest, 'status' | 'requestedById' | 'decidedById'>) =>
  r.status === 'rejected' && r.decidedById === r.requestedById;

/** Where a request stands: its status, told apart where people read it differently. */
export type RequestStage = 'unconfirmed' | 'held' | 'withdrawn' | PurchaseStatus;

/**
 * Where a request stands, as a list or a refusal says it (the chat layer names each stage through
 * the catalog). An approver's own request waits for their confirmation, not for an approver; one
 * they cancelled was withdrawn, not rejected. A member's request held while they choose between
 * unused seats and buying waits for them (`held`).
 */
export const requestStage = (
  r: Pick<PurchaseRequest, 'status' | 'needs' | 'requestedById' | 'decidedById' | 'routedAt'>,
): RequestStage => {
  if (r.status === 'pending' && r.needs === 'confirmation') return 'unconfirmed';
  if (r.status === 'pending' && r.routedAt === null) return 'held';
  if (isWithdrawn(r)) return 'withdrawn';
  return r.status;
};
