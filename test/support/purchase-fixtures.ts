import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LedgerGateway } from '../../adapters/ledger/ledger-gateway.ts';
import { ledgerChargeStore } from '../../db/repositories/ledger-charges.ts';
import { english } from '../../src/i18n/words.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import type { BillingGateway } from '../../src/service/ports.ts';
import type { TestDb } from './db.ts';

/**
 * Extra helpers for the purchase, renewal and concurrency suites (the shared builders are in
 * fixtures.ts): raw SQL reads, ledger rows, and service contexts on separate connections.
 */

export const sql = <T = Record<string, unknown>>(db: TestDb, query: string, params: unknown[] = []) =>
  db.em.fork().execute<T[]>(query, params);

/** Outbox rows of one kind, optionally about one purchase request, oldest first. */
export const outbox = (db: TestDb, kind: string, requestId?: string) =>
  sql<{ recipient_id: string; payload: Record<string, unknown> }>(
    db,
    `select recipient_id, payload from outbox where kind = ? ${requestId ? `and payload->>'requestId' = ?` : ''}
     order by created_at, id`,
    requestId ? [kind, requestId] : [kind],
  );

/** Seats in a contract (of one plan). */
export const seatCount = async (db: TestDb, contractId: string, planCode?: string) => {
  const rows = await sql<{ n: number }>(
    db,
    `select count(*)::int as n from seat where contract_id = ? ${planCode ? 'and plan_code = ?' : ''}`,
    planCode ? [contractId, planCode] : [contractId],
  );
  return rows[0]!.n;
};

/** Unassigned seats of one plan in a contract. */
export const freeSeatCount = async (db: TestDb, contractId: string, planCode: string) =>
  (
    await sql<{ n: number }>(
      db,
      'select count(*)::int as n from seat where contract_id = ? and plan_code = ? and membership_id is null',
      [contractId, planCode],
    )
  )[0]!.n;

/** The demo's held Pro seats, last used (and assigned) on 2026-01-21: idle 40 days on from its 2026-03-02. */
export const idleDemoProSeats = (db: TestDb) =>
  sql(
    db,
    `update seat set assigned_at = ?, last_used_at = ? where plan_code = 'pro' and membership_id is not null`,
    [new Date('2026-01-21T08:00:00Z'), new Date('2026-01-21T08:00:00Z')],
  );

/** The latest request a person made, and its prorated amount as a card says it (in English). */
export const latestRequestBy = async (db: TestDb, email: string) => {
  const [r] = await sql<{
    id: string;
    quantity: number;
    status: string;
    prorated_amount: string;
    currency: string;
  }>(
    db,
    `select r.id, r.quantity, r.status, r.prorated_amount, r.currency from purchase_request r
     join account a on a.id = r.requested_by_id where a.email = ? order by r.created_at desc limit 1`,
    [email],
  );
  return { ...r!, amount: english.money(Number(r!.prorated_amount), r!.currency) };
};

/** The ledger rows of one idempotency key (amounts as numbers). */
export const chargesFor = async (db: TestDb, idempotencyKey: string) =>
  (
    await sql<{ amount: string; currency: string; payer_id: string; status: string }>(
      db,
      `select amount, currency, payer_id, status from ledger_charge where idempotency_key = ?`,
      [idempotencyKey],
    )
  ).map((r) => ({ ...r, amount: Number(r.amount) }));

export const statusOf = async (db: TestDb, requestId: string) =>
  (await sql<{ status: string }>(db, 'select status from purchase_request where id = ?', [requestId]))[0]
    ?.status;

/** A service context on another ORM (separate connections), same clock, its own ledger gateway. */
export const contextOn = (db: TestDb, orm: MikroORM): ServiceContext => {
  const em = orm.em as unknown as EntityManager;
  return { em, clock: db.clock, billing: new LedgerGateway(ledgerChargeStore(em), () => db.clock.now()) };
};

/** A billing gateway whose next `failures` money moves throw (the provider is down), then delegates. */
export const flakyBilling = (inner: BillingGateway, failures = 1): BillingGateway & { attempts: number } => {
  let left = failures;
  const flaky = {
    name: 'flaky',
    collectsPaymentMethod: inner.collectsPaymentMethod,
    billsPeriodsAtRoll: inner.billsPeriodsAtRoll,
    attempts: 0,
    hasPaymentMethod: (id: string) => inner.hasPaymentMethod(id),
    openOrganization: (i: Parameters<BillingGateway['openOrganization']>[0]) => inner.openOrganization(i),
    startSubscription: (i: Parameters<BillingGateway['startSubscription']>[0]) => inner.startSubscription(i),
    previewSeatPurchase: (i: Parameters<BillingGateway['previewSeatPurchase']>[0]) =>
      inner.previewSeatPurchase(i),
    setCancelAtPeriodEnd: (id: string, cancel: boolean) => inner.setCancelAtPeriodEnd(id, cancel),
    billedState: (id: string) => inner.billedState(id),
    charge: (i: Parameters<BillingGateway['charge']>[0]) => moving(() => inner.charge(i)),
    purchaseSeats: (i: Parameters<BillingGateway['purchaseSeats']>[0]) =>
      moving(() => inner.purchaseSeats(i)),
    renew: (i: Parameters<BillingGateway['renew']>[0]) => moving(() => inner.renew(i)),
    collectOverdue: (i: Parameters<BillingGateway['collectOverdue']>[0]) =>
      moving(() => inner.collectOverdue(i)),
    scheduleRenewal: (i: Parameters<BillingGateway['scheduleRenewal']>[0]) => inner.scheduleRenewal(i),
  };
  const moving = async <T>(run: () => Promise<T>): Promise<T> => {
    flaky.attempts++;
    if (left > 0) {
      left--;
      throw new Error('billing provider unavailable');
    }
    return run();
  };
  return flaky;
};
