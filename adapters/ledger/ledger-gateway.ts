import { randomUUID } from 'node:crypto';
import type { Money } from '../../src/domain/money.ts';
import type {
  BilledState,
  BillingGateway,
  ChargeInput,
  ChargeResult,
  OpenOrganizationInput,
  OpenOrganizationResult,
  RenewalInput,
  SeatPreviewInput,
  SeatPurchaseInput,
  SeatPurchaseResult,
} from '../../src/service/ports.ts';
import type { LedgerStore } from './ledger-store.ts';

/**
 * Billing without a payment provider: charges are rows of the store (`ledger_charge`), one per
 * idempotency key (a unique index), so a retried or doubled charge returns the first success. Payment
 * methods are the references synced onto accounts; Stripe's test token for a declined card
 * (`pm_card_chargeDeclined`) declines here too, so failures can be tried locally.
 */
export const DECLINING_METHOD = 'pm_card_chargeDeclined';

export class LedgerGateway implements BillingGateway {
  readonly name = 'ledger';
  /** the ledger charges the method already synced onto the account */
  readonly collectsPaymentMethod = false;
  /** every period is one ledger charge made by the roll */
  readonly billsPeriodsAtRoll = true;
  constructor(
    private readonly store: LedgerStore,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async hasPaymentMethod(accountId: string): Promise<boolean> {
    return Boolean(await this.store.paymentMethodOf(accountId));
  }

  async charge(input: ChargeInput): Promise<ChargeResult> {
    const existing = await this.find(input.idempotencyKey);
    if (existing) return existing;
    const method = await this.store.paymentMethodOf(input.payerAccountId);
    const failure = !method
      ? 'No payment method on file.'
      : method === DECLINING_METHOD
        ? 'Your card was declined.'
        : null;
    await this.store.recordCharge({
      id: randomUUID(),
      // A decline does not hold the key: the same purchase may be paid once the card is fixed.
      idempotencyKey: failure ? `${input.idempotencyKey}#declined#${randomUUID()}` : input.idempotencyKey,
      payerId: input.payerAccountId,
      amount: input.amount.amount,
      currency: input.amount.currency,
      description: input.description,
      status: failure ? 'failed' : 'succeeded',
      failureReason: failure,
      createdAt: this.now(),
    });
    if (failure) return { ok: false, reason: failure };
    // Whoever won the insert decides the result for everyone.
    return (await this.find(input.idempotencyKey))!;
  }

  /** The first period is charged at once: active, or failed with the reason. */
  async openOrganization(input: OpenOrganizationInput): Promise<OpenOrganizationResult> {
    const r = await this.charge({
      idempotencyKey: input.idempotencyKey,
      payerAccountId: input.payer.accountId,
      amount: input.firstInvoice,
      description: `${input.organizationName}: first ${input.period}, 1 business seat`,
    });
    return r.ok ? { status: 'active', ref: r.ref } : { status: 'failed', reason: r.reason };
  }

  /** Nothing to set up: the ledger charges per period when the renewal rolls. */
  async startSubscription(): Promise<ChargeResult> {
    return { ok: true, ref: 'ledger' };
  }

  /** The ledger keeps no prices: our own quote is the price. */
  async previewSeatPurchase(input: SeatPreviewInput): Promise<Money> {
    return input.localAmount;
  }

  /** One keyed charge of the quoted amount; the ledger never holds a payment pending. */
  purchaseSeats(input: SeatPurchaseInput): Promise<SeatPurchaseResult> {
    return this.charge(input);
  }

  renew(input: RenewalInput): Promise<ChargeResult> {
    return this.charge(input);
  }

  /** A retry is one more keyed charge of the payer's current payment method. */
  collectOverdue(input: ChargeInput): Promise<ChargeResult> {
    return this.charge(input);
  }

  /** The ledger charges the renewing seats when the roll runs: nothing to tell in advance. */
  async scheduleRenewal(): Promise<void> {}

  /** The ledger bills nothing by itself, so there is nothing to stop or resume. */
  async setCancelAtPeriodEnd(): Promise<void> {}

  /** The ledger has no billing state apart from our seats: nothing can drift. */
  async billedState(): Promise<BilledState | null> {
    return null;
  }

  private async find(key: string): Promise<ChargeResult | null> {
    const row = await this.store.chargeByKey(key);
    if (!row) return null;
    return row.status === 'succeeded'
      ? { ok: true, ref: `ledger_${row.id}` }
      : { ok: false, reason: row.failureReason ?? 'Payment failed.' };
  }
}
