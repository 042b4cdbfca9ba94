import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stageText } from '../../src/commands/domain-terms.ts';
import { DEFAULT_PLANS, type Plan } from '../../src/domain/catalog.ts';
import type { PurchaseStatus } from '../../src/domain/model.ts';
import { mulDivRound } from '../../src/domain/money.ts';
import { addPeriod } from '../../src/domain/period.ts';
import {
  canMove,
  isPriceStale,
  isQuoteExpired,
  MAX_SEATS_PER_REQUEST,
  QUOTE_TTL_MS,
  type QuoteInput,
  quoteSeats,
  REQUEST_TTL_MS,
  requestClosesAt,
  requestStage,
} from '../../src/domain/quote.ts';
import { tieredIncrement } from '../../src/domain/tiers.ts';
import { english } from '../../src/i18n/words.ts';

const plan = (code: string): Plan => {
  const p = DEFAULT_PLANS.find((x) => x.code === code);
  if (!p) throw new Error(`no plan ${code}`);
  return p;
};
const PRO = plan('pro'); // 15.00 / month, 150.00 / year
const BUSINESS = plan('business'); // 30.00 / month, 300.00 / year
const HOUR = 3600 * 1000;

const monthStart = new Date('2023-01-01T00:00:00Z');
const monthEnd = addPeriod(monthStart, 'month'); // 31 days
const half = new Date((monthStart.getTime() + monthEnd.getTime()) / 2); // Jan 16, 12:00

const input = (over: Partial<QuoteInput> = {}): QuoteInput => ({
  plan: PRO,
  period: 'month',
  periodStart: monthStart,
  periodEnd: monthEnd,
  purchasedOfPlan: 0,
  renewingByPlan: new Map(),
  quantity: 1,
  at: monthStart,
  ...over,
});

describe('quoteSeats', () => {
  it('constants', () => {
    expect(QUOTE_TTL_MS).toBe(24 * HOUR);
    expect(MAX_SEATS_PER_REQUEST).toBe(10_000);
  });

  it('charges the full tiered increment at the period start', () => {
    const q = quoteSeats(input({ quantity: 3 }));
    expect(q.currency).toBe('eur');
    expect(q.proratedAmount).toBe(4500);
    expect(q.recurringTotal).toBe(4500);
    expect(q.prorationDate).toEqual(monthStart);
  });

  it('charges half the tiered increment at half the period', () => {
    // 10 purchased, 2 more: both in the 10%-off band → 2 × 1350 = 2700 per month
    const q = quoteSeats(input({ purchasedOfPlan: 10, quantity: 2, at: half }));
    expect(q.proratedAmount).toBe(1350);
    // odd increment: 9 purchased + 2 → 1500 + 1350 = 2850, half is 1425
    expect(quoteSeats(input({ purchasedOfPlan: 9, quantity: 2, at: half })).proratedAmount).toBe(1425);
    // 1 seat at 15.00: 750
    expect(quoteSeats(input({ at: half })).proratedAmount).toBe(750);
  });

  it('prices the added seats in the bands they fall in (graduated)', () => {
    const q = quoteSeats(input({ purchasedOfPlan: 9, quantity: 3 }));
    expect(q.proratedAmount).toBe(1500 + 2 * 1350);
  });

  it('uses the yearly price on a yearly contract', () => {
    const yStart = new Date('2024-03-01T00:00:00Z');
    const yEnd = addPeriod(yStart, 'year');
    const q = quoteSeats(
      input({
        period: 'year',
        periodStart: yStart,
        periodEnd: yEnd,
        at: yStart,
        quantity: 2,
        plan: BUSINESS,
      }),
    );
    expect(q.proratedAmount).toBe(60_000);
    expect(q.recurringTotal).toBe(60_000);
  });

  it('recurring total sums renewing seats of all plans plus the new ones, each plan tiered on its own', () => {
    const renewing = new Map([
      ['pro', { plan: PRO, seats: 8 }],
      ['business', { plan: BUSINESS, seats: 3 }],
    ]);
    const q = quoteSeats(input({ renewingByPlan: renewing, purchasedOfPlan: 8, quantity: 4 }));
    // pro: 12 renewing → 10 × 1500 + 2 × 1350 = 17700; business: 3 × 3000 = 9000
    expect(q.recurringTotal).toBe(17_700 + 9_000);
    // the caller's map is not changed
    expect(renewing.get('pro')).toEqual({ plan: PRO, seats: 8 });
    expect(renewing.size).toBe(2);
  });

  it('adds the plan to the recurring total when nothing of it renews yet', () => {
    const renewing = new Map([['business', { plan: BUSINESS, seats: 2 }]]);
    const q = quoteSeats(input({ renewingByPlan: renewing, quantity: 1 }));
    expect(q.recurringTotal).toBe(6000 + 1500);
  });

  it('counts only renewing seats for the recurring total (seats ending do not renew)', () => {
    // 20 pro purchased this period but only 5 renew; buying 1 more
    const renewing = new Map([['pro', { plan: PRO, seats: 5 }]]);
    const q = quoteSeats(input({ renewingByPlan: renewing, purchasedOfPlan: 20, quantity: 1 }));
    expect(q.recurringTotal).toBe(6 * 1500);
    expect(q.proratedAmount).toBe(1350); // seat #21 is in the 10%-off band
  });

  it('holds the price for 24 hours, but never past the period end', () => {
    const early = new Date('2023-01-10T09:00:00Z');
    expect(quoteSeats(input({ at: early })).quoteExpiresAt).toEqual(new Date('2023-01-11T09:00:00Z'));
    const late = new Date(monthEnd.getTime() - 3 * HOUR);
    expect(quoteSeats(input({ at: late })).quoteExpiresAt).toEqual(monthEnd);
    const exactly = new Date(monthEnd.getTime() - 24 * HOUR);
    expect(quoteSeats(input({ at: exactly })).quoteExpiresAt).toEqual(monthEnd);
  });

  it('properties: prorated ≤ increment, prorated at half ≈ half, expiry = min(at + 24h, end)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (purchased, quantity, f) => {
          const at = new Date(
            monthStart.getTime() + Math.floor(f * (monthEnd.getTime() - monthStart.getTime())),
          );
          const inc = tieredIncrement(1500, purchased, purchased + quantity);
          const q = quoteSeats(input({ purchasedOfPlan: purchased, quantity, at }));
          expect(q.proratedAmount).toBeGreaterThanOrEqual(0);
          expect(q.proratedAmount).toBeLessThanOrEqual(inc);
          expect(q.quoteExpiresAt.getTime()).toBe(Math.min(at.getTime() + QUOTE_TTL_MS, monthEnd.getTime()));
          const h = quoteSeats(input({ purchasedOfPlan: purchased, quantity, at: half }));
          expect(h.proratedAmount).toBe(mulDivRound(inc, 1, 2));
          expect(Math.abs(2 * h.proratedAmount - inc)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});

const STATUSES: readonly PurchaseStatus[] = [
  'pending',
  'approved',
  'charged',
  'payment_failed',
  'rejected',
  'expired',
];
const ALLOWED = new Set([
  'pending→approved',
  'pending→rejected',
  'pending→expired',
  'approved→charged',
  'approved→payment_failed',
  'payment_failed→charged',
]);

describe('canMove (purchase state machine)', () => {
  const cells = STATUSES.flatMap((from) =>
    STATUSES.map((to) => [from, to, ALLOWED.has(`${from}→${to}`)] as const),
  );

  it('covers all 36 transitions, 6 of them allowed', () => {
    expect(cells).toHaveLength(36);
    expect(cells.filter(([, , ok]) => ok)).toHaveLength(6);
  });

  it('a failed payment completed later is charged; a charged purchase never goes back', () => {
    expect(canMove('payment_failed', 'charged')).toBe(true);
    expect(canMove('charged', 'payment_failed')).toBe(false);
    expect(canMove('payment_failed', 'approved')).toBe(false);
  });

  it.each(cells)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMove(from, to)).toBe(allowed);
  });
});

describe('isQuoteExpired', () => {
  it('expires at the expiry instant, not before', () => {
    const quoteExpiresAt = new Date('2023-01-02T00:00:00Z');
    expect(isQuoteExpired({ quoteExpiresAt }, new Date(quoteExpiresAt.getTime() - 1))).toBe(false);
    expect(isQuoteExpired({ quoteExpiresAt }, quoteExpiresAt)).toBe(true);
    expect(isQuoteExpired({ quoteExpiresAt }, new Date(quoteExpiresAt.getTime() + 1))).toBe(true);
  });
});

describe('how long a request stays open, and its price holds', () => {
  it('waiting for an approver: a week, never past the period; an approver’s own quote: while its price holds', () => {
    const early = quoteSeats(input({ at: monthStart }));
    expect(requestClosesAt('approval', early, monthEnd)).toEqual(
      new Date(monthStart.getTime() + REQUEST_TTL_MS),
    );
    expect(requestClosesAt('confirmation', early, monthEnd)).toEqual(
      new Date(monthStart.getTime() + QUOTE_TTL_MS),
    );
    const late = quoteSeats(input({ at: new Date(monthEnd.getTime() - 3 * 24 * HOUR) }));
    expect(requestClosesAt('approval', late, monthEnd)).toEqual(monthEnd);
  });

  it('the price stops holding at its own instant; requests from before held theirs until they closed', () => {
    const quoteExpiresAt = new Date('2023-01-08T00:00:00Z');
    const priceValidUntil = new Date('2023-01-02T00:00:00Z');
    expect(isPriceStale({ quoteExpiresAt, priceValidUntil }, new Date(priceValidUntil.getTime() - 1))).toBe(
      false,
    );
    expect(isPriceStale({ quoteExpiresAt, priceValidUntil }, priceValidUntil)).toBe(true);
    expect(isPriceStale({ quoteExpiresAt, priceValidUntil: null }, priceValidUntil)).toBe(false);
    expect(isPriceStale({ quoteExpiresAt, priceValidUntil: null }, quoteExpiresAt)).toBe(true);
  });
});

describe('requestStage', () => {
  it.each([
    ['pending', 'waiting for an approver'],
    ['approved', 'approved, charging'],
    ['charged', 'approved and paid'],
    ['payment_failed', 'approved, but the payment failed'],
    ['rejected', 'rejected'],
    ['expired', 'expired'],
  ] as const)('%s reads "%s"', (status, text) => {
    const stage = requestStage({ status, needs: 'approval', requestedById: 'a', decidedById: 'b' });
    expect(stage).toBe(status);
    expect(stageText(stage, english)).toBe(text);
  });

  it("reads an approver's own quote as theirs to confirm, and their own turning down as a cancellation", () => {
    const own = { needs: 'confirmation', requestedById: 'a' } as const;
    const said = (r: Parameters<typeof requestStage>[0]) => stageText(requestStage(r), english);
    expect(requestStage({ ...own, status: 'pending', decidedById: null })).toBe('unconfirmed');
    expect(said({ ...own, status: 'pending', decidedById: null })).toBe('not confirmed yet');
    expect(requestStage({ ...own, status: 'rejected', decidedById: 'a' })).toBe('withdrawn');
    expect(said({ ...own, status: 'rejected', decidedById: 'a' })).toBe('cancelled');
    expect(said({ ...own, status: 'rejected', decidedById: 'b' })).toBe('rejected');
  });
});
