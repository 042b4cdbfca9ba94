import { createHash, randomBytes } from 'node:crypto';

/**
 * A contract's connection key: shown once to the contract manager, shared with the
 * organization's admin, stored only as a hash, valid for a week. Format: `ck_` + 32 base32 chars.
 */
export const CONNECTION_KEY_TTL_MS = 7 * 24 * 3600 * 1000;
export const CONNECTION_KEY_PATTERN = /^ck_[a-z2-7]{32}$/;

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export const newConnectionKey = (): string => {
  const bytes = randomBytes(32);
  let out = 'ck_';
  for (let i = 0; i < 32; i++) out += ALPHABET[bytes[i]! % 32];
  return out;
};

export const hashConnectionKey = (key: string): string => createHash('sha256').update(key).digest('hex');
