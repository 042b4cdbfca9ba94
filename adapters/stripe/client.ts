import Stripe from 'stripe';

/** The API version the gateway was written and tested against (the SDK's own pin). */
export const STRIPE_API_VERSION = '2026-10-28.endive' as const;

/**
 * A Stripe client pointed at `apiBase` (Stripe itself, or a stand-in in tests). Retries are
 * explicit: the SDK retries network errors and 409/429/5xx with the same idempotency key, so a
 * retried money move is still one move.
 */
export const stripeClient = (secretKey: string, apiBase = 'https://api.stripe.com') => {
  const base = new URL(apiBase);
  const protocol = base.protocol === 'http:' ? 'http' : 'https';
  return new Stripe(secretKey, {
    apiVersion: STRIPE_API_VERSION,
    host: base.hostname,
    port: base.port || (protocol === 'http' ? 80 : 443),
    protocol,
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
  });
};
