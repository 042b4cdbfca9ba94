import type { BillingPeriod } from '../../src/domain/period.ts';

/** An organization's Stripe customer and its latest setup-mode Checkout session. */
export interface StripeCustomerRecord {
  customerId: string;
  checkoutUrl: string | null;
  /** declined first invoices so far: part of the subscription and Checkout keys */
  setupAttempt: number;
}

/** A contract's Stripe subscription, its attached schedule and the decision counters of its keys. */
export interface StripeSubscriptionRecord {
  subscriptionId: string;
  scheduleId: string | null;
  /** schedule changes Stripe accepted so far (part of the schedule keys) */
  scheduleRevision: number;
  /** cancel / undo decisions Stripe accepted so far (part of the cancel key) */
  cancelRevision: number;
}

/** What the gateway reads of a contract of ours. */
export interface StripeContractTerms {
  currency: string;
  period: BillingPeriod;
  currentPeriodStart: Date;
}

/**
 * Where the Stripe gateway keeps Stripe's ids next to our rows (the stripe_* tables) and reads
 * the few facts of ours it sends along. Declared here, implemented by the database layer
 * (db/repositories/stripe-store.ts) and handed in by the composition root, so the adapter holds
 * no SQL and does not depend on the database code.
 */
export interface StripeStore {
  /** the payment method synced onto an account, or null */
  paymentMethodOf(accountId: string): Promise<string | null>;
  contractTerms(contractId: string): Promise<StripeContractTerms | null>;

  customerOf(organizationId: string): Promise<StripeCustomerRecord | null>;
  /** the setup attempt alone, read again once the customer exists */
  setupAttemptOf(organizationId: string): Promise<number | null>;
  /** the customer (created once) and its newest Checkout session */
  saveCheckout(
    organizationId: string,
    customerId: string,
    sessionId: string,
    url: string,
    at: Date,
  ): Promise<void>;
  /** counts a declined first invoice, only if no one counted it yet */
  advanceSetupAttempt(organizationId: string, from: number): Promise<void>;

  subscriptionOf(contractId: string): Promise<StripeSubscriptionRecord | null>;
  contractOfSubscription(subscriptionId: string): Promise<string | null>;
  /** the first subscription of a contract wins; later ones change nothing */
  saveSubscription(contractId: string, subscriptionId: string, at: Date): Promise<void>;
  itemOf(contractId: string, planCode: string): Promise<string | null>;
  /** forgets the contract's items whose ids are not in `itemIds` (all of them when it is empty) */
  keepOnlyItems(contractId: string, itemIds: string[]): Promise<void>;
  saveItem(contractId: string, planCode: string, itemId: string, priceId: string): Promise<void>;

  setSchedule(contractId: string, scheduleId: string): Promise<void>;
  /** the schedule is gone: no schedule, and the revision moves on */
  forgetSchedule(contractId: string): Promise<void>;
  /** Stripe accepted a change of the schedule's phases */
  countScheduleChange(contractId: string): Promise<void>;
  /** Stripe accepted a cancel decision, counted once from `from` */
  countCancelDecision(contractId: string, from: number): Promise<void>;
}
