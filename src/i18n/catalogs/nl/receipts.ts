import type { receipts as en } from '../en/receipts.ts';
import type { Translation } from '../translation.ts';

export const receipts: Translation<typeof en> = {
  'receipts.title.purchase': 'Bon voor {org}: {seats}.',
  'receipts.title.purchase_new_period':
    'Bon voor {org}: {seats} gekocht tijdens de verlenging, voor de nieuwe periode van {from} tot {to}.',
  'receipts.title.renewal': 'Bon voor {org}: de periode van {from} tot {to}.',
  'receipts.title.personal_upgrade': 'Bon: je eigen plan is nu {plan}.',
  'receipts.asked': 'Aangevraagd door {who}',
  'receipts.approved': 'Goedgekeurd door {who}{withBehalf, select, yes { namens {behalf}} other {}}',
  'receipts.section': 'Zo is het berekend',
  'receipts.band':
    '{plan}, {single, select, yes {licentie {first}} other {licenties {first} t/m {last}}}: {seats, number} × {unit}{discounted, select, yes { ({percent, number, percent} korting)} other {}} = {amount}',
  'receipts.prorated':
    '{plan}, voor de rest van de periode: {full} × {daysLeft, number} van {days, number} dagen ({secondsLeft, number} van {seconds, number} seconden) = {charged}',
  'receipts.prorated_by_provider':
    '{plan}, voor de rest van de periode ({daysLeft, number} van {days, number} dagen), naar rato berekend door de betaalprovider: {charged}',
  'receipts.total': 'Totaal in rekening gebracht: {total}',
  'receipts.reference': 'Referentie: {reference}',
};
