import type { EntityManager } from '@mikro-orm/postgresql';
import { decidersNow } from '../../../db/repositories/approval-delegates.ts';
import { plansByCode, seatTallyOf } from '../../../db/repositories/purchase-quotes.ts';
import { approversOf } from '../../../db/repositories/purchase-requests.ts';
import type { Plan } from '../../domain/catalog.ts';
import type { Contract, Organization, PurchaseRequest } from '../../domain/model.ts';
import type { BillingPeriod } from '../../domain/period.ts';
import { quoteSeats, type SeatQuote } from '../../domain/quote.ts';
import { notify } from './records.ts';

/** Active approvers of an organization (owner, and admins marked approver). */
export { approversOf };

/**
 * Prices adding `quantity` seats of `plan` to `contract` at `at`, from the seats it has now, and
 * tells how many of the plan it has: one read of the seats per plan, and one of the plans unless
 * the caller has the catalog already (`add` reads it once for its dry run and its transaction).
 */
export const quoteWithSeats = async (
  em: EntityManager,
  contract: Contract,
  plan: Plan,
  quantity: number,
  at: Date,
  catalog?: ReadonlyMap<string, Plan>,
): Promise<{ quote: SeatQuote; purchasedOfPlan: number }> => {
  const tally = await seatTallyOf(em, contract.id);
  const plans = catalog ?? (await plansByCode(em));
  const renewingByPlan = new Map(
    tally
      .filter((t) => t.renewing > 0)
      .map((t) => [t.planCode, { plan: plans.get(t.planCode)!, seats: t.renewing }]),
  );
  const purchasedOfPlan = tally.find((t) => t.planCode === plan.code)?.purchased ?? 0;
  const quote = quoteSeats({
    plan,
    period: contract.period,
    periodStart: contract.currentPeriodStart,
    periodEnd: contract.currentPeriodEnd,
    purchasedOfPlan,
    renewingByPlan,
    quantity,
    at,
  });
  return { quote, purchasedOfPlan };
};

export const requestPayload = (
  org: Pick<Organization, 'name'>,
  r: PurchaseRequest,
  extra: Record<string, unknown> = {},
) => ({
  requestId: r.id,
  organizationName: org.name,
  plan: r.planCode,
  quantity: r.quantity,
  status: r.status,
  proratedAmount: r.proratedAmount,
  recurringTotal: r.recurringTotal,
  currency: r.currency,
  ...extra,
});

/** Tells the requester and every approver how a request ended; returns who was told. */
export const notifyOutcome = async (
  em: EntityManager,
  now: Date,
  org: Organization,
  r: PurchaseRequest,
  extra: Record<string, unknown>,
) => {
  const recipients = new Set([r.requestedById, ...(await approversOf(em, org.id)).map((m) => m.accountId)]);
  for (const recipientId of recipients) {
    notify(em, now, {
      organizationId: org.id,
      recipientId,
      ...notify.checked('purchase_result', requestPayload(org, r, extra)),
    });
  }
  return recipients;
};

/**
 * Who decides a request that needs approval, and so is asked and nudged: the active approvers,
 * and the delegates standing in for them right now (`forApprover`: whose), never the requester.
 */
export const decidersOf = async (
  em: EntityManager,
  org: Pick<Organization, 'id'>,
  requestedById: string,
  now: Date,
): Promise<{ accountId: string; forApprover: string | null }[]> => {
  const out: { accountId: string; forApprover: string | null }[] = [];
  // approvers first: one who is also someone's delegate is asked as themselves
  for (const d of await decidersNow(em, org.id, now)) {
    if (d.accountId === requestedById || out.some((o) => o.accountId === d.accountId)) continue;
    out.push(d);
  }
  return out;
};

/** What an approval request (and a nudge about it) says: the request, who asked, until when. */
export const approvalPayload = (
  org: Pick<Organization, 'name'>,
  r: PurchaseRequest,
  requestedBy: string,
  period: BillingPeriod,
  forApprover: string | null,
) => ({
  ...requestPayload(org, r),
  requestedBy,
  quoteExpiresAt: r.quoteExpiresAt.toISOString(),
  period,
  ...(forApprover ? { forApprover } : {}),
});

/** Tells the requester their request expired (unanswered, or its price rose), and how to ask again. */
export const notifyExpired = (
  em: EntityManager,
  now: Date,
  org: Organization,
  r: PurchaseRequest,
  why: { priceRose?: boolean } = {},
) =>
  notify(em, now, {
    organizationId: org.id,
    recipientId: r.requestedById,
    ...notify.checked(
      'purchase_result',
      requestPayload(org, { ...r, status: 'expired' }, why.priceRose ? { priceRose: true } : {}),
    ),
  });
