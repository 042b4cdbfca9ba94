import type { EntityManager } from '@mikro-orm/postgresql';

/** stripe_customer: an organization's Stripe customer and its latest setup-mode Checkout session. */
export interface StripeCustomerRow {
  customerId: string;
  checkoutUrl: string | null;
  /** declined first invoices so far: part of the subscription and Checkout keys */
  setupAttempt: number;
}

export const stripeCustomerOf = async (
  em: EntityManager,
  organizationId: string,
): Promise<StripeCustomerRow | null> => {
  const [row] = await em.execute<
    { customer_id: string; checkout_url: string | null; setup_attempt: number }[]
  >('select customer_id, checkout_url, setup_attempt from stripe_customer where organization_id = ?', [
    organizationId,
  ]);
  return row
    ? { customerId: row.customer_id, checkoutUrl: row.checkout_url, setupAttempt: row.setup_attempt }
    : null;
};

export const setupAttemptOf = async (em: EntityManager, organizationId: string): Promise<number | null> => {
  const [row] = await em.execute<{ setup_attempt: number }[]>(
    'select setup_attempt from stripe_customer where organization_id = ?',
    [organizationId],
  );
  return row?.setup_attempt ?? null;
};

/** The customer (its first row wins) and its newest Checkout session. */
export const saveCheckout = async (
  em: EntityManager,
  organizationId: string,
  customerId: string,
  sessionId: string,
  url: string,
  at: Date,
): Promise<void> => {
  await em.execute(
    `insert into stripe_customer (organization_id, customer_id, checkout_session_id, checkout_url, created_at)
     values (?, ?, ?, ?, ?)
     on conflict (organization_id) do update set checkout_session_id = excluded.checkout_session_id,
       checkout_url = excluded.checkout_url`,
    [organizationId, customerId, sessionId, url, at],
  );
};

/** A declined first invoice, counted once: only the request that saw attempt `from` moves it on. */
export const advanceSetupAttempt = async (
  em: EntityManager,
  organizationId: string,
  from: number,
): Promise<void> => {
  await em.execute(
    'update stripe_customer set setup_attempt = ? where organization_id = ? and setup_attempt = ?',
    [from + 1, organizationId, from],
  );
};
