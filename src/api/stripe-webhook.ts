import express, { Router } from 'express';
import type { Logger } from 'pino';
import { isDomainError } from '../domain/errors.ts';
import { applyBillingEvent, wasApplied } from '../service/apply-billing-event.ts';
import type { ServiceContext } from '../service/context.ts';
import { type BillingProvider, WebhookSignatureError } from '../service/ports.ts';

/**
 * `POST /stripe/webhook`: the signature is checked on the raw bytes (so no JSON parser may run
 * before this router). Not Stripe's, or older than the tolerance → 400, nothing changes.
 * Applied or already applied → 200. A failure to apply → 500, so Stripe delivers it again.
 */
export const stripeWebhook = (
  ctx: ServiceContext,
  provider: BillingProvider,
  secret: string,
  log: Logger,
) => {
  const router = Router();
  router.post('/', express.raw({ type: 'application/json', limit: '1mb' }), async (req, res) => {
    if (!Buffer.isBuffer(req.body)) {
      res.status(400).json({
        error: {
          code: 'invalid_input',
          message: 'The body must be the raw JSON event Stripe sent.',
          next: 'Send it with Content-Type: application/json, as Stripe does.',
        },
      });
      return;
    }
    try {
      const verified = provider.verifyWebhook(req.body, req.get('stripe-signature'), secret);
      // a redelivery is answered before any call to Stripe; racing deliveries meet at the claim
      if (await wasApplied(ctx, verified.id)) {
        res.json({ received: true, outcome: 'duplicate' });
        return;
      }
      const event = await provider.translateWebhook(verified);
      const outcome = await applyBillingEvent(ctx, event);
      log.info({ event: event.id, type: event.type, outcome }, 'stripe event');
      res.json({ received: true, outcome });
    } catch (e) {
      if (e instanceof WebhookSignatureError) {
        log.warn({ err: e.message }, 'stripe webhook refused: bad signature');
        res.status(400).json({
          error: {
            code: 'invalid_signature',
            message: 'Invalid Stripe signature or stale timestamp.',
            next: 'Point only Stripe at this URL, with the endpoint’s signing secret in STRIPE_WEBHOOK_SECRET.',
          },
        });
        return;
      }
      const unavailable = isDomainError(e) && e.code === 'billing_unavailable';
      // "not now" (Stripe delivers it again) is expected; anything else is a fault
      log[unavailable ? 'warn' : 'error']({ err: e }, 'stripe webhook not applied');
      res.status(unavailable ? 503 : 500).json({
        error: {
          code: unavailable ? 'unavailable' : 'internal',
          message: 'The event could not be applied now.',
          next: 'Nothing to do: Stripe delivers it again.',
        },
      });
    }
  });
  return router;
};
