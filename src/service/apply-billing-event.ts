import {
  eventContract,
  isEventClaimed,
  setChargeInvoice,
  setupToStart,
} from '../../db/repositories/billing-events.ts';
import { recordOutcome } from './collect-period-charges.ts';
import type { ServiceContext } from './context.ts';
import type { BillingEvent } from './ports.ts';
import { activateOrganization } from './support/activate-organization.ts';
import { claimEvent } from './support/billing-events.ts';
import { closeOrganization } from './support/close-organization.ts';
import { lockOrganization } from './support/contracts.ts';
import { sendCycleReceipt } from './support/cycle-receipt.ts';
import { driftOf } from './support/drift.ts';
import { awaitingPurchases, completeLatePurchase, expireLatePurchase } from './support/late-payment.ts';
import { overdueByRef, renewalOf } from './support/period-charges.ts';
import { audit, notify } from './support/records.ts';
import { syncRenewalSchedules } from './support/renewal-schedule.ts';
import { inTransaction, reading } from './support/tx.ts';

export type EventOutcome = 'applied' | 'duplicate' | 'ignored';

/**
 * Applies one billing provider event, at most once: its id is claimed in the transaction that
 * applies its effect, so a redelivery (or two deliveries racing) changes nothing more. A
 * failure throws before anything is recorded, so the provider's next delivery tries again.
 */
export const applyBillingEvent = async (ctx: ServiceContext, event: BillingEvent): Promise<EventOutcome> => {
  const claim = { id: event.id, type: event.type };
  switch (event.kind) {
    case 'setup_completed':
      return setupCompleted(ctx, event.organizationId, claim);
    case 'ignored':
      return once(ctx, claim, async () => 'ignored');
    default: {
      const outcome = await once(ctx, claim, async (em, now) => {
        const contract = await eventContract(em, event.contractId);
        const org = contract?.organizationId ? await lockOrganization(em, contract.organizationId) : null;
        if (!contract || !org) return 'ignored';
        switch (event.kind) {
          case 'pending_update_applied':
            for (const r of await awaitingPurchases(em, { contractId: contract.id })) {
              const billed = event.state.items.find((i) => i.planCode === r.planCode)?.quantity ?? 0;
              if (!event.state.pendingUpdate && billed >= (r.billingQuantity ?? r.quantity)) {
                await completeLatePurchase(em, now, org, r, r.billingRef ?? event.id);
              }
            }
            return 'applied';
          case 'invoice_paid':
            for (const r of await awaitingPurchases(em, {
              contractId: contract.id,
              billingRef: event.invoiceRef,
            })) {
              await completeLatePurchase(em, now, org, r, event.invoiceRef);
            }
            // an overdue renewal invoice paid (Stripe's own retry, or the customer paid it): dunning ends
            for (const c of await overdueByRef(em, contract.id, event.invoiceRef)) {
              await recordOutcome(em, now, c, c.retries + 1, { ok: true, ref: event.invoiceRef });
            }
            // the cycle invoice of a renewal the roll recorded as paid (no money moved then): its receipt
            if (event.cycle) await sendCycleReceipt(em, now, contract, org, event.invoiceRef, event.cycle);
            return 'applied';
          case 'pending_update_expired':
            for (const r of await awaitingPurchases(em, { contractId: contract.id })) {
              await expireLatePurchase(em, now, org, r);
            }
            return 'applied';
          case 'invoice_failed': {
            // a purchase's own invoice was reported when it was approved; others (renewals) now
            const purchases = await awaitingPurchases(em, {
              contractId: contract.id,
              billingRef: event.invoiceRef,
            });
            // the cycle invoice of the period the roll renewed: dunning starts on it
            // (a period that ended and is not rolled yet: the invoice is its successor's, not priced here yet)
            const renewal =
              purchases.length === 0 && contract.currentPeriodEnd > now
                ? await renewalOf(em, contract.id, contract.currentPeriodStart)
                : null;
            if (renewal && renewal.status === 'paid') {
              await setChargeInvoice(em, renewal.id, event.invoiceRef);
              await recordOutcome(em, now, { ...renewal, chargeRef: event.invoiceRef }, 0, {
                ok: false,
                reason: event.reason,
              });
            } else if (purchases.length === 0) {
              audit(em, now, {
                organizationId: org.id,
                actorId: null,
                action: 'billing.invoice_failed',
                subject: { type: 'contract', id: contract.id },
                after: { invoice: event.invoiceRef, reason: event.reason },
              });
              notify(em, now, {
                organizationId: org.id,
                recipientId: org.ownerId,
                kind: 'billing_problem',
                payload: {
                  organizationName: org.name,
                  reason: { code: 'invoice_unpaid', provider: event.reason },
                },
              });
            }
            return 'applied';
          }
          case 'subscription_deleted':
            // Stripe ended the subscription: paid access ends, as the cancellation roll does
            if (org.status === 'active' || org.status === 'cancelling') {
              await closeOrganization(em, org, now, { status: 'cancelled', actorId: null });
            }
            return 'applied';
          case 'subscription_changed': {
            const drift = await driftOf(em, contract.id, event.state, now);
            if (drift.length) {
              audit(em, now, {
                organizationId: org.id,
                actorId: null,
                action: 'billing.drift',
                subject: { type: 'contract', id: contract.id },
                after: { drift, source: event.type },
              });
            }
            return 'applied';
          }
        }
      });
      // A held purchase that completed added renewing seats (and, while it was held, the renewal
      // schedule was left alone): the next period is planned again, after the commit.
      if (
        outcome === 'applied' &&
        (event.kind === 'pending_update_applied' || event.kind === 'invoice_paid')
      ) {
        await syncRenewalSchedules(ctx, [event.contractId]);
      }
      return outcome;
    }
  }
};

/** Whether an event id was already applied (a cheap early answer to a redelivery). */
export const wasApplied = (ctx: ServiceContext, eventId: string): Promise<boolean> =>
  reading(ctx, (em) => isEventClaimed(em, eventId));

/** Runs `effect` in one transaction with the event claimed; a claimed event is a duplicate. */
const once = (
  ctx: ServiceContext,
  claim: { id: string; type: string },
  effect: (em: Parameters<Parameters<typeof inTransaction>[1]>[0], now: Date) => Promise<EventOutcome>,
): Promise<EventOutcome> =>
  inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    if (!(await claimEvent(em, claim, now))) return 'duplicate';
    return effect(em, now);
  });

/**
 * The payment method is on file: the contract's subscription starts (outside any transaction:
 * it is a call to the provider, keyed by contract), then the organization becomes active.
 * A failed first invoice leaves it pending and tells the owner why.
 */
const setupCompleted = async (
  ctx: ServiceContext,
  orgId: string,
  claim: { id: string; type: string },
): Promise<EventOutcome> => {
  const found = await reading(ctx, (em) => setupToStart(em, orgId));
  if (!found) return once(ctx, claim, async () => 'ignored');
  const started = await ctx.billing.startSubscription({
    organizationId: found.org.id,
    contractId: found.contract.id,
    period: found.contract.period,
    items: found.items,
  });
  if (started.ok) {
    if (await wasApplied(ctx, claim.id)) return 'duplicate';
    await activateOrganization(ctx, found.org.id, { ref: started.ref, event: claim });
    return 'applied';
  }
  return once(ctx, claim, async (em, now) => {
    audit(em, now, {
      organizationId: found.org.id,
      actorId: null,
      action: 'organization.payment_failed',
      subject: { type: 'organization', id: found.org.id },
      after: { status: 'pending', reason: started.reason },
    });
    notify(em, now, {
      organizationId: found.org.id,
      recipientId: found.org.ownerId,
      kind: 'billing_problem',
      payload: {
        organizationName: found.org.name,
        reason: {
          code: 'first_invoice_failed',
          provider: started.reason,
          setupUrl: 'setupUrl' in started && started.setupUrl ? started.setupUrl : null,
        },
      },
    });
    return 'applied';
  });
};
