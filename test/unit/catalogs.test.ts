import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { CATALOGS, type MessageKey } from '../../src/i18n/catalog.ts';
import { LOCALES } from '../../src/i18n/locale.ts';
import { message } from '../../src/i18n/words.ts';

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }>; children?: Node[] };

/** Every argument a message uses, with the kind ICU gives it (0 literal, 1 argument, 2 number, …). */
const argumentsOf = (source: string): Map<string, number> => {
  const found = new Map<string, number>();
  const walk = (nodes: Node[]) => {
    for (const n of nodes) {
      if (n.type !== 0 && n.type !== 7 && n.value)
        found.set(n.value, Math.max(found.get(n.value) ?? 0, n.type));
      for (const o of Object.values(n.options ?? {})) walk(o.value);
      if (n.children) walk(n.children);
    }
  };
  walk(new IntlMessageFormat(source, 'en', undefined, { ignoreTag: true }).getAst() as Node[]);
  return found;
};

/** A value of the right kind for each argument: numbers for plurals and numbers, dates for dates. */
const sampleArgs = (source: string) =>
  Object.fromEntries(
    [...argumentsOf(source)].map(([name, kind]) => [
      name,
      kind === 2 || kind === 6
        ? 2
        : kind === 3 || kind === 4
          ? new Date('2026-03-01T10:00:00Z')
          : `«${name}»`,
    ]),
  );

const keys = Object.keys(CATALOGS.en) as MessageKey[];

describe('message catalogs', () => {
  it('has messages', () => {
    expect(keys.length).toBeGreaterThan(0);
  });

  for (const locale of LOCALES) {
    it(`${locale} has exactly the English keys`, () => {
      expect(Object.keys(CATALOGS[locale]).sort()).toEqual([...keys].sort());
    });

    it(`${locale} uses the same ICU arguments as English in every message`, () => {
      const mismatched = keys.filter((k) => {
        const a = [...argumentsOf(CATALOGS.en[k])].map(([n]) => n).sort();
        const b = [...argumentsOf(CATALOGS[locale][k])].map(([n]) => n).sort();
        return JSON.stringify(a) !== JSON.stringify(b);
      });
      expect(mismatched).toEqual([]);
    });

    it(`${locale} renders every message with no placeholder left`, () => {
      for (const k of keys) {
        const out = message(locale, k, sampleArgs(CATALOGS.en[k]));
        expect(out, k).not.toMatch(/\{[a-z_]+\}/i);
        expect(out.trim(), k).not.toBe('');
      }
    });

    if (locale !== 'en')
      it(`${locale} is translated (at most a few messages read as the English ones)`, () => {
        const same = keys.filter(
          (k) => CATALOGS[locale][k] === CATALOGS.en[k] && /[a-z]{4,}/.test(CATALOGS.en[k]),
        );
        expect(same.length / keys.length).toBeLessThan(0.05);
      });
  }
});
