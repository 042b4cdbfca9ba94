import type { receipts as en } from '../en/receipts.ts';
import type { Translation } from '../translation.ts';

export const receipts: Translation<typeof en> = {
  'receipts.title.purchase': 'Reçu pour {org} : {seats}.',
  'receipts.title.purchase_new_period':
    'Reçu pour {org} : {seats} achetées pendant le renouvellement, pour la nouvelle période du {from} au {to}.',
  'receipts.title.renewal': 'Reçu pour {org} : la période du {from} au {to}.',
  'receipts.title.personal_upgrade': 'Reçu : votre plan personnel est désormais {plan}.',
  'receipts.asked': 'Demandé par {who}',
  'receipts.approved': 'Approuvé par {who}{withBehalf, select, yes { pour le compte de {behalf}} other {}}',
  'receipts.section': 'Le détail du calcul',
  'receipts.band':
    '{plan}, {single, select, yes {licence {first}} other {licences {first} à {last}}} : {seats, number} × {unit}{discounted, select, yes { (remise de {percent, number, percent})} other {}} = {amount}',
  'receipts.prorated':
    '{plan}, pour le reste de la période : {full} × {daysLeft, number} jours sur {days, number} ({secondsLeft, number} secondes sur {seconds, number}) = {charged}',
  'receipts.prorated_by_provider':
    '{plan}, pour le reste de la période ({daysLeft, number} jours sur {days, number}), au prorata calculé par le prestataire de paiement : {charged}',
  'receipts.total': 'Total facturé : {total}',
  'receipts.reference': 'Référence : {reference}',
};
