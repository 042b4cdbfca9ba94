import { LockMode } from '@mikro-orm/core';
import {
  ContractSchema,
  MembershipSchema,
  OrganizationSchema,
  PlanSchema,
  SeatSchema,
} from '../../db/schemas/index.ts';
import { listPrice } from '../domain/catalog.ts';
import { money } from '../domain/money.ts';
import { addPeriod } from '../domain/period.ts';
import { tieredTotal } from '../domain/tiers.ts';
import type { ServiceContext } from './context.ts';
import { closeOrganization } from './support/close-organization.ts';
import { audit, notify } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

export type RollResult =
  | { contractId: string; rolled: false }
  | { contractId: string; rolled: true; closed: true }
  | {
      contractId: string;
      rolled: true;
      closed: false;
      periodStart: Date;
      periodEnd: Date;
      seatsEnded: number;
      invoice: { amount: number; currency: string; ok: boolean; ref: string | null; reason: string | null };
    };

/**
 * Rolls one contract whose period has ended: seats with auto-renew off disappear (holders fall
 * to free and are told), the period moves on, and the new period is invoiced once (keyed by
 * contract and period). A cancelled organization past its paid-through date closes instead.
 * Idempotent: once rolled, the period end is in the future and a second run does nothing.
 */
export const rollContract = async (ctx: ServiceContext, contractId: string): Promise<RollResult> => {
  const step = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const contract = await em.findOne(
      ContractSchema,
      { id: contractId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!contract || contract.status !== 'active' || contract.currentPeriodEnd > now) return null;
    const org = contract.organizationId
      ? await em.findOne(OrganizationSchema, { id: contract.organizationId })
      : null;
    if (org && contract.kind === 'organization' && org.status === 'cancelling') {
      await closeOrganization(em, org, now, { status: 'cancelled', actorId: null });
      return { closed: true as const };
    }
    const ending = await em.find(SeatSchema, { contractId, autoRenew: false });
    const holders = ending.filter((s) => s.membershipId).map((s) => s.membershipId!);
    const members = holders.length ? await em.find(MembershipSchema, { id: { $in: holders } }) : [];
    for (const m of members) {
      const seat = ending.find((s) => s.membershipId === m.id)!;
      notify(em, now, {
        organizationId: m.organizationId,
        recipientId: m.accountId,
        kind: 'seat_removed',
        payload: { organizationName: org?.name ?? null, plan: seat.planCode, reason: 'not_renewed' },
      });
    }
    if (ending.length) await em.nativeDelete(SeatSchema, { id: { $in: ending.map((s) => s.id) } });
    const before = {
      periodStart: contract.currentPeriodStart.toISOString(),
      periodEnd: contract.currentPeriodEnd.toISOString(),
    };
    contract.currentPeriodStart = contract.currentPeriodEnd;
    contract.currentPeriodEnd = addPeriod(contract.currentPeriodEnd, contract.period);
    const counts = await em.execute<{ plan_code: string; n: number }[]>(
      `select plan_code, count(*)::int as n from seat where contract_id = ? group by plan_code`,
      [contractId],
    );
    const plans = new Map((await em.find(PlanSchema, {})).map((p) => [p.code, p]));
    const amount = counts.reduce((sum, c) => {
      const plan = plans.get(c.plan_code)!;
      return sum + tieredTotal(listPrice(plan, contract.period), c.n, plan.tiers);
    }, 0);
    audit(em, now, {
      organizationId: contract.organizationId,
      actorId: null,
      action: 'contract.renewed',
      subject: { type: 'contract', id: contract.id },
      before,
      after: {
        periodStart: contract.currentPeriodStart.toISOString(),
        periodEnd: contract.currentPeriodEnd.toISOString(),
        seatsEnded: ending.length,
        invoice: amount,
      },
    });
    return {
      closed: false as const,
      contract,
      seatsEnded: ending.length,
      amount,
      payerId: org && contract.kind === 'organization' ? org.ownerId : contract.managerId,
    };
  });
  if (!step) return { contractId, rolled: false };
  if (step.closed) return { contractId, rolled: true, closed: true };
  const { contract } = step;
  const charge = await ctx.billing.charge({
    idempotencyKey: `contract:${contract.id}:period:${contract.currentPeriodStart.toISOString()}`,
    payerAccountId: step.payerId,
    amount: money(step.amount, contract.currency),
    description: `Renewal ${contract.currentPeriodStart.toISOString().slice(0, 10)} – ${contract.currentPeriodEnd.toISOString().slice(0, 10)}`,
  });
  return {
    contractId,
    rolled: true,
    closed: false,
    periodStart: contract.currentPeriodStart,
    periodEnd: contract.currentPeriodEnd,
    seatsEnded: step.seatsEnded,
    invoice: {
      amount: step.amount,
      currency: contract.currency,
      ok: charge.ok,
      ref: charge.ok ? charge.ref : null,
      reason: charge.ok ? null : charge.reason,
    },
  };
};

/** Rolls every contract that is due, as many periods as it is behind. */
export const rollDueContracts = async (ctx: ServiceContext, opts: { limit?: number } = {}) => {
  const results: RollResult[] = [];
  for (let round = 0; round < 24; round++) {
    const due = await ctx.em
      .fork()
      .execute<{ id: string }[]>(
        `select id from contract where status = 'active' and current_period_end <= ? order by current_period_end limit ?`,
        [ctx.clock.now(), opts.limit ?? 500],
      );
    if (due.length === 0) break;
    for (const { id } of due) results.push(await rollContract(ctx, id));
  }
  return results;
};
