import { describe, expect, it } from 'vitest';
import { localeOf, pickLocale } from '../../src/i18n/locale.ts';
import { wordsFor } from '../../src/i18n/words.ts';

const nbsp = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('words in the reader locale', () => {
  it('writes money the way each language does', () => {
    expect(wordsFor('en').money(3000, 'eur')).toBe('€30.00');
    expect(nbsp(wordsFor('fr').money(3000, 'EUR'))).toBe('30,00 €');
    expect(nbsp(wordsFor('nl').money(3000, 'EUR'))).toBe('€ 30,00');
    expect(nbsp(wordsFor('fr').money(123456, 'EUR'))).toBe('1 234,56 €');
    expect(wordsFor('en').money(-250, 'usd')).toBe('-$2.50');
  });

  it('shows moments in the reader zone, with the year only when it is not this year', () => {
    const d = new Date('2026-03-01T23:30:00Z');
    const now = new Date('2026-06-01T00:00:00Z');
    expect(wordsFor('en', 'Europe/Paris').when(d, now)).toBe('Mar 2, 00:30');
    expect(wordsFor('fr', 'Europe/Paris').when(d, now)).toBe('2 mars, 00:30');
    expect(wordsFor('nl', 'Europe/Amsterdam').when(d, now)).toBe('2 mrt, 00:30');
    expect(wordsFor('en').when(d, new Date('2027-01-01'))).toBe('Mar 1, 2026, 23:30 UTC');
    expect(wordsFor('fr', 'Not/AZone').when(d, now)).toBe('1 mars, 23:30 UTC');
  });

  it('reads platform locale tags and falls back in order', () => {
    expect(localeOf('fr-FR')).toBe('fr');
    expect(localeOf('nl_BE')).toBe('nl');
    expect(localeOf('de-DE')).toBeUndefined();
    expect(pickLocale(undefined, 'de-DE', 'nl')).toBe('nl');
    expect(pickLocale(null, 'es')).toBe('en');
  });

  it('fills catalog messages and lists in each language', () => {
    expect(wordsFor('fr').t('common.language.name', { locale: 'nl' })).toBe('néerlandais');
    expect(wordsFor('nl').list(['a', 'b', 'c'])).toBe('a, b en c');
    expect(nbsp(wordsFor('fr').number(5000))).toBe('5 000');
  });
});
