import type { EntityManager } from '@mikro-orm/postgresql';
import { contractById } from '../../../db/repositories/contracts.ts';
import { plansByCode } from '../../../db/repositories/purchase-quotes.ts';
import { requestsByIds } from '../../../db/repositories/purchase-requests.ts';
import type { Plan } from '../../domain/catalog.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Contract, Organization, PurchaseRequest } from '../../domain/model.ts';
import { isPriceStale, isQuoteExpired, QUOTE_TTL_MS, type SeatQuote } from '../../domain/quote.ts';
import type { ServiceContext } from '../context.ts';
import { quoteWithSeats } from './purchase.ts';
import { audit } from './records.ts';
import { providerAmount, seatBreakdown } from './seat-price.ts';
import { reading } from './tx.ts';

/** A request's price at the instant of its approval, when the one it was asked with no longer holds. */
export interface FreshPrice {
  contract: Contract;
  plan: Plan;
  plans: ReadonlyMap<string, Plan>;
  seatsBefore: number;
  quote: SeatQuote;
}

/**
 * Prices a pending request again at `at` if its price no longer holds (approved days after it was
 * asked: fewer days are left to pay for); null while it holds. Read outside any transaction,
 * since the billing provider previews it, as when the request was made.
 */
export const freshPriceOf = async (ctx: ServiceContext, id: string, at: Date): Promise<FreshPrice | null> => {
  const local = await reading(ctx, async (em) => {
    const [r] = await requestsByIds(em, [id]);
    if (!r || r.status !== 'pending' || !isPriceStale(r, at) || isQuoteExpired(r, at)) return null;
    const contract = await contractById(em, r.contractId);
    const plans = await plansByCode(em);
    const plan = plans.get(r.planCode);
    if (!contract || !plan || contract.currentPeriodEnd <= at) return null;
    const { quote, purchasedOfPlan } = await quoteWithSeats(em, contract, plan, r.quantity, at, plans);
    return { contract, plan, plans, seatsBefore: purchasedOfPlan, quote, quantity: r.quantity };
  });
  if (!local) return null;
  const amount = await providerAmount(
    ctx,
    local.contract,
    local.plan,
    local.seatsBefore,
    local.quantity,
    local.quote,
  );
  return { ...local, quote: { ...local.quote, proratedAmount: amount } };
};

/** The price changed between reading it and approving: nothing changed, press again. */
export const repricedMeanwhile = () =>
  new DomainError(
    'conflict',
    { key: 'errors_service.purchase.repriced_meanwhile' },
    { key: 'errors_service.purchase.repriced_meanwhile_next' },
  );

/**
 * Under the request's lock, just before it is approved: takes the fresh price into the request,
 * so the charge, the result and the receipt all say it. 'rose': it costs more than the approver
 * was shown, so it is not charged (the caller expires it). Seats of the plan bought meanwhile
 * move the tier bands: the approver is asked to press again, with nothing changed.
 */
export const takeFreshPrice = async (
  em: EntityManager,
  now: Date,
  org: Organization,
  actorId: string | null,
  r: PurchaseRequest,
  fresh: FreshPrice,
): Promise<'repriced' | 'rose'> => {
  const { purchasedOfPlan } = await quoteWithSeats(
    em,
    fresh.contract,
    fresh.plan,
    r.quantity,
    fresh.quote.prorationDate,
    fresh.plans,
  );
  if (purchasedOfPlan !== fresh.seatsBefore) throw repricedMeanwhile();
  if (fresh.quote.proratedAmount > r.proratedAmount) return 'rose';
  const before = { proratedAmount: r.proratedAmount, prorationDate: r.prorationDate.toISOString() };
  r.proratedAmount = fresh.quote.proratedAmount;
  r.recurringTotal = fresh.quote.recurringTotal;
  r.prorationDate = fresh.quote.prorationDate;
  r.priceValidUntil = new Date(fresh.quote.prorationDate.getTime() + QUOTE_TTL_MS);
  r.breakdown = seatBreakdown(fresh.contract, fresh.plan, fresh.seatsBefore, r.quantity, fresh.quote);
  r.updatedAt = now;
  audit(em, now, {
    organizationId: org.id,
    actorId,
    action: 'purchase.repriced',
    subject: { type: 'purchase_request', id: r.id },
    before,
    after: { proratedAmount: r.proratedAmount, prorationDate: r.prorationDate.toISOString() },
  });
  return 'repriced';
};
