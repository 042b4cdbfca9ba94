import { describe, expect, it } from 'vitest';
import { isOneLineName, isStorableText } from '../../src/domain/text.ts';

describe('text people type', () => {
  it('stores text with line breaks but not NUL, other control characters or broken UTF-16', () => {
    expect(isStorableText('Acme\nLabs\tB.V.')).toBe(true);
    expect(isStorableText('Acme\u0000')).toBe(false);
    expect(isStorableText('Acme\u001b[31m')).toBe(false);
    expect(isStorableText('Acme\ud800')).toBe(false);
  });

  it('takes a name only on one line, without invisible direction overrides', () => {
    expect(isOneLineName('Acme <!channel> *Labs* & Co')).toBe(true);
    expect(isOneLineName('Zoë Ünal-Çelik 株式会社')).toBe(true);
    for (const bad of [
      'Acme\nLabs',
      'Acme\tLabs',
      'Acme\r',
      'Acme\u2028',
      'evil\u202egnp.exe',
      'a\u2066b',
      'x\u0007',
    ])
      expect(isOneLineName(bad), JSON.stringify(bad)).toBe(false);
  });
});
