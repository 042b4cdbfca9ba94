import type { notices as en } from '../en/notices.ts';
import type { Translation } from '../translation.ts';

export const notices: Translation<typeof en> = {
  'notices.org.yours': 'je organisatie',
  'notices.seats.count': '{count, plural, one {# {plan}-licentie} other {# {plan}-licenties}}',
  'notices.invitation.declined': '{email} heeft je uitnodiging afgewezen.',
  'notices.invitation.text':
    '{invitedBy} nodigt je uit voor {org} als {role, select, admin {beheerder} other {lid}}{withPlan, select, yes {, met een {plan}-licentie} other {}}. De uitnodiging is geldig tot {until}.',
  'notices.invitation.accept': 'Accepteren',
  'notices.invitation.decline': 'Afwijzen',
  'notices.approval.text': '{requestedBy} vraagt {seats} aan in {org}.',
  'notices.approval.charged_now': 'Nu in rekening gebracht (naar rato)',
  'notices.approval.recurring': 'Nieuw terugkerend totaal',
  'notices.approval.recurring_value':
    '{amount} {period, select, year {per jaar} month {per maand} other {per factuurperiode}}',
  'notices.approval.valid_until': 'Offerte geldig tot',
  'notices.purchase.charged': 'Goedgekeurd en betaald: {seats} toegevoegd aan {org} ({amount}).',
  'notices.purchase.payment_failed':
    'De betaling voor {seats} in {org} is mislukt: {reason} Er zijn geen licenties toegevoegd.',
  'notices.purchase.withdrawn': '{decidedBy} heeft de aanvraag voor {seats} in {org} ingetrokken.',
  'notices.purchase.rejected':
    '{decidedBy} heeft {seats} in {org} afgewezen{withReason, select, yes {: {reason}} other {.}}',
  'notices.purchase.an_approver': 'Een goedkeurder',
  'notices.purchase.status':
    'Je aanvraag voor {seats} in {org} is {status, select, pending {in behandeling} approved {goedgekeurd} charged {betaald} expired {verlopen} other {{status}}}.',
  'notices.seat_assigned.joined':
    '{email} is lid geworden van {org} met {plan}.{noFreeSeat, select, yes { Er was geen vrije {wanted}-licentie meer: koop er een met `add 1 {code}`.} other {}}',
  'notices.seat_assigned.yours':
    'Je hebt nu een {plan}-licentie in {org}{withBy, select, yes { (van {by})} other {}}.',
  'notices.seat_removed.removed':
    'Je {plan}-licentie in {org} is ingetrokken{withBy, select, yes { door {by}} other {}}. Je zit nu op Free.',
  'notices.seat_removed.what_changes': 'Wat er verandert',
  'notices.seat_removed.not_renewed':
    'Je {plan}-licentie in {org} is met de periode afgelopen en niet verlengd. Je zit nu op Free.',
  'notices.seat_removed.contract_moved':
    'Je {plan}-licentie in je organisatie is ingetrokken. Je zit nu op Free.',
  'notices.offboarded.text':
    'Je bent uit {org} verwijderd. Je kunt daar niet meer inloggen; je gegevens blijven bewaard.',
  'notices.scim_offboarded.text':
    'Je identiteitsprovider heeft {count, plural, one {# persoon} other {# personen}} uit {org} verwijderd.',
  'notices.scim_offboarded.title': 'Verwijderd',
  'notices.scim_offboarded.leaver': '{email}: {outcome}',
  'notices.seat_outcome.text':
    '{plan}-licentie {state, select, frozen {behouden (contract bevroren)} freed {vrijgegeven} other {behouden}}{renewing, select, no {, wordt niet verlengd} other {}}',
  'notices.organization_deleted.text': '{org} is verwijderd. Je zit weer op je eigen {plan}-abonnement.',
  'notices.organization_cancelled.closed': '{org} is beëindigd. Je zit weer op je eigen {plan}-abonnement.',
  'notices.organization_cancelled.cancelled':
    '{org} is opgezegd. Je houdt toegang tot {day}, daarna ga je terug naar je eigen abonnement.',
  'notices.workspace_linked.text':
    '{by} heeft {platform, select, teams {de Teams-tenant} other {de Slack-workspace}} {workspace} gekoppeld aan {org}: de leden kunnen daar Seatkeeper gebruiken voor {org}. Was dat niet de bedoeling, typ daar dan `org unlink`.',
  'notices.workspace_unlinked.text':
    '{by} heeft {platform, select, teams {de Teams-tenant} other {de Slack-workspace}} {workspace} losgekoppeld van {org}.',
  'notices.ownership_transferred.text': '{to} is nu eigenaar van {org} (overgedragen door {from}).',
  'notices.seat_ending.text': 'Je {plan}-licentie in {org} loopt af op {day}.',
  'notices.idle_offer.text':
    'Je hebt je {plan}-licentie in {org} sinds {since} niet gebruikt. Houd je hem, of geef je hem terug zodat iemand anders hem kan gebruiken? Zonder antwoord vóór {until} wordt hij vrijgegeven en ga je naar Free.',
  'notices.idle_offer.keep': 'Licentie houden',
  'notices.idle_offer.give_back': 'Teruggeven',
  'notices.idle_offer.confirm_title': 'Je licentie teruggeven?',
  'notices.idle_offer.confirm_text':
    'Je gaat in {org} meteen naar Free; een beheerder kan je later weer een licentie geven.',
  'notices.idle_offer.confirm_deny': 'Houden',
  'notices.idle_reclaimed.text':
    'Je {plan}-licentie in {org} is vrijgegeven: hij werd niet gebruikt{withSince, select, yes { sinds {since}} other {}} en niemand reageerde binnen {days} dagen. Je zit nu op Free; vraag een beheerder als je weer een licentie nodig hebt.',
  'notices.organization_ready.text':
    '{org} is actief: je betaalmethode is vastgelegd. Nodig mensen uit met `invite <who>`.',
  'notices.billing_problem.text': 'De facturatie van {org} vraagt aandacht: {reason}',
  'notices.payment_received.text': 'Bedankt: de {what} voor {org} is betaald ({amount}).',
  'notices.seats_suspended.text':
    'Je licentie in {org} is opgeschort omdat een betaling achterstallig is: je zit op je eigen abonnement tot die betaald is. Verder verandert er niets.',
  'notices.seats_restored.text': 'De achterstallige betaling voor {org} is voldaan: je licentie werkt weer.',
  'notices.renewal.your_contract': 'Je contract',
  'notices.renewal.text': '{org} wordt verlengd op {day}: de volgende afschrijving is {amount}.',
  'notices.renewal.ending_line': '{seats}{withHolders, select, yes { (van {holders})} other {}}',
  'notices.renewal.idle_line':
    '{email}: {plan}, niet gebruikt sinds {since} ({days, plural, one {# dag} other {# dagen}})',
  'notices.renewal.more': '… en nog {count}',
  'notices.renewal.next_charge': 'Volgende afschrijving',
  'notices.renewal.seats_ending': 'Aflopende licenties',
  'notices.renewal.idle_seats': 'Ongebruikte licenties',
  'notices.renewal.ending_title': 'Aflopende licenties (automatisch verlengen uit)',
  'notices.renewal.idle_title': '28 dagen of langer ongebruikt',
} as const;
