import { formatMoney } from '../domain/money.ts';

export const price = (amount: number, currency: string) => formatMoney({ amount, currency });
export const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
export const yesNo = (b: boolean) => (b ? 'on' : 'off');

// one formatter per zone: building an Intl.DateTimeFormat costs far more than using one
const formatters = new Map<string, Intl.DateTimeFormat | null>();
const formatterOf = (timeZone: string): Intl.DateTimeFormat | null => {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      // not an IANA zone Intl knows (a client can send anything): the caller falls back to UTC
      f = null;
    }
    formatters.set(timeZone, f);
  }
  return f;
};

const partsOf = (f: Intl.DateTimeFormat, d: Date) =>
  Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value])) as Record<string, string>;

/**
 * A moment to the minute in the reader's time zone (an IANA name), en-US style: `Dec 8, 20:20`,
 * with the year when it is not the year of `now` (no `now`: always), e.g. `Dec 8, 2025, 20:20`.
 * An unknown or missing zone shows UTC and says so: `Dec 8, 20:20 UTC`.
 */
export const when = (d: Date | string, timeZone?: string, now?: Date): string => {
  const zoned = timeZone ? formatterOf(timeZone) : null;
  const f = zoned ?? formatterOf('UTC')!;
  const at = partsOf(f, new Date(d));
  const sameYear = now !== undefined && partsOf(f, now).year === at.year;
  return `${at.month} ${at.day}${sameYear ? '' : `, ${at.year}`}, ${at.hour}:${at.minute}${zoned ? '' : ' UTC'}`;
};
