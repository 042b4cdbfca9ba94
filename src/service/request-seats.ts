import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { plansByCode } from '../../db/repositories/purchase-quotes.ts';
import { addRequest } from '../../db/repositories/purchase-requests.ts';
import type { Plan } from '../domain/catalog.ts';
import { DomainError } from '../domain/errors.ts';
import { isApprover } from '../domain/permissions.ts';
import { requestClosesAt } from '../domain/quote.ts';
import { approvePurchase } from './approve-purchase.ts';
import type { Actor, ServiceContext } from './context.ts';
import { askDeciders } from './support/approval-request.ts';
import { emailField, parse, planCodeField, seatCountField, uuidField } from './support/input.ts';
import { intendedMembers, MAX_PEOPLE_PER_REQUEST, namesShown } from './support/intended-people.ts';
import { authorize, ownContract, requireOpen, requirePlanIn } from './support/lookups.ts';
import { quoteWithSeats } from './support/purchase.ts';
import { audit } from './support/records.ts';
import { providerAmount, seatBreakdown } from './support/seat-price.ts';
import { inTransaction, reading } from './support/tx.ts';
import { reuseFacts } from './support/unused-seats.ts';

const input = z.object({
  organizationId: uuidField,
  quantity: seatCountField,
  plan: planCodeField,
  /** the members the seats are for (`add 3 pro for …`), given theirs as seats come */
  forPeople: z.array(emailField).max(MAX_PEOPLE_PER_REQUEST).default([]),
});

/**
 * Anyone in the organization may ask for N seats of a plan. The request carries its quote
 * (prorated charge for the rest of the period, new recurring total, proration timestamp kept
 * for the charge). A non-approver's request goes to the approvers, unless seats of its plan are
 * unused: then it waits until they choose to ask for those back or to buy anyway (`held`); an
 * approver's own request only needs their confirmation; under the organization's auto-approve
 * amount it is approved and charged at once.
 */
export const requestSeats = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  // Priced once, at one instant: the billing provider previews the same proration the
  // approval will charge (the ledger answers with our own quote).
  const at = ctx.clock.now();
  const dry = await reading(ctx, async (em) => prepare(em, actor, cmd, at, await plansByCode(em)));
  const amount = await providerAmount(
    ctx,
    dry.contract,
    dry.plan,
    dry.purchasedOfPlan,
    cmd.quantity,
    dry.quote,
  );
  const created = await inTransaction(ctx, async (em) => {
    const now = at;
    // fresh rows for what can change under us (the actor, the contract, its seats); the catalog
    // the dry run read is reused: plans are priced at `at` either way
    const {
      org,
      me,
      membership,
      plan,
      contract,
      quote: local,
      purchasedOfPlan,
      forMembershipIds,
    } = await prepare(em, actor, cmd, at, dry.plans);
    const quote = { ...local, proratedAmount: amount };
    const selfApproved = isApprover(membership);
    const autoApprove = org.autoApproveBelow !== null && quote.proratedAmount < org.autoApproveBelow;
    const needs = selfApproved ? 'confirmation' : 'approval';
    const request = addRequest(em, {
      id: randomUUID(),
      organizationId: org.id,
      contractId: contract.id,
      planCode: plan.code,
      quantity: cmd.quantity,
      requestedById: me.id,
      needs,
      status: 'pending',
      currency: quote.currency,
      proratedAmount: quote.proratedAmount,
      recurringTotal: quote.recurringTotal,
      prorationDate: quote.prorationDate,
      quoteExpiresAt: requestClosesAt(needs, quote, contract.currentPeriodEnd),
      priceValidUntil: quote.quoteExpiresAt,
      decidedById: null,
      decidedAt: null,
      chargeRef: null,
      failureReason: null,
      billingQuantity: null,
      billingRef: null,
      awaitingPayment: false,
      billingStartedAt: null,
      // the receipt's figures, from the quote's own inputs
      breakdown: seatBreakdown(contract, plan, purchasedOfPlan, cmd.quantity, quote),
      forMembershipIds,
      createdAt: now,
      updatedAt: now,
    });
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'purchase.requested',
      subject: { type: 'purchase_request', id: request.id },
      after: {
        plan: plan.code,
        quantity: cmd.quantity,
        proratedAmount: quote.proratedAmount,
        recurringTotal: quote.recurringTotal,
        ...(cmd.forPeople.length ? { for: [...new Set(cmd.forPeople)] } : {}),
      },
    });
    // seats of the plan nobody uses: said before buying, to the requester and the approvers
    const reusable = autoApprove ? null : await reuseFacts(em, contract.id, plan.code, now);
    const forPeople = cmd.forPeople.length ? namesShown(cmd.forPeople) : null;
    // a member's request waits while they choose: ask for those seats back, or buy anyway
    const held = !selfApproved && !autoApprove && reusable !== null;
    const approvers =
      selfApproved || autoApprove || held
        ? 0
        : await askDeciders(em, now, org, request, {
            requestedBy: me.email,
            period: contract.period,
            facts: forPeople ? { forPeople } : {},
          });
    return {
      request,
      quote,
      plan,
      approvers,
      autoApprove,
      org,
      period: contract.period,
      reusable,
      forPeople,
      held,
    };
  });
  if (created.autoApprove) {
    const decided = await approvePurchase(ctx, null, { requestId: created.request.id });
    return { ...created, request: decided.request, outcome: decided.outcome };
  }
  return { ...created, outcome: 'pending' as const };
};

/**
 * Every check a request must pass, and its local quote; run before pricing and again inside the
 * transaction (fresh rows there). Three reads: the actor's rows, the contract (with its
 * suspension) and the seats per plan (also the plan's count); the catalog (every plan by code)
 * is read once per request by the caller.
 */
const prepare = async (
  em: EntityManager,
  actor: Actor,
  cmd: z.output<typeof input>,
  now: Date,
  plans: ReadonlyMap<string, Plan>,
) => {
  const { org, me, membership } = await authorize(em, cmd.organizationId, actor, 'request_seats');
  requireOpen(org);
  if (org.status === 'cancelling') {
    throw new DomainError(
      'organization_closed',
      { key: 'errors_service.request.cancelling', args: { org: org.name } },
      { key: 'errors_service.request.cancelling_next' },
    );
  }
  if (org.status === 'pending') {
    throw new DomainError(
      'organization_closed',
      { key: 'errors_service.request.pending', args: { org: org.name } },
      { key: 'errors_service.request.pending_next' },
    );
  }
  const plan = requirePlanIn(plans, cmd.plan);
  if (plan.monthlyPrice === 0 && plan.yearlyPrice === 0) {
    throw new DomainError(
      'invalid_input',
      { key: 'errors_service.request.free_plan', args: { plan: plan.name } },
      { key: 'errors_service.request.free_plan_next' },
    );
  }
  const contract = await ownContract(em, org.id);
  if (contract.suspendedAt) {
    throw new DomainError(
      'payment_failed',
      { key: 'errors_service.request.suspended', args: { org: org.name } },
      { key: 'errors_service.request.suspended_next' },
    );
  }
  if (contract.currentPeriodEnd <= now) {
    // The renewal job has not rolled the period yet: a quote now would price nothing and be
    // born expired, so no approver could ever accept it.
    throw new DomainError(
      'conflict',
      { key: 'errors_service.request.renewing' },
      { key: 'errors_service.request.renewing_next' },
    );
  }
  // whom the seats are for: checked before pricing, one read (none when nobody is named)
  const forMembershipIds = await intendedMembers(
    em,
    org,
    { account: me, membership },
    cmd.forPeople,
    plan,
    cmd.quantity,
  );
  const { quote, purchasedOfPlan } = await quoteWithSeats(em, contract, plan, cmd.quantity, now, plans);
  return { org, me, membership, plan, plans, contract, quote, purchasedOfPlan, forMembershipIds };
};
