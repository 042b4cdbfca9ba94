/** A receipt for every charge: what was bought, by whom, and how the amount adds up. */
export const receipts = {
  'receipts.title.purchase': 'Receipt for {org}: {seats}.',
  'receipts.title.purchase_new_period':
    'Receipt for {org}: {seats} bought across the renewal, for the new period from {from} to {to}.',
  'receipts.title.renewal': 'Receipt for {org}: the period from {from} to {to}.',
  'receipts.title.personal_upgrade': 'Receipt: your own plan is now {plan}.',
  'receipts.asked': 'Asked by {who}',
  'receipts.approved': 'Approved by {who}{withBehalf, select, yes { on behalf of {behalf}} other {}}',
  'receipts.section': 'How it adds up',
  'receipts.band':
    '{plan}, {single, select, yes {seat {first}} other {seats {first}–{last}}}: {seats, number} × {unit}{discounted, select, yes { ({percent, number, percent} off)} other {}} = {amount}',
  'receipts.prorated':
    '{plan}, for the rest of the period: {full} × {daysLeft, number} of {days, number} days ({secondsLeft, number} of {seconds, number} seconds) = {charged}',
  'receipts.prorated_by_provider':
    '{plan}, for the rest of the period ({daysLeft, number} of {days, number} days left), as the payment provider prorated it: {charged}',
  'receipts.total': 'Total charged: {total}',
  'receipts.reference': 'Reference: {reference}',
} as const;
