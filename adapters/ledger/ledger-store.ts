/** A ledger charge as written: the first one of an idempotency key decides the result. */
export interface LedgerChargeRecord {
  id: string;
  status: 'succeeded' | 'failed';
  failureReason: string | null;
}

export interface NewLedgerChargeRecord extends LedgerChargeRecord {
  idempotencyKey: string;
  payerId: string;
  /** minor units */
  amount: number;
  currency: string;
  description: string;
  createdAt: Date;
}

/**
 * Where the ledger keeps its charges (ledger_charge) and finds the payer's payment method.
 * Declared here, implemented by the database layer (db/repositories/ledger-charges.ts) and handed
 * in by the composition root, so the adapter holds no SQL and does not depend on the database code.
 */
export interface LedgerStore {
  /** the payment method synced onto an account, or null */
  paymentMethodOf(accountId: string): Promise<string | null>;
  chargeByKey(idempotencyKey: string): Promise<LedgerChargeRecord | null>;
  /** writes the charge unless its key has one already (then the earlier one stands) */
  recordCharge(charge: NewLedgerChargeRecord): Promise<void>;
}
