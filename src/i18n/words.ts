import { IntlMessageFormat } from 'intl-messageformat';
import { CATALOGS, type MessageKey } from './catalog.ts';
import { DEFAULT_LOCALE, type Locale } from './locale.ts';

/** What a message's `{placeholders}` are filled with. */
export type MessageArgs = Record<string, string | number | Date>;

/**
 * Everything a person reads, in their language and time zone: catalog messages (ICU MessageFormat,
 * so plurals and grammar come from the catalog, never from string building), money, numbers and
 * moments through `Intl`. Adapters and commands build one per reader.
 */
export interface Words {
  readonly locale: Locale;
  /** the reader's IANA zone; undefined: times are shown in UTC, and say so */
  readonly timeZone: string | undefined;
  t(key: MessageKey, args?: MessageArgs): string;
  /** an amount in minor units (cents): `€30.00`, `30,00 €`, `€ 30,00` */
  money(amount: number, currency: string): string;
  number(n: number): string;
  /** a moment to the minute in the reader's zone, with the year unless it is `now`'s year */
  when(d: Date | string, now?: Date): string;
  /** a calendar day (UTC): ISO in English, as commands take it; the locale's own elsewhere */
  day(d: Date | string): string;
  /** `a, b and c` in the reader's language */
  list(items: readonly string[]): string;
}

// building formatters costs far more than using them: one per locale and message, currency, zone
const messages = new Map<string, IntlMessageFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();
const momentFormats = new Map<string, Intl.DateTimeFormat | null>();
const dayFormats = new Map<Locale, Intl.DateTimeFormat>();
const listFormats = new Map<Locale, Intl.ListFormat>();

const cached = <K, V>(m: Map<K, V>, k: K, make: () => V): V => {
  let v = m.get(k);
  if (v === undefined) {
    v = make();
    m.set(k, v);
  }
  return v;
};

const messageOf = (locale: Locale, key: MessageKey): IntlMessageFormat =>
  cached(messages, `${locale}\n${key}`, () => {
    const source = CATALOGS[locale][key] ?? CATALOGS[DEFAULT_LOCALE][key];
    // tags off: `<name>` in a usage line is text, not markup
    return new IntlMessageFormat(source, locale, undefined, { ignoreTag: true });
  });

/** The message in a language, filled in; the key itself if the catalog lacks it (a test forbids that). */
export const message = (locale: Locale, key: MessageKey, args?: MessageArgs): string => {
  const out = messageOf(locale, key).format(args);
  return typeof out === 'string' ? out : String(out);
};

const momentFormat = (locale: Locale, timeZone: string, withYear: boolean) =>
  cached(momentFormats, `${locale}\n${timeZone}\n${withYear}`, () => {
    try {
      return new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : locale, {
        timeZone,
        month: 'short',
        day: 'numeric',
        ...(withYear ? { year: 'numeric' } : {}),
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      // not an IANA zone Intl knows (a client can send anything): shown in UTC instead
      return null;
    }
  });

const yearFormats = new Map<string, Intl.DateTimeFormat>();
const yearIn = (timeZone: string, d: Date) =>
  cached(yearFormats, timeZone, () => new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' })).format(
    d,
  );

/** Minor units as an exact decimal string (Intl reads strings exactly; `amount / 100` can round). */
const decimalOf = (amount: number): string => {
  const abs = Math.abs(amount);
  return `${amount < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};

export const wordsFor = (locale: Locale = DEFAULT_LOCALE, timeZone?: string): Words => ({
  locale,
  timeZone,
  t: (key, args) => message(locale, key, args),
  money: (amount, currency) =>
    cached(
      moneyFormats,
      `${locale}\n${currency}`,
      () => new Intl.NumberFormat(locale, { style: 'currency', currency: currency.toUpperCase() }),
    ).format(decimalOf(amount) as unknown as number),
  number: (n) => cached(numberFormats, locale, () => new Intl.NumberFormat(locale)).format(n),
  when: (d, now) => {
    const at = new Date(d);
    const zoned = timeZone !== undefined && momentFormat(locale, timeZone, false) !== null;
    const zone = zoned ? timeZone : 'UTC';
    const sameYear = now !== undefined && yearIn(zone, now) === yearIn(zone, at);
    const text = momentFormat(locale, zone, !sameYear)!.format(at);
    return zoned ? text : `${text} UTC`;
  },
  day: (d) =>
    locale === 'en'
      ? new Date(d).toISOString().slice(0, 10)
      : cached(
          dayFormats,
          locale,
          () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
        ).format(new Date(d)),
  list: (items) =>
    cached(listFormats, locale, () => new Intl.ListFormat(locale, { type: 'conjunction' })).format(items),
});

/** English without a zone: the REST API, logs and anything read before a reader is known. */
export const english = wordsFor('en');
