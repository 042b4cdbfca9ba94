import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFrom, open, seal } from '../../adapters/slack/seal.ts';

const key = randomBytes(32);

describe('tokens sealed at rest (AES-256-GCM)', () => {
  it('opens what it sealed, and never writes the same ciphertext twice (random IV)', () => {
    const a = seal(key, 'xoxb-secret-token');
    const b = seal(key, 'xoxb-secret-token');
    expect(a).not.toBe(b);
    expect(a).not.toContain('xoxb');
    expect(open(key, a)).toBe('xoxb-secret-token');
    expect(open(key, b)).toBe('xoxb-secret-token');
  });

  it('refuses a tampered value or the wrong key', () => {
    const sealed = seal(key, 'xoxb-secret-token');
    const [v, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body!, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => open(key, [v, iv, tag, flipped.toString('base64')].join('.'))).toThrow();
    expect(() => open(randomBytes(32), sealed)).toThrow();
    expect(() => open(key, 'plain-text')).toThrow(/not a sealed value/);
  });

  it('wants a 32-byte key', () => {
    expect(() => keyFrom(randomBytes(16).toString('base64'))).toThrow(/32-byte/);
    expect(keyFrom(key.toString('base64')).equals(key)).toBe(true);
  });
});
