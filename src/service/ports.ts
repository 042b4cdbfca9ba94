import type { Plan } from '../domain/catalog.ts';
import type { Money } from '../domain/money.ts';
import type { BillingPeriod } from '../domain/period.ts';

/** Time comes from here, so tests and the renewal roll can move it. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export type ChargeResult = { ok: true; ref: string } | { ok: false; reason: string };

export interface ChargeInput {
  /** the same key always yields the same single charge, however often it is sent */
  idempotencyKey: string;
  payerAccountId: string;
  amount: Money;
  description: string;
}

/** A contract's seats per plan, as the billing provider should bill them. */
export interface PlanQuantity {
  planCode: string;
  quantity: number;
}

export interface OpenOrganizationInput {
  organizationId: string;
  organizationName: string;
  contractId: string;
  period: BillingPeriod;
  payer: { accountId: string; email: string };
  /** the contract's seats (the owner's one business seat) */
  items: PlanQuantity[];
  /** the first period's invoice, for providers that charge it at once (the ledger) */
  firstInvoice: Money;
  idempotencyKey: string;
}

/** active: billing runs; pending: the payer must finish `setupUrl`; failed: the first charge failed. */
export type OpenOrganizationResult =
  | { status: 'active'; ref: string }
  | { status: 'pending'; setupUrl: string }
  | { status: 'failed'; reason: string };

export interface SeatPurchaseInput extends ChargeInput {
  contractId: string;
  planCode: string;
  /** the plan's quantity once the seats are added (not the increment) */
  newQuantity: number;
  /** the instant the quote was priced at; the charge prorates from it */
  prorationDate: Date;
}

/**
 * `pending`: the provider holds the change until the payment completes (e.g. authentication
 * required); `ref` names the open invoice. The seats are not added unless it completes.
 */
export type SeatPurchaseResult =
  | { ok: true; ref: string }
  | { ok: false; reason: string; pending?: { ref: string } };

export interface SeatPreviewInput {
  contractId: string;
  planCode: string;
  newQuantity: number;
  prorationDate: Date;
  /** our own price for the increment; providers that keep no prices return it */
  localAmount: Money;
}

export interface RenewalInput extends ChargeInput {
  contractId: string;
  /** renewing seats per plan for the new period (plans absent or 0 stop being billed) */
  items: PlanQuantity[];
  periodStart: Date;
}

/** What a contract renews at its next period start, so the provider knows it before invoicing. */
export interface RenewalScheduleInput {
  contractId: string;
  period: BillingPeriod;
  /** our current period's start: with the quantities, it keys the provider requests */
  periodStart: Date;
  /** seats per plan this period (what is billed now) */
  current: PlanQuantity[];
  /** seats per plan that renew (auto-renew on) */
  renewing: PlanQuantity[];
}

/** What the provider bills for a contract now, for reconciliation; null: it keeps no such state. */
export interface BilledState {
  items: PlanQuantity[];
  cancelAtPeriodEnd: boolean;
  ended: boolean;
}

/** Where money moves: the local ledger by default, Stripe when configured. */
export interface BillingGateway {
  readonly name: string;
  /** true when the provider collects the payment method itself while opening an organization */
  readonly collectsPaymentMethod: boolean;
  /**
   * true when periods are charged by our roll (the ledger), so seats that land after a renewal was
   * priced are billed for the new period by us; false when the provider prorates them itself.
   */
  readonly billsPeriodsAtRoll: boolean;
  /** whether the account has a payment method that can be charged */
  hasPaymentMethod(accountId: string): Promise<boolean>;
  charge(input: ChargeInput): Promise<ChargeResult>;
  /** starts billing a new organization (ledger: charges the first invoice) */
  openOrganization(input: OpenOrganizationInput): Promise<OpenOrganizationResult>;
  /**
   * After the payment method is on file: bills the contract's seats from now on. A declined
   * first invoice may come with `setupUrl`, a fresh link to add another payment method.
   */
  startSubscription(input: {
    organizationId: string;
    contractId: string;
    period: BillingPeriod;
    items: PlanQuantity[];
  }): Promise<ChargeResult | { ok: false; reason: string; setupUrl?: string }>;
  /** the amount charged now for going to `newQuantity` seats of a plan at `prorationDate` */
  previewSeatPurchase(input: SeatPreviewInput): Promise<Money>;
  /** charges an approved purchase once per idempotency key; seats only on `ok` */
  purchaseSeats(input: SeatPurchaseInput): Promise<SeatPurchaseResult>;
  /** the renewal: the new period is billed for the renewing seats only */
  renew(input: RenewalInput): Promise<ChargeResult>;
  /**
   * Dunning: tries a declined period charge again with a new key per attempt; `ref` is the
   * provider's unpaid invoice when it keeps one (Stripe pays that invoice).
   */
  collectOverdue(input: ChargeInput & { contractId: string; ref: string | null }): Promise<ChargeResult>;
  /**
   * Tells the provider ahead of time what the next period bills (the renewing seats), without
   * changing the current period. Idempotent; the ledger bills at the roll and does nothing here.
   */
  scheduleRenewal(input: RenewalScheduleInput): Promise<void>;
  /** cancel at period end (true) or undo it (false) */
  setCancelAtPeriodEnd(contractId: string, cancel: boolean): Promise<void>;
  billedState(contractId: string): Promise<BilledState | null>;
}

/** What a paid cycle invoice billed (its total) and the period it bills, as far as the provider said (null: not said). */
export interface CycleInvoice {
  total: number | null;
  currency: string | null;
  periodStart: Date | null;
}

/**
 * A billing provider's webhook event, translated by its adapter. Subscription events carry the
 * subscription as re-read from the provider when the event is handled (never the event's own,
 * possibly stale, snapshot), so events arriving out of order still converge.
 */
export type BillingEvent = { id: string; type: string } & (
  | { kind: 'setup_completed'; organizationId: string }
  | { kind: 'subscription_changed'; contractId: string; state: BilledState & { pendingUpdate: boolean } }
  | { kind: 'pending_update_applied'; contractId: string; state: BilledState & { pendingUpdate: boolean } }
  | { kind: 'pending_update_expired'; contractId: string }
  | { kind: 'subscription_deleted'; contractId: string }
  | {
      kind: 'invoice_paid';
      contractId: string;
      invoiceRef: string;
      /** set when it is the subscription's own cycle invoice (a renewal), not a purchase's */
      cycle?: CycleInvoice;
    }
  | { kind: 'invoice_failed'; contractId: string; invoiceRef: string; reason: string }
  | { kind: 'ignored' }
);

/** A webhook delivery whose signature checked out: the provider's event id and type, and its object. */
export interface VerifiedWebhook {
  id: string;
  type: string;
  data: { object: unknown };
}

/** A webhook delivery that is not the provider's (bad signature) or is replayed too late. */
export class WebhookSignatureError extends Error {
  override readonly name = 'WebhookSignatureError';
}

/** A plan's price in the provider's catalog after a sync: kept as it was, or created. */
export interface SyncedPrice {
  plan: string;
  period: BillingPeriod;
  priceId: string;
  action: 'kept' | 'created';
}

/**
 * What a hosted billing provider (Stripe) offers besides the BillingGateway: its webhooks and a
 * catalog of its own. The composition root and the HTTP routes use this port, never the adapter.
 */
export interface BillingProvider {
  /**
   * Checks a delivery on its raw body (signature and replay tolerance); throws
   * WebhookSignatureError for one that is not the provider's.
   */
  verifyWebhook(rawBody: Buffer, signature: string | undefined, secret: string): VerifiedWebhook;
  /** the verified event as our neutral BillingEvent (subscriptions re-read from the provider) */
  translateWebhook(event: VerifiedWebhook): Promise<BillingEvent>;
  /** makes the provider's catalog match our plans (idempotent) */
  syncCatalog(plans: readonly Plan[]): Promise<SyncedPrice[]>;
}
