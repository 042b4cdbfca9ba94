import type { commands_handlers as en } from '../en/commands_handlers.ts';
import type { Translation } from '../translation.ts';

export const commands_handlers: Translation<typeof en> = {
  'commands_handlers.summary.delegate':
    'Pendant votre absence, désignez qui décide des achats à votre place jusqu’à un jour ; `delegate off` y met fin.',
  'commands_handlers.summary.approvals':
    'Quand un achat sans réponse est rappelé aux approbateurs et transmis au propriétaire (propriétaires et admins).',
  'commands_handlers.summary.add':
    'Demander des licences : affiche le devis au prorata, puis l’envoie pour approbation.',
  'commands_handlers.summary.assign': 'Attribuer à un membre une licence libre d’un plan.',
  'commands_handlers.summary.audit':
    'Les dernières modifications : qui a fait quoi, et quand, dans votre fuseau horaire.',
  'commands_handlers.summary.audit_export':
    'Toutes les modifications et tous les montants facturés d’un jour à un autre (UTC, bornes comprises) dans un fichier CSV, pour les auditeurs (admins).',
  'commands_handlers.summary.autoassign':
    'Attribuer automatiquement une licence libre quand un membre utilise une fonction payante pour la première fois.',
  'commands_handlers.summary.billing': 'Voir et modifier les informations de facturation (propriétaire).',
  'commands_handlers.summary.cancel_undo':
    'Annuler la résiliation avant qu’elle prenne effet (propriétaire).',
  'commands_handlers.summary.cancel':
    'Résilier : l’accès reste ouvert jusqu’à la fin de la période payée (propriétaire).',
  'commands_handlers.summary.contract_connect':
    'Relier un contrat à cette organisation avec sa clé de connexion.',
  'commands_handlers.summary.contract_disconnect': 'Déconnecter le contrat relié (ses plans sont gelés).',
  'commands_handlers.summary.contract_key':
    'Gestionnaires de contrat : afficher la clé qui relie votre contrat à une organisation.',
  'commands_handlers.summary.edition': 'Changer d’édition : standard ou plus (propriétaire).',
  'commands_handlers.summary.help': 'Lister les commandes, ou en expliquer une.',
  'commands_handlers.summary.invite':
    'Inviter des personnes par mention ou e-mail ; elles reçoivent Accepter / Refuser.',
  'commands_handlers.summary.language':
    'Choisir la langue dans laquelle je vous écris ; les administrateurs fixent celle de l’organisation.',
  'commands_handlers.summary.members':
    'Qui fait partie de l’organisation, avec rôle et plan ; invitations en attente. `--former` : les anciens membres.',
  'commands_handlers.summary.module': 'Ajouter ou retirer un module complémentaire (propriétaire).',
  'commands_handlers.summary.offboard': 'Gérer les départs ; sans nom, ouvre le formulaire de départ.',
  'commands_handlers.summary.org_create':
    'Créer une organisation qui paie pour ses membres (plan Business requis).',
  'commands_handlers.summary.org_delete':
    'Supprimer l’organisation ; chacun retrouve son propre plan (propriétaire).',
  'commands_handlers.summary.org_link':
    'Relier un autre espace de travail Slack ou tenant Teams : `org link` ici donne un code à usage unique, `org link <code>` là-bas l’utilise (admins).',
  'commands_handlers.summary.org_unlink':
    'Délier cet espace de travail ou ce tenant de l’organisation (propriétaire ; pas le dernier).',
  'commands_handlers.summary.owner': 'Transférer la propriété à un autre membre (propriétaire).',
  'commands_handlers.summary.plans':
    'Les plans dont vous pouvez acheter des licences, avec prix et fonctions.',
  'commands_handlers.summary.renew':
    'Activer ou couper le renouvellement automatique d’une licence (coupé : utilisable jusqu’à la fin de la période, puis plus facturée).',
  'commands_handlers.summary.requests': 'Les demandes d’achat de licences et leur état.',
  'commands_handlers.summary.role':
    'Changer un rôle, ou désigner un administrateur comme approbateur (propriétaire).',
  'commands_handlers.summary.scim_defaults':
    'Ce que le départ géré par le fournisseur d’identité fait à la personne : libérer la licence, couper son renouvellement, marquer comme ancien (tout activé par défaut ; admins).',
  'commands_handlers.summary.scim_off':
    'Révoquer le jeton SCIM : le fournisseur d’identité ne peut plus créer ni retirer de comptes (admins).',
  'commands_handlers.summary.scim_token':
    'Connecter un fournisseur d’identité (Okta, Entra ID) : l’URL de base SCIM et un jeton d’accès, affiché une seule fois ; à nouveau : un nouveau jeton (admins).',
  'commands_handlers.summary.status':
    'Licences par plan : achetées, attribuées, libres, qui se terminent, date de renouvellement (membres : votre propre plan).',
  'commands_handlers.summary.unassign':
    'Repasser un membre sur Free ; indique d’abord ce qui cessera de fonctionner.',
  'commands_handlers.summary.upgrade':
    'Passer votre propre plan à Business (nécessaire pour créer une organisation).',

  'commands_handlers.help.title': 'Commandes Seatkeeper (tapez `help <command>` pour le détail) :',
  'commands_handlers.help.section': 'Commandes',
  'commands_handlers.help.line': '`{syntax}` — {summary}',
  'commands_handlers.help.unknown':
    'La commande « {topic} » n’existe pas.{near, select, none {} other { Vouliez-vous dire `{near}` ?}} Tapez `help` pour la liste.',
  'commands_handlers.help.example': 'Exemple',
  'commands_handlers.help.see_also': 'Voir aussi',

  'commands_handlers.status.plan_line':
    '{plan} : {purchased, plural, one {# achetée} other {# achetées}}, {assigned, plural, one {# attribuée} other {# attribuées}}, {free, plural, one {# libre} other {# libres}}, {ending, plural, one {# se termine} other {# se terminent}} — renouvellement le {day}{external, select, yes { (contrat relié)} other {}}{frozen, select, yes { — gelé (contrat déconnecté)} other {}}',
  'commands_handlers.status.cancelled': 'Résilié : accès jusqu’au {day}.',
  'commands_handlers.status.headline':
    '{organization} : {assigned, plural, one {# licence attribuée} other {# licences attribuées}} sur {purchased, number}, {free, plural, one {# libre} other {# libres}}.',
  'commands_handlers.status.section': 'Licences par plan',
  'commands_handlers.status.no_seats': 'Aucune licence pour l’instant. Achetez-en avec `add <n> <plan>`.',
  'commands_handlers.status.autoassign': 'Attribution automatique',
  'commands_handlers.status.on_off': '{on, select, yes {activée} other {désactivée}}',
  'commands_handlers.status.cancellation': 'Résiliation',
  'commands_handlers.status.undelivered': 'Messages non distribués',
  'commands_handlers.status.undelivered_value':
    '{count, plural, one {# message n’a pas pu être distribué} other {# messages n’ont pas pu être distribués}} ; vérifiez les accès de l’application de chat',
  'commands_handlers.status.member':
    'Vous êtes {role, select, admin {administrateur} other {membre}} de {organization} avec le plan {plan}. Besoin de licences ? Demandez-les avec `add <n> <plan>`.',
  'commands_handlers.status.your_organization': 'votre organisation',

  'commands_handlers.add.form_title': 'Acheter des licences',
  'commands_handlers.add.form_submit': 'Obtenir un devis',
  'commands_handlers.add.form_plan': 'Plan',
  'commands_handlers.add.form_quantity': 'Nombre de licences',
  'commands_handlers.add.charged_now': 'Facturé maintenant (au prorata)',
  'commands_handlers.add.recurring': 'Nouveau total récurrent',
  'commands_handlers.add.recurring_value':
    '{amount} {period, select, year {par an} month {par mois} other {par période de facturation}}',
  'commands_handlers.add.valid_until': 'Devis valable jusqu’au',
  'commands_handlers.add.open_until': 'Ouverte à l’approbation jusqu’au',
  'commands_handlers.add.what': '{count, plural, one {# licence {plan}} other {# licences {plan}}}',
  'commands_handlers.add.charged':
    'Approuvé selon la politique de votre organisation et payé : ajout de {what}.',
  'commands_handlers.add.payment_failed': 'Approuvé selon la politique, mais le paiement a échoué : {reason}',
  'commands_handlers.add.confirm': 'Acheter {what} ?',
  'commands_handlers.add.held': 'Avant que votre demande de {what} parte chez les approbateurs :',
  'commands_handlers.add.routed':
    'Votre demande de {what} a été envoyée à {approvers, plural, one {# approbateur} other {# approbateurs}}. La décision vous sera communiquée.',

  'commands_handlers.buttons.approve': '{what, select, none {Approuver} other {Approuver {what}}}',
  'commands_handlers.buttons.reject': '{what, select, none {Refuser} other {Refuser {what}}}',
  'commands_handlers.buttons.reject_title': 'Refuser cette demande ?',
  'commands_handlers.buttons.reject_text': 'Le demandeur sera prévenu.',
  'commands_handlers.buttons.reject_confirm': 'Refuser',
  'commands_handlers.buttons.reject_deny': 'La garder',
  'commands_handlers.buttons.confirm': '{what, select, none {Confirmer l’achat} other {Confirmer {what}}}',
  'commands_handlers.buttons.cancel': '{what, select, none {Annuler} other {Annuler {what}}}',

  'commands_handlers.offboard.form_title': 'Gérer des départs',
  'commands_handlers.offboard.form_submit': 'Valider les départs',
  'commands_handlers.offboard.leavers': 'Personnes qui partent',
  'commands_handlers.offboard.free_seat': 'Libérer leur licence pour quelqu’un d’autre',
  'commands_handlers.offboard.stop_auto_renew':
    'Couper le renouvellement automatique de leur licence (utilisable jusqu’à la fin de la période, puis plus facturée)',
  'commands_handlers.offboard.mark_former': 'Marquer comme anciens membres (masqués des listes)',
  'commands_handlers.offboard.named': 'Départ de {names} ? Vérifiez les options et validez.',
  'commands_handlers.offboard.pick':
    'Choisissez les personnes qui partent et ce que deviennent leurs licences.',
  'commands_handlers.plans.title':
    'Plans (prix par licence ; au-delà de {seats, number} licences d’un plan, remises sur volume) :',
  'commands_handlers.plans.section': 'Plans',
  'commands_handlers.plans.line': '{name} (`{code}`) : {monthly}/mois ou {yearly}/an — {features}',
  'commands_handlers.requests.none':
    'Aucune demande d’achat de licences pour l’instant. Demandez-en avec `add <n> <plan>`.',
  'commands_handlers.requests.pending':
    '{status}, {open, select, yes {ouverte jusqu’au} other {devis valable jusqu’au}} {when}',
  'commands_handlers.requests.decided': '{status}{by, select, none {} other { par {by}}}',
  'commands_handlers.requests.line':
    'Demande de {count, plural, one {# licence {plan}} other {# licences {plan}}} pour {amount} — par {mine, select, yes {vous} other {{requester}}} le {when}, {state}',
  'commands_handlers.requests.title':
    '{total, plural, one {# demande d’achat de licences} other {# demandes d’achat de licences}}{paged, select, yes {, page {page, number} sur {pages, number}} other {}} :',
  'commands_handlers.requests.section': '{paged, select, yes {Demandes {range}} other {Demandes}}',
  'commands_handlers.assign.done':
    '{member} a maintenant une licence {plan}{was, select, none {} other { (avant : {was})}}.',
  'commands_handlers.unassign.nothing':
    'Rien de ce que cette personne utilise aujourd’hui ne cesse de fonctionner.',
  'commands_handlers.unassign.question': 'Passer {member} de {from} à Free ?',
  'commands_handlers.unassign.section': 'Ce qui change',
  'commands_handlers.unassign.button': 'Passer à Free',
  'commands_handlers.unassign.confirm_title': 'Retirer le plan ?',
  'commands_handlers.unassign.confirm_deny': 'Annuler',
  'commands_handlers.renew.on': 'La licence {plan} de {member} se renouvelle le {day}.',
  'commands_handlers.renew.off':
    'La licence {plan} de {member} reste utilisable jusqu’au {day}, puis elle n’est ni renouvelée ni facturée.',
  'commands_handlers.cancel.question':
    'Résilier votre abonnement ? Tout le monde garde l’accès jusqu’à la fin de la période payée, puis les membres retrouvent leur propre plan. Vous pouvez annuler la résiliation d’ici là avec `cancel undo`.',
  'commands_handlers.cancel.button': 'Résilier l’abonnement',
  'commands_handlers.cancel.confirm_title': 'Résilier l’abonnement ?',
  'commands_handlers.cancel.confirm_text': 'L’accès reste ouvert jusqu’à la fin de la période payée.',
  'commands_handlers.cancel.confirm': 'Résilier',
  'commands_handlers.cancel.deny': 'Le garder',
  'commands_handlers.cancel_undo.done':
    'La résiliation est annulée : l’abonnement se renouvelle comme avant.',
  'commands_handlers.autoassign.on':
    'Attribution automatique activée : un membre qui utilise une fonction payante pour la première fois reçoit une licence libre du plan le moins cher qui l’inclut.',
  'commands_handlers.autoassign.off':
    'Attribution automatique désactivée : les licences s’attribuent avec `assign`.',
  'commands_handlers.owner.done':
    '{owner} est maintenant propriétaire de {organization}. Vous restez administrateur et approbateur.',
  'commands_handlers.upgrade.done':
    'Vous avez maintenant le plan Business ({amount} par mois, à votre charge). Créez votre organisation avec `org create <name>`.',
  'commands_handlers.edition.done': 'L’édition est maintenant {edition}.',
  'commands_handlers.module.done':
    '{op, select, add {Le module {module} est ajouté.} other {Le module {module} est retiré.}}',
  'commands_handlers.contract_disconnect.done':
    'Le contrat est déconnecté de {organization}. Ses licences restent telles quelles, mais les plans ne peuvent plus changer.',
  'commands_handlers.scim_off.done':
    'Le jeton SCIM de {organization} est révoqué : le fournisseur d’identité ne peut plus créer ni retirer de comptes. Les membres restent tels quels ; `scim token` le reconnecte.',
  'commands_handlers.org_delete.question':
    'Supprimer {organization} ? Chaque membre retrouve son propre plan et les licences prennent fin. Cette action est irréversible.',
  'commands_handlers.org_delete.form_title': 'Supprimer {organization}',
  'commands_handlers.org_delete.form_submit': 'Supprimer l’organisation',
  'commands_handlers.org_delete.confirm_name': 'Tapez {organization} pour confirmer',
  'commands_handlers.role.done':
    '{member} {role, select, approver {est maintenant approbateur} not_approver {n’est plus approbateur} admin {est maintenant administrateur} other {est maintenant membre}}.',
  'commands_handlers.contract_key.key': 'Clé de connexion : `{key}`',
  'commands_handlers.contract_key.valid_until': 'Valable jusqu’au',
  'commands_handlers.contract_key.next': 'Ensuite',
  'commands_handlers.contract_key.next_value':
    'Transmettez-la à l’administrateur de l’organisation, qui tape `contract connect <key>`. Elle ne sert qu’une fois.',
  'commands_handlers.add.seats_whole':
    'Le nombre de licences doit être un nombre entier de 1 à {max, number} : `{usage}`.',
  'commands_handlers.add.form_for': 'Pour (facultatif : à qui iront les licences)',
  'commands_handlers.add.for': 'Pour',
  'commands_handlers.add.for_nobody':
    'Nommez les personnes après `for`, par mention ou adresse e-mail : `{usage}`.',
  'commands_handlers.add.seats_range': 'Le nombre de licences doit être de 1 à {max, number}.',
  'commands_handlers.offboard.not_who': '« {typed} » n’est ni une mention ni une adresse e-mail : `{usage}`.',
};
