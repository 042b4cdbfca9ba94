import type { EntityManager } from '@mikro-orm/postgresql';
import { MembershipSchema, PlanSchema } from '../../../db/schemas/index.ts';
import type { Plan } from '../../domain/catalog.ts';
import type { Contract, Organization, PurchaseRequest } from '../../domain/model.ts';
import { quoteSeats, type SeatQuote } from '../../domain/quote.ts';
import { notify } from './records.ts';

/** Prices adding `quantity` seats of `plan` to `contract` at `at`, from the seats it has now. */
export const quoteFor = async (
  em: EntityManager,
  contract: Contract,
  plan: Plan,
  quantity: number,
  at: Date,
): Promise<SeatQuote> => {
  const rows = await em.execute<{ plan_code: string; purchased: number; renewing: number }[]>(
    `select plan_code, count(*)::int as purchased, count(*) filter (where auto_renew)::int as renewing
     from seat where contract_id = ? group by plan_code`,
    [contract.id],
  );
  const plans = new Map((await em.find(PlanSchema, {})).map((p) => [p.code, p]));
  const renewingByPlan = new Map(
    rows
      .filter((r) => r.renewing > 0)
      .map((r) => [r.plan_code, { plan: plans.get(r.plan_code)!, seats: r.renewing }]),
  );
  return quoteSeats({
    plan,
    period: contract.period,
    periodStart: contract.currentPeriodStart,
    periodEnd: contract.currentPeriodEnd,
    purchasedOfPlan: rows.find((r) => r.plan_code === plan.code)?.purchased ?? 0,
    renewingByPlan,
    quantity,
    at,
  });
};

/** Active approvers of an organization (owner, and admins marked approver). */
export const approversOf = (em: EntityManager, orgId: string) =>
  em.find(MembershipSchema, {
    organizationId: orgId,
    status: 'active',
    $or: [{ role: 'owner' }, { approver: true }],
  });

export const requestPayload = (
  org: Organization,
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

/** Tells the requester and every approver how a request ended. */
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
};
