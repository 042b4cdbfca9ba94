import type { adapters as en } from '../en/adapters.ts';
import type { Translation } from '../translation.ts';

export const adapters: Translation<typeof en> = {
  'adapters.common.button_expired': 'Ce bouton n’est plus valide. Relancez la commande.',
  'adapters.common.form_expired': 'Ce formulaire n’est plus valide. Relancez la commande.',
  'adapters.common.field_required': '{label} est obligatoire.',
  'adapters.common.people_placeholder': 'Saisissez un nom ou un e-mail',
  'adapters.slack.home.hint': 'Tapez `/seats help` dans n’importe quel canal pour voir toutes les commandes.',
  'adapters.slack.working.command': 'C’est en cours… Je publierai le résultat ici.',
  'adapters.slack.working.form': 'C’est en cours… Ce message affichera le résultat une fois terminé.',
  'adapters.slack.form.too_slow': 'L’ouverture du formulaire a pris trop de temps. Relancez la commande.',
  'adapters.slack.form.could_not_open': 'Je n’ai pas pu ouvrir le formulaire à temps. Relancez la commande.',
  'adapters.slack.decision.by': '{button} — par {email} : {result}',
  'adapters.slack.modal.cancel': 'Annuler',
  'adapters.slack.modal.yes': 'Oui',
  'adapters.slack.modal.nothing_to_pick': '{label} : aucun choix possible.',
  'adapters.slack.modal.summary': 'Récapitulatif avant envoi',
  'adapters.slack.modal.value_yes': 'oui',
  'adapters.slack.modal.value_no': 'non',
  'adapters.slack.modal.many_people': '{count} personnes : {names} et {more} autres',
  'adapters.teams.working': 'C’est en cours… Le résultat suivra dans cette conversation.',
  'adapters.teams.private.only_for': 'Seul(e) {name} peut voir cette réponse.',
  'adapters.teams.private.someone': 'la personne qui a demandé',
  'adapters.teams.card.refresh': 'Actualiser',
  'adapters.teams.card.decided_by': 'Décidé par {by}',
  'adapters.teams.card.nothing_to_decide': 'Vous n’avez rien à décider sur cette carte.',
  'adapters.teams.card.cancelled': 'Annulé : rien n’a changé.',
  'adapters.teams.installed.hello':
    'Bonjour, je suis Seatkeeper. Je gère vos licences payantes ici : tapez `help` pour voir ce que je sais faire, ou `status` pour commencer.',
  'adapters.teams.refused.not_a_teams_user':
    'Je ne réponds qu’aux utilisateurs Microsoft Teams d’un tenant. Écrivez-moi depuis Teams.',
  'adapters.shell.now_typing': '(vous tapez maintenant en tant que {email})',
  'adapters.shell.inbox.empty': '(aucun message en attente de réponse, et aucun nouveau)',
  'adapters.shell.inbox.waiting': '(toujours en attente de votre réponse)',
  'adapters.shell.inbox.letter': '✉ message pour {email} :',
  'adapters.shell.buttons.open': 'Vos boutons ouverts sont {numbers}',
  'adapters.shell.buttons.none': '{email} n’a aucun bouton ouvert',
  'adapters.shell.buttons.missing':
    'Il n’y a plus de bouton {n} (il a reçu une réponse, a été remplacé ou n’a jamais été montré à {email}). {now} ; `inbox` affiche vos messages encore en attente de réponse.',
  'adapters.shell.confirm.cancelled': 'Annulé',
  'adapters.shell.confirm.nothing_changed': '{deny} : rien n’a changé.',
  'adapters.shell.field.answer_yes_no': 'Répondez y ou n.',
  'adapters.shell.field.pick_at_least_one': 'Choisissez-en au moins un.',
  'adapters.shell.field.pick_shown': 'Choisissez l’un des numéros affichés.',
  'adapters.shell.field.whole_number': 'Saisissez un nombre entier.',
  'adapters.shell.field.optional': '(facultatif)',
  'adapters.shell.field.many_how':
    '{kind, select, people {numéros ou e-mails} other {numéros ou valeurs}}, séparés par des virgules',
  'adapters.shell.field.one_how': 'un numéro ou une valeur',
  'adapters.shell.button.asks_first': '(demande confirmation)',
  'adapters.slack.busy':
    'Seatkeeper est très occupé en ce moment. Appuyez de nouveau sur le bouton dans un instant.',
};
