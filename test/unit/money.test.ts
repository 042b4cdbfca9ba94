import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, money, mulDivRound } from '../../src/domain/money.ts';

/** Reference: a·b/c rounded half up (towards +∞ on an exact half), for a·b ≥ 0 and c > 0. */
const refHalfUp = (a: bigint, b: bigint, c: bigint): bigint => (2n * a * b + c) / (2n * c);

describe('mulDivRound', () => {
  it('matches a BigInt half-up reference for non-negative operands', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1_000, max: 1_000_000_000_000 }),
        (a, b, c) => {
          const ref = refHalfUp(BigInt(a), BigInt(b), BigInt(c));
          fc.pre(ref <= BigInt(Number.MAX_SAFE_INTEGER)); // a result must be a safe integer
          const got = mulDivRound(a, b, c);
          expect(BigInt(got)).toBe(ref);
          // and the defining inequality of half-up rounding: -c ≤ 2(ab − got·c) < c
          const twiceErr = 2n * (BigInt(a) * BigInt(b) - BigInt(got) * BigInt(c));
          expect(twiceErr >= -BigInt(c) && twiceErr < BigInt(c)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('matches the reference on small operands, where exact halves are frequent', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 16 }),
        (a, b, c) => {
          expect(mulDivRound(a, b, c)).toBe(Number(refHalfUp(BigInt(a), BigInt(b), BigInt(c))));
          expect(mulDivRound(a, b, c)).toBe(Math.floor((a * b) / c + 0.5)); // small: floats are exact enough
        },
      ),
      { numRuns: 500 },
    );
  });

  it('is exact where floating point is not (products beyond 2^53)', () => {
    // 9007199254740991 × 3 / 3 overflows a double in the middle; BigInt keeps it exact
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 10_000, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 1, 2)).toBe(4503599627370496); // …495.5 → up
  });

  it('rounds half up and otherwise to the nearest integer', () => {
    expect(mulDivRound(1, 1, 2)).toBe(1); // 0.5
    expect(mulDivRound(3, 1, 2)).toBe(2); // 1.5
    expect(mulDivRound(5, 1, 2)).toBe(3); // 2.5 (not banker's rounding to 2)
    expect(mulDivRound(1, 1, 3)).toBe(0); // 0.333…
    expect(mulDivRound(2, 1, 3)).toBe(1); // 0.666…
    expect(mulDivRound(1505, 9_000, 10_000)).toBe(1355); // 1354.5
    expect(mulDivRound(1504, 9_000, 10_000)).toBe(1354); // 1353.6
    expect(mulDivRound(1000, 7, 10)).toBe(700);
    expect(mulDivRound(0, 123, 7)).toBe(0);
    expect(mulDivRound(123, 0, 7)).toBe(0);
  });

  it('rejects a zero or negative divisor and non-integer operands', () => {
    expect(() => mulDivRound(1, 1, 0)).toThrow(RangeError);
    expect(() => mulDivRound(1, 1, -5)).toThrow(RangeError);
    expect(() => mulDivRound(1.5, 1, 1)).toThrow(RangeError);
  });

  // BigInt division truncates toward zero: negative results must still round to nearest.
  it('rounds negative results to the nearest integer, half away from zero (-7/4 → -2)', () => {
    expect(mulDivRound(-7, 1, 4)).toBe(-2);
    expect(mulDivRound(-1999, 1, 1000)).toBe(-2);
  });

  it('is exact for negative operands when the division has no remainder', () => {
    expect(mulDivRound(-8, 1, 4)).toBe(-2);
    expect(mulDivRound(6, -3, 2)).toBe(-9);
  });
});

describe('money', () => {
  it('builds integer minor-unit amounts', () => {
    expect(money(1234, 'eur')).toEqual({ amount: 1234, currency: 'eur' });
    expect(money(-5, 'usd')).toEqual({ amount: -5, currency: 'usd' });
  });

  it('refuses non-integer and unsafe amounts', () => {
    expect(() => money(12.5, 'eur')).toThrow(RangeError);
    expect(() => money(Number.NaN, 'eur')).toThrow(RangeError);
    expect(() => money(Number.MAX_SAFE_INTEGER + 1, 'eur')).toThrow(RangeError);
    expect(() => money(Number.POSITIVE_INFINITY, 'eur')).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [123456, 'eur', '€1,234.56'],
    [-123456, 'eur', '-€1,234.56'],
    [0, 'eur', '€0.00'],
    [5, 'usd', '$0.05'],
    [-5, 'usd', '-$0.05'],
    [100, 'gbp', '£1.00'],
    [99, 'eur', '€0.99'],
    [100_000_000, 'eur', '€1,000,000.00'],
    [123_456_789_012, 'EUR', '€1,234,567,890.12'],
  ])('formats %i %s as %s', (amount, currency, expected) => {
    expect(formatMoney({ amount, currency })).toBe(expected);
  });

  it('round-trips: the printed digits are the amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (amount) => {
        const s = formatMoney({ amount, currency: 'eur' });
        expect(s.startsWith(amount < 0 ? '-€' : '€')).toBe(true);
        expect(s).toMatch(/^-?€\d{1,3}(,\d{3})*\.\d{2}$/);
        const digits = Number(s.replace(/[^0-9]/g, ''));
        expect(digits).toBe(Math.abs(amount));
      }),
      { numRuns: 300 },
    );
  });
});
