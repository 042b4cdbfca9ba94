import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
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

/**
 * Billing without a payment provider: charges are rows in `ledger_charge`, one per idempotency
 * key (a unique index), so a retried or doubled charge returns the first success. Payment
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
    private readonly root: EntityManager,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async hasPaymentMethod(accountId: string): Promise<boolean> {
    const rows = await this.root
      .fork()
      .execute<{ payment_method: string | null }[]>('select payment_method from account where id = ?', [
        accountId,
      ]);
    return Boolean(rows[0]?.payment_method);
  }

  async charge(input: ChargeInput): Promise<ChargeResult> {
    const em = this.root.fork();
    const existing = await this.find(em, input.idempotencyKey);
    if (existing) return existing;
    const [account] = await em.execute<{ payment_method: string | null }[]>(
      'select payment_method from account where id = ?',
      [input.payerAccountId],
    );
    const method = account?.payment_method ?? null;
    const failure = !method
      ? 'No payment method on file.'
      : method === DECLINING_METHOD
        ? 'Your card was declined.'
        : null;
    await em.execute(
      `insert into ledger_charge (id, idempotency_key, payer_id, amount, currency, description, status, failure_reason, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing`,
      [
        randomUUID(),
        // A decline does not hold the key: the same purchase may be paid once the card is fixed.
        failure ? `${input.idempotencyKey}#declined#${randomUUID()}` : input.idempotencyKey,
        input.payerAccountId,
        input.amount.amount,
        input.amount.currency,
        input.description,
        failure ? 'failed' : 'succeeded',
        failure,
        this.now(),
      ],
    );
    if (failure) return { ok: false, reason: failure };
    // Whoever won the insert decides the result for everyone.
    return (await this.find(em, input.idempotencyKey))!;
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

  private async find(em: EntityManager, key: string): Promise<ChargeResult | null> {
    const [row] = await em.execute<{ id: string; status: string; failure_reason: string | null }[]>(
      'select id, status, failure_reason from ledger_charge where idempotency_key = ?',
      [key],
    );
    if (!row) return null;
    return row.status === 'succeeded'
      ? { ok: true, ref: `ledger_${row.id}` }
      : { ok: false, reason: row.failure_reason ?? 'Payment failed.' };
  }
}
