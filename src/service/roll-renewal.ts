import type { EntityManager } from '@mikro-orm/postgresql';
import { lockContract, membershipsByIds, organizationById } from '../../db/repositories/contracts.ts';
import { lateSeatsByPlan } from '../../db/repositories/period-charges.ts';
import {
  contractsDue,
  deleteSeats,
  purchasesInFlight,
  seatCountsByPlan,
  seatsNotRenewing,
} from '../../db/repositories/renewals.ts';
import type { Contract } from '../domain/model.ts';
import { money } from '../domain/money.ts';
import { addPeriod } from '../domain/period.ts';
import { recordOutcome } from './collect-period-charges.ts';
import type { ServiceContext } from './context.ts';
import { closeOrganization } from './support/close-organization.ts';
import { type PeriodCharge, renewalKey, renewalSnapshot } from './support/period-charges.ts';
import { audit, notify } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

export type RollResult =
  | { contractId: string; rolled: false; error?: string }
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

const lockDue = async (em: EntityManager, contractId: string, now: Date): Promise<Contract | null> => {
  const contract = await lockContract(em, contractId);
  if (contract?.status !== 'active' || contract.currentPeriodEnd > now) return null;
  return contract;
};

export { renewalKey };

/**
 * The seats the roll removes: those with auto-renew off, but never more of a plan than the
 * renewal left unbilled. A seat whose auto-renew went off after the period was priced (an
 * offboarding in between) was paid for the new period, so it stays until the next roll.
 */
const endingSeats = async (em: EntityManager, contractId: string, snapshot: PeriodCharge) => {
  const off = await seatsNotRenewing(em, contractId);
  if (off.length === 0) return off;
  const counts = await seatCountsByPlan(em, contractId);
  const late = await lateSeatsByPlan(em, contractId, snapshot.periodStart);
  const removable = new Map(
    counts.map((c) => [
      c.plan_code,
      c.n -
        (snapshot.items.find((i) => i.planCode === c.plan_code)?.quantity ?? 0) -
        (late.find((l) => l.plan_code === c.plan_code)?.n ?? 0),
    ]),
  );
  return off.filter((seat) => {
    const left = removable.get(seat.planCode) ?? 0;
    if (left <= 0) return false;
    removable.set(seat.planCode, left - 1);
    return true;
  });
};

/**
 * Rolls one contract whose period has ended: seats with auto-renew off disappear (holders fall
 * to free and are told), the period moves on, and the new period is invoiced once. A cancelled
 * organization past its paid-through date closes instead.
 *
 * Like a purchase, money moves between two transactions, keyed so it moves once: 1. price what
 * is due (the renewal's snapshot, written once); 2. charge, keyed by contract and new period start; 3. apply the
 * roll if nobody else did. If the charge throws or the process dies before step 3, the
 * contract is still due, so the next run charges again with the same key (the provider
 * returns the first charge) and applies it. Idempotent: once rolled, the period end is in the
 * future and a second run does nothing.
 */
export const rollContract = async (ctx: ServiceContext, contractId: string): Promise<RollResult> => {
  const plan = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const contract = await lockDue(em, contractId, now);
    if (!contract) return null;
    const org = contract.organizationId ? await organizationById(em, contract.organizationId) : null;
    if (org && contract.kind === 'organization' && org.status === 'cancelling') {
      await closeOrganization(em, org, now, { status: 'cancelled', actorId: null });
      return { closed: true as const };
    }
    const payerId = org && contract.kind === 'organization' ? org.ownerId : contract.managerId;
    // priced once, under the lock: a resumed or concurrent roll charges this same snapshot, and
    // purchases settling or auto-renew changes from now on see that the period is priced
    const snapshot = await renewalSnapshot(em, contract, payerId, now);
    return {
      closed: false as const,
      periodStart: contract.currentPeriodEnd,
      periodEnd: addPeriod(contract.currentPeriodEnd, contract.period),
      currency: snapshot.currency,
      amount: snapshot.amount,
      byPlan: snapshot.items.map((i) => ({ plan: i.planCode, seats: i.quantity })),
      payerId: snapshot.payerId,
      snapshot,
    };
  });
  if (!plan) return { contractId, rolled: false };
  if (plan.closed) return { contractId, rolled: true, closed: true };

  // Seats with auto-renew off stop being billed here, at the renewal, never earlier.
  const charge = await ctx.billing.renew({
    contractId,
    periodStart: plan.periodStart,
    items: plan.byPlan.map((p) => ({ planCode: p.plan, quantity: p.seats })),
    idempotencyKey: renewalKey(contractId, plan.periodStart),
    payerAccountId: plan.payerId,
    amount: money(plan.amount, plan.currency),
    description: `Renewal ${plan.periodStart.toISOString().slice(0, 10)} – ${plan.periodEnd.toISOString().slice(0, 10)}`,
  });
  const invoice = {
    amount: plan.amount,
    currency: plan.currency,
    ok: charge.ok,
    ref: charge.ok ? charge.ref : null,
    reason: charge.ok ? null : charge.reason,
  };

  const applied = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const contract = await lockDue(em, contractId, now);
    // another run rolled it meanwhile (its charge used the same key: still one charge)
    if (!contract || contract.currentPeriodEnd.getTime() !== plan.periodStart.getTime()) return null;
    const org = contract.organizationId ? await organizationById(em, contract.organizationId) : null;
    const ending = await endingSeats(em, contractId, plan.snapshot);
    const holders = ending.filter((s) => s.membershipId).map((s) => s.membershipId!);
    const members = holders.length ? await membershipsByIds(em, holders) : [];
    for (const m of members) {
      const seat = ending.find((s) => s.membershipId === m.id)!;
      audit(em, now, {
        organizationId: m.organizationId,
        actorId: null,
        action: 'seat.not_renewed',
        subject: { type: 'membership', id: m.id },
        before: { plan: seat.planCode, seatId: seat.id },
        after: { plan: 'free' },
      });
      notify(em, now, {
        organizationId: m.organizationId,
        recipientId: m.accountId,
        kind: 'seat_removed',
        payload: { organizationName: org?.name ?? null, plan: seat.planCode, reason: 'not_renewed' },
      });
    }
    if (ending.length)
      await deleteSeats(
        em,
        ending.map((s) => s.id),
      );
    // purchases approved in the old period and not settled yet: billed into the new one when they settle
    const inFlight = await purchasesInFlight(em, contractId, plan.periodStart);
    const before = {
      periodStart: contract.currentPeriodStart.toISOString(),
      periodEnd: contract.currentPeriodEnd.toISOString(),
    };
    contract.currentPeriodStart = plan.periodStart;
    contract.currentPeriodEnd = plan.periodEnd;
    audit(em, now, {
      organizationId: contract.organizationId,
      actorId: null,
      action: 'contract.renewed',
      subject: { type: 'contract', id: contract.id },
      before,
      after: {
        periodStart: plan.periodStart.toISOString(),
        periodEnd: plan.periodEnd.toISOString(),
        seatsEnded: ending.length,
        purchasesInFlight: inFlight,
        invoice: plan.amount,
        paid: charge.ok,
        chargeRef: invoice.ref,
        failureReason: invoice.reason,
      },
    });
    // The period rolls either way (access goes on); a decline starts dunning: whoever pays and
    // the approvers are told, and it is tried again on schedule.
    await recordOutcome(em, now, plan.snapshot, 0, charge, ctx.billing.billsPeriodsAtRoll);
    return { seatsEnded: ending.length };
  });
  if (!applied) return { contractId, rolled: false };
  return {
    contractId,
    rolled: true,
    closed: false,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    seatsEnded: applied.seatsEnded,
    invoice,
  };
};

/**
 * Rolls every contract that is due, as many periods as it is behind. A contract whose roll
 * fails (e.g. the billing provider is down) stays due for the next run and is reported with
 * its error; the others still roll.
 */
export const rollDueContracts = async (ctx: ServiceContext, opts: { limit?: number } = {}) => {
  const results: RollResult[] = [];
  const failed = new Set<string>();
  for (let round = 0; round < 24; round++) {
    const due = (
      await contractsDue(ctx.em.fork(), ctx.clock.now(), (opts.limit ?? 500) + failed.size)
    ).filter((c) => !failed.has(c.id));
    if (due.length === 0) break;
    for (const { id } of due) {
      try {
        results.push(await rollContract(ctx, id));
      } catch (e) {
        failed.add(id);
        results.push({ contractId: id, rolled: false, error: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  return results;
};
