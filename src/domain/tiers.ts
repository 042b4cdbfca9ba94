import { mulDivRound } from './money.ts';

/**
 * Volume tiers, graduated: each seat is priced by the band it falls in (seats 1–10 at the list
 * price, 11–50 at 10% off, …), like a tax bracket. So adding a seat never lowers the total, and
 * crossing a band boundary gives no cliff. A tier with `upTo: null` is the last, unbounded one.
 */
export interface Tier {
  readonly upTo: number | null;
  /** discount in basis points (1000 = 10%) off the list price for seats in this band */
  readonly discountBps: number;
}

export const DEFAULT_TIERS: readonly Tier[] = [
  { upTo: 10, discountBps: 0 },
  { upTo: 50, discountBps: 1000 },
  { upTo: 250, discountBps: 2000 },
  { upTo: null, discountBps: 3000 },
];

export const unitPriceInTier = (listPrice: number, tier: Tier): number =>
  mulDivRound(listPrice, 10_000 - tier.discountBps, 10_000);

/** Total per period for `seats` seats at `listPrice` each, after graduated tiers. */
export const tieredTotal = (
  listPrice: number,
  seats: number,
  tiers: readonly Tier[] = DEFAULT_TIERS,
): number => {
  let total = 0;
  let priced = 0;
  for (const tier of tiers) {
    if (priced >= seats) break;
    const bandEnd = tier.upTo === null ? seats : Math.min(seats, tier.upTo);
    const inBand = bandEnd - priced;
    if (inBand > 0) {
      total += inBand * unitPriceInTier(listPrice, tier);
      priced = bandEnd;
    }
  }
  if (priced < seats) throw new RangeError('tiers must end with an unbounded tier');
  return total;
};

/** What going from `from` to `to` seats adds to the per-period total. */
export const tieredIncrement = (
  listPrice: number,
  from: number,
  to: number,
  tiers: readonly Tier[] = DEFAULT_TIERS,
) => tieredTotal(listPrice, to, tiers) - tieredTotal(listPrice, from, tiers);
