import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PLANS, listPrice, type Plan } from '../../src/domain/catalog.ts';
import {
  periodBreakdown,
  purchaseBreakdown,
  tenthsOfDays,
  tierBands,
} from '../../src/domain/charge-breakdown.ts';
import { addPeriod, type BillingPeriod } from '../../src/domain/period.ts';
import { quoteSeats } from '../../src/domain/quote.ts';
import { tieredIncrement, tieredTotal } from '../../src/domain/tiers.ts';

const PRO = DEFAULT_PLANS.find((p) => p.code === 'pro') as Plan; // 15.00 a month
const start = new Date('2023-01-01T00:00:00Z');
const end = addPeriod(start, 'month'); // 31 days

describe('a charge taken apart for a receipt', () => {
  it('splits seats 9–12 of Pro at the 10-seat band: 2 at the list price, 2 at 10 % off', () => {
    expect(tierBands(1500, 8, 12)).toEqual([
      { firstSeat: 9, lastSeat: 10, seats: 2, discountBps: 0, unitPrice: 1500, amount: 3000 },
      { firstSeat: 11, lastSeat: 12, seats: 2, discountBps: 1000, unitPrice: 1350, amount: 2700 },
    ]);
  });

  it('halfway through January: the whole-period price, the seconds left, and half of it charged', () => {
    const at = new Date('2023-01-16T12:00:00Z');
    const b = purchaseBreakdown({
      currency: 'EUR',
      listPrice: 1500,
      seatsBefore: 8,
      quantity: 4,
      periodStart: start,
      periodEnd: end,
      at,
    });
    expect(b.fullPeriod).toBe(5700);
    expect([b.secondsLeft, b.secondsInPeriod]).toEqual([15.5 * 86_400, 31 * 86_400]);
    expect(b.charged).toBe(2850);
    expect([tenthsOfDays(b.secondsLeft), tenthsOfDays(b.secondsInPeriod)]).toEqual([15.5, 31]);
  });

  it('a renewal: every renewing seat in its band, the whole period charged', () => {
    const b = periodBreakdown({
      currency: 'EUR',
      listPrice: 1500,
      seats: 12,
      periodStart: start,
      periodEnd: end,
    });
    expect(b.bands.map((x) => [x.firstSeat, x.lastSeat])).toEqual([
      [1, 10],
      [11, 12],
    ]);
    expect(b.charged).toBe(tieredTotal(1500, 12));
  });

  it('adds up to the quote’s charge to the cent, whatever the seats, band and moment', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<BillingPeriod>('month', 'year'),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (period, seatsBefore, quantity, share) => {
          const periodEnd = addPeriod(start, period);
          const at = new Date(start.getTime() + Math.floor(share * (periodEnd.getTime() - start.getTime())));
          const price = listPrice(PRO, period);
          const quote = quoteSeats({
            plan: PRO,
            period,
            periodStart: start,
            periodEnd,
            purchasedOfPlan: seatsBefore,
            renewingByPlan: new Map(),
            quantity,
            at,
          });
          const b = purchaseBreakdown({
            currency: PRO.currency,
            listPrice: price,
            tiers: PRO.tiers,
            seatsBefore,
            quantity,
            periodStart: start,
            periodEnd,
            at,
          });
          expect(b.charged).toBe(quote.proratedAmount);
          expect(b.fullPeriod).toBe(tieredIncrement(price, seatsBefore, seatsBefore + quantity, PRO.tiers));
          // the bands follow each other from the first added seat to the last, each seats × unit price
          expect(b.bands[0]!.firstSeat).toBe(seatsBefore + 1);
          expect(b.bands.at(-1)!.lastSeat).toBe(seatsBefore + quantity);
          for (const [i, band] of b.bands.entries()) {
            expect(band.amount).toBe(band.seats * band.unitPrice);
            if (i > 0) expect(band.firstSeat).toBe(b.bands[i - 1]!.lastSeat + 1);
          }
        },
      ),
    );
  });
});
