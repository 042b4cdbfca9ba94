import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  insertPeriodCharge,
  lateSeatsBilled,
  overdueByRef,
  type PeriodCharge,
  planToBill,
  renewalOf,
  renewalsAfter,
  toPeriodCharge,
} from '../../../db/repositories/period-charges.ts';
import { listPrice } from '../../domain/catalog.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Contract, PurchaseRequest } from '../../domain/model.ts';
import { addPeriod } from '../../domain/period.ts';
import { tieredIncrement } from '../../domain/tiers.ts';
import { audit } from './records.ts';
import { renewalCharge } from './renewal-charge.ts';

export type { ChargedItem, PeriodCharge } from '../../../db/repositories/period-charges.ts';
export { overdueByRef, renewalOf, toPeriodCharge };

export const renewalKey = (contractId: string, periodStart: Date) =>
  `contract:${contractId}:period:${periodStart.toISOString()}`;

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
  await insertPeriodCharge(
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

/**
 * Under the contract's lock: auto-renew decides what the roll bills and removes, so it does not
 * change between the period end and the roll (the roll's snapshot is the rule).
 */
export const refuseWhileRenewing = async (em: EntityManager, contract: Contract, now: Date) => {
  const pricing = await renewalOf(em, contract.id, contract.currentPeriodEnd);
  if (contract.currentPeriodEnd <= now || pricing?.status === 'charging') {
    throw new DomainError(
      'conflict',
      { key: 'errors_support.renewal.in_progress' },
      { key: 'errors_support.renewal.in_progress_next' },
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
  const renewals = await renewalsAfter(em, contract.id, request.prorationDate);
  if (renewals.length === 0) return [];
  const plan = await planToBill(em, request.planCode);
  const ids: string[] = [];
  for (const renewal of renewals) {
    const late = await lateSeatsBilled(em, contract.id, renewal.periodStart, request.planCode);
    const before = (renewal.items.find((i) => i.planCode === request.planCode)?.quantity ?? 0) + late;
    const amount = tieredIncrement(
      listPrice(plan, contract.period),
      before,
      before + request.quantity,
      plan.tiers,
    );
    const id = randomUUID();
    await insertPeriodCharge(
      em,
      {
        id,
        contractId: contract.id,
        kind: 'late_purchase',
        periodStart: renewal.periodStart,
        periodEnd: renewal.periodEnd,
        requestId: request.id,
        items: [{ planCode: request.planCode, quantity: request.quantity, amount, seatsBefore: before }],
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
