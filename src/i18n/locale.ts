/** The languages Seatkeeper speaks; English is the default and every other's fallback. */
export const LOCALES = ['en', 'fr', 'nl'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export const isLocale = (s: unknown): s is Locale =>
  typeof s === 'string' && (LOCALES as readonly string[]).includes(s);

/**
 * The language of a platform's locale tag (`fr-FR`, `nl_BE`, `en-GB`), or undefined when we do not
 * speak it: the caller falls back to the organization's default, then English.
 */
export const localeOf = (tag: string | null | undefined): Locale | undefined => {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return isLocale(primary) ? primary : undefined;
};

/** The first language known of, in order: the person's choice, their platform's, the organization's. */
export const pickLocale = (...candidates: (string | null | undefined)[]): Locale => {
  for (const c of candidates) {
    const l = localeOf(c);
    if (l) return l;
  }
  return DEFAULT_LOCALE;
};

/** An IANA time zone this runtime knows (`Europe/Paris`); a platform's odd value is not stored. */
export const isTimeZone = (zone: string | null | undefined): zone is string => {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
