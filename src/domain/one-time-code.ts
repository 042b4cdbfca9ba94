import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A secret shown once and kept only as its hash (contract connection keys, workspace link
 * codes): a prefix that says what it is, then 32 base32 characters (160 bits).
 */
export const newOneTimeCode = (prefix: string): string => {
  const bytes = randomBytes(32);
  let out = prefix;
  for (let i = 0; i < 32; i++) out += ALPHABET[bytes[i]! % 32];
  return out;
};

export const hashOneTimeCode = (code: string): string => createHash('sha256').update(code).digest('hex');
