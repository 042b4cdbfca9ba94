import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDivRound } from '../../src/domain/money.ts';
import {
  DEFAULT_TIERS,
  type Tier,
  tieredIncrement,
  tieredTotal,
  unitPriceInTier,
} from '../../src/domain/tiers.ts';

const priceArb = fc.integer({ min: 0, max: 10_000_000 });
const seatsArb = fc.integer({ min: 0, max: 10_000 });

/** Independent model of the documented bands: 1–10 list, 11–50 −10%, 51–250 −20%, 251+ −30%. */
const bandPrice = (price: number, seatNumber: number): number => {
  const bps = seatNumber <= 10 ? 0 : seatNumber <= 50 ? 1000 : seatNumber <= 250 ? 2000 : 3000;
  return mulDivRound(price, 10_000 - bps, 10_000);
};

describe('DEFAULT_TIERS', () => {
  it('are the documented bands, ending with an unbounded one', () => {
    expect(DEFAULT_TIERS).toEqual([
      { upTo: 10, discountBps: 0 },
      { upTo: 50, discountBps: 1000 },
      { upTo: 250, discountBps: 2000 },
      { upTo: null, discountBps: 3000 },
    ]);
  });
});

describe('unitPriceInTier', () => {
  it('takes the discount off the list price, rounded half up', () => {
    expect(unitPriceInTier(1000, { upTo: 10, discountBps: 0 })).toBe(1000);
    expect(unitPriceInTier(1000, { upTo: 50, discountBps: 1000 })).toBe(900);
    expect(unitPriceInTier(1505, { upTo: 50, discountBps: 1000 })).toBe(1355); // 1354.5
    expect(unitPriceInTier(5, { upTo: null, discountBps: 3000 })).toBe(4); // 3.5
    expect(unitPriceInTier(1, { upTo: null, discountBps: 3000 })).toBe(1); // 0.7
    expect(unitPriceInTier(1000, { upTo: null, discountBps: 10_000 })).toBe(0);
  });
});

describe('tieredTotal (graduated)', () => {
  it.each([
    [0, 0],
    [1, 1000],
    [10, 10_000],
    [11, 10_000 + 900],
    [12, 10_000 + 2 * 900],
    [50, 10_000 + 40 * 900],
    [51, 10_000 + 40 * 900 + 800],
    [250, 10_000 + 40 * 900 + 200 * 800],
    [251, 10_000 + 40 * 900 + 200 * 800 + 700],
    [1000, 10_000 + 40 * 900 + 200 * 800 + 750 * 700],
  ])('%i seats at 10.00 cost %i', (seats, expected) => {
    expect(tieredTotal(1000, seats)).toBe(expected);
  });

  it('rounds each band unit price, not the total', () => {
    // 1505 × 0.9 = 1354.5 → 1355 per seat in band 2
    expect(tieredTotal(1505, 10)).toBe(15_050);
    expect(tieredTotal(1505, 11)).toBe(15_050 + 1355);
    expect(tieredTotal(1505, 12)).toBe(15_050 + 2 * 1355);
    expect(tieredTotal(1505, 11)).toBe(10 * 1505 + mulDivRound(1505, 9, 10));
  });

  it('is 0 for a free plan at any size', () => {
    expect(tieredTotal(0, 0)).toBe(0);
    expect(tieredTotal(0, 10_000)).toBe(0);
  });

  it('refuses tiers without a last unbounded tier once seats go past them', () => {
    const bounded: Tier[] = [
      { upTo: 5, discountBps: 0 },
      { upTo: 10, discountBps: 500 },
    ];
    expect(tieredTotal(100, 10, bounded)).toBe(5 * 100 + 5 * 95);
    expect(() => tieredTotal(100, 11, bounded)).toThrow(RangeError);
  });

  it('uses custom tiers when given', () => {
    const flat: Tier[] = [{ upTo: null, discountBps: 0 }];
    expect(tieredTotal(1000, 300, flat)).toBe(300_000);
    const two: Tier[] = [
      { upTo: 2, discountBps: 0 },
      { upTo: null, discountBps: 5000 },
    ];
    expect(tieredTotal(1000, 5, two)).toBe(2000 + 3 * 500);
  });

  it('matches a seat-by-seat model of the documented bands', () => {
    fc.assert(
      fc.property(priceArb, fc.integer({ min: 0, max: 400 }), (price, seats) => {
        let expected = 0;
        for (let s = 1; s <= seats; s++) expected += bandPrice(price, s);
        expect(tieredTotal(price, seats)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('N+1 seats never cost less than N; the extra seat costs its band price (no cliff)', () => {
    fc.assert(
      fc.property(priceArb, seatsArb, (price, n) => {
        const step = tieredTotal(price, n + 1) - tieredTotal(price, n);
        expect(step).toBeGreaterThanOrEqual(0);
        expect(step).toBe(bandPrice(price, n + 1));
        expect(step).toBeLessThanOrEqual(price);
      }),
      { numRuns: 500 },
    );
  });

  it('stays between the deepest discount and the list price per seat', () => {
    fc.assert(
      fc.property(priceArb, seatsArb, (price, n) => {
        const total = tieredTotal(price, n);
        expect(total).toBeLessThanOrEqual(n * price);
        expect(total).toBeGreaterThanOrEqual(n * mulDivRound(price, 7000, 10_000));
        expect(Number.isSafeInteger(total)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('tieredIncrement', () => {
  it('is what the extra seats add', () => {
    expect(tieredIncrement(1000, 10, 11)).toBe(900);
    expect(tieredIncrement(1000, 8, 12)).toBe(2 * 1000 + 2 * 900);
    expect(tieredIncrement(1000, 0, 10)).toBe(10_000);
    expect(tieredIncrement(1000, 5, 5)).toBe(0);
    expect(tieredIncrement(1000, 11, 10)).toBe(-900);
  });

  it('adds up: increment(a,b) + increment(b,c) = increment(a,c)', () => {
    fc.assert(
      fc.property(priceArb, seatsArb, seatsArb, seatsArb, (price, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        const ab = tieredIncrement(price, a, b);
        const bc = tieredIncrement(price, b, c);
        expect(ab + bc).toBe(tieredIncrement(price, a, c));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(bc).toBeGreaterThanOrEqual(0);
        expect(tieredIncrement(price, 0, c)).toBe(tieredTotal(price, c));
      }),
      { numRuns: 500 },
    );
  });
});
