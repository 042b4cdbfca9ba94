import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack's replay window: a request signed more than 5 minutes away from now, either way, is refused. */
export const MAX_SKEW_SECONDS = 5 * 60;

export type Verdict = { ok: true } | { ok: false; reason: string };

/**
 * Checks a Slack v0 request signature: HMAC-SHA256 of `v0:{timestamp}:{raw body}` with the
 * signing secret, and a timestamp within 5 minutes of `nowSeconds` in the past or the future
 * (Bolt's own check only refuses old ones). Pure, so the clock is the caller's.
 */
export const verifySlackRequest = (o: {
  signingSecret: string;
  rawBody: string;
  signature: string | undefined;
  timestamp: string | undefined;
  nowSeconds: number;
}): Verdict => {
  if (!o.signature || !o.timestamp) return { ok: false, reason: 'missing signature headers' };
  if (!/^\d{1,12}$/.test(o.timestamp)) return { ok: false, reason: 'invalid timestamp' };
  if (Math.abs(o.nowSeconds - Number(o.timestamp)) > MAX_SKEW_SECONDS)
    return { ok: false, reason: 'timestamp outside the 5-minute window' };
  const expected = `v0=${createHmac('sha256', o.signingSecret).update(`v0:${o.timestamp}:${o.rawBody}`).digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(o.signature);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return { ok: false, reason: 'signature mismatch' };
  return { ok: true };
};

/** The signature Slack would send for this body: what tests and the bench sign with. */
export const signSlackRequest = (signingSecret: string, rawBody: string, timestamp: number) =>
  `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
