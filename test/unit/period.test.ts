import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriod, isoDay, secondsBetween } from '../../src/domain/period.ts';

const utc = (iso: string) => new Date(iso);
const DAY = 86_400;
const DAY_MS = DAY * 1000;
const lastDayOf = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

describe('addPeriod', () => {
  it.each([
    ['2023-01-31T00:00:00.000Z', 'month', 1, '2023-02-28T00:00:00.000Z'],
    ['2024-01-31T00:00:00.000Z', 'month', 1, '2024-02-29T00:00:00.000Z'], // leap year
    ['2000-01-31T00:00:00.000Z', 'month', 1, '2000-02-29T00:00:00.000Z'], // 2000 is leap (÷400)
    ['2100-01-31T00:00:00.000Z', 'month', 1, '2100-02-28T00:00:00.000Z'], // 2100 is not (÷100)
    ['2023-03-31T10:20:30.000Z', 'month', 1, '2023-04-30T10:20:30.000Z'],
    ['2023-12-31T23:59:59.000Z', 'month', 1, '2024-01-31T23:59:59.000Z'], // across the year
    ['2023-01-15T08:00:00.000Z', 'month', 1, '2023-02-15T08:00:00.000Z'],
    ['2023-02-28T00:00:00.000Z', 'month', 1, '2023-03-28T00:00:00.000Z'], // no "end of month" stickiness
    ['2023-01-31T00:00:00.000Z', 'month', 3, '2023-04-30T00:00:00.000Z'],
    ['2023-01-31T00:00:00.000Z', 'month', 12, '2024-01-31T00:00:00.000Z'],
    ['2023-11-30T00:00:00.000Z', 'month', 3, '2024-02-29T00:00:00.000Z'],
    ['2023-05-17T12:00:00.000Z', 'year', 1, '2024-05-17T12:00:00.000Z'],
    ['2024-02-29T00:00:00.000Z', 'year', 1, '2025-02-28T00:00:00.000Z'], // leap day clamps
    ['2024-02-29T00:00:00.000Z', 'year', 4, '2028-02-29T00:00:00.000Z'],
    ['2096-02-29T00:00:00.000Z', 'year', 4, '2100-02-28T00:00:00.000Z'],
    ['2023-03-31T00:00:00.000Z', 'month', -1, '2023-02-28T00:00:00.000Z'],
  ] as const)('%s + %i %s… → %s', (start, period, count, expected) => {
    expect(addPeriod(utc(start), period, count).toISOString()).toBe(expected);
  });

  it('defaults to one period and does not mutate its argument', () => {
    const start = utc('2023-01-31T06:07:08.009Z');
    const before = start.getTime();
    expect(addPeriod(start, 'month').toISOString()).toBe('2023-02-28T06:07:08.009Z');
    expect(addPeriod(start, 'year').toISOString()).toBe('2024-01-31T06:07:08.009Z');
    expect(start.getTime()).toBe(before);
  });

  it('moves exactly one calendar month, clamping the day, keeping the time of day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: utc('2000-01-01T00:00:00Z'), max: utc('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        (start) => {
          const end = addPeriod(start, 'month');
          const m = start.getUTCMonth();
          const y = start.getUTCFullYear();
          const [ey, em] = m === 11 ? [y + 1, 0] : [y, m + 1];
          expect(end.getUTCFullYear()).toBe(ey);
          expect(end.getUTCMonth()).toBe(em);
          expect(end.getUTCDate()).toBe(Math.min(start.getUTCDate(), lastDayOf(ey, em)));
          expect(end.getTime() % DAY_MS).toBe(start.getTime() % DAY_MS);
          const days = (end.getTime() - start.getTime()) / DAY_MS;
          expect(days).toBeGreaterThanOrEqual(28);
          expect(days).toBeLessThanOrEqual(31);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('moves exactly one calendar year, clamping Feb 29', () => {
    fc.assert(
      fc.property(
        fc.date({ min: utc('2000-01-01T00:00:00Z'), max: utc('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        (start) => {
          const end = addPeriod(start, 'year');
          expect(end.getUTCFullYear()).toBe(start.getUTCFullYear() + 1);
          expect(end.getUTCMonth()).toBe(start.getUTCMonth());
          const y = start.getUTCFullYear() + 1;
          expect(end.getUTCDate()).toBe(Math.min(start.getUTCDate(), lastDayOf(y, start.getUTCMonth())));
          expect(end.getTime() % DAY_MS).toBe(start.getTime() % DAY_MS);
          const days = (end.getTime() - start.getTime()) / DAY_MS;
          expect([365, 366]).toContain(days);
          // twelve months is the same as one year
          expect(addPeriod(start, 'month', 12).getTime()).toBe(end.getTime());
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('secondsBetween', () => {
  it('counts whole seconds of calendar periods', () => {
    expect(secondsBetween(utc('2023-01-01T00:00:00Z'), utc('2023-02-01T00:00:00Z'))).toBe(31 * DAY);
    expect(secondsBetween(utc('2023-02-01T00:00:00Z'), utc('2023-03-01T00:00:00Z'))).toBe(28 * DAY);
    expect(secondsBetween(utc('2024-02-01T00:00:00Z'), utc('2024-03-01T00:00:00Z'))).toBe(29 * DAY);
    expect(secondsBetween(utc('2024-01-01T00:00:00Z'), utc('2025-01-01T00:00:00Z'))).toBe(366 * DAY);
    expect(secondsBetween(utc('2023-01-01T00:00:00Z'), utc('2024-01-01T00:00:00Z'))).toBe(365 * DAY);
  });

  it('drops fractions of a second and is negative backwards', () => {
    const t = utc('2023-06-01T00:00:00.000Z');
    expect(secondsBetween(t, new Date(t.getTime() + 1_999))).toBe(1);
    expect(secondsBetween(t, new Date(t.getTime() + 999))).toBe(0);
    expect(secondsBetween(t, t)).toBe(0);
    expect(secondsBetween(new Date(t.getTime() + 60_000), t)).toBe(-60);
  });
});

describe('isoDay', () => {
  it('is the UTC calendar day', () => {
    expect(isoDay(utc('2024-02-29T23:59:59.999Z'))).toBe('2024-02-29');
    expect(isoDay(utc('2024-03-01T00:00:00.000Z'))).toBe('2024-03-01');
  });
});
