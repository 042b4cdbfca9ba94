import type Stripe from 'stripe';
import type { Plan } from '../../src/domain/catalog.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { type Money, money } from '../../src/domain/money.ts';
import type { BillingPeriod } from '../../src/domain/period.ts';
import type {
  BilledState,
  BillingEvent,
  BillingGateway,
  BillingProvider,
  ChargeInput,
  ChargeResult,
  OpenOrganizationInput,
  OpenOrganizationResult,
  PlanQuantity,
  RenewalInput,
  RenewalScheduleInput,
  SeatPreviewInput,
  SeatPurchaseInput,
  SeatPurchaseResult,
  VerifiedWebhook,
} from '../../src/service/ports.ts';
import { syncCatalog } from './catalog-sync.ts';
import { asDomainError, asPaymentFailure, reasonFor } from './errors.ts';
import { lookupKey, planOfLookupKey } from './prices.ts';
import {
  attachKey,
  dropsAny,
  type PhaseItem,
  phasesKey,
  releaseKey,
  renewalPhases,
  samePhaseItems,
} from './renewal-schedule.ts';
import type { StripeStore } from './stripe-store.ts';
import { translateStripeEvent, verifyStripeEvent } from './webhook.ts';

export interface StripeGatewayOptions {
  /** base URL for Checkout's return pages */
  publicUrl: string;
  now?: () => Date;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);

/** The first attempt keeps the plain key (as before attempts were counted); later ones carry their number. */
const attemptKey = (key: string, attempt: number) => (attempt === 0 ? key : `${key}:attempt:${attempt}`);

/**
 * Billing through Stripe: one customer per organization (its payment method collected by
 * Checkout in setup mode), one subscription per contract, one item per plan whose quantity is
 * the plan's purchased seats, priced with the catalog's graduated tiers. Every money move
 * carries our own idempotency key; Stripe's ids are kept by the store (the stripe_* tables).
 * It is also the provider port: webhooks and catalog sync.
 */
export class StripeGateway implements BillingGateway, BillingProvider {
  readonly name = 'stripe';
  readonly collectsPaymentMethod = true;
  /** Stripe invoices each cycle and prorates quantity changes itself */
  readonly billsPeriodsAtRoll = false;
  private readonly prices = new Map<string, string>();

  constructor(
    private readonly store: StripeStore,
    private readonly stripe: Stripe,
    private readonly opts: StripeGatewayOptions,
  ) {}

  private get now() {
    return (this.opts.now ?? (() => new Date()))();
  }

  /** Stripe errors leave as coded DomainErrors; card errors are handled where they are an answer. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      throw asDomainError(e);
    }
  }

  async hasPaymentMethod(accountId: string): Promise<boolean> {
    return Boolean(await this.store.paymentMethodOf(accountId));
  }

  /** A one-off charge (personal plans) to the payment method synced onto the account. */
  async charge(input: ChargeInput): Promise<ChargeResult> {
    const method = await this.store.paymentMethodOf(input.payerAccountId);
    if (!method) return { ok: false, reason: 'No payment method on file.' };
    try {
      const pi = await this.stripe.paymentIntents.create(
        {
          amount: input.amount.amount,
          currency: input.amount.currency,
          payment_method: method,
          confirm: true,
          off_session: true,
          description: input.description,
          metadata: { account_id: input.payerAccountId },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return pi.status === 'succeeded'
        ? { ok: true, ref: pi.id }
        : { ok: false, reason: reasonFor(pi.last_payment_error?.code) };
    } catch (e) {
      return { ok: false, ...asPaymentFailure(e) };
    }
  }

  /** A customer and a Checkout session in setup mode: the organization waits for its webhook. */
  async openOrganization(input: OpenOrganizationInput): Promise<OpenOrganizationResult> {
    const known = await this.store.customerOf(input.organizationId);
    const customerId =
      known?.customerId ??
      (
        await this.call(() =>
          this.stripe.customers.create(
            {
              email: input.payer.email,
              name: input.organizationName,
              metadata: { organization_id: input.organizationId },
            },
            { idempotencyKey: `organization:${input.organizationId}:customer` },
          ),
        )
      ).id;
    const attempt = await this.store.setupAttemptOf(input.organizationId);
    const url = await this.checkout(
      input.organizationId,
      input.contractId,
      customerId,
      input.firstInvoice.currency,
      attempt ?? 0,
    );
    return { status: 'pending', setupUrl: url };
  }

  /**
   * A setup-mode Checkout session, keyed per organization and setup attempt: asking again for
   * the same attempt shows the same session, and after a decline the next attempt gets a new one.
   */
  private async checkout(
    organizationId: string,
    contractId: string,
    customerId: string,
    currency: string,
    attempt: number,
  ): Promise<string> {
    const session = await this.call(() =>
      this.stripe.checkout.sessions.create(
        {
          mode: 'setup',
          customer: customerId,
          currency,
          allowed_payment_method_types: ['card'],
          success_url: `${this.opts.publicUrl}/stripe/setup-done`,
          cancel_url: `${this.opts.publicUrl}/stripe/setup-cancelled`,
          metadata: { organization_id: organizationId, contract_id: contractId },
          setup_intent_data: { metadata: { organization_id: organizationId } },
        },
        { idempotencyKey: attemptKey(`organization:${organizationId}:checkout`, attempt) },
      ),
    );
    if (!session.url) throw new Error('Stripe returned a Checkout session without a URL');
    await this.store.saveCheckout(organizationId, customerId, session.id, session.url, this.now);
    return session.url;
  }

  /** The contract's subscription, created once (keyed by contract); its first invoice is paid at once. */
  async startSubscription(input: {
    organizationId: string;
    contractId: string;
    period: BillingPeriod;
    items: PlanQuantity[];
  }): Promise<ChargeResult | { ok: false; reason: string; setupUrl?: string }> {
    const existing = await this.subscriptionOf(input.contractId);
    if (existing) return { ok: true, ref: existing };
    const customer = await this.store.customerOf(input.organizationId);
    if (!customer) return { ok: false, reason: 'No Stripe customer for this organization.' };
    const items = [];
    for (const i of input.items) {
      items.push({ price: await this.priceId(i.planCode, input.period), quantity: i.quantity });
    }
    try {
      const sub = await this.stripe.subscriptions.create(
        {
          customer: customer.customerId,
          items,
          payment_behavior: 'error_if_incomplete',
          metadata: { contract_id: input.contractId, organization_id: input.organizationId },
        },
        // Stripe replays a stored decline for 24 hours: each setup attempt is its own request
        { idempotencyKey: attemptKey(`contract:${input.contractId}:subscription`, customer.setupAttempt) },
      );
      await this.remember(input.contractId, sub);
      return { ok: true, ref: sub.id };
    } catch (e) {
      const failure = asPaymentFailure(e);
      // declined: the next attempt (another payment method) gets new keys and a new link
      const next = customer.setupAttempt + 1;
      await this.store.advanceSetupAttempt(input.organizationId, customer.setupAttempt);
      const currency = (await this.store.contractTerms(input.contractId))?.currency;
      const setupUrl = await this.checkout(
        input.organizationId,
        input.contractId,
        customer.customerId,
        currency ?? 'eur',
        next,
      ).catch(() => undefined);
      return { ok: false, ...failure, ...(setupUrl ? { setupUrl } : {}) };
    }
  }

  /** Stripe's own figure for the increment: the proration invoice it would make at that instant. */
  async previewSeatPurchase(input: SeatPreviewInput): Promise<Money> {
    const subscription = await this.subscriptionOf(input.contractId);
    if (!subscription) return input.localAmount;
    const item = await this.itemFor(input.contractId, input.planCode, input.newQuantity);
    const preview = await this.call(() =>
      this.stripe.invoices.createPreview({
        subscription,
        subscription_details: {
          items: [item],
          proration_date: seconds(input.prorationDate),
          proration_behavior: 'always_invoice',
        },
      }),
    );
    return money(preview.amount_due, preview.currency);
  }

  /**
   * The purchase: the plan's item goes to the new quantity, prorated from the quote's instant and
   * invoiced at once. `pending_if_incomplete`: Stripe applies the change only if that invoice is
   * paid, otherwise it holds it as `pending_update` (and the webhooks finish or expire it).
   */
  async purchaseSeats(input: SeatPurchaseInput): Promise<SeatPurchaseResult> {
    const subscription = await this.subscriptionOf(input.contractId);
    if (!subscription) return { ok: false, reason: 'This contract is not billed through Stripe yet.' };
    const item = await this.itemFor(input.contractId, input.planCode, input.newQuantity);
    // Stripe refuses a proration date outside the subscription's current period. A purchase that
    // reaches it only after the renewal is billed from the new period's start (as if its seats
    // had been there at the renewal); that is another body, so another key.
    const terms = await this.store.contractTerms(input.contractId);
    const periodStart = terms ? terms.currentPeriodStart : input.prorationDate;
    const late = periodStart > input.prorationDate;
    let sub: Stripe.Subscription;
    try {
      sub = await this.stripe.subscriptions.update(
        subscription,
        {
          items: [item],
          proration_date: seconds(late ? periodStart : input.prorationDate),
          proration_behavior: 'always_invoice',
          payment_behavior: 'pending_if_incomplete',
          expand: ['latest_invoice'],
        },
        {
          idempotencyKey: late
            ? `${input.idempotencyKey}:period:${periodStart.toISOString()}`
            : input.idempotencyKey,
        },
      );
    } catch (e) {
      return { ok: false, ...asPaymentFailure(e) };
    }
    const invoice = typeof sub.latest_invoice === 'object' ? sub.latest_invoice : null;
    const invoiceId = invoice?.id ?? (typeof sub.latest_invoice === 'string' ? sub.latest_invoice : sub.id);
    if (!sub.pending_update && (!invoice || invoice.status === 'paid' || invoice.amount_due === 0)) {
      await this.remember(input.contractId, sub);
      return { ok: true, ref: invoiceId };
    }
    return { ok: false, reason: await this.failureOf(invoiceId), pending: { ref: invoiceId } };
  }

  /**
   * Dunning: pays Stripe's unpaid invoice again (with the customer's current default method),
   * keyed per attempt; a charge without an invoice is a one-off payment intent.
   */
  async collectOverdue(
    input: ChargeInput & { contractId: string; ref: string | null },
  ): Promise<ChargeResult> {
    if (!input.ref?.startsWith('in_')) return this.charge(input);
    const invoiceId = input.ref;
    try {
      const paid = await this.stripe.invoices.pay(
        invoiceId,
        { off_session: true },
        { idempotencyKey: input.idempotencyKey },
      );
      return paid.status === 'paid'
        ? { ok: true, ref: paid.id }
        : { ok: false, reason: await this.failureOf(invoiceId) };
    } catch (e) {
      return { ok: false, ...asPaymentFailure(e) };
    }
  }

  /** Why an invoice is unpaid, from its payment attempt. */
  private async failureOf(invoiceId: string): Promise<string> {
    const invoice = await this.call(() =>
      this.stripe.invoices.retrieve(invoiceId, { expand: ['payments.data.payment.payment_intent'] }),
    );
    const pi = invoice.payments?.data?.[0]?.payment?.payment_intent;
    if (pi && typeof pi === 'object') {
      if (pi.status === 'requires_action') return reasonFor('authentication_required');
      const err = pi.last_payment_error;
      if (err) return reasonFor(err.decline_code ?? err.code, err.message ?? undefined);
    }
    return 'The payment did not go through.';
  }

  /**
   * The renewal: seats with auto-renew off stop being billed from the new period on, with no
   * proration (they were paid through the period that ended). Stripe invoices the cycle itself.
   * Usually the renewal schedule already moved the subscription to these quantities before the
   * cycle invoice; so the subscription is re-read and only what still differs is sent (an item
   * the schedule already removed is not removed twice), and nothing at all when it matches.
   */
  async renew(input: RenewalInput): Promise<ChargeResult> {
    const subscription = await this.subscriptionOf(input.contractId);
    if (!subscription) return { ok: true, ref: 'not-billed-through-stripe' };
    const sub = await this.call(() => this.stripe.subscriptions.retrieve(subscription));
    await this.remember(input.contractId, sub);
    const wanted = new Map(input.items.map((i) => [i.planCode, i.quantity]));
    const changes = billedItems(sub)
      .filter((i) => i.quantity !== (wanted.get(i.plan) ?? 0))
      .map((i) =>
        (wanted.get(i.plan) ?? 0) > 0
          ? { id: i.id, quantity: wanted.get(i.plan)! }
          : { id: i.id, deleted: true as const },
      );
    if (changes.length === 0) return { ok: true, ref: sub.id };
    try {
      const updated = await this.stripe.subscriptions.update(
        subscription,
        { items: changes, proration_behavior: 'none' },
        { idempotencyKey: input.idempotencyKey },
      );
      return { ok: true, ref: updated.id };
    } catch (e) {
      return { ok: false, ...asPaymentFailure(e) };
    }
  }

  /**
   * Keeps a subscription schedule on the contract's subscription whose next phase bills the
   * renewing seats, so Stripe's cycle invoice already has the lower quantity. The current phase
   * is what Stripe bills now, so this never changes the current period. The schedule is attached
   * only once some seat stops renewing; a schedule that already says the same is left alone.
   */
  async scheduleRenewal(input: RenewalScheduleInput): Promise<void> {
    const row = await this.store.subscriptionOf(input.contractId);
    if (!row) return;
    const drops = dropsAny(input.current, input.renewing);
    // every seat renews and no schedule of ours: Stripe's own cycle bills the right quantities
    if (!row.scheduleId && !drops) return;
    const sub = await this.call(() =>
      this.stripe.subscriptions.retrieve(row.subscriptionId, { expand: ['schedule'] }),
    );
    // Nothing renews (ended, or cancelling at period end), or a held purchase is still open:
    // its outcome changes the quantities, and the webhook that settles it syncs again.
    if (stateOf(sub).ended || sub.cancel_at_period_end || sub.pending_update) return;
    let revision = row.scheduleRevision;
    let schedule =
      sub.schedule &&
      typeof sub.schedule === 'object' &&
      ['active', 'not_started'].includes(sub.schedule.status)
        ? sub.schedule
        : null;
    if (!schedule && row.scheduleId) {
      // released or completed since: the next one is a new attach, not a replay of the old one
      await this.store.forgetSchedule(input.contractId);
      revision++;
    }
    if (!schedule) {
      if (!drops) return;
      schedule = await this.call(() =>
        this.stripe.subscriptionSchedules.create(
          { from_subscription: sub.id },
          { idempotencyKey: attachKey(input.contractId, input.periodStart, revision) },
        ),
      );
    }
    // remembered before it is planned, so a later sync looks at it even if we stop right here
    if (schedule.id !== row.scheduleId) await this.store.setSchedule(input.contractId, schedule.id);
    const current = schedule.current_phase;
    if (!current) return;
    const now: PhaseItem[] = billedItems(sub).map((i) => ({
      plan: i.plan,
      price: i.price,
      quantity: i.quantity,
    }));
    const next: PhaseItem[] = [];
    for (const r of input.renewing) {
      if (r.quantity <= 0) continue;
      const price =
        now.find((i) => i.plan === r.planCode)?.price ?? (await this.priceId(r.planCode, input.period));
      next.push({ plan: r.planCode, price, quantity: r.quantity });
    }
    // a subscription cannot renew with no item at all; the roll removes the last seats then
    if (next.length === 0) return;
    const heldNow = schedule.phases.find((p) => p.start_date === current.start_date);
    const heldNext = schedule.phases.find((p) => p.start_date === current.end_date);
    if (
      schedule.end_behavior === 'release' &&
      heldNow &&
      samePhaseItems(heldNow.items, now) &&
      heldNext &&
      samePhaseItems(heldNext.items, next)
    ) {
      return;
    }
    const scheduleId = schedule.id;
    await this.call(() =>
      this.stripe.subscriptionSchedules.update(
        scheduleId,
        {
          end_behavior: 'release',
          proration_behavior: 'none',
          phases: renewalPhases(current, now, next, input.period),
        },
        {
          idempotencyKey: phasesKey(input.contractId, input.periodStart, now, next, revision),
        },
      ),
    );
    await this.store.countScheduleChange(input.contractId);
  }

  /**
   * Stripe refuses cancel-at-period-end on a subscription a schedule manages, so our schedule is
   * released first (the subscription keeps its current items; a cancelled one has no next
   * period to plan). Undo plans the next period again (the caller syncs the schedule after it).
   */
  async setCancelAtPeriodEnd(contractId: string, cancel: boolean): Promise<void> {
    const row = await this.store.subscriptionOf(contractId);
    if (!row) return;
    const subscription = row.subscriptionId;
    if (cancel) await this.releaseSchedule(contractId, subscription);
    await this.call(() =>
      this.stripe.subscriptions.update(
        subscription,
        { cancel_at_period_end: cancel },
        // Keyed per decision: our own retry of an unanswered call is the same request; once Stripe
        // accepted it the revision moves on, so undo or a later cancel is a new one.
        { idempotencyKey: `contract:${contractId}:cancel_at_period_end:${cancel}:${row.cancelRevision}` },
      ),
    );
    await this.store.countCancelDecision(contractId, row.cancelRevision);
  }

  private async releaseSchedule(contractId: string, subscription: string) {
    const row = await this.store.subscriptionOf(contractId);
    if (!row?.scheduleId) return;
    const sub = await this.call(() => this.stripe.subscriptions.retrieve(subscription));
    const attached = typeof sub.schedule === 'string' ? sub.schedule : (sub.schedule?.id ?? null);
    if (attached) {
      await this.call(() =>
        this.stripe.subscriptionSchedules.release(
          attached,
          {},
          { idempotencyKey: releaseKey(contractId, attached) },
        ),
      );
    }
    await this.store.forgetSchedule(contractId);
  }

  /** Webhooks (the provider port): Stripe's signature and 5-minute tolerance on the raw body. */
  verifyWebhook(rawBody: Buffer, signature: string | undefined, secret: string): VerifiedWebhook {
    return verifyStripeEvent(this.stripe, rawBody, signature, secret);
  }

  translateWebhook(event: VerifiedWebhook): Promise<BillingEvent> {
    return translateStripeEvent(this, event);
  }

  /** Our plans → Stripe products and tiered prices (`npm run stripe:sync-catalog`). */
  syncCatalog(plans: readonly Plan[]) {
    return syncCatalog(this.stripe, plans);
  }

  async billedState(contractId: string): Promise<BilledState | null> {
    const subscription = await this.subscriptionOf(contractId);
    if (!subscription) return null;
    const sub = await this.call(() => this.stripe.subscriptions.retrieve(subscription));
    return stateOf(sub);
  }

  /** The subscription's state re-read from Stripe, for webhook events. */
  async subscriptionState(subscriptionId: string) {
    const sub = await this.call(() => this.stripe.subscriptions.retrieve(subscriptionId));
    return { ...stateOf(sub), pendingUpdate: Boolean(sub.pending_update) };
  }

  /** Checkout's setup intent left a payment method: it becomes the customer's default for invoices. */
  async useSetupPaymentMethod(customerId: string, setupIntentId: string): Promise<void> {
    const intent = await this.call(() => this.stripe.setupIntents.retrieve(setupIntentId));
    const method =
      typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
    if (!method) return;
    await this.call(() =>
      this.stripe.customers.update(customerId, { invoice_settings: { default_payment_method: method } }),
    );
  }

  contractOfSubscription(subscriptionId: string): Promise<string | null> {
    return this.store.contractOfSubscription(subscriptionId);
  }

  private async subscriptionOf(contractId: string): Promise<string | null> {
    return (await this.store.subscriptionOf(contractId))?.subscriptionId ?? null;
  }

  /** The plan's existing item at a new quantity, or a new item of the plan's price. */
  private async itemFor(contractId: string, planCode: string, quantity: number) {
    const itemId = await this.store.itemOf(contractId, planCode);
    if (itemId) return { id: itemId, quantity };
    const terms = await this.store.contractTerms(contractId);
    return { price: await this.priceId(planCode, terms!.period), quantity };
  }

  /** Records the subscription and its items' ids (items appear as plans are first bought). */
  private async remember(contractId: string, sub: Stripe.Subscription) {
    await this.store.saveSubscription(contractId, sub.id, this.now);
    if (!sub.items) return;
    // a schedule's phase change may have removed an item: its id must not be used again
    await this.store.keepOnlyItems(
      contractId,
      sub.items.data.map((i) => i.id),
    );
    for (const item of sub.items.data) {
      const plan = planOfLookupKey(item.price.lookup_key);
      if (!plan) continue;
      await this.store.saveItem(contractId, plan, item.id, item.price.id);
    }
  }

  /** The catalog price of a plan and period, by lookup key (run the catalog sync first). */
  private async priceId(planCode: string, period: BillingPeriod): Promise<string> {
    const key = lookupKey(planCode, period);
    const cached = this.prices.get(key);
    if (cached) return cached;
    const found = await this.call(() =>
      this.stripe.prices.list({ lookup_keys: [key], active: true, limit: 1 }),
    );
    const price = found.data[0];
    if (!price) {
      throw new DomainError(
        'billing_unavailable',
        `Stripe has no price for the ${planCode} plan (${period}).`,
        'Run `npm run stripe:sync-catalog`, then try again.',
      );
    }
    this.prices.set(key, price.id);
    return price.id;
  }
}

/** The subscription's items that are catalog plans, with their ids, prices and quantities. */
const billedItems = (sub: Stripe.Subscription) =>
  (sub.items?.data ?? []).flatMap((i) => {
    const plan = planOfLookupKey(i.price.lookup_key);
    return plan ? [{ id: i.id, plan, price: i.price.id, quantity: i.quantity ?? 0 }] : [];
  });

const stateOf = (sub: Stripe.Subscription): BilledState => ({
  items: (sub.items?.data ?? []).flatMap((i) => {
    const plan = planOfLookupKey(i.price.lookup_key);
    return plan ? [{ planCode: plan, quantity: i.quantity ?? 0 }] : [];
  }),
  cancelAtPeriodEnd: sub.cancel_at_period_end,
  ended: sub.status === 'canceled' || sub.status === 'incomplete_expired',
});
