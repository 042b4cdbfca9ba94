import type { EntityManager } from '@mikro-orm/postgresql';
import {
  activeSeatHolders,
  lockBillingState,
  organizationById,
  suspendContract,
  unsuspendContract,
} from '../../db/repositories/contracts.ts';
import {
  claimFirstAttempt,
  claimRetry,
  dueCharges,
  markDeclined,
  markPaid,
  type PeriodCharge,
  periodChargeById,
  suspendedChargeCount,
} from '../../db/repositories/period-charges.ts';
import { money } from '../domain/money.ts';
import type { BillingReason, ChargeWhat } from '../domain/notices.ts';
import { isoDay } from '../domain/period.ts';
import type { ServiceContext } from './context.ts';
import type { ChargeResult } from './ports.ts';
import { billingPeople } from './support/billing-people.ts';
import { sendPeriodChargeReceipt } from './support/receipts.ts';
import { audit, type NoticeKind, notify } from './support/records.ts';
import { inTransaction, reading } from './support/tx.ts';

/** Dunning: a declined charge is tried again this many days after its first failure; after the last, seats are suspended. */
export const DUNNING_RETRY_DAYS = [1, 3, 5, 7] as const;
const DAY_MS = 24 * 3600 * 1000;
/** A late-purchase charge left `charging` this long (the process died, the provider was down) is collected by the job. */
const STALLED_MS = 2 * 60_000;
/** How long a retry's claim holds before another run may make the same attempt. */
const CLAIM_MS = 10 * 60_000;

export type CollectOutcome = 'paid' | 'declined' | 'suspended' | 'skipped';

/**
 * Collects one period charge: the first charge of a late purchase's new-period share, or a
 * dunning retry of a declined one. Money moves between two transactions, as in a purchase: the
 * attempt's key (the charge's own, then `:retry:<n>` for retry n, so a retry is a new request
 * and not the provider's stored decline) is fixed by the row; the outcome is recorded only if
 * nobody recorded that attempt meanwhile. A crash before recording retries the same key.
 */
export const collectPeriodCharge = async (
  ctx: ServiceContext,
  id: string,
): Promise<{ id: string; outcome: CollectOutcome }> => {
  const found = await reading(ctx, (em) => periodChargeById(em, id));
  // a renewal being charged belongs to its roll, which records it
  if (!found || found.status === 'paid' || (found.kind === 'renewal' && found.status === 'charging')) {
    return { id, outcome: 'skipped' };
  }
  // Claimed first, so two runs at once (a click and the job, two workers) make one attempt; a
  // claim whose holder dies lapses (CLAIM_MS), and the attempt is retried with the same key.
  const now = ctx.clock.now();
  const claimed =
    found.status === 'charging'
      ? await claimFirstAttempt(ctx.em.fork(), id, now, found.updatedAt)
      : await claimRetry(ctx.em.fork(), id, now, new Date(now.getTime() + CLAIM_MS), found);
  if (!claimed) return { id, outcome: 'skipped' };
  const attempt = found.status === 'charging' ? 0 : found.retries + 1;
  const input = {
    idempotencyKey: attempt === 0 ? found.idempotencyKey : `${found.idempotencyKey}:retry:${attempt}`,
    payerAccountId: found.payerId,
    amount: money(found.amount, found.currency),
    description: describe(found),
  };
  const charge =
    attempt === 0
      ? await ctx.billing.charge(input)
      : await ctx.billing.collectOverdue({ ...input, contractId: found.contractId, ref: found.chargeRef });
  const outcome = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const row = await periodChargeById(em, id, true);
    if (!row || row.status !== found.status || row.retries !== found.retries) return 'skipped' as const;
    return recordOutcome(em, now, row, attempt, charge);
  });
  return { id, outcome };
};

const describe = (c: PeriodCharge) => {
  const span = `${isoDay(c.periodStart)} – ${isoDay(c.periodEnd)}`;
  return c.kind === 'renewal'
    ? `Renewal ${span}`
    : `${c.items.map((i) => `${i.quantity} × ${i.planCode}`).join(', ')} seats for the period ${span} (approved before it began)`;
};

/** Which charge a notice is about, as facts (the chat layer says it in the reader's words). */
const what = (c: PeriodCharge): ChargeWhat =>
  c.kind === 'renewal'
    ? { kind: 'renewal', periodStart: c.periodStart.toISOString() }
    : {
        kind: 'late_purchase',
        periodStart: c.periodStart.toISOString(),
        items: c.items.map((i) => ({ plan: i.planCode, quantity: i.quantity })),
      };

/**
 * Records attempt `attempt` of a period charge (0: the first charge) under the row's lock: paid,
 * or declined with the next try scheduled (1, 3, 5, 7 days after the first failure), or, after
 * the last try, the contract's paid seats suspended. The payer and approvers are told each
 * time with the reason, and sent the receipt when it is paid; every step is audited.
 */
export const recordOutcome = async (
  em: EntityManager,
  now: Date,
  c: PeriodCharge,
  attempt: number,
  charge: ChargeResult,
  /**
   * false when this success moved no money yet: a Stripe roll only updates the subscription, and
   * Stripe's cycle invoice is paid (or declined, then dunned) after it
   */
  moneyMoved = true,
): Promise<Exclude<CollectOutcome, 'skipped'>> => {
  const contract = await lockBillingState(em, c.contractId);
  const orgId = contract?.organizationId ?? null;
  const org = orgId ? await organizationById(em, orgId) : null;
  const tell = async (kind: NoticeKind, payload: Record<string, unknown>) => {
    for (const recipientId of await billingPeople(em, c.payerId, orgId)) {
      notify(em, now, {
        organizationId: orgId,
        recipientId,
        ...notify.checked(kind, { organizationName: org?.name ?? null, ...payload }),
      });
    }
  };
  const subject = { type: 'contract', id: c.contractId };
  const base = {
    chargeId: c.id,
    kind: c.kind,
    periodStart: c.periodStart.toISOString(),
    amount: c.amount,
    attempt,
  };
  if (charge.ok) {
    await markPaid(em, c.id, charge.ref, attempt === 0 ? c.retries : attempt, now);
    audit(em, now, {
      organizationId: orgId,
      actorId: null,
      action: attempt === 0 ? 'billing.period_charged' : 'billing.overdue_paid',
      subject,
      before: { status: c.status },
      after: { ...base, status: 'paid', chargeRef: charge.ref },
    });
    if (attempt > 0) {
      await tell('payment_received', { what: what(c), amount: c.amount, currency: c.currency });
    }
    // once: a charge becomes paid here once, however often its job or webhook comes again
    if (moneyMoved && c.status !== 'paid') {
      await sendPeriodChargeReceipt(em, now, c, charge.ref, org, await billingPeople(em, c.payerId, orgId));
    }
    await restoreIfSettled(em, now, c.contractId, orgId, org?.name ?? null, contract?.suspendedAt ?? null);
    return 'paid';
  }
  const failedAt = c.failedAt ?? now;
  const last = attempt >= DUNNING_RETRY_DAYS.length;
  const next = last ? null : new Date(failedAt.getTime() + DUNNING_RETRY_DAYS[attempt]! * DAY_MS);
  const status = last ? 'suspended' : 'unpaid';
  await markDeclined(
    em,
    c.id,
    { status, reason: charge.reason, failedAt, retries: attempt, nextRetryAt: next },
    now,
  );
  audit(em, now, {
    organizationId: orgId,
    actorId: null,
    action: 'billing.charge_declined',
    subject,
    before: { status: c.status, retries: c.retries },
    after: { ...base, status, reason: charge.reason, nextRetryAt: next?.toISOString() ?? null },
  });
  const reason: BillingReason = {
    code: 'charge_declined',
    what: what(c),
    provider: charge.reason,
    nextRetryAt: next?.toISOString() ?? null,
  };
  await tell('billing_problem', { reason, nextRetryAt: next?.toISOString() ?? null, attempt });
  if (last && !contract?.suspendedAt) await suspend(em, now, c, orgId, org?.name ?? null);
  return last ? 'suspended' : 'declined';
};

const suspend = async (
  em: EntityManager,
  now: Date,
  c: PeriodCharge,
  orgId: string | null,
  orgName: string | null,
) => {
  await suspendContract(em, c.contractId, now);
  const held = await activeSeatHolders(em, c.contractId);
  audit(em, now, {
    organizationId: orgId,
    actorId: null,
    action: 'contract.suspended',
    subject: { type: 'contract', id: c.contractId },
    before: { suspendedAt: null },
    after: {
      suspendedAt: now.toISOString(),
      chargeId: c.id,
      reason: c.failureReason,
      seatHolders: held.length,
    },
  });
  for (const m of held) {
    notify(em, now, {
      organizationId: orgId,
      recipientId: m.accountId,
      kind: 'seats_suspended',
      payload: { organizationName: orgName },
    });
  }
};

/** A suspended contract whose overdue charges are all paid gets its seats back. */
const restoreIfSettled = async (
  em: EntityManager,
  now: Date,
  contractId: string,
  orgId: string | null,
  orgName: string | null,
  suspendedAt: Date | null,
) => {
  if (!suspendedAt) return;
  if ((await suspendedChargeCount(em, contractId)) > 0) return;
  await unsuspendContract(em, contractId);
  const held = await activeSeatHolders(em, contractId);
  audit(em, now, {
    organizationId: orgId,
    actorId: null,
    action: 'contract.restored',
    subject: { type: 'contract', id: contractId },
    before: { suspendedAt: new Date(suspendedAt).toISOString() },
    after: { suspendedAt: null, seatHolders: held.length },
  });
  for (const m of held) {
    notify(em, now, {
      organizationId: orgId,
      recipientId: m.accountId,
      kind: 'seats_restored',
      payload: { organizationName: orgName },
    });
  }
};

/**
 * The periodic job: every dunning retry that is due, and every late-purchase charge left
 * uncollected (its process died or the provider was down). Idempotent: each attempt is keyed
 * and recorded once, so a second run, or two workers, move money once per attempt.
 */
export const collectDueCharges = async (ctx: ServiceContext, opts: { limit?: number } = {}) => {
  const now = ctx.clock.now();
  const due = await reading(ctx, (em) =>
    dueCharges(em, now, new Date(now.getTime() - STALLED_MS), opts.limit ?? 200),
  );
  const results: { id: string; outcome?: CollectOutcome; error?: string }[] = [];
  for (const { id } of due) {
    try {
      results.push(await collectPeriodCharge(ctx, id));
    } catch (e) {
      results.push({ id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
};
