import type { BillingPeriod } from '../../src/domain/period.ts';

/** Our prices in Stripe are found by lookup key, one per plan and period (catalog sync sets them). */
export const lookupKey = (planCode: string, period: BillingPeriod) => `seatkeeper:${planCode}:${period}`;

export const planOfLookupKey = (key: string | null | undefined): string | null => {
  const m = /^seatkeeper:([^:]+):(month|year)$/.exec(key ?? '');
  return m ? m[1]! : null;
};

export const productId = (planCode: string) => `seatkeeper-${planCode}`;
