import { tenthsOfDays } from '../domain/charge-breakdown.ts';
import type { Receipt } from '../domain/receipt.ts';
import type { Words } from '../i18n/words.ts';
import { planTitle } from './plan-title.ts';
import { info, type Reply } from './reply.ts';

const seatsOf = (w: Words, plan: string, quantity: number) =>
  w.t('commands_core.purchase.seats', { count: quantity, plan: planTitle(plan) });

const titleOf = (r: Receipt, w: Words): string => {
  const org = r.organizationName ?? '';
  switch (r.what.kind) {
    case 'purchase': {
      const seats = seatsOf(w, r.what.plan, r.what.quantity);
      // seats bought across the renewal: this charge is their share of the period after it
      return r.what.newPeriod
        ? w.t('receipts.title.purchase_new_period', {
            org,
            seats,
            from: w.day(r.periodStart),
            to: w.day(r.periodEnd),
          })
        : w.t('receipts.title.purchase', { org, seats });
    }
    case 'renewal':
      return w.t('receipts.title.renewal', { org, from: w.day(r.periodStart), to: w.day(r.periodEnd) });
    case 'personal_upgrade':
      return w.t('receipts.title.personal_upgrade', { plan: planTitle(r.what.plan) });
  }
};

/**
 * A receipt as a person reads it: what was bought and by whom, then every tier band (seats ×
 * unit price), the share of the period left when it was prorated, the total and the reference.
 * Every amount shown is one the charge was computed from, so the lines add up to the total.
 */
export const receiptReply = (r: Receipt, w: Words): Reply => {
  const money = (amount: number) => w.money(amount, r.currency);
  const lines: string[] = [];
  for (const l of r.lines) {
    const plan = planTitle(l.plan);
    for (const b of l.bands)
      lines.push(
        w.t('receipts.band', {
          plan,
          single: b.seats === 1 ? 'yes' : 'no',
          first: b.firstSeat,
          last: b.lastSeat,
          seats: b.seats,
          unit: money(b.unitPrice),
          discounted: b.discountBps > 0 ? 'yes' : 'no',
          percent: b.discountBps / 10_000,
          amount: money(b.amount),
        }),
      );
    if (l.secondsLeft < l.secondsInPeriod)
      lines.push(
        w.t(l.byProvider ? 'receipts.prorated_by_provider' : 'receipts.prorated', {
          plan,
          full: money(l.fullPeriod),
          daysLeft: tenthsOfDays(l.secondsLeft),
          days: tenthsOfDays(l.secondsInPeriod),
          secondsLeft: l.secondsLeft,
          seconds: l.secondsInPeriod,
          charged: money(l.charged),
        }),
      );
  }
  lines.push(w.t('receipts.total', { total: money(r.total) }));
  if (r.reference) lines.push(w.t('receipts.reference', { reference: r.reference }));
  const people = [
    ...(r.requestedBy ? [w.t('receipts.asked', { who: r.requestedBy })] : []),
    ...(r.approvedBy
      ? [
          w.t('receipts.approved', {
            who: r.approvedBy,
            withBehalf: r.onBehalfOf ? 'yes' : 'no',
            behalf: r.onBehalfOf ?? '',
          }),
        ]
      : []),
  ];
  return info([titleOf(r, w), ...people].join('\n'), {
    sections: [{ title: w.t('receipts.section'), lines }],
  });
};
