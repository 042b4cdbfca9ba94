import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulDivRound } from '../../src/domain/money.ts';
import { addPeriod, type BillingPeriod, secondsBetween } from '../../src/domain/period.ts';
import { prorate } from '../../src/domain/proration.ts';

const MIN_START_S = Date.UTC(2000, 0, 1) / 1000;
const MAX_START_S = Date.UTC(2100, 11, 31) / 1000;
const at = (seconds: number) => new Date(seconds * 1000);

/** A billing period starting at a whole second in 2000–2100, month or year long. */
const periodArb = fc
  .record({
    startS: fc.integer({ min: MIN_START_S, max: MAX_START_S }),
    period: fc.constantFrom<BillingPeriod>('month', 'year'),
  })
  .map(({ startS, period }) => {
    const start = at(startS);
    const end = addPeriod(start, period);
    return { start, end, total: secondsBetween(start, end) };
  });

/** A period, a full amount, and k consecutive parts (1 ≤ k ≤ 20) cut at whole seconds. */
const splitArb = fc.tuple(periodArb, fc.integer({ min: 0, max: 1_000_000_000 })).chain(([p, amount]) =>
  fc.uniqueArray(fc.integer({ min: 1, max: p.total - 1 }), { minLength: 0, maxLength: 19 }).map((cuts) => {
    const offsets = [0, ...[...cuts].sort((x, y) => x - y), p.total];
    return { ...p, amount, offsets };
  }),
);

describe('prorate: splitting a period', () => {
  it('charges for [a, b) as prorate(at a) − prorate(at b); the parts add up to the full amount exactly', () => {
    fc.assert(
      fc.property(splitArb, ({ start, end, total, amount, offsets }) => {
        const startS = start.getTime() / 1000;
        let sum = 0;
        for (let i = 0; i + 1 < offsets.length; i++) {
          const a = prorate(amount, start, end, at(startS + offsets[i]!));
          const b = prorate(amount, start, end, at(startS + offsets[i + 1]!));
          const part = a - b;
          expect(part).toBeGreaterThanOrEqual(0);
          // each part is within one minor unit of its own exact share
          const len = offsets[i + 1]! - offsets[i]!;
          expect(Math.abs(part - mulDivRound(amount, len, total))).toBeLessThanOrEqual(1);
          sum += part;
        }
        expect(sum).toBe(amount);
      }),
      { numRuns: 300 },
    );
  });

  it('parts rounded independently (mulDivRound per part) add up to the full amount within one minor unit per split', () => {
    fc.assert(
      fc.property(splitArb, ({ total, amount, offsets }) => {
        const k = offsets.length - 1; // number of parts
        let sum = 0;
        for (let i = 0; i < k; i++) sum += mulDivRound(amount, offsets[i + 1]! - offsets[i]!, total);
        const err = Math.abs(sum - amount);
        expect(err).toBeLessThanOrEqual(k - 1); // one per split (k parts → k − 1 splits)
        expect(err).toBeLessThanOrEqual(Math.floor(k / 2)); // each part is off by at most ½
        if (k === 1) expect(sum).toBe(amount);
      }),
      { numRuns: 300 },
    );
  });

  it('independent rounding can indeed drift by more than one unit (so the telescoping form matters)', () => {
    // three equal thirds of 2 units: each 0.666… rounds to 1, total 3 ≠ 2
    expect(mulDivRound(2, 1, 3) * 3).toBe(3);
    // while the telescoping charges over the same cuts add up exactly
    const start = new Date('2023-01-01T00:00:00Z');
    const end = new Date(start.getTime() + 3_000);
    const charges = [0, 1, 2].map(
      (i) =>
        prorate(2, start, end, new Date(start.getTime() + i * 1000)) -
        prorate(2, start, end, new Date(start.getTime() + (i + 1) * 1000)),
    );
    expect(charges.reduce((x, y) => x + y, 0)).toBe(2);
  });
});

describe('prorate: shape', () => {
  it('is the full amount at (or before) the start and 0 at (or after) the end', () => {
    fc.assert(
      fc.property(
        periodArb,
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 10 * 365 * 86_400 }),
        ({ start, end }, amount, dt) => {
          expect(prorate(amount, start, end, start)).toBe(amount);
          expect(prorate(amount, start, end, new Date(start.getTime() - dt * 1000))).toBe(amount);
          expect(prorate(amount, start, end, end)).toBe(0);
          expect(prorate(amount, start, end, new Date(end.getTime() + dt * 1000))).toBe(0);
          expect(prorate(amount, start, end, new Date(end.getTime() + 1))).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never increases with time and stays within [0, full]', () => {
    fc.assert(
      fc.property(
        periodArb,
        fc.integer({ min: 0, max: 1_000_000_000 }),
        // instants in ms (not only whole seconds), from a bit before the start to a bit after the end
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        fc.double({ min: -0.1, max: 1.1, noNaN: true }),
        ({ start, end }, amount, f1, f2) => {
          const span = end.getTime() - start.getTime();
          const t1 = new Date(start.getTime() + Math.round(Math.min(f1, f2) * span));
          const t2 = new Date(start.getTime() + Math.round(Math.max(f1, f2) * span));
          const p1 = prorate(amount, start, end, t1);
          const p2 = prorate(amount, start, end, t2);
          expect(p1).toBeGreaterThanOrEqual(p2);
          for (const p of [p1, p2]) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(amount);
            expect(Number.isSafeInteger(p)).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('charges the exact share of the seconds left, rounded half up', () => {
    const start = new Date('2023-01-01T00:00:00Z'); // January 2023: 31 days
    const end = addPeriod(start, 'month');
    expect(prorate(3100, start, end, new Date('2023-01-11T00:00:00Z'))).toBe(2100); // 21 of 31 days
    expect(prorate(3100, start, end, new Date('2023-01-31T00:00:00Z'))).toBe(100); // last day
    expect(prorate(1500, start, end, new Date('2023-01-16T12:00:00Z'))).toBe(750); // exactly half
    expect(prorate(1, start, end, new Date('2023-01-16T12:00:00Z'))).toBe(1); // 0.5 → 1
    expect(prorate(1, start, end, new Date('2023-01-16T12:00:01Z'))).toBe(0); // just under 0.5
    // to the second: one second in, a full-year amount loses exactly one second's worth
    const yStart = new Date('2023-01-01T00:00:00Z');
    const yEnd = addPeriod(yStart, 'year');
    expect(prorate(365 * 86_400, yStart, yEnd, new Date('2023-01-01T00:00:01Z'))).toBe(365 * 86_400 - 1);
    // a fraction of a second is not charged as a whole second left
    expect(prorate(365 * 86_400, yStart, yEnd, new Date('2023-01-01T00:00:00.500Z'))).toBe(365 * 86_400 - 1);
  });

  it('is 0 for an empty or reversed period', () => {
    const t = new Date('2023-01-01T00:00:00Z');
    expect(prorate(1000, t, t, t)).toBe(0);
    expect(prorate(1000, addPeriod(t, 'month'), t, t)).toBe(0);
  });
});
