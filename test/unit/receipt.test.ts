import { describe, expect, it } from 'vitest';
import { receiptReply } from '../../src/commands/receipt.ts';
import { purchaseBreakdown } from '../../src/domain/charge-breakdown.ts';
import { type Receipt, receiptAddsUp, receiptLine, receiptSchema } from '../../src/domain/receipt.ts';
import { wordsFor } from '../../src/i18n/words.ts';

const start = new Date('2023-01-01T00:00:00Z');
const end = new Date('2023-02-01T00:00:00Z');
const b = purchaseBreakdown({
  currency: 'EUR',
  listPrice: 1500,
  seatsBefore: 8,
  quantity: 4,
  periodStart: start,
  periodEnd: end,
  at: new Date('2023-01-16T12:00:00Z'),
});
const receipt: Receipt = receiptSchema.parse({
  organizationName: 'Acme',
  what: { kind: 'purchase', plan: 'pro', quantity: 4 },
  requestedBy: 'ana@example.com',
  approvedBy: 'carol@example.com',
  onBehalfOf: 'bob@example.com',
  currency: 'EUR',
  lines: [receiptLine('pro', b)],
  total: b.charged,
  periodStart: start.toISOString(),
  periodEnd: end.toISOString(),
  reference: 'ledger:purchase:42',
});

describe('a receipt in plain words', () => {
  it('each band, the share of the period, the total: the amounts the charge was made of', () => {
    expect(receiptAddsUp(receipt)).toBe(true);
    const r = receiptReply(receipt, wordsFor('en'));
    expect(r.text).toBe(
      'Receipt for Acme: 4 Pro seats.\nAsked by ana@example.com\nApproved by carol@example.com on behalf of bob@example.com',
    );
    expect(r.sections?.[0]?.lines).toEqual([
      'Pro, seats 9–10: 2 × €15.00 = €30.00',
      'Pro, seats 11–12: 2 × €13.50 (10% off) = €27.00',
      'Pro, for the rest of the period: €57.00 × 15.5 of 31 days (1,339,200 of 2,678,400 seconds) = €28.50',
      'Total charged: €28.50',
      'Reference: ledger:purchase:42',
    ]);
  });

  it('in French, money, numbers and percent as French writes them', () => {
    const lines = receiptReply(receipt, wordsFor('fr')).sections?.[0]?.lines ?? [];
    expect(lines[1]).toBe('Pro, licences 11 à 12 : 2 × 13,50\u00a0€ (remise de 10\u00a0%) = 27,00\u00a0€');
    expect(lines[3]).toBe('Total facturé : 28,50\u00a0€');
  });

  it('a receipt whose lines do not add up to its total is caught', () => {
    expect(receiptAddsUp({ ...receipt, total: receipt.total + 1 })).toBe(false);
  });
});
