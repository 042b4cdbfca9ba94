import type { notices as en } from '../en/notices.ts';
import type { Translation } from '../translation.ts';

export const notices: Translation<typeof en> = {
  'notices.org.yours': 'votre organisation',
  'notices.seats.count': '{count, plural, one {# licence {plan}} other {# licences {plan}}}',
  'notices.invitation.declined': '{email} a refusé votre invitation.',
  'notices.invitation.text':
    '{invitedBy} vous invite dans {org} {role, select, admin {en tant qu’administrateur} other {en tant que membre}}{withPlan, select, yes {, avec une licence {plan}} other {}}. L’invitation est valable jusqu’au {until}.',
  'notices.invitation.accept': 'Accepter',
  'notices.invitation.decline': 'Refuser',
  'notices.approval.text': '{requestedBy} demande {seats} dans {org}.',
  'notices.approval.charged_now': 'Facturé maintenant (au prorata)',
  'notices.approval.recurring': 'Nouveau total récurrent',
  'notices.approval.recurring_value':
    '{amount} {period, select, year {par an} month {par mois} other {par période de facturation}}',
  'notices.approval.open_until': 'Ouverte jusqu’au',
  'notices.purchase.charged': 'Approuvé et payé : {org} reçoit {seats} ({amount}).',
  'notices.purchase.payment_failed':
    'Le paiement de {seats} dans {org} a échoué : {reason} Aucune licence n’a été ajoutée.',
  'notices.purchase.withdrawn': '{decidedBy} a retiré la demande de {seats} dans {org}.',
  'notices.purchase.rejected':
    '{decidedBy} a refusé {seats} dans {org}{withReason, select, yes { : {reason}} other {.}}',
  'notices.purchase.an_approver': 'Un approbateur',
  'notices.purchase.charged_for':
    'Approuvé par {decidedBy} au nom de {onBehalfOf} et payé : {org} reçoit {seats} ({amount}).',
  'notices.purchase.rejected_for':
    '{decidedBy} a refusé {seats} dans {org} au nom de {onBehalfOf}{withReason, select, yes { : {reason}} other {.}}',
  'notices.purchase.expired':
    'Votre demande de {seats} dans {org} a expiré avant la réponse d’un approbateur : rien n’a été facturé. Demandez à nouveau avec `add {quantity} {code}`.',
  'notices.purchase.price_rose':
    'Le prix de {seats} dans {org} a augmenté depuis votre demande : rien n’a été facturé. Demandez à nouveau avec `add {quantity} {code}` pour voir le nouveau devis.',
  'notices.approval.for_approver': 'Vous décidez pour {approver} pendant son absence.',
  'notices.approval_reminder.text':
    'Rappel : {requestedBy} a demandé {seats} dans {org} il y a {hours, plural, one {# heure} other {# heures}} et personne n’a encore répondu.',
  'notices.approval_escalation.text':
    'Personne n’a répondu depuis {hours, plural, one {# heure} other {# heures}} à la demande de {seats} de {requestedBy} dans {org} : le propriétaire est prévenu aussi. Sans réponse, elle expire à l’heure indiquée ci-dessous.',
  'notices.approval_updated.changed':
    'Maintenant {seats} : {given, plural, one {# a été rendue} other {# ont été rendues}}.',
  'notices.approval_updated.covered':
    'La demande de {seats} de {requestedBy} dans {org} est couverte par des licences rendues : rien ne sera acheté, et il n’y a plus rien à décider.',
  'notices.delegate_named.text':
    '{approver} vous a désigné pour décider à sa place des achats de licences dans {org} jusqu’au {day} inclus. Les demandes à approuver vous parviennent aussi ; ce que vous décidez indique « au nom de {approver} ».',
  'notices.purchase.status':
    'Votre demande de {seats} dans {org} {status, select, pending {est en attente} approved {est approuvée} charged {est payée} expired {a expiré} other {est {status}}}.',
  'notices.seat_assigned.joined':
    '{email} a rejoint {org} avec {plan}.{noFreeSeat, select, yes { Il ne restait aucune licence {wanted} libre : achetez-en une avec `add 1 {code}`.} other {}}',
  'notices.seat_assigned.yours':
    'Vous avez maintenant une licence {plan} dans {org}{withBy, select, yes { (attribuée par {by})} other {}}.',
  'notices.seat_removed.removed':
    'Votre licence {plan} dans {org} a été retirée{withBy, select, yes { par {by}} other {}}. Vous êtes maintenant sur Free.',
  'notices.seat_removed.what_changes': 'Ce qui change',
  'notices.seat_removed.not_renewed':
    'Votre licence {plan} dans {org} a pris fin avec la période et n’a pas été renouvelée. Vous êtes maintenant sur Free.',
  'notices.seat_removed.contract_moved':
    'Votre licence {plan} dans votre organisation a été retirée. Vous êtes maintenant sur Free.',
  'notices.offboarded.text':
    'Vous avez été retiré de {org}. Vous ne pouvez plus vous y connecter ; vos données sont conservées.',
  'notices.scim_offboarded.text':
    'Votre fournisseur d’identité a retiré {count, plural, one {# personne} other {# personnes}} de {org}.',
  'notices.scim_offboarded.title': 'Personnes retirées',
  'notices.scim_offboarded.leaver': '{email} : {outcome}',
  'notices.seat_outcome.text':
    'licence {plan} {state, select, frozen {conservée (contrat gelé)} freed {libérée} other {conservée}}{renewing, select, no {, sans renouvellement} other {}}',
  'notices.organization_deleted.text': '{org} a été supprimée. Vous revenez à votre propre plan {plan}.',
  'notices.organization_cancelled.closed': '{org} a pris fin. Vous revenez à votre propre plan {plan}.',
  'notices.organization_cancelled.cancelled':
    '{org} a été résiliée. Vous gardez l’accès jusqu’au {day}, puis vous revenez à votre propre plan.',
  'notices.workspace_linked.text':
    '{by} a lié {platform, select, teams {le tenant Teams} other {l’espace de travail Slack}} {workspace} à {org} : ses membres peuvent y utiliser Seatkeeper pour {org}. Si ce n’était pas voulu, tapez `org unlink` là-bas.',
  'notices.workspace_unlinked.text':
    '{by} a délié {platform, select, teams {le tenant Teams} other {l’espace de travail Slack}} {workspace} de {org}.',
  'notices.ownership_transferred.text': '{to} est désormais propriétaire de {org} (transmis par {from}).',
  'notices.seat_ending.text': 'Votre licence {plan} dans {org} prend fin le {day}.',
  'notices.idle_offer.text':
    'Vous n’avez pas utilisé votre licence {plan} dans {org} depuis le {since}. La garder, ou la rendre pour qu’une autre personne puisse l’utiliser ? Sans réponse d’ici le {until}, elle est libérée et vous passez sur Free.',
  'notices.idle_offer.keep': 'Garder ma licence',
  'notices.idle_offer.give_back': 'La rendre',
  'notices.idle_offer.confirm_title': 'Rendre votre licence ?',
  'notices.idle_offer.confirm_text':
    'Vous passez immédiatement sur Free dans {org} ; un administrateur pourra vous redonner une licence plus tard.',
  'notices.idle_offer.confirm_deny': 'La garder',
  'notices.idle_reclaimed.text':
    'Votre licence {plan} dans {org} a été libérée : elle était inutilisée{withSince, select, yes { depuis le {since}} other {}} et personne n’a répondu sous {days} jours. Vous êtes maintenant sur Free ; demandez à un administrateur si vous avez de nouveau besoin d’une licence.',
  'notices.organization_ready.text':
    '{org} est active : votre moyen de paiement est enregistré. Invitez des personnes avec `invite <who>`.',
  'notices.billing_problem.text': 'La facturation de {org} demande votre attention : {reason}',
  'notices.payment_received.text': 'Merci : le {what} pour {org} est payé ({amount}).',
  'notices.seats_suspended.text':
    'Votre licence dans {org} est suspendue car un paiement est en retard : vous êtes sur votre propre plan jusqu’à son règlement. Rien d’autre ne change.',
  'notices.seats_restored.text':
    'Le paiement en retard de {org} est réglé : votre licence fonctionne de nouveau.',
  'notices.renewal.your_contract': 'Votre contrat',
  'notices.renewal.text': '{org} se renouvelle le {day} : le prochain prélèvement est de {amount}.',
  'notices.renewal.ending_line': '{seats}{withHolders, select, yes { (attribuées à {holders})} other {}}',
  'notices.renewal.idle_line':
    '{email} : {plan}, inutilisée depuis le {since} ({days, plural, one {# jour} other {# jours}})',
  'notices.renewal.more': '… et {count} de plus',
  'notices.renewal.next_charge': 'Prochain prélèvement',
  'notices.renewal.seats_ending': 'Licences qui prennent fin',
  'notices.renewal.idle_seats': 'Licences inutilisées',
  'notices.renewal.ending_title': 'Licences qui prennent fin (renouvellement désactivé)',
  'notices.renewal.idle_title': 'Inutilisées depuis 28 jours ou plus',
  'notices.audit.by_scim': 'Le fournisseur d’identité',
  'notices.audit.by_us': 'Seatkeeper',
  'notices.audit.someone': 'quelqu’un',
  'notices.audit.someone_first': 'Quelqu’un',
  'notices.audit.seats': 'licences',
  'notices.audit.seats_first': 'Des licences',
  'notices.audit.auto_approve': 'La règle d’approbation automatique',
  'notices.audit.a_seat': '{article, select, other {une}} licence {plan}',
  'notices.audit.role_words':
    '{role, select, owner {propriétaire} admin {administrateur} member {membre} other {{article, select, other {{role}}}}}{approver, select, yes { et approbateur} other {}}',
  'notices.audit.generic':
    '{by} a fait une modification : {what}{withSubject, select, yes {, concernant {subject}} other {}}.',
  'notices.audit.account_created': '{who} a obtenu un compte Seatkeeper.',
  'notices.audit.account_own_plan':
    'plan personnel : {plan}{withWas, select, yes { (auparavant {was})} other {}}',
  'notices.audit.account_new_field':
    '{field, select, name {nouveau nom} personalPlan {nouveau plan personnel} paymentMethod {nouveau moyen de paiement} other {{field} modifié}}',
  'notices.audit.account_updated':
    'Le compte de {who} a été mis à jour{withParts, select, yes { : {parts}} other {}}.',
  'notices.audit.identity_verified': '{who} a été confirmé comme utilisateur {platform}.',
  'notices.audit.invitation_created':
    '{by} a invité {email} en tant que {role, select, admin {administrateur} member {membre} owner {propriétaire} other {{role}}}{withSeat, select, yes {, avec {seat}} other {}}{withUntil, select, yes {, jusqu’au {until}} other {}}.',
  'notices.audit.invitation_accepted':
    '{by} a accepté l’invitation et a rejoint l’organisation en tant que {role, select, admin {administrateur} member {membre} owner {propriétaire} other {{role}}}{withSeat, select, yes {, avec {seat}} other {}}.',
  'notices.audit.invitation_declined': '{actor} a refusé l’invitation.',
  'notices.audit.invitation_declined_unknown': 'Une invitation a été refusée.',
  'notices.audit.invitation_expired': 'L’invitation envoyée à {email} a expiré sans réponse.',
  'notices.audit.invitation_expired_unknown': 'Une invitation a expiré sans réponse.',
  'notices.audit.invitation_revoked': '{by} a retiré l’invitation envoyée à {email}.',
  'notices.audit.member_deprovisioned': '{by} a déprovisionné {who}, qui a été retiré.',
  'notices.audit.member_offboarded_seat_freed': 'licence {plan} libérée',
  'notices.audit.member_offboarded_former': 'marqué comme ancien membre',
  'notices.audit.member_offboarded': '{by} a retiré {who}{withDetails, select, yes { ({details})} other {}}.',
  'notices.audit.member_provisioned':
    '{by} a ajouté {who} en tant que {role, select, admin {administrateur} member {membre} owner {propriétaire} other {{role}}}{withSeat, select, yes {, avec {seat}} other {}}.',
  'notices.audit.member_reactivated':
    '{by} a réintégré {who}{withSeat, select, yes {, avec {seat}} other {}}.',
  'notices.audit.member_role':
    '{by} a nommé {who} {now}{withWas, select, yes { (auparavant {was})} other {}}.',
  'notices.audit.member_scim_attributes':
    '{by} a mis à jour le profil de {who}{withName, select, yes { ; nom affiché : {name}} other {}}.',
  'notices.audit.personal_plan_paused':
    'Le plan personnel {plan} de {who} est suspendu tant que l’organisation paie.',
  'notices.audit.personal_plan_restored': 'Le plan personnel {plan} de {who} est rétabli.',
  'notices.audit.personal_plan_upgraded':
    'Le plan personnel de {who} est passé à {plan}{withWas, select, yes { (auparavant {was})} other {}}.',
  'notices.audit.seat_assigned':
    '{by} a attribué {seat} à {who}{withWas, select, yes { (auparavant {was})} other {}}.',
  'notices.audit.seat_auto_assigned':
    '{who} a reçu {seat} automatiquement{withFeature, select, yes { (première utilisation : {feature})} other {}}.',
  'notices.audit.seat_auto_renew':
    '{by} a {renew, select, yes {activé} other {désactivé}} le renouvellement de la licence de {who}.',
  'notices.audit.seat_given_back': '{who} a rendu sa licence{withPlan, select, yes { {plan}} other {}}.',
  'notices.audit.seat_idle_kept':
    '{who} a gardé sa licence{withPlan, select, yes { {plan}} other {}} inutilisée.',
  'notices.audit.seat_idle_offer_void':
    'La proposition de reprendre la licence inutilisée de {who} a été annulée{withReason, select, yes { ({reason})} other {}}.',
  'notices.audit.seat_idle_offered':
    'On a demandé à {who} si sa licence{withPlan, select, yes { {plan}} other {}} inutilisée lui est encore utile{withUntil, select, yes { (réponse attendue d’ici le {until})} other {}}.',
  'notices.audit.seat_idle_reclaimed':
    'La licence{withPlan, select, yes { {plan}} other {}} inutilisée de {who} a été reprise.',
  'notices.audit.seat_not_renewed':
    'La licence{withPlan, select, yes { {plan}} other {}} de {who} a pris fin au renouvellement (renouvellement désactivé).',
  'notices.audit.seat_released':
    'La licence{withPlan, select, yes { {plan}} other {}} de {who} a été libérée : son contrat est passé à une autre organisation.',
  'notices.audit.seat_unassigned': '{by} a fait passer {who} de {plan} à {free}.',
  'notices.audit.charge':
    '{kind, select, renewal {prélèvement de renouvellement} late_purchase {prélèvement de la nouvelle période pour les licences achetées pendant le renouvellement} none {prélèvement} other {prélèvement {kindWords}}}{withAmount, select, yes { de {amount}} other {}}',
  'notices.audit.billing_charge_declined':
    'Le {charge} a été refusé{withReason, select, yes { : {reason}} other {}} ; {withNext, select, yes {prochaine tentative le {next}} other {plus aucune tentative}}.',
  'notices.audit.billing_drift_plan': '{plan} : {ours} ici, {billed} facturées',
  'notices.audit.billing_drift':
    'Le nombre de licences chez le prestataire de facturation diffère du nôtre{withPlans, select, yes { : {plans}} other {}}.',
  'notices.audit.billing_invoice_differs':
    'La facture de renouvellement du prestataire de paiement a prélevé {invoiced}, et non les {charged} enregistrés ici : aucun reçu n’a été envoyé, vérifiez la facture.',
  'notices.audit.billing_invoice_failed':
    'Le paiement d’une facture a échoué{withReason, select, yes { : {reason}} other {}}.',
  'notices.audit.billing_overdue_paid': 'Le {charge} en retard a été payé.',
  'notices.audit.billing_period_charged': 'Le {charge} a été effectué.',
  'notices.audit.billing_schedule_failed':
    'La mise à jour du calendrier de facturation a échoué{withReason, select, yes { : {reason}} other {}}.',
  'notices.audit.contract_connected':
    '{by} a connecté un contrat{viaKey, select, yes { avec sa clé de connexion} other {}}{released, plural, =0 {} one { ; # licence a quitté son ancienne organisation} other { ; # licences ont quitté leur ancienne organisation}}.',
  'notices.audit.contract_created':
    'Un contrat{withParts, select, yes { de {parts}} other {}} a été créé{withManager, select, yes {, géré par {manager}} other {}}.',
  'notices.audit.contract_disconnected': '{by} a déconnecté un contrat ; ses plans sont gelés.',
  'notices.audit.contract_key_issued':
    '{by} a émis une clé de connexion de contrat{withUntil, select, yes {, valable jusqu’au {until}} other {}}.',
  'notices.audit.contract_renewal_reminder':
    'Rappel de renouvellement envoyé à {recipients, plural, one {# personne} other {# personnes}}{withRenews, select, yes { : renouvellement le {renews}} other {}}{withNext, select, yes {, prochain prélèvement {next}} other {}}.',
  'notices.audit.contract_renewed':
    'Le contrat a été renouvelé{withUntil, select, yes { jusqu’au {until}} other {}}{payment, select, paid { : {invoice} payés} unpaid { : {invoice} pas encore payés{withReason, select, yes { ({reason})} other {}}} other {}}{ended, plural, =0 {} one { ; # licence a pris fin} other { ; # licences ont pris fin}}.',
  'notices.audit.contract_restored':
    'Le paiement en retard est arrivé : les licences payantes sont rétablies{withMembers, select, yes { pour {members, plural, one {# membre} other {# membres}}} other {}}.',
  'notices.audit.contract_suspended':
    'Les licences payantes ont été suspendues après l’échec de la dernière tentative de paiement{withReason, select, yes { : {reason}} other {}}{withMembers, select, yes { ; {members, plural, one {# membre revient à son propre plan} other {# membres reviennent à leur propre plan}}} other {}}.',
  'notices.audit.purchase_approved':
    '{approver} a approuvé {withRequester, select, yes {la demande de {who} ({seats})} other {une demande de {seats}}}.',
  'notices.audit.purchase_charged':
    '{seats} : ajout effectué{withPaid, select, yes {, {paid} prélevés} other {}}{late, select, yes { (le paiement en attente est passé)} other {}}.',
  'notices.audit.purchase_confirmed': '{by} a confirmé son achat de {seats}.',
  'notices.audit.purchase_expired': 'La demande de {seats} a expiré sans décision.',
  'notices.audit.purchase_late_period_billed':
    '{seats} achetées pendant le renouvellement ont aussi été facturées pour la nouvelle période{withAmount, select, yes { : {amount}} other {}}.',
  'notices.audit.purchase_payment_expired':
    'Le paiement en attente pour {seats} a été abandonné{withReason, select, yes { : {reason}} other {}} ; aucune licence n’a été ajoutée.',
  'notices.audit.purchase_payment_failed':
    'Le paiement de {seats} a échoué{withReason, select, yes { : {reason}} other {}} ; aucune licence n’a été ajoutée.',
  'notices.audit.purchase_cancelled': '{by} a annulé sa demande de {seats}.',
  'notices.audit.purchase_rejected':
    '{by} a refusé {withRequester, select, yes {la demande de {who} ({seats})} other {une demande de {seats}}}{withReason, select, yes { : « {reason} »} other {}}.',
  'notices.audit.purchase_requested':
    '{by} a demandé {seats}{withNow, select, yes {, {now} maintenant (au prorata)} other {}}{needs, select, approval {, approbation requise} confirmation {, confirmation requise} other {}}.',
  'notices.audit.organization_activated': 'L’organisation est active : son premier paiement est passé.',
  'notices.audit.organization_billing_details_changed': '{by} a mis à jour les informations de facturation.',
  'notices.audit.organization_cancellation_requested':
    '{by} a résilié l’organisation{withUntil, select, yes { ; l’accès reste ouvert jusqu’au {until}} other {}}.',
  'notices.audit.organization_cancellation_undone': '{by} a annulé la résiliation ; l’organisation continue.',
  'notices.audit.organization_closed':
    'L’organisation a fermé à la fin de sa période payée{withMembers, select, yes { ; {members, plural, one {# membre revient à son propre plan} other {# membres reviennent à leur propre plan}}} other {}}.',
  'notices.audit.organization_created':
    '{by} a créé l’organisation{withName, select, yes { {name}} other {}}{period, select, month {, facturée mensuellement} year {, facturée annuellement} other {}}.',
  'notices.audit.organization_deleted':
    '{by} a supprimé l’organisation{withMembers, select, yes { ; {members, plural, one {# membre revient à son propre plan} other {# membres reviennent à leur propre plan}}} other {}}.',
  'notices.audit.organization_edition_changed':
    '{by} a changé l’édition pour {edition}{withWas, select, yes { (auparavant {was})} other {}}.',
  'notices.audit.organization_link_code_issued':
    '{by} a créé un code pour lier un autre espace de travail ou tenant{withUntil, select, yes {, valable jusqu’au {until}} other {}}.',
  'notices.audit.organization_module_added': '{by} a ajouté le module {modules}.',
  'notices.audit.organization_module_removed': '{by} a retiré le module {modules}.',
  'notices.audit.offboarding_default':
    '{what, select, freeSeat {libérer la licence} stopAutoRenew {arrêter le renouvellement} other {marquer comme ancien membre}} : {on, select, yes {oui} other {non}}',
  'notices.audit.organization_offboarding_defaults':
    '{by} a défini ce que fait le départ d’un membre par défaut : {parts}.',
  'notices.audit.organization_owner': '{by} a transmis la propriété à {owner}.',
  'notices.audit.organization_payment_failed':
    'Le premier paiement de l’organisation a échoué{withReason, select, yes { : {reason}} other {}}.',
  'notices.audit.settings_auto_assign':
    'attribution automatique {on, select, yes {activée} other {désactivée}}',
  'notices.audit.settings_auto_approve':
    '{withBelow, select, yes {approbation automatique sous {below}} other {approbation automatique désactivée}}',
  'notices.audit.settings_idle_reclaim':
    'reprise des licences inutilisées {on, select, yes {activée} other {désactivée}}',
  'notices.audit.organization_settings': '{by} a modifié les réglages : {parts}.',
  'notices.audit.organization_workspace_linked':
    '{by} a lié {platform, select, slack {un espace de travail Slack} teams {un tenant Teams} other {un espace de travail}}.',
  'notices.audit.organization_workspace_unlinked':
    '{by} a délié {platform, select, slack {un espace de travail Slack} teams {un tenant Teams} other {un espace de travail}}.',
  'notices.audit.scim_token_issued': '{by} a connecté un fournisseur d’identité (jeton SCIM émis).',
  'notices.audit.scim_token_revoked':
    '{by} a désactivé SCIM ; le jeton du fournisseur d’identité ne fonctionne plus.',
  'notices.audit.scim_token_rotated': '{by} a remplacé le jeton SCIM ; l’ancien ne fonctionne plus.',
} as const;
