import type Stripe from 'stripe';
import { z } from 'zod';
import {
  type BilledState,
  type BillingEvent,
  type CycleInvoice,
  type VerifiedWebhook,
  WebhookSignatureError,
} from '../../src/service/ports.ts';
import { reasonFor } from './errors.ts';

export { WebhookSignatureError };

/** Stripe's replay window: a signed event older than this is refused. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

// Only the fields we use, checked at the boundary; the rest of an event is not trusted or needed.
const idOf = z
  .union([z.string(), z.object({ id: z.string() })])
  .transform((v) => (typeof v === 'string' ? v : v.id));
const session = z.object({
  mode: z.string(),
  customer: idOf.nullish(),
  setup_intent: idOf.nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
});
const subscription = z.object({ id: z.string(), metadata: z.record(z.string(), z.string()).nullish() });
const invoiceLine = z.object({
  period: z.object({ start: z.number().int() }).nullish(),
  parent: z
    .object({ subscription_item_details: z.object({ proration: z.boolean().nullish() }).nullish() })
    .nullish(),
});
const invoice = z.object({
  id: z.string(),
  parent: z.object({ subscription_details: z.object({ subscription: idOf.nullish() }).nullish() }).nullish(),
  last_finalization_error: z.object({ code: z.string().nullish() }).nullish(),
  billing_reason: z.string().nullish(),
  total: z.number().int().nullish(),
  amount_paid: z.number().int().nullish(),
  currency: z.string().nullish(),
  lines: z.object({ data: z.array(invoiceLine) }).nullish(),
});
type Invoice = z.infer<typeof invoice>;

/**
 * The subscription's own cycle invoice (Stripe's `subscription_cycle`; a purchase's proration is
 * `subscription_update`): what it billed and the period it bills. That period is its seats' lines'
 * (the invoice's own period_start/period_end look back one period), prorations left out.
 */
const cycleOf = (inv: Invoice): CycleInvoice | undefined => {
  if (inv.billing_reason !== 'subscription_cycle') return undefined;
  const seats = inv.lines?.data.find(
    (l) => l.parent?.subscription_item_details && !l.parent.subscription_item_details.proration,
  );
  return {
    // what it billed, however it was paid (a card, or the customer's credit balance)
    total: inv.total ?? inv.amount_paid ?? null,
    currency: inv.currency ?? null,
    periodStart: seats?.period ? new Date(seats.period.start * 1000) : null,
  };
};

export type VerifiedEvent = VerifiedWebhook;

/** What translating an event asks of Stripe and of our records (the gateway answers). */
export interface WebhookLookups {
  useSetupPaymentMethod(customerId: string, setupIntentId: string): Promise<void>;
  contractOfSubscription(subscriptionId: string): Promise<string | null>;
  subscriptionState(subscriptionId: string): Promise<BilledState & { pendingUpdate: boolean }>;
}

/**
 * Checks a webhook delivery on its raw body: Stripe's signature and the 5-minute tolerance.
 * Throws WebhookSignatureError for a delivery that is not Stripe's (or is replayed late).
 */
export const verifyStripeEvent = (
  stripe: Stripe,
  rawBody: Buffer,
  signature: string | undefined,
  secret: string,
): VerifiedEvent => {
  try {
    return stripe.webhooks.constructEvent(rawBody, signature ?? '', secret, WEBHOOK_TOLERANCE_SECONDS);
  } catch (e) {
    throw new WebhookSignatureError(e instanceof Error ? e.message : 'bad signature');
  }
};

/**
 * Turns a verified event into our neutral one. Subscriptions are re-read from Stripe here, so a
 * late or reordered event acts on the subscription as it is now.
 */
export const translateStripeEvent = async (
  gateway: WebhookLookups,
  event: VerifiedEvent,
): Promise<BillingEvent> => {
  const base = { id: event.id, type: event.type };
  const object = event.data.object;
  switch (event.type) {
    case 'checkout.session.completed': {
      const s = session.parse(object);
      const organizationId = s.metadata?.organization_id;
      if (s.mode !== 'setup' || !organizationId) return { ...base, kind: 'ignored' };
      if (s.customer && s.setup_intent) await gateway.useSetupPaymentMethod(s.customer, s.setup_intent);
      return { ...base, kind: 'setup_completed', organizationId };
    }
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted':
    case 'customer.subscription.pending_update_applied':
    case 'customer.subscription.pending_update_expired': {
      const sub = subscription.parse(object);
      const contractId = sub.metadata?.contract_id ?? (await gateway.contractOfSubscription(sub.id));
      if (!contractId) return { ...base, kind: 'ignored' };
      if (event.type === 'customer.subscription.deleted')
        return { ...base, kind: 'subscription_deleted', contractId };
      if (event.type === 'customer.subscription.pending_update_expired') {
        return { ...base, kind: 'pending_update_expired', contractId };
      }
      const state = await gateway.subscriptionState(sub.id);
      return event.type === 'customer.subscription.updated'
        ? { ...base, kind: 'subscription_changed', contractId, state }
        : { ...base, kind: 'pending_update_applied', contractId, state };
    }
    case 'invoice.paid':
    case 'invoice.payment_failed': {
      const inv = invoice.parse(object);
      const subId = inv.parent?.subscription_details?.subscription;
      const contractId = subId ? await gateway.contractOfSubscription(subId) : null;
      if (!contractId) return { ...base, kind: 'ignored' };
      return event.type === 'invoice.paid'
        ? { ...base, kind: 'invoice_paid', contractId, invoiceRef: inv.id, cycle: cycleOf(inv) }
        : {
            ...base,
            kind: 'invoice_failed',
            contractId,
            invoiceRef: inv.id,
            reason: reasonFor(inv.last_finalization_error?.code),
          };
    }
    default:
      return { ...base, kind: 'ignored' };
  }
};
