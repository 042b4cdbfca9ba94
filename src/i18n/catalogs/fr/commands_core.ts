import type { commands_core as en } from '../en/commands_core.ts';
import type { Translation } from '../translation.ts';

export const commands_core: Translation<typeof en> = {
  'commands_core.grammar.group': 'Précisez quoi faire avec {group} : {commands}.',
  'commands_core.grammar.unknown': 'Commande inconnue « {word} ». Tapez `help` pour voir la liste.',
  'commands_core.grammar.unknown_did_you_mean':
    'Commande inconnue « {word} ». Vouliez-vous dire `{suggestion}` ? Tapez `help` pour voir la liste.',
  'commands_core.grammar.unreadable': 'Cette commande est illisible. Tapez `help` pour voir la liste.',
  'commands_core.args.on_off': 'Indiquez on ou off : `{usage}`.',
  'commands_core.args.who': 'Désignez une personne par mention ou par e-mail : `{usage}`.',
  'commands_core.args.plan': 'Indiquez un plan : `{usage}` (voir `plans`).',
  'commands_core.args.page': 'La page doit être un nombre à partir de 1 : `{usage}`.',
  'commands_core.args.unexpected': '« {word} » inattendu : `{usage}`.',

  'commands_core.dispatch.unstorable':
    'Ce texte contient un caractère de contrôle (comme NUL) ou du texte corrompu, impossible à enregistrer. Retapez-le sans.',
  'commands_core.dispatch.stale':
    '{kind, select, form {Ce formulaire n’est plus valide} other {Ce bouton n’est plus valide}}. Relancez la commande.',
  'commands_core.errors.upgrade_button': 'Passer à Business',
  'commands_core.errors.form_next': 'Rouvrez le formulaire et soumettez-le à nouveau.',

  'commands_core.context.no_email_named': 'Je ne trouve pas d’adresse e-mail pour @{label}.',
  'commands_core.context.no_email': 'Je ne trouve pas d’adresse e-mail pour cette personne.',
  'commands_core.context.no_email_next': 'Utilisez plutôt son adresse e-mail.',
  'commands_core.context.not_linked':
    '{platform, select, teams {Ce tenant Teams} other {Cet espace de travail}} n’est lié à aucune organisation.',
  'commands_core.context.not_linked_next':
    'Un propriétaire ou un administrateur peut le lier avec `org link` depuis un espace de travail lié, ou en créer une ici avec `org create <name>`.',
  'commands_core.context.not_member':
    'Vous n’êtes pas membre de l’organisation liée à {platform, select, teams {ce tenant Teams} other {cet espace de travail}}.',
  'commands_core.context.not_member_next':
    'Demandez à l’un de ses propriétaires ou administrateurs de vous inviter.',
  'commands_core.context.no_organization': 'Vous ne faites encore partie d’aucune organisation.',
  'commands_core.context.no_organization_next':
    'Créez-en une avec `org create <name>`, ou demandez à un administrateur de vous inviter.',

  'commands_core.plan.per_period':
    '{period, select, year {par an} month {par mois} other {par période de facturation}}',
  'commands_core.paging.range': '{from}–{to} sur {total}',
  'commands_core.paging.previous': '◀ Page {page}',
  'commands_core.paging.next': 'Page {page} sur {pages} ▶',

  'commands_core.invitation.accepted':
    'Bienvenue dans {organization} ! {outcome, select, seat {Vous avez une licence {plan}} no_free_seat {Aucune licence du plan prévu n’était libre : vous commencez sur Free et votre administrateur est prévenu} other {Vous êtes sur le plan Free jusqu’à ce qu’un administrateur vous attribue une licence}}. Votre plan personnel est suspendu tant que l’organisation paie.',
  'commands_core.invitation.declined': 'Vous avez décliné l’invitation. Rien ne change pour vous.',
  'commands_core.purchase.seats': '{count, plural, one {# licence {plan}} other {# licences {plan}}}',
  'commands_core.purchase.expired':
    'Le devis pour {seats} a expiré, rien n’a donc été facturé. Refaites la demande avec `add {quantity} {code}`.',
  'commands_core.purchase.price_rose':
    'Le prix de {seats} a augmenté depuis la demande, rien n’a donc été facturé. Le demandeur a été invité à refaire sa demande.',
  'commands_core.purchase.already_decided':
    'Demande déjà traitée : {seats}, {status, select, unconfirmed {pas encore confirmée} withdrawn {annulée} pending {en attente d’un approbateur} approved {approuvée, paiement en cours} charged {approuvée et payée} payment_failed {approuvée, mais le paiement a échoué} rejected {refusée} covered {couverte par des licences rendues} other {expirée}} par {decider}. Rien n’a changé.',
  'commands_core.purchase.payment_failed':
    'Approuvé, mais le paiement a échoué : {reason} Aucune licence n’a été ajoutée ; mettez à jour le moyen de paiement et refaites la demande.',
  'commands_core.purchase.approved':
    'Approuvé : ajout de {seats}, {amount} facturés. Le demandeur est prévenu.',
  'commands_core.purchase.cancelled': 'Annulé : rien acheté, rien facturé.',
  'commands_core.purchase.rejected': 'Refusé : {seats}. Le demandeur est prévenu.',
  'commands_core.purchase.approved_for':
    'Approuvé au nom de {approver} : ajout de {seats}, {amount} facturés. Le demandeur est prévenu.',
  'commands_core.purchase.rejected_for': 'Refusé au nom de {approver} : {seats}. Le demandeur est prévenu.',
  'commands_core.purchase_form.quantity': 'Le nombre de licences doit être un nombre entier de 1 à {max}.',
  'commands_core.purchase_form.quantity_field': 'Saisissez un nombre de 1 à {max}.',
  'commands_core.purchase_form.plan': 'Choisissez un plan.',
  'commands_core.billing.saved': 'Coordonnées de facturation enregistrées.',
  'commands_core.idle.gave_back':
    'Vous avez rendu votre licence {plan} dans {organization}. Vous y êtes désormais sur Free ; demandez à un administrateur si vous avez de nouveau besoin d’une licence.',
  'commands_core.idle.kept':
    'Vous gardez votre licence {plan} dans {organization}. Merci de nous avoir répondu.',
  'commands_core.offboard.done':
    '{count, plural, one {# personne désactivée} other {# personnes désactivées}}. Leurs données sont conservées.',
  'commands_core.offboard.title': 'Départs',
  'commands_core.offboard.signed_out': 'ne peut plus se connecter',
  'commands_core.offboard.signed_out_seat': 'ne peut plus se connecter ; {outcome}',
  'commands_core.offboard.person': '{email} : {outcome}',
  'commands_core.offboard.group':
    '{count, plural, one {# personne} other {# personnes}} – {outcome} : {names}',
  'commands_core.offboard.group_more':
    '{count, plural, one {# personne} other {# personnes}} – {outcome} : {names} et {more, number} autres',
  'commands_core.org.cancelled':
    'Résilié. Tout le monde garde l’accès jusqu’au {day} ; `cancel undo` annule la résiliation d’ici là.',
  'commands_core.org.deleted':
    '{organization} est supprimée. {count, plural, one {# membre est revenu à son plan personnel} other {# membres sont revenus à leur plan personnel}}.',
  'commands_core.unassign.done':
    '{email} est désormais sur Free ; sa licence {plan} est libre pour quelqu’un d’autre.',
};
