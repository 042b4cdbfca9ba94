import type { approvals as en } from '../en/approvals.ts';
import type { Translation } from '../translation.ts';

export const approvals: Translation<typeof en> = {
  'approvals.delegate.self': 'Je kunt niet je eigen vervanger zijn.',
  'approvals.delegate.self_next': 'Kies een ander lid: `delegate ana@example.com until 2026-12-24`.',
  'approvals.delegate.not_member': '{email} is geen actief lid van {org}.',
  'approvals.delegate.not_member_next':
    'Kies een actief lid, of nodig die persoon eerst uit met `invite {email}`.',
  'approvals.delegate.past': '{day} is al voorbij.',
  'approvals.delegate.past_next': 'Geef vandaag of een latere dag als laatste dag van je vervanger.',
  'approvals.delegate.too_far': 'Een vervanging duurt hoogstens {max} dagen; {day} ligt verder weg.',
  'approvals.delegate.too_far_next':
    'Geef een dag binnen {max} dagen; je kunt je vervanger later opnieuw kiezen.',
  'approvals.delegate.usage': 'Zeg wie en tot welke dag: {usage}',
  'approvals.delegate.named':
    '{delegate} beslist tot en met {day} namens jou over aankopen in {org}, en is op de hoogte gebracht. Eerder stoppen kan met `delegate off`.',
  'approvals.delegate.ended': '{delegate} beslist niet langer namens jou over aankopen.',
  'approvals.delegate.none':
    'Niemand beslist namens jou over aankopen: er was geen vervanging om te stoppen.',
  'approvals.timing.usage': 'Geef beide tijden in hele uren: {usage}',
  'approvals.timing.set':
    'Een aankoop waarop niemand antwoordt, herinnert de goedkeurders na {remind, plural, one {# uur} other {# uur}} en gaat na {escalate, plural, one {# uur} other {# uur}} ook naar de eigenaar{defaults, select, yes { (de standaardwaarden)} other {}}.',
  'approvals.timing.incoherent':
    'Een herinnering na {remind} uur en een escalatie na {escalate} uur passen niet: de herinnering komt eerst, vanaf 1 uur, en de escalatie uiterlijk na {max} uur, voordat de offerte verloopt.',
  'approvals.timing.incoherent_next': 'Bijvoorbeeld: `approvals remind 8 escalate {max}`.',
  'approvals.audit.delegated':
    '{by} heeft {delegate} tot en met {day} als vervanger voor aankopen aangewezen.',
  'approvals.audit.delegation_ended': '{by} heeft de vervanging door {delegate} beëindigd.',
  'approvals.audit.on_behalf': '{decider} namens {approver}',
  'approvals.audit.reminded':
    'De goedkeurders kregen een herinnering voor de aanvraag {withRequester, select, yes {van {who} } other {}}voor {seats}, na {hours, plural, one {# uur} other {# uur}} zonder antwoord.',
  'approvals.audit.escalated':
    'De aanvraag {withRequester, select, yes {van {who} } other {}}voor {seats} ging naar de eigenaar, na {hours, plural, one {# uur} other {# uur}} zonder antwoord.',
  'approvals.audit.repriced':
    'De aanvraag voor {seats} is bij goedkeuring opnieuw geprijsd, voor de dagen die toen over waren: {withWas, select, yes {{was} → } other {}}{now}.',
  'approvals.audit.expired_price_rose':
    'De aanvraag voor {seats} is bij goedkeuring verlopen: de prijs was gestegen sinds de aanvraag.',
  'approvals.audit.routed':
    '{by} stuurde de aanvraag voor {seats} naar de goedkeurders {why, select, asked_back {na het terugvragen van ongebruikte licenties} other {zonder op ongebruikte licenties te wachten}}.',
  'approvals.audit.shrunk':
    '{given, plural, one {Een licentie kwam} other {# licenties kwamen}} terug voor de aanvraag{withPlan, select, yes { van {plan}-licenties} other {}} ({how, select, leaver {houder vertrokken} given_back {teruggegeven} reclaimed {ongebruikt teruggenomen} other {vrijgemaakt}}): die vraagt nu om {left}.',
  'approvals.reuse.facts':
    '{count, plural, one {# {plan}-licentie wordt} other {# {plan}-licenties worden}} niet gebruikt (meer dan 28 dagen ongebruikt, of van iemand die vertrokken is): {names}{more, select, yes { en nog {others}} other {}}.',
  'approvals.reuse.facts_next':
    'Vraag ze terug voordat je koopt: elke teruggegeven licentie is er een minder om te kopen.',
  'approvals.reuse.buy_anyway': 'Toch kopen',
  'approvals.reuse.already_sent': 'Je aanvraag voor {what} ligt al bij de goedkeurders.',
  'approvals.reuse.sent_with_ask':
    'Ze is voor de rest naar {approvers, plural, =0 {de goedkeurders} one {# goedkeurder} other {# goedkeurders}} gegaan.',
  'approvals.reuse.ask': 'Vraag ze terug te geven',
  'approvals.reuse.asked':
    '{asked, plural, =0 {} one {# persoon is gevraagd de {plan}-licentie terug te geven.} other {# personen is gevraagd hun {plan}-licentie terug te geven.}}{freed, plural, =0 {} one { # licentie van iemand die vertrokken is, is nu vrij.} other { # licenties van mensen die vertrokken zijn, zijn nu vrij.}} {covered, select, seated {Je aanvraag is gedekt: er wordt niets gekocht.} yes {Je aanvraag is gedekt: er wordt niets gekocht. Geef de vrije licenties met `assign <who> {code}`.} other {Je aanvraag is nu voor {seats}; elke teruggegeven licentie maakt haar een kleiner.}}',
  'approvals.reuse.none': 'Niemand heeft nu een {plan}-licentie die terug kan.',
  'approvals.reuse.none_next': 'Je aanvraag blijft zoals ze is; een goedkeurder kan haar nog goedkeuren.',
  'approvals.reuse.not_pending': 'Over die aanvraag is al beslist.',
  'approvals.reuse.not_pending_next': 'Bekijk haar met `requests`.',
  'approvals.reuse.shrunk_notice':
    '{given, plural, one {Een {plan}-licentie is} other {# {plan}-licenties zijn}} in {org} teruggegeven voor je aanvraag: nu vrij, geef haar met `assign <who> {code}`. {covered, select, yes {Je aanvraag is gedekt: er wordt niets gekocht.} other {Je aanvraag is nu voor {seats}.}}',
  'approvals.for.too_many':
    'Je noemde {people} mensen voor {quantity, plural, one {# licentie} other {# licenties}}.',
  'approvals.for.too_many_next': 'Vraag {people} licenties aan, of noem minder mensen.',
  'approvals.for.not_admin': 'Alleen beheerders kunnen licenties voor anderen aanvragen.',
  'approvals.for.not_admin_next':
    'Vraag licenties aan zonder iemand te noemen, of vraag een beheerder het voor hen te doen.',
  'approvals.for.not_member': '{email} is geen actief lid van {org}.',
  'approvals.for.not_member_next': 'Nodig diegene eerst uit (`invite {email}`), of laat hem of haar weg.',
  'approvals.for.has_seat': '{email} heeft al een {plan}-licentie.',
  'approvals.for.has_seat_next': 'Laat {email} weg en vraag één licentie minder aan.',
  'approvals.for.names': '{names}{more, select, yes { en nog {others}} other {}}',
  'approvals.for.line': 'Voor {names}{more, select, yes { en nog {others}} other {}}.',
  'approvals.for.seated':
    '{count, plural, one {{names} heeft nu een {plan}-licentie.} other {{names} hebben nu een {plan}-licentie.}}',
  'approvals.reuse.shrunk_notice_seated':
    '{given, plural, one {Een {plan}-licentie is} other {# {plan}-licenties zijn}} in {org} teruggegeven voor je aanvraag en gegeven aan wie je noemde: {names}. {covered, select, yes {Je aanvraag is gedekt: er wordt niets gekocht.} other {Je aanvraag is nu voor {seats}.}}',
  'approvals.audit.settings_timing':
    'herinneringen voor goedkeuring na {remind} uur en doorsturen na {escalate} uur',
  'approvals.audit.settings_timing_default': 'herinneringen voor goedkeuring terug naar de standaardtijden',
};
