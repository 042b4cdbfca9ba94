import type { EntityManager } from '@mikro-orm/postgresql';

/** ledger_charge: one row per idempotency key (a unique index); the first one written decides. */
export interface LedgerChargeRow {
  id: string;
  status: 'succeeded' | 'failed';
  failureReason: string | null;
}

export interface NewLedgerCharge {
  id: string;
  idempotencyKey: string;
  payerId: string;
  amount: number;
  currency: string;
  description: string;
  status: 'succeeded' | 'failed';
  failureReason: string | null;
  createdAt: Date;
}

/** The payment method synced onto an account (what either billing provider charges), or null. */
export const paymentMethodOf = async (em: EntityManager, accountId: string): Promise<string | null> => {
  const [row] = await em.execute<{ payment_method: string | null }[]>(
    'select payment_method from account where id = ?',
    [accountId],
  );
  return row?.payment_method ?? null;
};

export const chargeByKey = async (em: EntityManager, key: string): Promise<LedgerChargeRow | null> => {
  const [row] = await em.execute<
    { id: string; status: 'succeeded' | 'failed'; failure_reason: string | null }[]
  >('select id, status, failure_reason from ledger_charge where idempotency_key = ?', [key]);
  return row ? { id: row.id, status: row.status, failureReason: row.failure_reason } : null;
};

/** Writes the charge unless its key has one already (then the earlier charge stands). */
export const recordCharge = async (em: EntityManager, c: NewLedgerCharge): Promise<void> => {
  await em.execute(
    `insert into ledger_charge (id, idempotency_key, payer_id, amount, currency, description, status, failure_reason, created_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (idempotency_key) do nothing`,
    [
      c.id,
      c.idempotencyKey,
      c.payerId,
      c.amount,
      c.currency,
      c.description,
      c.status,
      c.failureReason,
      c.createdAt,
    ],
  );
};

/**
 * The ledger gateway's store (it declares the shape it needs in adapters/ledger/ledger-store.ts):
 * each call on a fresh fork of `root`, outside any caller's transaction, as charges always were.
 */
export const ledgerChargeStore = (root: EntityManager) => ({
  paymentMethodOf: (accountId: string) => paymentMethodOf(root.fork(), accountId),
  chargeByKey: (key: string) => chargeByKey(root.fork(), key),
  recordCharge: (charge: NewLedgerCharge) => recordCharge(root.fork(), charge),
});
