import { z } from 'zod';
import type { ChargeBreakdown } from './charge-breakdown.ts';

/**
 * What a receipt says about one charge, as the outbox carries it (JSON: dates as ISO strings):
 * what was bought, who asked and who approved, the charge taken apart (charge-breakdown.ts), and
 * the provider's or the ledger's reference. The amounts are those of the charge itself, so the
 * receipt adds up to it to the cent.
 */
const iso = z.iso.datetime({ offset: true });

const band = z.object({
  firstSeat: z.number().int(),
  lastSeat: z.number().int(),
  seats: z.number().int(),
  discountBps: z.number().int(),
  unitPrice: z.number().int(),
  amount: z.number().int(),
});

export const receiptSchema = z.object({
  organizationName: z.string().nullable(),
  what: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('purchase'),
      plan: z.string(),
      quantity: z.number().int(),
      /** the new period's share of seats bought across the renewal, billed after it (period below) */
      newPeriod: z.boolean().optional(),
    }),
    z.object({
      kind: z.literal('renewal'),
      plans: z.array(z.object({ plan: z.string(), quantity: z.number().int() })),
    }),
    z.object({ kind: z.literal('personal_upgrade'), plan: z.string() }),
  ]),
  requestedBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  onBehalfOf: z.string().nullable(),
  currency: z.string(),
  /** one breakdown per plan charged (a renewal charges every renewing plan) */
  lines: z.array(
    z.object({
      plan: z.string(),
      listPrice: z.number().int(),
      bands: z.array(band),
      fullPeriod: z.number().int(),
      secondsLeft: z.number().int(),
      secondsInPeriod: z.number().int(),
      charged: z.number().int(),
      /** the payment provider prorated this line itself: its amount, not our formula's */
      byProvider: z.boolean().optional(),
    }),
  ),
  total: z.number().int(),
  periodStart: iso,
  periodEnd: iso,
  reference: z.string().nullable(),
  /** the seat purchase this receipt settles (adapters post it in that request's thread) */
  requestId: z.string().optional(),
});
export type Receipt = z.output<typeof receiptSchema>;
export type ReceiptLine = Receipt['lines'][number];

/** A plan's breakdown as a receipt line. */
export const receiptLine = (plan: string, b: ChargeBreakdown): ReceiptLine => ({
  plan,
  listPrice: b.listPrice,
  bands: b.bands,
  fullPeriod: b.fullPeriod,
  secondsLeft: b.secondsLeft,
  secondsInPeriod: b.secondsInPeriod,
  charged: b.charged,
});

/** The receipt's lines add up to its total, and each line to its bands: checked before it is sent. */
export const receiptAddsUp = (r: Receipt): boolean =>
  r.lines.reduce((sum, l) => sum + l.charged, 0) === r.total &&
  r.lines.every((l) => l.bands.reduce((sum, b) => sum + b.amount, 0) === l.fullPeriod);
