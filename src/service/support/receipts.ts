import type { EntityManager } from '@mikro-orm/postgresql';
import { contractById } from '../../../db/repositories/contracts.ts';
import { claimReceipt, type PeriodCharge } from '../../../db/repositories/period-charges.ts';
import { plansByCode } from '../../../db/repositories/plans.ts';
import { requestsByIds } from '../../../db/repositories/purchase-requests.ts';
import { listPrice, PERSONAL_PRICES, type PersonalPlan } from '../../domain/catalog.ts';
import { periodBreakdown, purchaseBreakdown } from '../../domain/charge-breakdown.ts';
import type { Organization, PurchaseRequest } from '../../domain/model.ts';
import { addPeriod } from '../../domain/period.ts';
import { type Receipt, type ReceiptLine, receiptAddsUp, receiptLine } from '../../domain/receipt.ts';
import { accountsById } from './lookups.ts';
import { notify } from './records.ts';

/**
 * Every charge's receipt is built and sent here: a seat purchase, the late period share of one,
 * a renewal, a personal upgrade. Each is written in the transaction that records its charge.
 * A receipt that does not add up to the charge is not sent: it must never fail that
 * transaction, since money has moved by then.
 */
const send = (
  em: EntityManager,
  now: Date,
  organizationId: string | null,
  receipt: Receipt | null,
  recipients: Iterable<string>,
): boolean => {
  if (!receipt || !receiptAddsUp(receipt)) return false;
  for (const recipientId of new Set(recipients))
    notify(em, now, { organizationId, recipientId, kind: 'receipt', payload: receipt });
  return true;
};

/** Who asked for a purchase, who approved it, and for whom when a delegate did: emails. */
const peopleOf = async (em: EntityManager, r: PurchaseRequest) => {
  const ids = [r.requestedById, r.decidedById, r.onBehalfOfId].filter((id): id is string => !!id);
  const accounts = await accountsById(em, ids);
  const emailOf = (id: string | null | undefined) => (id ? (accounts.get(id)?.email ?? null) : null);
  return {
    requestedBy: emailOf(r.requestedById),
    approvedBy: emailOf(r.decidedById),
    onBehalfOf: r.decidedById ? emailOf(r.onBehalfOfId) : null,
  };
};

/**
 * A charged purchase: the quote's own figures (kept on the request when it was made), the
 * charge's amount and reference. When the payment provider prorated it to another amount than
 * our formula, its amount is the one shown, said so. Requests made before the figures were kept
 * get none. Goes to `recipients`: the people told of the outcome.
 */
export const sendPurchaseReceipt = async (
  em: EntityManager,
  now: Date,
  org: Organization,
  r: PurchaseRequest,
  recipients: Iterable<string>,
) => {
  if (!r.breakdown) return false;
  const line: ReceiptLine =
    r.breakdown.charged === r.proratedAmount
      ? r.breakdown
      : { ...r.breakdown, charged: r.proratedAmount, byProvider: true };
  const periodEnd = new Date(r.prorationDate.getTime() + r.breakdown.secondsLeft * 1000);
  return send(
    em,
    now,
    org.id,
    {
      organizationName: org.name,
      what: { kind: 'purchase', plan: r.planCode, quantity: r.quantity },
      ...(await peopleOf(em, r)),
      currency: r.currency,
      lines: [line],
      total: r.proratedAmount,
      periodStart: new Date(periodEnd.getTime() - r.breakdown.secondsInPeriod * 1000).toISOString(),
      periodEnd: periodEnd.toISOString(),
      reference: r.chargeRef,
      requestId: r.id,
    },
    recipients,
  );
};

/**
 * A paid period charge: a renewal (one line per renewing plan, its tier bands for the whole
 * period) or the new period's share of a purchase that landed after the renewal was priced (its
 * seats' bands after those the period already billed). Each line is the amount the charge
 * recorded for that plan, so the total is the charge's to the cent. Goes to `recipients` and,
 * for a late purchase, to whoever asked for it; once per charge (false when it was sent already).
 */
export const sendPeriodChargeReceipt = async (
  em: EntityManager,
  now: Date,
  c: PeriodCharge,
  ref: string,
  organization: { id: string; name: string } | null,
  recipients: Iterable<string>,
) => {
  // nothing renewing is nothing charged: no receipt for it
  if (c.amount <= 0) return false;
  const contract = await contractById(em, c.contractId);
  if (!contract) return false;
  const plans = await plansByCode(em);
  const request = c.requestId ? (await requestsByIds(em, [c.requestId]))[0] : undefined;
  const lines: ReceiptLine[] = [];
  for (const item of c.items) {
    const plan = plans.get(item.planCode);
    if (!plan) return false;
    const priced = { currency: c.currency, listPrice: listPrice(plan, contract.period), tiers: plan.tiers };
    const span = { periodStart: c.periodStart, periodEnd: c.periodEnd };
    // a late share starts after the seats the period billed before it; charges made before that was kept get none
    if (c.kind === 'late_purchase' && item.seatsBefore === undefined) return false;
    const b =
      c.kind === 'renewal'
        ? periodBreakdown({ ...priced, ...span, seats: item.quantity })
        : purchaseBreakdown({
            ...priced,
            ...span,
            seatsBefore: item.seatsBefore!,
            quantity: item.quantity,
            at: c.periodStart,
          });
    // the figures the charge was made of, or no receipt: never one that disagrees with the ledger
    if (b.charged !== item.amount) return false;
    lines.push(receiptLine(item.planCode, b));
  }
  const people = request
    ? await peopleOf(em, request)
    : { requestedBy: null, approvedBy: null, onBehalfOf: null };
  const receipt: Receipt = {
    organizationName: organization?.name ?? null,
    what:
      c.kind === 'renewal'
        ? { kind: 'renewal', plans: c.items.map((i) => ({ plan: i.planCode, quantity: i.quantity })) }
        : { kind: 'purchase', plan: c.items[0]!.planCode, quantity: c.items[0]!.quantity, newPeriod: true },
    ...people,
    currency: c.currency,
    lines,
    total: c.amount,
    periodStart: c.periodStart.toISOString(),
    periodEnd: c.periodEnd.toISOString(),
    reference: ref,
    ...(request ? { requestId: request.id } : {}),
  };
  // once per charge, whichever path paid it (the roll, a dunning retry, the provider's invoice)
  if (!receiptAddsUp(receipt) || !(await claimReceipt(em, c.id, now))) return false;
  return send(em, now, organization?.id ?? null, receipt, [
    ...recipients,
    ...(request ? [request.requestedById] : []),
  ]);
};

/** A personal plan's first month, to the person who upgraded: one seat at its price, no tiers. */
export const sendPersonalUpgradeReceipt = (
  em: EntityManager,
  now: Date,
  account: { id: string; email: string },
  plan: Exclude<PersonalPlan, 'free'>,
  ref: string,
) => {
  const price = PERSONAL_PRICES[plan];
  const periodEnd = addPeriod(now, 'month');
  const b = periodBreakdown({
    currency: price.currency,
    listPrice: price.monthly,
    tiers: [{ upTo: null, discountBps: 0 }],
    seats: 1,
    periodStart: now,
    periodEnd,
  });
  return send(
    em,
    now,
    null,
    {
      organizationName: null,
      what: { kind: 'personal_upgrade', plan },
      requestedBy: account.email,
      approvedBy: null,
      onBehalfOf: null,
      currency: price.currency,
      lines: [receiptLine(plan, b)],
      total: price.monthly,
      periodStart: now.toISOString(),
      periodEnd: periodEnd.toISOString(),
      reference: ref,
    },
    [account.id],
  );
};
