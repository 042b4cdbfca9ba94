import type { adapters as en } from '../en/adapters.ts';
import type { Translation } from '../translation.ts';

export const adapters: Translation<typeof en> = {
  'adapters.common.button_expired': 'Deze knop is niet meer geldig. Voer de opdracht opnieuw uit.',
  'adapters.common.form_expired': 'Dit formulier is niet meer geldig. Voer de opdracht opnieuw uit.',
  'adapters.common.field_required': '{label} is verplicht.',
  'adapters.common.people_placeholder': 'Typ een naam of e-mailadres',
  'adapters.slack.home.hint': 'Typ `/seats help` in een willekeurig kanaal voor alle opdrachten.',
  'adapters.slack.working.command': 'Bezig… Ik zet het resultaat hier neer.',
  'adapters.slack.working.form': 'Bezig… Dit bericht toont het resultaat zodra het klaar is.',
  'adapters.slack.form.too_slow':
    'Het openen van het formulier duurde te lang. Voer de opdracht opnieuw uit.',
  'adapters.slack.form.could_not_open':
    'Ik kon het formulier niet op tijd openen. Voer de opdracht opnieuw uit.',
  'adapters.slack.decision.by': '{button} — door {email}: {result}',
  'adapters.slack.decision.by_only': '{button} — door {email}',
  'adapters.slack.modal.cancel': 'Annuleren',
  'adapters.slack.modal.yes': 'Ja',
  'adapters.slack.modal.nothing_to_pick': '{label}: niets om te kiezen.',
  'adapters.slack.modal.summary': 'Overzicht voor je verstuurt',
  'adapters.slack.modal.value_yes': 'ja',
  'adapters.slack.modal.value_no': 'nee',
  'adapters.slack.modal.many_people': '{count} personen: {names} en nog {more}',
  'adapters.teams.working': 'Bezig… Het resultaat volgt in deze chat.',
  'adapters.teams.private.only_for': 'Alleen {name} kan dit antwoord zien.',
  'adapters.teams.private.someone': 'degene die het vroeg',
  'adapters.teams.card.refresh': 'Vernieuwen',
  'adapters.teams.card.decided_by': 'Besloten door {by}',
  'adapters.teams.card.nothing_to_decide': 'Er is op deze kaart niets voor jou te beslissen.',
  'adapters.teams.card.cancelled': 'Geannuleerd: er is niets veranderd.',
  'adapters.teams.installed.hello':
    'Hoi, ik ben Seatkeeper. Ik beheer hier je betaalde licenties: typ `help` om te zien wat ik kan, of `status` om te beginnen.',
  'adapters.teams.refused.not_a_teams_user':
    'Ik kan alleen Microsoft Teams-gebruikers van een tenant antwoorden. Stuur me een bericht vanuit Teams.',
  'adapters.shell.now_typing': '(je typt nu als {email})',
  'adapters.shell.inbox.empty': '(geen berichten die op antwoord wachten, en geen nieuwe)',
  'adapters.shell.inbox.waiting': '(wacht nog op je antwoord)',
  'adapters.shell.inbox.letter': '✉ bericht voor {email}:',
  'adapters.shell.buttons.open': 'Je open knoppen zijn {numbers}',
  'adapters.shell.buttons.none': '{email} heeft geen open knoppen',
  'adapters.shell.buttons.missing':
    'Er is nu geen knop {n} (die is beantwoord, vervangen of nooit aan {email} getoond). {now}; `inbox` toont je berichten die nog op antwoord wachten.',
  'adapters.shell.confirm.cancelled': 'Geannuleerd',
  'adapters.shell.confirm.nothing_changed': '{deny}: er is niets veranderd.',
  'adapters.shell.field.answer_yes_no': 'Antwoord y of n.',
  'adapters.shell.field.pick_at_least_one': 'Kies er minstens één.',
  'adapters.shell.field.pick_shown': 'Kies een van de getoonde nummers.',
  'adapters.shell.field.whole_number': 'Vul een geheel getal in.',
  'adapters.shell.field.optional': '(optioneel)',
  'adapters.shell.field.many_how':
    '{kind, select, people {nummers of e-mailadressen} other {nummers of waarden}}, gescheiden door komma’s',
  'adapters.shell.field.one_how': 'een nummer of een waarde',
  'adapters.shell.button.asks_first': '(vraagt eerst)',
  'adapters.slack.busy': 'Seatkeeper heeft het nu erg druk. Druk zo meteen nog eens op de knop.',
};
