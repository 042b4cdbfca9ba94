import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { PurchaseRequestSchema } from '../../db/schemas/index.ts';
import { DomainError } from '../domain/errors.ts';
import type { PurchaseRequest } from '../domain/model.ts';
import { money } from '../domain/money.ts';
import { isQuoteExpired } from '../domain/quote.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { actorAccount, requireOrganization, requirePermission } from './support/lookups.ts';
import { notifyOutcome } from './support/purchase.ts';
import { audit } from './support/records.ts';
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
  const request = await em.findOne(PurchaseRequestSchema, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!request)
    throw new DomainError(
      'not_found',
      'There is no such purchase request.',
      'See open requests with `requests`.',
    );
  const org = await requireOrganization(em, request.organizationId);
  const me = actor ? await actorAccount(em, actor, now) : null;
  if (me) await requirePermission(em, org, me, 'approve');
  return { request, org, me, now };
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
) => {
  const cmd = parse(input, raw);
  const step1 = await inTransaction(ctx, async (em) => {
    const { request, org, me, now } = await lockRequestFor(em, ctx, actor, cmd.requestId);
    if (request.status === 'pending' && isQuoteExpired(request, now)) {
      request.status = 'expired';
      request.updatedAt = now;
      audit(em, now, {
        organizationId: org.id,
        actorId: me?.id ?? null,
        action: 'purchase.expired',
        subject: { type: 'purchase_request', id: request.id },
        before: { status: 'pending' },
        after: { status: 'expired' },
      });
      return { request, org, outcome: 'expired' as const };
    }
    if (request.status !== 'pending') {
      return {
        request,
        org,
        outcome: request.status === 'approved' ? ('resume' as const) : ('already_decided' as const),
      };
    }
    request.status = 'approved';
    request.decidedById = me?.id ?? null;
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
      after: { status: 'approved', by: me?.email ?? 'auto-approve policy' },
    });
    return { request, org, outcome: 'approved' as const };
  });
  if (step1.outcome === 'expired' || step1.outcome === 'already_decided') {
    return { request: step1.request, outcome: step1.outcome as ApprovalOutcome, firstDecision: false };
  }
  const r = step1.request;
  const charge = await ctx.billing.charge({
    idempotencyKey: `purchase:${r.id}`,
    payerAccountId: step1.org.ownerId,
    amount: money(r.proratedAmount, r.currency),
    description: `${r.quantity} × ${r.planCode} seat${r.quantity === 1 ? '' : 's'}, prorated to ${r.prorationDate.toISOString()}`,
  });
  const settled = await inTransaction(ctx, async (em) => settle(em, ctx, r.id, charge));
  return {
    request: settled.request,
    outcome: settled.outcome,
    firstDecision: step1.outcome === 'approved' && settled.settledNow,
  };
};

/** Step 3: records the charge's result exactly once, whoever gets here first. */
const settle = async (
  em: EntityManager,
  ctx: ServiceContext,
  id: string,
  charge: Awaited<ReturnType<ServiceContext['billing']['charge']>>,
): Promise<{ request: PurchaseRequest; outcome: ApprovalOutcome; settledNow: boolean }> => {
  const now = ctx.clock.now();
  const request = await em.findOneOrFail(
    PurchaseRequestSchema,
    { id },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (request.status !== 'approved') {
    return {
      request,
      outcome: request.status === 'charged' ? 'charged' : 'payment_failed',
      settledNow: false,
    };
  }
  const org = await requireOrganization(em, request.organizationId);
  request.updatedAt = now;
  if (charge.ok) {
    request.status = 'charged';
    request.chargeRef = charge.ref;
    await em.execute(
      `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, last_used_at, created_at)
       select gen_random_uuid(), ?, ?, null, true, null, null, ? from generate_series(1, ?)`,
      [request.contractId, request.planCode, now, request.quantity],
    );
  } else {
    request.status = 'payment_failed';
    request.failureReason = charge.reason;
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
  await notifyOutcome(em, now, org, request, charge.ok ? {} : { reason: charge.reason });
  return { request, outcome: charge.ok ? 'charged' : 'payment_failed', settledNow: true };
};
