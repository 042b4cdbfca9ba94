import Stripe from 'stripe';
import { DomainError } from '../../src/domain/errors.ts';

/** Plain words for the decline and failure codes people meet most. */
const REASONS: Record<string, string> = {
  card_declined: 'The card was declined.',
  insufficient_funds: 'The card has insufficient funds.',
  expired_card: 'The card has expired.',
  incorrect_cvc: 'The card security code is incorrect.',
  processing_error: 'The card could not be processed.',
  authentication_required: 'The bank asks for authentication (3-D Secure) before paying.',
  payment_intent_authentication_failure: 'The authentication of the payment failed.',
};

/** A payment failure's reason, one line a person can act on. */
export const reasonFor = (code: string | null | undefined, fallback = 'The payment failed.'): string =>
  (code && REASONS[code]) || fallback;

/**
 * The one place Stripe's errors become ours. A card error is an answer (the payment failed, with
 * the reason), returned to the caller; everything else is thrown as a coded DomainError, so
 * nothing is recorded and the caller may retry with the same idempotency key.
 */
export const asPaymentFailure = (e: unknown): { reason: string } => {
  if (e instanceof Stripe.errors.StripeCardError) {
    return { reason: reasonFor(e.decline_code ?? e.code, e.message || 'The card was declined.') };
  }
  throw asDomainError(e);
};

export const asDomainError = (e: unknown): DomainError | unknown => {
  if (e instanceof DomainError) return e;
  if (e instanceof Stripe.errors.StripeCardError) {
    return new DomainError(
      'payment_failed',
      reasonFor(e.decline_code ?? e.code, e.message),
      'Update the payment method and try again.',
    );
  }
  if (e instanceof Stripe.errors.StripeRateLimitError) {
    return new DomainError(
      'billing_unavailable',
      'Stripe is rate limiting our requests.',
      'Try again in a minute.',
    );
  }
  if (e instanceof Stripe.errors.StripeConnectionError || e instanceof Stripe.errors.StripeAPIError) {
    return new DomainError(
      'billing_unavailable',
      'Stripe cannot be reached right now.',
      'Try again in a few minutes; nothing was charged twice.',
    );
  }
  if (e instanceof Stripe.errors.StripeError) {
    return new DomainError(
      'billing_unavailable',
      `Stripe refused the request (${e.code ?? e.type}).`,
      'Ask an operator to check the Stripe configuration.',
      { stripeRequestId: e.requestId ?? null },
    );
  }
  return e;
};
