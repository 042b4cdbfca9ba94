import { mulDivRound } from './money.ts';
import { secondsBetween } from './period.ts';

/**
 * The share of a full-period amount owed for the rest of the period, to the second:
 * amount × seconds remaining / seconds in period, rounded half up. Adding seats at `at`
 * costs this; splitting a period anywhere and summing the parts gives the full amount
 * within one minor unit per split.
 */
export const prorate = (fullAmount: number, periodStart: Date, periodEnd: Date, at: Date): number => {
  const total = secondsBetween(periodStart, periodEnd);
  if (total <= 0) return 0;
  const remaining = Math.min(total, Math.max(0, secondsBetween(at, periodEnd)));
  return mulDivRound(fullAmount, remaining, total);
};
