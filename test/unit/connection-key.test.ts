import { describe, expect, it } from 'vitest';
import {
  CONNECTION_KEY_PATTERN,
  CONNECTION_KEY_TTL_MS,
  hashConnectionKey,
  newConnectionKey,
} from '../../src/domain/connection-key.ts';

describe('newConnectionKey', () => {
  const keys = Array.from({ length: 300 }, () => newConnectionKey());

  it('is ck_ followed by 32 base32 characters', () => {
    for (const k of keys) {
      expect(k).toMatch(CONNECTION_KEY_PATTERN);
      expect(k).toMatch(/^ck_[a-z2-7]{32}$/);
      expect(k).toHaveLength(35);
    }
  });

  it('gives a different key every time', () => {
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses the whole base32 alphabet', () => {
    // 300 × 32 = 9600 characters: missing any of the 32 letters by chance is ~1e-130
    const seen = new Set(keys.flatMap((k) => [...k.slice(3)]));
    expect([...seen].sort().join('')).toBe('234567abcdefghijklmnopqrstuvwxyz');
  });
});

describe('CONNECTION_KEY_PATTERN', () => {
  it.each([
    'ck_abcdefghijklmnopqrstuvwxyz23456', // 31 characters
    'ck_abcdefghijklmnopqrstuvwxyz2345678', // 33 characters
    'CK_abcdefghijklmnopqrstuvwxyz234567',
    'ck_ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
    'ck_abcdefghijklmnopqrstuvwxyz234561', // 1 is not base32
    'ck_abcdefghijklmnopqrstuvwxyz234508', // 0 and 8 are not base32
    'xx_abcdefghijklmnopqrstuvwxyz234567',
    ' ck_abcdefghijklmnopqrstuvwxyz234567',
    '',
  ])('refuses %j', (k) => {
    expect(CONNECTION_KEY_PATTERN.test(k)).toBe(false);
  });

  it('accepts a well-formed key', () => {
    expect(CONNECTION_KEY_PATTERN.test('ck_abcdefghijklmnopqrstuvwxyz234567')).toBe(true);
  });
});

describe('hashConnectionKey', () => {
  it('is SHA-256 hex (known vector)', () => {
    expect(hashConnectionKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is deterministic, 64 hex characters, and differs between keys', () => {
    const a = newConnectionKey();
    const b = newConnectionKey();
    expect(hashConnectionKey(a)).toBe(hashConnectionKey(a));
    expect(hashConnectionKey(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashConnectionKey(a)).not.toBe(hashConnectionKey(b));
    expect(hashConnectionKey(a)).not.toContain(a.slice(3));
  });
});

describe('CONNECTION_KEY_TTL_MS', () => {
  it('is one week', () => {
    expect(CONNECTION_KEY_TTL_MS).toBe(604_800_000);
  });
});
