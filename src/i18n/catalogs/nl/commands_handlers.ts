import type { commands_handlers as en } from '../en/commands_handlers.ts';
import type { Translation } from '../translation.ts';

export const commands_handlers: Translation<typeof en> = {
  'commands_handlers.summary.delegate':
    'Kies tijdens je afwezigheid wie tot een bepaalde dag namens jou over aankopen beslist; `delegate off` stopt het.',
  'commands_handlers.summary.approvals':
    'Wanneer een aankoop zonder antwoord de goedkeurders herinnert en naar de eigenaar gaat (eigenaars en admins).',
  'commands_handlers.summary.add':
    'Meer licenties aanvragen: toont de offerte naar rato en stuurt die ter goedkeuring door.',
  'commands_handlers.summary.assign': 'Geef een lid een vrije licentie van een plan.',
  'commands_handlers.summary.audit': 'De laatste wijzigingen: wie deed wat, en wanneer, in jouw tijdzone.',
  'commands_handlers.summary.audit_export':
    'Elke wijziging en elk bedrag van de ene dag tot de andere (UTC, beide meegerekend) als CSV-bestand, voor auditors (beheerders).',
  'commands_handlers.summary.autoassign':
    'Geef automatisch een vrije licentie zodra een lid voor het eerst een betaalde functie gebruikt.',
  'commands_handlers.summary.billing': 'Factuurgegevens bekijken en bewerken (eigenaar).',
  'commands_handlers.summary.cancel_undo': 'Zeg de opzegging af voordat die ingaat (eigenaar).',
  'commands_handlers.summary.cancel':
    'Opzeggen: je houdt toegang tot het einde van de betaalde periode (eigenaar).',
  'commands_handlers.summary.contract_connect':
    'Koppel een contract aan deze organisatie met de koppelsleutel.',
  'commands_handlers.summary.contract_disconnect':
    'Ontkoppel het gekoppelde contract (de plannen ervan worden bevroren).',
  'commands_handlers.summary.contract_key':
    'Contractbeheerders: toon de sleutel die je contract aan een organisatie koppelt.',
  'commands_handlers.summary.edition': 'Wijzig de editie: standard of plus (eigenaar).',
  'commands_handlers.summary.help': 'Toon de commando’s, of leg er één uit.',
  'commands_handlers.summary.invite':
    'Nodig mensen uit via vermelding of e-mail; ze krijgen Accepteren / Weigeren.',
  'commands_handlers.summary.language':
    'Kies de taal waarin ik je schrijf; beheerders stellen de standaard van de organisatie in.',
  'commands_handlers.summary.members':
    'Wie er in de organisatie zit, met rol en plan; openstaande uitnodigingen. `--former`: de oud-leden.',
  'commands_handlers.summary.module': 'Een extra module toevoegen of verwijderen (eigenaar).',
  'commands_handlers.summary.offboard':
    'Vertrekkers uitschrijven; zonder namen opent het uitschrijfformulier.',
  'commands_handlers.summary.org_create':
    'Maak een organisatie die voor haar leden betaalt (vereist het Business-plan).',
  'commands_handlers.summary.org_delete':
    'Verwijder de organisatie; iedereen gaat terug naar het eigen plan (eigenaar).',
  'commands_handlers.summary.org_link':
    'Koppel nog een Slack-workspace of Teams-tenant: `org link` hier geeft een eenmalige code, `org link <code>` daar gebruikt die (beheerders).',
  'commands_handlers.summary.org_unlink':
    'Ontkoppel deze workspace of tenant van de organisatie (eigenaar; niet de laatste).',
  'commands_handlers.summary.owner': 'Draag het eigenaarschap over aan een ander lid (eigenaar).',
  'commands_handlers.summary.plans': 'De plannen waarvan je licenties kunt kopen, met prijzen en functies.',
  'commands_handlers.summary.renew':
    'Zet automatisch verlengen van een licentie aan of uit (uit: bruikbaar tot het einde van de periode, daarna niet meer gefactureerd).',
  'commands_handlers.summary.requests': 'Aanvragen voor licenties en hun status.',
  'commands_handlers.summary.role':
    'Wijzig een rol, of maak een beheerder goedkeurder voor facturen (eigenaar).',
  'commands_handlers.summary.scim_defaults':
    'Wat uitschrijven via de identiteitsprovider met een vertrekker doet: licentie vrijgeven, automatisch verlengen stoppen, als oud-lid markeren (alles aan tot je het wijzigt; beheerders).',
  'commands_handlers.summary.scim_off':
    'Trek het SCIM-token in: de identiteitsprovider kan dan geen accounts meer aanmaken of uitschrijven (beheerders).',
  'commands_handlers.summary.scim_token':
    'Koppel een identiteitsprovider (Okta, Entra ID): de SCIM-basis-URL en een bearer-token, één keer getoond; opnieuw: een nieuw token (beheerders).',
  'commands_handlers.summary.status':
    'Licenties per plan: gekocht, toegewezen, vrij, aflopend, verlengdatum (leden: je eigen plan).',
  'commands_handlers.summary.unassign': 'Zet een lid terug op gratis; toont eerst wat er niet meer werkt.',
  'commands_handlers.summary.upgrade':
    'Upgrade je eigen plan naar Business (nodig om een organisatie te maken).',

  'commands_handlers.help.title': 'Seatkeeper-commando’s (typ `help <command>` voor uitleg over één):',
  'commands_handlers.help.section': 'Commando’s',
  'commands_handlers.help.line': '`{syntax}` — {summary}',
  'commands_handlers.help.unknown':
    'Het commando "{topic}" bestaat niet.{near, select, none {} other { Bedoelde je `{near}`?}} Typ `help` voor de lijst.',
  'commands_handlers.help.example': 'Voorbeeld',
  'commands_handlers.help.see_also': 'Zie ook',

  'commands_handlers.status.plan_line':
    '{plan}: {purchased, number} gekocht, {assigned, number} toegewezen, {free, number} vrij, {ending, number} aflopend — verlengt op {day}{external, select, yes { (gekoppeld contract)} other {}}{frozen, select, yes { — bevroren (ontkoppeld)} other {}}',
  'commands_handlers.status.cancelled': 'Opgezegd: toegang tot {day}.',
  'commands_handlers.status.headline':
    '{organization}: {assigned, number} van {purchased, plural, one {# licentie} other {# licenties}} toegewezen, {free, number} vrij.',
  'commands_handlers.status.section': 'Licenties per plan',
  'commands_handlers.status.no_seats': 'Nog geen licenties. Koop ze met `add <n> <plan>`.',
  'commands_handlers.status.autoassign': 'Automatisch toewijzen',
  'commands_handlers.status.on_off': '{on, select, yes {aan} other {uit}}',
  'commands_handlers.status.cancellation': 'Opzegging',
  'commands_handlers.status.undelivered': 'Niet afgeleverde berichten',
  'commands_handlers.status.undelivered_value':
    '{count, plural, one {# bericht kon niet worden afgeleverd} other {# berichten konden niet worden afgeleverd}}; controleer de toegang van de chat-app',
  'commands_handlers.status.member':
    'Je bent {role, select, admin {beheerder} other {lid}} van {organization} met het {plan}-plan. Meer licenties nodig? Vraag ze aan met `add <n> <plan>`.',
  'commands_handlers.status.your_organization': 'je organisatie',

  'commands_handlers.add.form_title': 'Licenties kopen',
  'commands_handlers.add.form_submit': 'Offerte opvragen',
  'commands_handlers.add.form_plan': 'Plan',
  'commands_handlers.add.form_quantity': 'Aantal licenties',
  'commands_handlers.add.charged_now': 'Nu in rekening gebracht (naar rato)',
  'commands_handlers.add.recurring': 'Nieuw terugkerend totaal',
  'commands_handlers.add.recurring_value':
    '{amount} {period, select, year {per jaar} month {per maand} other {per factuurperiode}}',
  'commands_handlers.add.valid_until': 'Offerte geldig tot',
  'commands_handlers.add.open_until': 'Open voor goedkeuring tot',
  'commands_handlers.add.what': '{count, plural, one {# {plan}-licentie} other {# {plan}-licenties}}',
  'commands_handlers.add.charged':
    'Goedgekeurd volgens het beleid van je organisatie en betaald: {what} toegevoegd.',
  'commands_handlers.add.payment_failed':
    'Goedgekeurd volgens het beleid, maar de betaling is mislukt: {reason}',
  'commands_handlers.add.confirm': '{what} kopen?',
  'commands_handlers.add.held': 'Voordat je aanvraag voor {what} naar de goedkeurders gaat:',
  'commands_handlers.add.routed':
    'Je aanvraag voor {what} is naar {approvers, plural, one {# goedkeurder} other {# goedkeurders}} gestuurd. Je hoort het zodra er een besluit is.',

  'commands_handlers.buttons.approve': '{what, select, none {Goedkeuren} other {{what} goedkeuren}}',
  'commands_handlers.buttons.reject': '{what, select, none {Afwijzen} other {{what} afwijzen}}',
  'commands_handlers.buttons.reject_title': 'Deze aanvraag afwijzen?',
  'commands_handlers.buttons.reject_text': 'De aanvrager krijgt bericht.',
  'commands_handlers.buttons.reject_confirm': 'Afwijzen',
  'commands_handlers.buttons.reject_deny': 'Behouden',
  'commands_handlers.buttons.confirm': '{what, select, none {Aankoop bevestigen} other {{what} bevestigen}}',
  'commands_handlers.buttons.cancel': '{what, select, none {Annuleren} other {{what} annuleren}}',

  'commands_handlers.offboard.form_title': 'Vertrekkers uitschrijven',
  'commands_handlers.offboard.form_submit': 'Uitschrijven',
  'commands_handlers.offboard.leavers': 'Vertrekkers',
  'commands_handlers.offboard.free_seat': 'Hun licentie vrijgeven voor iemand anders',
  'commands_handlers.offboard.stop_auto_renew':
    'Automatisch verlengen van hun licentie stoppen (bruikbaar tot het einde van de periode, daarna niet gefactureerd)',
  'commands_handlers.offboard.mark_former': 'Markeren als oud-lid (verborgen in lijsten)',
  'commands_handlers.offboard.named': '{names} uitschrijven? Controleer de opties en verstuur.',
  'commands_handlers.offboard.pick': 'Kies de vertrekkers en wat er met hun licenties gebeurt.',
  'commands_handlers.plans.title':
    'Plannen (prijs per licentie; boven {seats, number} licenties van een plan krijg je staffelkorting):',
  'commands_handlers.plans.section': 'Plannen',
  'commands_handlers.plans.line': '{name} (`{code}`): {monthly}/maand of {yearly}/jaar — {features}',
  'commands_handlers.requests.none':
    'Nog geen aanvragen voor licenties. Vraag licenties aan met `add <n> <plan>`.',
  'commands_handlers.requests.pending':
    '{status}, {open, select, yes {open tot} other {offerte geldig tot}} {when}',
  'commands_handlers.requests.decided': '{status}{by, select, none {} other { door {by}}}',
  'commands_handlers.requests.line':
    '{count, plural, one {# {plan}-licentie} other {# {plan}-licenties}} voor {amount} — aangevraagd door {mine, select, yes {jou} other {{requester}}} op {when}, {state}',
  'commands_handlers.requests.title':
    '{total, plural, one {# aanvraag voor licenties} other {# aanvragen voor licenties}}{paged, select, yes {, pagina {page, number} van {pages, number}} other {}}:',
  'commands_handlers.requests.section': '{paged, select, yes {Aanvragen {range}} other {Aanvragen}}',
  'commands_handlers.assign.done':
    '{member} heeft nu een {plan}-licentie{was, select, none {} other { (was {was})}}.',
  'commands_handlers.unassign.nothing': 'Niets wat deze persoon nu gebruikt, stopt met werken.',
  'commands_handlers.unassign.question': '{member} van {from} naar Free zetten?',
  'commands_handlers.unassign.section': 'Wat er verandert',
  'commands_handlers.unassign.button': 'Naar Free zetten',
  'commands_handlers.unassign.confirm_title': 'Plan weghalen?',
  'commands_handlers.unassign.confirm_deny': 'Annuleren',
  'commands_handlers.renew.on': 'De {plan}-licentie van {member} wordt verlengd op {day}.',
  'commands_handlers.renew.off':
    'De {plan}-licentie van {member} blijft bruikbaar tot {day} en wordt daarna niet verlengd of gefactureerd.',
  'commands_handlers.cancel.question':
    'Je abonnement opzeggen? Iedereen houdt toegang tot het einde van de betaalde periode; daarna gaan leden terug naar hun eigen plan. Tot dan kun je het terugdraaien met `cancel undo`.',
  'commands_handlers.cancel.button': 'Abonnement opzeggen',
  'commands_handlers.cancel.confirm_title': 'Het abonnement opzeggen?',
  'commands_handlers.cancel.confirm_text': 'De toegang blijft tot het einde van de betaalde periode.',
  'commands_handlers.cancel.confirm': 'Opzeggen',
  'commands_handlers.cancel.deny': 'Behouden',
  'commands_handlers.cancel_undo.done':
    'De opzegging is teruggedraaid: het abonnement wordt verlengd zoals voorheen.',
  'commands_handlers.autoassign.on':
    'Automatisch toewijzen staat aan: een lid dat voor het eerst een betaalde functie gebruikt, krijgt een vrije licentie van het goedkoopste plan met die functie.',
  'commands_handlers.autoassign.off': 'Automatisch toewijzen staat uit: licenties wijs je toe met `assign`.',
  'commands_handlers.owner.done':
    '{owner} is nu eigenaar van {organization}. Jij blijft beheerder en goedkeurder.',
  'commands_handlers.upgrade.done':
    'Je hebt nu het Business-plan ({amount} per maand, voor jouw rekening). Maak je organisatie met `org create <name>`.',
  'commands_handlers.edition.done': 'De editie is nu {edition}.',
  'commands_handlers.module.done':
    '{op, select, add {De module {module} is toegevoegd.} other {De module {module} is verwijderd.}}',
  'commands_handlers.contract_disconnect.done':
    'Het contract is ontkoppeld van {organization}. De licenties blijven zoals ze zijn, maar de plannen kunnen niet meer wijzigen.',
  'commands_handlers.scim_off.done':
    'Het SCIM-token van {organization} is ingetrokken: de identiteitsprovider kan geen accounts meer aanmaken of uitschrijven. Leden blijven zoals ze zijn; `scim token` koppelt hem opnieuw.',
  'commands_handlers.org_delete.question':
    '{organization} verwijderen? Elk lid gaat terug naar het eigen plan en de licenties stoppen. Dit kun je niet ongedaan maken.',
  'commands_handlers.org_delete.form_title': '{organization} verwijderen',
  'commands_handlers.org_delete.form_submit': 'Organisatie verwijderen',
  'commands_handlers.org_delete.confirm_name': 'Typ {organization} om te bevestigen',
  'commands_handlers.role.done':
    '{member} {role, select, approver {is nu goedkeurder voor facturen} not_approver {is geen goedkeurder voor facturen meer} admin {is nu beheerder} other {is nu lid}}.',
  'commands_handlers.contract_key.key': 'Koppelsleutel: `{key}`',
  'commands_handlers.contract_key.valid_until': 'Geldig tot',
  'commands_handlers.contract_key.next': 'Volgende stap',
  'commands_handlers.contract_key.next_value':
    'Deel hem met de beheerder van de organisatie; die typt `contract connect <key>`. Hij werkt één keer.',
  'commands_handlers.add.seats_whole':
    'Het aantal licenties moet een geheel getal van 1 tot {max, number} zijn: `{usage}`.',
  'commands_handlers.add.form_for': 'Voor (optioneel: van wie de licenties worden)',
  'commands_handlers.add.for': 'Voor',
  'commands_handlers.add.for_nobody':
    'Noem de mensen na `for`, met een vermelding of e-mailadres: `{usage}`.',
  'commands_handlers.add.seats_range': 'Het aantal licenties moet van 1 tot {max, number} zijn.',
  'commands_handlers.offboard.not_who': '"{typed}" is geen vermelding of e-mailadres: `{usage}`.',
};
