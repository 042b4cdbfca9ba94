import type { commands_core as en } from '../en/commands_core.ts';
import type { Translation } from '../translation.ts';

export const commands_core: Translation<typeof en> = {
  'commands_core.grammar.group': 'Zeg wat je met {group} wilt doen: {commands}.',
  'commands_core.grammar.unknown': 'Onbekend commando "{word}". Typ `help` voor de lijst.',
  'commands_core.grammar.unknown_did_you_mean':
    'Onbekend commando "{word}". Bedoel je `{suggestion}`? Typ `help` voor de lijst.',
  'commands_core.grammar.unreadable': 'Dat commando kon ik niet lezen. Typ `help` voor de lijst.',
  'commands_core.args.on_off': 'Zeg on of off: `{usage}`.',
  'commands_core.args.who': 'Noem iemand met een vermelding of e-mailadres: `{usage}`.',
  'commands_core.args.plan': 'Noem een plan: `{usage}` (zie `plans`).',
  'commands_core.args.page': 'De pagina moet een getal vanaf 1 zijn: `{usage}`.',
  'commands_core.args.unexpected': 'Onverwacht "{word}": `{usage}`.',

  'commands_core.dispatch.unstorable':
    'Die tekst bevat een stuurteken (zoals NUL) of beschadigde tekst, die niet kan worden opgeslagen. Typ hem opnieuw zonder.',
  'commands_core.dispatch.stale':
    '{kind, select, form {Dat formulier} other {Die knop}} is niet meer geldig. Voer het commando opnieuw uit.',
  'commands_core.errors.upgrade_button': 'Upgraden naar Business',
  'commands_core.errors.form_next': 'Open het formulier opnieuw en verstuur het nog een keer.',

  'commands_core.context.no_email_named': 'Ik zie geen e-mailadres voor @{label}.',
  'commands_core.context.no_email': 'Ik zie geen e-mailadres voor die persoon.',
  'commands_core.context.no_email_next': 'Gebruik in plaats daarvan hun e-mailadres.',
  'commands_core.context.not_linked':
    '{platform, select, teams {Deze Teams-tenant} other {Deze workspace}} is niet gekoppeld aan een organisatie.',
  'commands_core.context.not_linked_next':
    'Een eigenaar of beheerder kan hem koppelen met `org link` vanuit een gekoppelde workspace, of hier een organisatie maken met `org create <name>`.',
  'commands_core.context.not_member':
    'Je bent geen lid van de organisatie waaraan {platform, select, teams {deze Teams-tenant} other {deze workspace}} is gekoppeld.',
  'commands_core.context.not_member_next': 'Vraag een van de eigenaren of beheerders om je uit te nodigen.',
  'commands_core.context.no_organization': 'Je zit nog niet in een organisatie.',
  'commands_core.context.no_organization_next':
    'Maak er een met `org create <name>`, of vraag een beheerder om je uit te nodigen.',

  'commands_core.plan.per_period':
    '{period, select, year {per jaar} month {per maand} other {per factuurperiode}}',
  'commands_core.paging.range': '{from}–{to} van {total}',
  'commands_core.paging.previous': '◀ Pagina {page}',
  'commands_core.paging.next': 'Pagina {page} van {pages} ▶',

  'commands_core.invitation.accepted':
    'Welkom bij {organization}! {outcome, select, seat {Je hebt een {plan}-licentie} no_free_seat {Er was geen licentie van het geplande plan vrij, dus je begint op Free; je beheerder is op de hoogte gebracht} other {Je zit op het Free-plan tot een beheerder je een licentie geeft}}. Je eigen plan staat stil zolang de organisatie betaalt.',
  'commands_core.invitation.declined': 'Je hebt de uitnodiging afgeslagen. Er verandert niets voor je.',
  'commands_core.purchase.seats': '{count, plural, one {# {plan}-licentie} other {# {plan}-licenties}}',
  'commands_core.purchase.expired':
    'De offerte voor {seats} is verlopen, dus er is niets afgeschreven. Vraag het opnieuw aan met `add {quantity} {code}`.',
  'commands_core.purchase.price_rose':
    'De prijs van {seats} is gestegen sinds de aanvraag, dus er is niets afgeschreven. De aanvrager is gevraagd het opnieuw aan te vragen.',
  'commands_core.purchase.already_decided':
    'Al beslist: {seats} {status, select, unconfirmed {nog niet bevestigd} withdrawn {geannuleerd} pending {wacht op een goedkeurder} approved {goedgekeurd, betaling loopt} charged {goedgekeurd en betaald} payment_failed {goedgekeurd, maar de betaling is mislukt} rejected {afgewezen} covered {gedekt door teruggegeven licenties} other {verlopen}} door {decider}. Er is niets veranderd.',
  'commands_core.purchase.payment_failed':
    'Goedgekeurd, maar de betaling is mislukt: {reason} Er zijn geen licenties toegevoegd; werk de betaalmethode bij en vraag het opnieuw aan.',
  'commands_core.purchase.approved':
    'Goedgekeurd: {seats} toegevoegd, {amount} afgeschreven. De aanvrager is op de hoogte gebracht.',
  'commands_core.purchase.cancelled': 'Geannuleerd: niets gekocht, niets afgeschreven.',
  'commands_core.purchase.rejected': 'Afgewezen: {seats}. De aanvrager is op de hoogte gebracht.',
  'commands_core.purchase.approved_for':
    'Goedgekeurd namens {approver}: {seats} toegevoegd, {amount} afgeschreven. De aanvrager is op de hoogte gebracht.',
  'commands_core.purchase.rejected_for':
    'Afgewezen namens {approver}: {seats}. De aanvrager is op de hoogte gebracht.',
  'commands_core.purchase_form.quantity': 'Het aantal licenties moet een heel getal van 1 tot {max} zijn.',
  'commands_core.purchase_form.quantity_field': 'Vul 1 tot {max} in.',
  'commands_core.purchase_form.plan': 'Kies een plan.',
  'commands_core.billing.saved': 'Factuurgegevens opgeslagen.',
  'commands_core.idle.gave_back':
    'Je hebt je {plan}-licentie in {organization} teruggegeven. Je zit daar nu op Free; vraag een beheerder als je weer een licentie nodig hebt.',
  'commands_core.idle.kept': 'Je houdt je {plan}-licentie in {organization}. Bedankt voor je antwoord.',
  'commands_core.offboard.done':
    '{count, plural, one {# persoon} other {# personen}} uit dienst gemeld. Hun gegevens blijven bewaard.',
  'commands_core.offboard.title': 'Uit dienst',
  'commands_core.offboard.signed_out': 'kan niet meer inloggen',
  'commands_core.offboard.signed_out_seat': 'kan niet meer inloggen; {outcome}',
  'commands_core.offboard.person': '{email}: {outcome}',
  'commands_core.offboard.group': '{count, plural, one {# persoon} other {# personen}}: {outcome}: {names}',
  'commands_core.offboard.group_more':
    '{count, plural, one {# persoon} other {# personen}}: {outcome}: {names} en nog {more, number}',
  'commands_core.org.cancelled':
    'Opgezegd. Iedereen houdt toegang tot {day}; met `cancel undo` draai je het tot dan terug.',
  'commands_core.org.deleted':
    '{organization} is verwijderd. {count, plural, one {# lid is} other {# leden zijn}} teruggegaan naar hun eigen plan.',
  'commands_core.unassign.done': '{email} zit nu op Free; de {plan}-licentie is vrij voor iemand anders.',
};
