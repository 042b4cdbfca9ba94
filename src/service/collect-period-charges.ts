import type { EntityManager } from '@mikro-orm/postgresql';
import { MembershipSchema, OrganizationSchema } from '../../db/schemas/index.ts';
import { money } from '../domain/money.ts';
import { isoDay } from '../domain/period.ts';
import type { ServiceContext } from './context.ts';
import type { ChargeResult } from './ports.ts';
import { type PeriodCharge, toPeriodCharge } from './support/period-charges.ts';
import { approversOf } from './support/purchase.ts';
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

const load = (em: EntityManager, id: string, lock = false) =>
  em
    .execute<Record<string, unknown>[]>(
      `select * from period_charge where id = ?${lock ? ' for update' : ''}`,
      [id],
    )
    .then((rows) => (rows[0] ? toPeriodCharge(rows[0]) : null));

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
  const found = await reading(ctx, (em) => load(em, id));
  // a renewal being charged belongs to its roll, which records it
  if (!found || found.status === 'paid' || (found.kind === 'renewal' && found.status === 'charging')) {
    return { id, outcome: 'skipped' };
  }
  // Claimed first, so two runs at once (a click and the job, two workers) make one attempt; a
  // claim whose holder dies lapses (CLAIM_MS), and the attempt is retried with the same key.
  const now = ctx.clock.now();
  const claimed = await ctx.em.fork().execute<{ id: string }[]>(
    found.status === 'charging'
      ? `update period_charge set updated_at = ? where id = ? and status = 'charging' and updated_at = ? returning id`
      : `update period_charge set next_retry_at = ? where id = ? and status = ? and retries = ?
           and next_retry_at is not distinct from ? returning id`,
    found.status === 'charging'
      ? [now, id, found.updatedAt]
      : [new Date(now.getTime() + CLAIM_MS), id, found.status, found.retries, found.nextRetryAt],
  );
  if (claimed.length === 0) return { id, outcome: 'skipped' };
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
    const row = await load(em, id, true);
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

const what = (c: PeriodCharge) =>
  c.kind === 'renewal'
    ? `renewal payment of ${isoDay(c.periodStart)}`
    : `payment for ${c.items.map((i) => `${i.quantity} ${i.planCode} seat${i.quantity === 1 ? '' : 's'}`).join(', ')} in the period of ${isoDay(c.periodStart)}`;

/**
 * Records attempt `attempt` of a period charge (0: the first charge) under the row's lock: paid,
 * or declined with the next try scheduled (1, 3, 5, 7 days after the first failure), or, after
 * the last try, the contract's paid seats suspended. The payer and approvers are told each
 * time with the reason; every step is audited.
 */
export const recordOutcome = async (
  em: EntityManager,
  now: Date,
  c: PeriodCharge,
  attempt: number,
  charge: ChargeResult,
): Promise<Exclude<CollectOutcome, 'skipped'>> => {
  const [contract] = await em.execute<{ organization_id: string | null; suspended_at: Date | null }[]>(
    'select organization_id, suspended_at from contract where id = ? for update',
    [c.contractId],
  );
  const orgId = contract?.organization_id ?? null;
  const org = orgId ? await em.findOne(OrganizationSchema, { id: orgId }) : null;
  const tell = async (kind: NoticeKind, payload: Record<string, unknown>) => {
    const to = new Set([c.payerId, ...(orgId ? (await approversOf(em, orgId)).map((m) => m.accountId) : [])]);
    for (const recipientId of to) {
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
    await em.execute(
      `update period_charge set status = 'paid', charge_ref = ?, next_retry_at = null, retries = ?, updated_at = ? where id = ?`,
      [charge.ref, attempt === 0 ? c.retries : attempt, now, c.id],
    );
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
    await restoreIfSettled(em, now, c.contractId, orgId, org?.name ?? null, contract?.suspended_at ?? null);
    return 'paid';
  }
  const failedAt = c.failedAt ?? now;
  const last = attempt >= DUNNING_RETRY_DAYS.length;
  const next = last ? null : new Date(failedAt.getTime() + DUNNING_RETRY_DAYS[attempt]! * DAY_MS);
  const status = last ? 'suspended' : 'unpaid';
  await em.execute(
    `update period_charge set status = ?, failure_reason = ?, failed_at = ?, retries = ?, next_retry_at = ?, updated_at = ?
     where id = ?`,
    [status, charge.reason, failedAt, attempt, next, now, c.id],
  );
  audit(em, now, {
    organizationId: orgId,
    actorId: null,
    action: 'billing.charge_declined',
    subject,
    before: { status: c.status, retries: c.retries },
    after: { ...base, status, reason: charge.reason, nextRetryAt: next?.toISOString() ?? null },
  });
  const then = next
    ? ` We try again on ${isoDay(next)}.`
    : ' That was the last try: the paid seats are suspended until it is paid.';
  await tell('billing_problem', {
    reason: `the ${what(c)} failed: ${charge.reason}${then} Update the payment method to pay it sooner.`,
    nextRetryAt: next?.toISOString() ?? null,
    attempt,
  });
  if (last && !contract?.suspended_at) await suspend(em, now, c, orgId, org?.name ?? null);
  return last ? 'suspended' : 'declined';
};

/** Seat holders of a contract (active members), for telling them their seat is suspended or back. */
const holders = async (em: EntityManager, contractId: string) => {
  const rows = await em.execute<{ membership_id: string }[]>(
    'select membership_id from seat where contract_id = ? and membership_id is not null',
    [contractId],
  );
  if (rows.length === 0) return [];
  return em.find(MembershipSchema, { id: { $in: rows.map((r) => r.membership_id) }, status: 'active' });
};

const suspend = async (
  em: EntityManager,
  now: Date,
  c: PeriodCharge,
  orgId: string | null,
  orgName: string | null,
) => {
  await em.execute('update contract set suspended_at = ? where id = ?', [now, c.contractId]);
  const held = await holders(em, c.contractId);
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
  const [open] = await em.execute<{ n: number }[]>(
    `select count(*)::int as n from period_charge where contract_id = ? and status = 'suspended'`,
    [contractId],
  );
  if ((open?.n ?? 0) > 0) return;
  await em.execute('update contract set suspended_at = null where id = ?', [contractId]);
  const held = await holders(em, contractId);
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
    em.execute<{ id: string }[]>(
      `select id from period_charge
       where (status in ('unpaid', 'suspended') and next_retry_at <= ?)
          or (status = 'charging' and kind = 'late_purchase' and updated_at <= ?)
       order by coalesce(next_retry_at, updated_at), id limit ?`,
      [now, new Date(now.getTime() - STALLED_MS), opts.limit ?? 200],
    ),
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
