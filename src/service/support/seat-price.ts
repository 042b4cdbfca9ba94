import { listPrice, type Plan } from '../../domain/catalog.ts';
import { purchaseBreakdown } from '../../domain/charge-breakdown.ts';
import type { Contract } from '../../domain/model.ts';
import { money } from '../../domain/money.ts';
import type { SeatQuote } from '../../domain/quote.ts';
import { type ReceiptLine, receiptLine } from '../../domain/receipt.ts';
import type { ServiceContext } from '../context.ts';

/** A purchase's quote taken apart at its instant (tier bands, whole period, seconds left), for its receipt. */
export const seatBreakdown = (
  contract: Contract,
  plan: Plan,
  seatsBefore: number,
  quantity: number,
  quote: SeatQuote,
): ReceiptLine =>
  receiptLine(
    plan.code,
    purchaseBreakdown({
      currency: quote.currency,
      listPrice: listPrice(plan, contract.period),
      tiers: plan.tiers,
      seatsBefore,
      quantity,
      periodStart: contract.currentPeriodStart,
      periodEnd: contract.currentPeriodEnd,
      at: quote.prorationDate,
    }),
  );

/**
 * What the billing provider will charge for the purchase at the quote's instant (the ledger
 * answers with our own quote): asked outside any transaction, before the request is written.
 */
export const providerAmount = async (
  ctx: ServiceContext,
  contract: Contract,
  plan: Plan,
  seatsBefore: number,
  quantity: number,
  quote: SeatQuote,
): Promise<number> =>
  (
    await ctx.billing.previewSeatPurchase({
      contractId: contract.id,
      planCode: plan.code,
      newQuantity: seatsBefore + quantity,
      prorationDate: quote.prorationDate,
      localAmount: money(quote.proratedAmount, quote.currency),
    })
  ).amount;
