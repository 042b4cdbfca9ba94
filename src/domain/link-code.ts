import { hashOneTimeCode, newOneTimeCode } from './one-time-code.ts';

/**
 * A workspace link code (`org link`): an owner or admin in a linked workspace gets it, and an
 * admin types it in the workspace or tenant to link. Shown once, stored hashed, valid 24 hours,
 * used once. Format: `lk_` + 32 base32 chars.
 */
export const LINK_CODE_TTL_MS = 24 * 3600 * 1000;
export const LINK_CODE_PATTERN = /^lk_[a-z2-7]{32}$/;

export const newLinkCode = (): string => newOneTimeCode('lk_');

export const hashLinkCode = hashOneTimeCode;
