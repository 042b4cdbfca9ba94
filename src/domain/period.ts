export type BillingPeriod = 'month' | 'year';

/** Adds one billing period, clamping to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export const addPeriod = (start: Date, period: BillingPeriod, count = 1): Date => {
  const d = new Date(start.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  if (period === 'month') d.setUTCMonth(d.getUTCMonth() + count);
  else d.setUTCFullYear(d.getUTCFullYear() + count);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
};

export const secondsBetween = (a: Date, b: Date): number => Math.floor((b.getTime() - a.getTime()) / 1000);

export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
