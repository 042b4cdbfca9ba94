import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PlanSchema } from '../../../db/schemas/index.ts';
import { listPrice } from '../../domain/catalog.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Contract, PurchaseRequest } from '../../domain/model.ts';
import { addPeriod } from '../../domain/period.ts';
import { tieredIncrement } from '../../domain/tiers.ts';
import { audit } from './records.ts';
import { renewalCharge } from './renewal-charge.ts';

/** What a period charge bills: seats per plan and their amount. */
export interface ChargedItem {
  planCode: string;
  quantity: number;
  amount: number;
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
  updatedAt: Date;
}

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
  updatedAt: date(r.updated_at)!,
});

export const renewalKey = (contractId: string, periodStart: Date) =>
  `contract:${contractId}:period:${periodStart.toISOString()}`;

const insert = async (
  em: EntityManager,
  c: Omit<
    PeriodCharge,
    'chargeRef' | 'failureReason' | 'failedAt' | 'retries' | 'nextRetryAt' | 'status' | 'updatedAt'
  >,
  now: Date,
) => {
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

/**
 * The renewal of the period after the contract's current one, priced once: the first call (the
 * roll's first step, under the contract's lock) records the renewing seats it bills; a resumed
 * or concurrent roll gets that same snapshot, so one key always carries one amount.
 */
export const renewalSnapshot = async (
  em: EntityManager,
  contract: Contract,
  payerId: string,
  now: Date,
): Promise<PeriodCharge> => {
  const periodStart = contract.currentPeriodEnd;
  const existing = await renewalOf(em, contract.id, periodStart);
  if (existing) return existing;
  const priced = await renewalCharge(em, contract);
  await insert(
    em,
    {
      id: randomUUID(),
      contractId: contract.id,
      kind: 'renewal',
      periodStart,
      periodEnd: addPeriod(periodStart, contract.period),
      requestId: null,
      items: priced.byPlan.map((p) => ({ planCode: p.plan, quantity: p.seats, amount: p.amount })),
      amount: priced.amount,
      currency: contract.currency,
      payerId,
      idempotencyKey: renewalKey(contract.id, periodStart),
    },
    now,
  );
  return (await renewalOf(em, contract.id, periodStart))!;
};

export const renewalOf = async (em: EntityManager, contractId: string, periodStart: Date) => {
  const [row] = await em.execute<Row[]>(
    `select * from period_charge where contract_id = ? and kind = 'renewal' and period_start = ?`,
    [contractId, periodStart],
  );
  return row ? toPeriodCharge(row) : null;
};

/**
 * Under the contract's lock: auto-renew decides what the roll bills and removes, so it does not
 * change between the period end and the roll (the roll's snapshot is the rule).
 */
export const refuseWhileRenewing = async (em: EntityManager, contract: Contract, now: Date) => {
  const pricing = await renewalOf(em, contract.id, contract.currentPeriodEnd);
  if (contract.currentPeriodEnd <= now || pricing?.status === 'charging') {
    throw new DomainError(
      'conflict',
      'The billing period has just ended and is being renewed.',
      'Try again in a few minutes; the change then applies to the new period.',
    );
  }
};

/**
 * A purchase quoted in one period whose seats land after that period's renewal was priced
 * (under the contract's lock, so the renewal either counted them or is seen here): the seats
 * are billed for each such new period as if they had been there at the renewal, at the next
 * tier band after what that period already bills. Returns the charges to collect.
 */
export const billLateSeats = async (
  em: EntityManager,
  now: Date,
  contract: Contract,
  request: PurchaseRequest,
  payerId: string,
): Promise<string[]> => {
  const renewals = (
    await em.execute<Row[]>(
      `select * from period_charge where contract_id = ? and kind = 'renewal' and period_start > ?
       order by period_start`,
      [contract.id, request.prorationDate],
    )
  ).map(toPeriodCharge);
  if (renewals.length === 0) return [];
  const plan = await em.findOneOrFail(PlanSchema, { code: request.planCode });
  const ids: string[] = [];
  for (const renewal of renewals) {
    const [late] = await em.execute<{ n: number }[]>(
      `select coalesce(sum((items->0->>'quantity')::int), 0)::int as n from period_charge
       where contract_id = ? and kind = 'late_purchase' and period_start = ? and items->0->>'planCode' = ?`,
      [contract.id, renewal.periodStart, request.planCode],
    );
    const before =
      (renewal.items.find((i) => i.planCode === request.planCode)?.quantity ?? 0) + (late?.n ?? 0);
    const amount = tieredIncrement(
      listPrice(plan, contract.period),
      before,
      before + request.quantity,
      plan.tiers,
    );
    const id = randomUUID();
    await insert(
      em,
      {
        id,
        contractId: contract.id,
        kind: 'late_purchase',
        periodStart: renewal.periodStart,
        periodEnd: renewal.periodEnd,
        requestId: request.id,
        items: [{ planCode: request.planCode, quantity: request.quantity, amount }],
        amount,
        currency: request.currency,
        payerId,
        idempotencyKey: `purchase:${request.id}:period:${renewal.periodStart.toISOString()}`,
      },
      now,
    );
    audit(em, now, {
      organizationId: request.organizationId,
      actorId: null,
      action: 'purchase.late_period_billed',
      subject: { type: 'purchase_request', id: request.id },
      after: {
        periodStart: renewal.periodStart.toISOString(),
        seats: request.quantity,
        plan: request.planCode,
        amount,
      },
    });
    ids.push(id);
  }
  return ids;
};

/** Overdue charges (unpaid or suspended) whose provider invoice is `ref`, locked. */
export const overdueByRef = async (em: EntityManager, contractId: string, ref: string) =>
  (
    await em.execute<Row[]>(
      `select * from period_charge where contract_id = ? and charge_ref = ? and status in ('unpaid', 'suspended')
       for update`,
      [contractId, ref],
    )
  ).map(toPeriodCharge);
