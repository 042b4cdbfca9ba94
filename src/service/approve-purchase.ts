import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { decidersNow } from '../../db/repositories/approval-delegates.ts';
import {
  addPurchasedSeats,
  fixBillingQuantity,
  lockExistingRequest,
  lockRequest,
  releaseBillingLease,
  sendTurnOf,
  stalledRequestIds,
  takeBillingLease as takeLease,
} from '../../db/repositories/purchase-requests.ts';
import { DomainError } from '../domain/errors.ts';
import type { Account, Organization, PurchaseRequest } from '../domain/model.ts';
import { money } from '../domain/money.ts';
import { isApprover } from '../domain/permissions.ts';
import { isPriceStale, isQuoteExpired } from '../domain/quote.ts';
import { collectPeriodCharge } from './collect-period-charges.ts';
import type { Actor, ServiceContext } from './context.ts';
import type { SeatPurchaseResult } from './ports.ts';
import { lockContract } from './support/contracts.ts';
import { parse, uuidField } from './support/input.ts';
import { seatIntendedPeople } from './support/intended-people.ts';
import {
  accountsById,
  actorAccount,
  membershipOf,
  requireOpen,
  requireOrganization,
  requirePermission,
} from './support/lookups.ts';
import { billLateSeats } from './support/period-charges.ts';
import { notifyExpired, notifyOutcome } from './support/purchase.ts';
import { sendPurchaseReceipt } from './support/receipts.ts';
import { audit } from './support/records.ts';
import { syncRenewalSchedules } from './support/renewal-schedule.ts';
import { freshPriceOf, repricedMeanwhile, takeFreshPrice } from './support/reprice-request.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ requestId: uuidField });

export type ApprovalOutcome = 'charged' | 'payment_failed' | 'already_decided' | 'expired';

/** The request, locked, if the actor may decide it (another organization's is "not found"). */
export const lockRequestFor = async (
  em: EntityManager,
  ctx: ServiceContext,
  actor: Actor | null,
  id: string,
) => {
  const now = ctx.clock.now();
  const request = await lockRequest(em, id);
  if (!request)
    throw new DomainError(
      'not_found',
      { key: 'errors_service.purchase.not_found' },
      { key: 'errors_service.purchase.not_found_next' },
    );
  const org = await requireOrganization(em, request.organizationId);
  const me = actor ? await actorAccount(em, actor, now) : null;
  const onBehalfOf = me ? await deciderFor(em, org, me, request, now) : null;
  return { request, org, me, now, onBehalfOf };
};

/**
 * May this account decide the request? An approver may (null: for themselves); a delegate may
 * for an approver who named them until today and still approves (decidersNow, the same answer
 * that chose who was asked), but never for a request the delegate made, nor confirm an
 * approver's own quote. Anyone else is refused as before.
 */
const deciderFor = async (
  em: EntityManager,
  org: Organization,
  me: Account,
  request: PurchaseRequest,
  now: Date,
): Promise<{ id: string; email: string } | null> => {
  const mine = await membershipOf(em, org.id, me.id);
  if (isApprover(mine)) return null;
  if (mine?.status === 'active' && request.needs === 'approval' && request.requestedById !== me.id) {
    const standIn = (await decidersNow(em, org.id, now)).find(
      (d) => d.accountId === me.id && d.forApproverId,
    );
    if (standIn) return { id: standIn.forApproverId!, email: standIn.forApprover! };
  }
  await requirePermission(em, org, me, 'approve');
  return null;
};

/**
 * Approves (or, for an approver's own request, confirms) a seat purchase and charges it once.
 * 1. pending → approved, committed; 2. the charge, keyed by the request so any retry or
 * second click charges once; 3. approved → charged with the seats added, or → payment_failed.
 * A crash between steps leaves the request `approved`; approving again resumes at step 2.
 * `actor` null is the organization's auto-approve policy.
 */
export const approvePurchase = async (
  ctx: ServiceContext,
  actor: Actor | null,
  raw: z.input<typeof input>,
  opts: { waitMs?: number } = {},
) => {
  const cmd = parse(input, raw);
  // approved after its price stopped holding: priced again for the days left now, read before
  // the transaction since the billing provider previews it (null while the price holds)
  const fresh = await freshPriceOf(ctx, cmd.requestId, ctx.clock.now());
  const step1 = await inTransaction(ctx, async (em) => {
    const { request, org, me, now, onBehalfOf } = await lockRequestFor(em, ctx, actor, cmd.requestId);
    const expire = (priceRose: boolean) => {
      request.status = 'expired';
      request.updatedAt = now;
      audit(em, now, {
        organizationId: org.id,
        actorId: me?.id ?? null,
        action: 'purchase.expired',
        subject: { type: 'purchase_request', id: request.id },
        before: { status: 'pending' },
        after: { status: 'expired', ...(priceRose ? { reason: 'price_rose' } : {}) },
      });
      notifyExpired(em, now, org, request, { priceRose });
      return { request, org, outcome: 'expired' as const, priceRose };
    };
    if (request.status === 'pending' && isQuoteExpired(request, now)) return expire(false);
    if (request.status !== 'pending') {
      // resuming an approved purchase needs the billing lease: a click while another call is
      // in flight is told it is decided instead of calling the provider a second time
      const resumable = request.status === 'approved' && (await takeBillingLease(em, request.id, now));
      return { request, org, outcome: resumable ? ('resume' as const) : ('already_decided' as const) };
    }
    // Same rule as asking: no new money into an organization that is closing or closed.
    requireOpen(org);
    if (org.status !== 'active') {
      throw new DomainError(
        'organization_closed',
        { key: 'errors_service.purchase.cancelling', args: { org: org.name } },
        { key: 'errors_service.purchase.cancelling_next' },
      );
    }
    if (isPriceStale(request, now)) {
      // its price stopped holding between the read above and this lock: priced again on the next press
      if (!fresh) throw repricedMeanwhile();
      // never more than the approver was shown
      if ((await takeFreshPrice(em, now, org, me?.id ?? null, request, fresh)) === 'rose')
        return expire(true);
    }
    await takeBillingLease(em, request.id, now);
    request.status = 'approved';
    request.decidedById = me?.id ?? null;
    request.onBehalfOfId = onBehalfOf?.id ?? null;
    request.decidedAt = now;
    request.updatedAt = now;
    audit(em, now, {
      organizationId: org.id,
      actorId: me?.id ?? null,
      action:
        request.needs === 'confirmation' && me?.id === request.requestedById
          ? 'purchase.confirmed'
          : 'purchase.approved',
      subject: { type: 'purchase_request', id: request.id },
      before: { status: 'pending' },
      after: {
        status: 'approved',
        by: me?.email ?? 'auto-approve policy',
        ...(onBehalfOf ? { onBehalfOf: onBehalfOf.email } : {}),
      },
    });
    return { request, org, outcome: 'approved' as const, onBehalfOf: onBehalfOf?.email ?? null };
  });
  if (step1.outcome === 'expired' || step1.outcome === 'already_decided') {
    return {
      request: step1.request,
      outcome: step1.outcome as ApprovalOutcome,
      firstDecision: false,
      onBehalfOf: null,
      priceRose: step1.outcome === 'expired' && step1.priceRose,
    };
  }
  const r = step1.request;
  // One purchase per contract at the provider at a time (the quantity it sends is absolute):
  // this one's quantity is fixed when it gets its turn, from the seats as they are then.
  const newQuantity = await takeSendTurn(ctx, r, opts.waitMs ?? SEND_TURN_WAIT_MS);
  // Everything sent is fixed by the request (its id, quantity, proration instant), so a
  // retry, a second click or the resume job sends the very same keyed request.
  const charge = await purchaseOnce(ctx, r.id, {
    idempotencyKey: `purchase:${r.id}`,
    payerAccountId: step1.org.ownerId,
    amount: money(r.proratedAmount, r.currency),
    description: `${r.quantity} × ${r.planCode} seat${r.quantity === 1 ? '' : 's'}, prorated to ${r.prorationDate.toISOString()}`,
    contractId: r.contractId,
    planCode: r.planCode,
    newQuantity,
    prorationDate: r.prorationDate,
  });
  const settled = await inTransaction(ctx, async (em) => settle(em, ctx, r.id, charge));
  // Seats that landed after the renewal was priced owe the new period too: collected now (if
  // this fails, the request is charged all the same and the collection job finishes it).
  for (const id of settled.lateCharges) {
    await collectPeriodCharge(ctx, id).catch(() => {});
  }
  // the new seats renew: a renewal schedule already planning the next period must count them
  if (settled.outcome === 'charged') await syncRenewalSchedules(ctx, [r.contractId]);
  // The decision is whoever moved it out of pending, even if a concurrent click that resumed
  // the same keyed charge happened to record the result first.
  return {
    request: settled.request,
    outcome: settled.outcome,
    firstDecision: step1.outcome === 'approved',
    /** the approver a delegate decided for (null: an approver decided, or this call resumed) */
    onBehalfOf: step1.outcome === 'approved' ? step1.onBehalfOf : null,
    priceRose: false,
  };
};

/** How long a billing call may hold its purchase before another click or the resume job may retry it (longer than the Stripe client's timeout × attempts). */
export const BILLING_LEASE_MS = 120_000;

/** Takes the purchase's billing lease if it is free or lapsed; false while another call holds it. */
const takeBillingLease = (em: EntityManager, id: string, now: Date): Promise<boolean> =>
  takeLease(em, id, now, new Date(now.getTime() - BILLING_LEASE_MS));

/** The provider call; if it throws (nothing known to be charged), the lease is given back so a retry may run. */
const purchaseOnce = async (
  ctx: ServiceContext,
  id: string,
  input: Parameters<ServiceContext['billing']['purchaseSeats']>[0],
): Promise<SeatPurchaseResult> => {
  try {
    return await ctx.billing.purchaseSeats(input);
  } catch (e) {
    await releaseBillingLease(ctx.em.fork(), id).catch(() => {});
    throw e;
  }
};

/** How long an approval waits for another purchase of the same contract to finish at the provider. */
export const SEND_TURN_WAIT_MS = 15_000;

/**
 * The provider is told an absolute quantity per plan, so two purchases of one contract in flight
 * at once could land in either order and the later-sent, earlier-landed one be undone. So a
 * contract has one purchase at the provider at a time: the one whose quantity is fixed and not
 * settled yet. Under the contract's lock, a request whose turn it is fixes its quantity (the
 * plan's seats now plus its own) and keeps it for every retry, so a resumed purchase sends the
 * very same body with the same key; the others wait for it to settle. Returns the quantity.
 */
const takeSendTurn = async (ctx: ServiceContext, r: PurchaseRequest, waitMs: number): Promise<number> => {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const fixed = await inTransaction(ctx, async (em) => {
      await lockContract(em, r.contractId);
      const rows = await sendTurnOf(em, r.contractId, r.id);
      const mine = rows.find((x) => x.id === r.id);
      if (mine?.billingQuantity) return mine.billingQuantity;
      if (rows.some((x) => x.id !== r.id)) return null;
      return fixBillingQuantity(em, r);
    });
    if (fixed !== null) return fixed;
    if (Date.now() >= deadline) {
      await releaseBillingLease(ctx.em.fork(), r.id);
      throw new DomainError(
        'billing_unavailable',
        { key: 'errors_service.purchase.charging' },
        { key: 'errors_service.purchase.charging_next' },
      );
    }
    await new Promise((done) => setTimeout(done, 100));
  }
};

/** Step 3: records the charge's result exactly once, whoever gets here first. */
const settle = async (
  em: EntityManager,
  ctx: ServiceContext,
  id: string,
  charge: SeatPurchaseResult,
): Promise<{ request: PurchaseRequest; outcome: ApprovalOutcome; lateCharges: string[] }> => {
  const now = ctx.clock.now();
  const request = await lockExistingRequest(em, id);
  if (request.status !== 'approved') {
    return { request, outcome: request.status === 'charged' ? 'charged' : 'payment_failed', lateCharges: [] };
  }
  const org = await requireOrganization(em, request.organizationId);
  request.updatedAt = now;
  let lateCharges: string[] = [];
  if (charge.ok) {
    request.status = 'charged';
    request.chargeRef = charge.ref;
    // Under the contract's lock, as the roll prices a renewal: either the renewal counts these
    // seats, or it was priced without them and they are billed for that period here.
    const contract = await lockContract(em, request.contractId);
    if (contract && ctx.billing.billsPeriodsAtRoll) {
      lateCharges = await billLateSeats(em, now, contract, request, org.ownerId);
    }
    await addPurchasedSeats(em, request, now);
    await seatIntendedPeople(em, now, org, request, request.quantity, request.decidedById);
  } else {
    request.status = 'payment_failed';
    request.failureReason = charge.reason;
    if (charge.pending) {
      // the provider holds the change until the payment completes; a webhook may finish it
      // (written with the status by the flush)
      request.awaitingPayment = true;
      request.billingRef = charge.pending.ref;
    }
  }
  audit(em, now, {
    organizationId: org.id,
    actorId: request.decidedById,
    action: charge.ok ? 'purchase.charged' : 'purchase.payment_failed',
    subject: { type: 'purchase_request', id: request.id },
    before: { status: 'approved' },
    after: charge.ok
      ? { status: 'charged', seatsAdded: request.quantity, plan: request.planCode, chargeRef: charge.ref }
      : { status: 'payment_failed', reason: charge.reason },
  });
  const behalf = await onBehalfOfWords(em, request);
  const told = await notifyOutcome(em, now, org, request, {
    ...(charge.ok ? {} : { reason: charge.reason }),
    ...behalf,
  });
  if (charge.ok) await sendPurchaseReceipt(em, now, org, request, told);
  return { request, outcome: charge.ok ? 'charged' : 'payment_failed', lateCharges };
};

/** Who approved for whom, when a delegate did (the result notices say it). */
const onBehalfOfWords = async (em: EntityManager, r: PurchaseRequest) => {
  if (!r.onBehalfOfId || !r.decidedById) return {};
  const people = await accountsById(em, [r.decidedById, r.onBehalfOfId]);
  const decidedBy = people.get(r.decidedById)?.email;
  const onBehalfOf = people.get(r.onBehalfOfId)?.email;
  return decidedBy && onBehalfOf ? { decidedBy, onBehalfOf } : {};
};

/**
 * For the jobs runner: finishes purchases left `approved` for over `olderThanMs` (the process
 * died, or the billing provider failed, between approval and settling) as a second click would:
 * the same keyed charge, then seats or payment_failed, and everyone told. Nothing charges twice.
 */
export const resumeStalledPurchases = async (ctx: ServiceContext, opts: { olderThanMs?: number } = {}) => {
  const cutoff = new Date(ctx.clock.now().getTime() - (opts.olderThanMs ?? 60_000));
  // the one already at the provider first: the others wait for its turn to end
  const stalled = await stalledRequestIds(ctx.em.fork(), cutoff, 100);
  const results: { requestId: string; outcome?: ApprovalOutcome; error?: string }[] = [];
  for (const id of stalled) {
    try {
      const decided = await approvePurchase(ctx, null, { requestId: id }, { waitMs: 0 });
      results.push({ requestId: id, outcome: decided.outcome });
    } catch (e) {
      results.push({ requestId: id, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return results;
};
