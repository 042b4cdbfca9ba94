import { hashOneTimeCode, newOneTimeCode } from './one-time-code.ts';

/**
 * A contract's connection key: shown once to the contract manager, shared with the
 * organization's admin, stored only as a hash, valid for a week. Format: `ck_` + 32 base32 chars.
 */
export const CONNECTION_KEY_TTL_MS = 7 * 24 * 3600 * 1000;
export const CONNECTION_KEY_PATTERN = /^ck_[a-z2-7]{32}$/;

export const newConnectionKey = (): string => newOneTimeCode('ck_');

export const hashConnectionKey = hashOneTimeCode;
