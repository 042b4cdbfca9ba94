import type { notices as en } from '../en/notices.ts';
import type { Translation } from '../translation.ts';

export const notices: Translation<typeof en> = {
  'notices.org.yours': 'votre organisation',
  'notices.seats.count': '{count, plural, one {# siège {plan}} other {# sièges {plan}}}',
  'notices.invitation.declined': '{email} a refusé votre invitation.',
  'notices.invitation.text':
    '{invitedBy} vous invite dans {org} {role, select, admin {en tant qu’administrateur} other {en tant que membre}}{withPlan, select, yes {, avec un siège {plan}} other {}}. L’invitation est valable jusqu’au {until}.',
  'notices.invitation.accept': 'Accepter',
  'notices.invitation.decline': 'Refuser',
  'notices.approval.text': '{requestedBy} demande {seats} dans {org}.',
  'notices.approval.charged_now': 'Facturé maintenant (au prorata)',
  'notices.approval.recurring': 'Nouveau total récurrent',
  'notices.approval.recurring_value':
    '{amount} {period, select, year {par an} month {par mois} other {par période de facturation}}',
  'notices.approval.valid_until': 'Devis valable jusqu’au',
  'notices.purchase.charged': 'Approuvé et payé : {org} reçoit {seats} ({amount}).',
  'notices.purchase.payment_failed':
    'Le paiement de {seats} dans {org} a échoué : {reason} Aucun siège n’a été ajouté.',
  'notices.purchase.withdrawn': '{decidedBy} a retiré la demande de {seats} dans {org}.',
  'notices.purchase.rejected':
    '{decidedBy} a refusé {seats} dans {org}{withReason, select, yes { : {reason}} other {.}}',
  'notices.purchase.an_approver': 'Un approbateur',
  'notices.purchase.status':
    'Votre demande de {seats} dans {org} {status, select, pending {est en attente} approved {est approuvée} charged {est payée} expired {a expiré} other {est {status}}}.',
  'notices.seat_assigned.joined':
    '{email} a rejoint {org} avec {plan}.{noFreeSeat, select, yes { Il ne restait aucun siège {wanted} libre : achetez-en un avec `add 1 {code}`.} other {}}',
  'notices.seat_assigned.yours':
    'Vous avez maintenant un siège {plan} dans {org}{withBy, select, yes { (attribué par {by})} other {}}.',
  'notices.seat_removed.removed':
    'Votre siège {plan} dans {org} a été retiré{withBy, select, yes { par {by}} other {}}. Vous êtes maintenant sur Free.',
  'notices.seat_removed.what_changes': 'Ce qui change',
  'notices.seat_removed.not_renewed':
    'Votre siège {plan} dans {org} a pris fin avec la période et n’a pas été renouvelé. Vous êtes maintenant sur Free.',
  'notices.seat_removed.contract_moved':
    'Votre siège {plan} dans votre organisation a été retiré. Vous êtes maintenant sur Free.',
  'notices.offboarded.text':
    'Vous avez été retiré de {org}. Vous ne pouvez plus vous y connecter ; vos données sont conservées.',
  'notices.scim_offboarded.text':
    'Votre fournisseur d’identité a retiré {count, plural, one {# personne} other {# personnes}} de {org}.',
  'notices.scim_offboarded.title': 'Personnes retirées',
  'notices.scim_offboarded.leaver': '{email} : {outcome}',
  'notices.seat_outcome.text':
    'siège {plan} {state, select, frozen {conservé (contrat gelé)} freed {libéré} other {conservé}}{renewing, select, no {, sans renouvellement} other {}}',
  'notices.organization_deleted.text': '{org} a été supprimée. Vous revenez à votre propre formule {plan}.',
  'notices.organization_cancelled.closed': '{org} a pris fin. Vous revenez à votre propre formule {plan}.',
  'notices.organization_cancelled.cancelled':
    '{org} a été résiliée. Vous gardez l’accès jusqu’au {day}, puis vous revenez à votre propre formule.',
  'notices.workspace_linked.text':
    '{by} a lié {platform, select, teams {le tenant Teams} other {l’espace de travail Slack}} {workspace} à {org} : ses membres peuvent y utiliser Seatkeeper pour {org}. Si ce n’était pas voulu, tapez `org unlink` là-bas.',
  'notices.workspace_unlinked.text':
    '{by} a délié {platform, select, teams {le tenant Teams} other {l’espace de travail Slack}} {workspace} de {org}.',
  'notices.ownership_transferred.text': '{to} est désormais propriétaire de {org} (transmis par {from}).',
  'notices.seat_ending.text': 'Votre siège {plan} dans {org} prend fin le {day}.',
  'notices.idle_offer.text':
    'Vous n’avez pas utilisé votre siège {plan} dans {org} depuis le {since}. Le garder, ou le rendre pour qu’une autre personne puisse l’utiliser ? Sans réponse d’ici le {until}, il est libéré et vous passez sur Free.',
  'notices.idle_offer.keep': 'Garder mon siège',
  'notices.idle_offer.give_back': 'Le rendre',
  'notices.idle_offer.confirm_title': 'Rendre votre siège ?',
  'notices.idle_offer.confirm_text':
    'Vous passez immédiatement sur Free dans {org} ; un administrateur pourra vous redonner un siège plus tard.',
  'notices.idle_offer.confirm_deny': 'Le garder',
  'notices.idle_reclaimed.text':
    'Votre siège {plan} dans {org} a été libéré : il était inutilisé{withSince, select, yes { depuis le {since}} other {}} et personne n’a répondu sous {days} jours. Vous êtes maintenant sur Free ; demandez à un administrateur si vous avez de nouveau besoin d’un siège.',
  'notices.organization_ready.text':
    '{org} est active : votre moyen de paiement est enregistré. Invitez des personnes avec `invite <who>`.',
  'notices.billing_problem.text': 'La facturation de {org} demande votre attention : {reason}',
  'notices.payment_received.text': 'Merci : le {what} pour {org} est payé ({amount}).',
  'notices.seats_suspended.text':
    'Votre siège dans {org} est suspendu car un paiement est en retard : vous êtes sur votre propre formule jusqu’à son règlement. Rien d’autre ne change.',
  'notices.seats_restored.text':
    'Le paiement en retard de {org} est réglé : votre siège fonctionne de nouveau.',
  'notices.renewal.your_contract': 'Votre contrat',
  'notices.renewal.text': '{org} se renouvelle le {day} : le prochain prélèvement est de {amount}.',
  'notices.renewal.ending_line': '{seats}{withHolders, select, yes { (attribués à {holders})} other {}}',
  'notices.renewal.idle_line':
    '{email} : {plan}, inutilisé depuis le {since} ({days, plural, one {# jour} other {# jours}})',
  'notices.renewal.more': '… et {count} de plus',
  'notices.renewal.next_charge': 'Prochain prélèvement',
  'notices.renewal.seats_ending': 'Sièges qui prennent fin',
  'notices.renewal.idle_seats': 'Sièges inutilisés',
  'notices.renewal.ending_title': 'Sièges qui prennent fin (renouvellement désactivé)',
  'notices.renewal.idle_title': 'Inutilisés depuis 28 jours ou plus',
} as const;
