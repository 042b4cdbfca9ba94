import { mulDivRound } from './money.ts';
import { secondsBetween } from './period.ts';
import { prorate } from './proration.ts';
import { DEFAULT_TIERS, type Tier, unitPriceInTier } from './tiers.ts';

/**
 * A charge taken apart for a receipt, from the same functions that computed the charge, so the
 * parts a reader is shown add up to what was charged, to the cent.
 */
export interface TierBand {
  /** seat numbers in the contract's count, both included: seats 11–13 of the plan */
  firstSeat: number;
  lastSeat: number;
  seats: number;
  discountBps: number;
  unitPrice: number;
  amount: number;
}

export interface ChargeBreakdown {
  currency: string;
  listPrice: number;
  bands: TierBand[];
  /** what the seats cost for a whole period: the sum of the bands */
  fullPeriod: number;
  secondsLeft: number;
  secondsInPeriod: number;
  /** fullPeriod × secondsLeft / secondsInPeriod, rounded half up: the amount charged */
  charged: number;
}

/** The graduated bands seats `from + 1` … `to` fall in, each with its unit price and amount. */
export const tierBands = (
  listPrice: number,
  from: number,
  to: number,
  tiers: readonly Tier[] = DEFAULT_TIERS,
): TierBand[] => {
  const bands: TierBand[] = [];
  let bandStart = 0;
  for (const tier of tiers) {
    const bandEnd = tier.upTo ?? Number.POSITIVE_INFINITY;
    const first = Math.max(from, bandStart) + 1;
    const last = Math.min(to, bandEnd);
    if (last >= first) {
      const unitPrice = unitPriceInTier(listPrice, tier);
      const seats = last - first + 1;
      bands.push({
        firstSeat: first,
        lastSeat: last,
        seats,
        discountBps: tier.discountBps,
        unitPrice,
        amount: seats * unitPrice,
      });
    }
    if (bandEnd >= to) return bands;
    bandStart = bandEnd;
  }
  throw new RangeError('tiers must end with an unbounded tier');
};

export interface PurchaseCharge {
  currency: string;
  listPrice: number;
  tiers?: readonly Tier[];
  /** seats of the plan the contract had this period before the purchase */
  seatsBefore: number;
  quantity: number;
  periodStart: Date;
  periodEnd: Date;
  /** the proration date the charge used */
  at: Date;
}

/** Seats added mid-period: their bands for a whole period, then the share of it left. */
export const purchaseBreakdown = (p: PurchaseCharge): ChargeBreakdown => {
  const bands = tierBands(p.listPrice, p.seatsBefore, p.seatsBefore + p.quantity, p.tiers);
  const fullPeriod = bands.reduce((sum, b) => sum + b.amount, 0);
  const secondsInPeriod = Math.max(0, secondsBetween(p.periodStart, p.periodEnd));
  const secondsLeft = Math.min(secondsInPeriod, Math.max(0, secondsBetween(p.at, p.periodEnd)));
  return {
    currency: p.currency,
    listPrice: p.listPrice,
    bands,
    fullPeriod,
    secondsLeft,
    secondsInPeriod,
    charged: prorate(fullPeriod, p.periodStart, p.periodEnd, p.at),
  };
};

/** A whole period's charge (a renewal): every renewing seat's band, nothing prorated. */
export const periodBreakdown = (p: {
  currency: string;
  listPrice: number;
  tiers?: readonly Tier[];
  seats: number;
  periodStart: Date;
  periodEnd: Date;
}): ChargeBreakdown => {
  const bands = tierBands(p.listPrice, 0, p.seats, p.tiers);
  const fullPeriod = bands.reduce((sum, b) => sum + b.amount, 0);
  const secondsInPeriod = Math.max(0, secondsBetween(p.periodStart, p.periodEnd));
  return {
    currency: p.currency,
    listPrice: p.listPrice,
    bands,
    fullPeriod,
    secondsLeft: secondsInPeriod,
    secondsInPeriod,
    charged: fullPeriod,
  };
};

/** Days for plain words ("12.5 days left of 30"), to a tenth; the charge itself is to the second. */
export const tenthsOfDays = (seconds: number): number => mulDivRound(seconds, 10, 86_400) / 10;
