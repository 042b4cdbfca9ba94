import type { approvals as en } from '../en/approvals.ts';
import type { Translation } from '../translation.ts';

export const approvals: Translation<typeof en> = {
  'approvals.delegate.self': 'Vous ne pouvez pas être votre propre délégué.',
  'approvals.delegate.self_next': 'Désignez un autre membre : `delegate ana@example.com until 2026-12-24`.',
  'approvals.delegate.not_member': '{email} n’est pas un membre actif de {org}.',
  'approvals.delegate.not_member_next':
    'Désignez un membre actif, ou invitez cette personne d’abord avec `invite {email}`.',
  'approvals.delegate.past': 'Le {day} est déjà passé.',
  'approvals.delegate.past_next':
    'Indiquez aujourd’hui ou un jour suivant comme dernier jour de la délégation.',
  'approvals.delegate.too_far': 'Une délégation dure au plus {max} jours ; le {day} est plus loin.',
  'approvals.delegate.too_far_next':
    'Indiquez un jour dans les {max} prochains jours ; vous pourrez renouveler la délégation ensuite.',
  'approvals.audit.delegated': '{by} a chargé {delegate} de décider des achats à sa place jusqu’au {day}.',
  'approvals.audit.delegation_ended': '{by} a mis fin à la délégation à {delegate}.',
};
