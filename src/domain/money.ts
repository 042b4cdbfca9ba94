import { english } from '../i18n/words.ts';

/** Money is an integer amount of minor units (cents) and an ISO currency; never a float. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

export const money = (amount: number, currency: string): Money => {
  if (!Number.isSafeInteger(amount))
    throw new RangeError(`money amount must be a safe integer, got ${amount}`);
  return { amount, currency };
};

/** English money (`€30.00`, `-$2.50`); a reader's own language goes through their Words. */
export const formatMoney = (m: Money): string => english.money(m.amount, m.currency);

/** a × b / c rounded half away from zero, exact for any safe-integer inputs (BigInt in between). */
export const mulDivRound = (a: number, b: number, c: number): number => {
  if (c <= 0) throw new RangeError('divisor must be positive');
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  // round the magnitude half up, then put the sign back (BigInt division truncates toward zero)
  const abs = n < 0n ? -n : n;
  const q = abs / d;
  const rounded = 2n * (abs % d) >= d ? q + 1n : q;
  return Number(n < 0n ? -rounded : rounded);
};
