import type { EntityManager } from '@mikro-orm/postgresql';

import type { Plan } from '../../src/domain/catalog.ts';
import { PlanSchema } from '../schemas/index.ts';

// The period_charge table has no mapping: each charge is read and written here as a row.

/** What a period charge bills: seats per plan and their amount. */
export interface ChargedItem {
  planCode: string;
  quantity: number;
  amount: number;
  /** a late purchase's share: the plan's seats the period billed before these (for its receipt's bands) */
  seatsBefore?: number;
}

export interface PeriodCharge {
  id: string;
  contractId: string;
  kind: 'renewal' | 'late_purchase';
  periodStart: Date;
  periodEnd: Date;
  requestId: string | null;
  items: ChargedItem[];
  amount: number;
  currency: string;
  payerId: string;
  idempotencyKey: string;
  status: 'charging' | 'paid' | 'unpaid' | 'suspended';
  chargeRef: string | null;
  failureReason: string | null;
  failedAt: Date | null;
  retries: number;
  nextRetryAt: Date | null;
  /** when its receipt was sent; null: not yet (or it has none) */
  receiptSentAt: Date | null;
  updatedAt: Date;
}

/** A new charge, as its first attempt starts: `charging`, never tried, nothing failed. */
export type NewPeriodCharge = Omit<
  PeriodCharge,
  | 'chargeRef'
  | 'failureReason'
  | 'failedAt'
  | 'retries'
  | 'nextRetryAt'
  | 'receiptSentAt'
  | 'status'
  | 'updatedAt'
>;

type Row = Record<string, unknown>;
const date = (v: unknown) => (v == null ? null : new Date(v as string));
export const toPeriodCharge = (r: Row): PeriodCharge => ({
  id: r.id as string,
  contractId: r.contract_id as string,
  kind: r.kind as PeriodCharge['kind'],
  periodStart: date(r.period_start)!,
  periodEnd: date(r.period_end)!,
  requestId: (r.request_id as string | null) ?? null,
  items: (typeof r.items === 'string' ? JSON.parse(r.items) : r.items) as ChargedItem[],
  amount: Number(r.amount),
  currency: r.currency as string,
  payerId: r.payer_id as string,
  idempotencyKey: r.idempotency_key as string,
  status: r.status as PeriodCharge['status'],
  chargeRef: (r.charge_ref as string | null) ?? null,
  failureReason: (r.failure_reason as string | null) ?? null,
  failedAt: date(r.failed_at),
  retries: Number(r.retries),
  nextRetryAt: date(r.next_retry_at),
  receiptSentAt: date(r.receipt_sent_at),
  updatedAt: date(r.updated_at)!,
});

/** Records a charge about to be made; a charge with the same key (or period) already there wins. */
export const insertPeriodCharge = async (em: EntityManager, c: NewPeriodCharge, now: Date) => {
  await em.execute(
    `insert into period_charge (id, contract_id, kind, period_start, period_end, request_id, items, amount, currency,
       payer_id, idempotency_key, status, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'charging', ?, ?) on conflict do nothing`,
    [
      c.id,
      c.contractId,
      c.kind,
      c.periodStart,
      c.periodEnd,
      c.requestId,
      JSON.stringify(c.items),
      c.amount,
      c.currency,
      c.payerId,
      c.idempotencyKey,
      now,
      now,
    ],
  );
};

/** One charge, optionally locked for the rest of the transaction. */
export const periodChargeById = (em: EntityManager, id: string, lock = false) =>
  em
    .execute<Row[]>(`select * from period_charge where id = ?${lock ? ' for update' : ''}`, [id])
    .then((rows) => (rows[0] ? toPeriodCharge(rows[0]) : null));

/** The renewal charge of the period starting at `periodStart`, or null. */
export const renewalOf = async (em: EntityManager, contractId: string, periodStart: Date) => {
  const [row] = await em.execute<Row[]>(
    `select * from period_charge where contract_id = ? and kind = 'renewal' and period_start = ?`,
    [contractId, periodStart],
  );
  return row ? toPeriodCharge(row) : null;
};

/** The renewals of periods starting after `after`, oldest first. */
export const renewalsAfter = async (em: EntityManager, contractId: string, after: Date) =>
  (
    await em.execute<Row[]>(
      `select * from period_charge where contract_id = ? and kind = 'renewal' and period_start > ?
       order by period_start`,
      [contractId, after],
    )
  ).map(toPeriodCharge);

/** Seats of one plan billed late (after the renewal) into the period starting at `periodStart`. */
export const lateSeatsBilled = async (
  em: EntityManager,
  contractId: string,
  periodStart: Date,
  planCode: string,
): Promise<number> => {
  const [late] = await em.execute<{ n: number }[]>(
    `select coalesce(sum((items->0->>'quantity')::int), 0)::int as n from period_charge
     where contract_id = ? and kind = 'late_purchase' and period_start = ? and items->0->>'planCode' = ?`,
    [contractId, periodStart, planCode],
  );
  return late?.n ?? 0;
};

/** Seats billed late into the period starting at `periodStart`, per plan. */
export const lateSeatsByPlan = (em: EntityManager, contractId: string, periodStart: Date) =>
  em.execute<{ plan_code: string; n: number }[]>(
    `select items->0->>'planCode' as plan_code, sum((items->0->>'quantity')::int)::int as n from period_charge
     where contract_id = ? and kind = 'late_purchase' and period_start = ? group by 1`,
    [contractId, periodStart],
  );

/** The plan a late purchase bills (it exists: the purchase was quoted on it). */
export const planToBill = (em: EntityManager, code: string): Promise<Plan> =>
  em.findOneOrFail(PlanSchema, { code });

/** Overdue charges (unpaid or suspended) whose provider invoice is `ref`, locked. */
export const overdueByRef = async (em: EntityManager, contractId: string, ref: string) =>
  (
    await em.execute<Row[]>(
      `select * from period_charge where contract_id = ? and charge_ref = ? and status in ('unpaid', 'suspended')
       for update`,
      [contractId, ref],
    )
  ).map(toPeriodCharge);

/**
 * Claims the first attempt of a charge still `charging`, as last seen (`seenUpdatedAt`): false
 * when another run touched it since.
 */
export const claimFirstAttempt = async (em: EntityManager, id: string, now: Date, seenUpdatedAt: Date) =>
  (
    await em.execute<{ id: string }[]>(
      `update period_charge set updated_at = ? where id = ? and status = 'charging' and updated_at = ? returning id`,
      [now, id, seenUpdatedAt],
    )
  ).length > 0;

/**
 * Claims the next retry of an overdue charge until `until`, if it is still as last seen (status,
 * retries, next try): false when another run claimed or recorded it since.
 */
export const claimRetry = async (
  em: EntityManager,
  id: string,
  now: Date,
  until: Date,
  seen: Pick<PeriodCharge, 'status' | 'retries' | 'nextRetryAt'>,
) =>
  (
    await em.execute<{ id: string }[]>(
      // due, as well as unchanged: a run that read the row after another's claim committed (its
      // next_retry_at moved to the claim's end) must not claim the same attempt again
      `update period_charge set next_retry_at = ? where id = ? and status = ? and retries = ?
           and next_retry_at is not distinct from ? and next_retry_at <= ? returning id`,
      [until, id, seen.status, seen.retries, seen.nextRetryAt, now],
    )
  ).length > 0;

export const markPaid = async (em: EntityManager, id: string, ref: string, retries: number, now: Date) => {
  await em.execute(
    `update period_charge set status = 'paid', charge_ref = ?, next_retry_at = null, retries = ?, updated_at = ? where id = ?`,
    [ref, retries, now, id],
  );
};

/**
 * Claims the sending of a charge's receipt: true once, false when it was sent already. One
 * conditional update, so two paths (or two deliveries) racing to send it cannot both win.
 */
export const claimReceipt = async (em: EntityManager, id: string, now: Date): Promise<boolean> =>
  (
    await em.execute<{ id: string }[]>(
      'update period_charge set receipt_sent_at = ? where id = ? and receipt_sent_at is null returning id',
      [now, id],
    )
  ).length > 0;

export const markDeclined = async (
  em: EntityManager,
  id: string,
  d: {
    status: 'unpaid' | 'suspended';
    reason: string;
    failedAt: Date;
    retries: number;
    nextRetryAt: Date | null;
  },
  now: Date,
) => {
  await em.execute(
    `update period_charge set status = ?, failure_reason = ?, failed_at = ?, retries = ?, next_retry_at = ?, updated_at = ?
     where id = ?`,
    [d.status, d.reason, d.failedAt, d.retries, d.nextRetryAt, now, id],
  );
};

/** How many of a contract's charges are still suspended (unpaid after the last try). */
export const suspendedChargeCount = async (em: EntityManager, contractId: string): Promise<number> => {
  const [open] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from period_charge where contract_id = ? and status = 'suspended'`,
    [contractId],
  );
  return open?.n ?? 0;
};

/**
 * Charges the collecting job takes: retries due by `now`, and late-purchase charges left
 * `charging` since before `stalledBefore`; the most overdue first.
 */
export const dueCharges = (em: EntityManager, now: Date, stalledBefore: Date, limit: number) =>
  em.execute<{ id: string }[]>(
    `select id from period_charge
     where (status in ('unpaid', 'suspended') and next_retry_at <= ?)
        or (status = 'charging' and kind = 'late_purchase' and updated_at <= ?)
     order by coalesce(next_retry_at, updated_at), id limit ?`,
    [now, stalledBefore, limit],
  );
