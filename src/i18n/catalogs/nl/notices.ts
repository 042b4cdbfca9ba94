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
  'notices.approval.open_until': 'Open tot',
  'notices.purchase.charged': 'Goedgekeurd en betaald: {seats} toegevoegd aan {org} ({amount}).',
  'notices.purchase.payment_failed':
    'De betaling voor {seats} in {org} is mislukt: {reason} Er zijn geen licenties toegevoegd.',
  'notices.purchase.withdrawn': '{decidedBy} heeft de aanvraag voor {seats} in {org} ingetrokken.',
  'notices.purchase.rejected':
    '{decidedBy} heeft {seats} in {org} afgewezen{withReason, select, yes {: {reason}} other {.}}',
  'notices.purchase.an_approver': 'Een goedkeurder',
  'notices.purchase.charged_for':
    'Goedgekeurd door {decidedBy} namens {onBehalfOf} en betaald: {seats} toegevoegd aan {org} ({amount}).',
  'notices.purchase.rejected_for':
    '{decidedBy} heeft {seats} in {org} namens {onBehalfOf} afgewezen{withReason, select, yes {: {reason}} other {.}}',
  'notices.purchase.expired':
    'Je aanvraag voor {seats} in {org} is verlopen voordat een goedkeurder antwoordde, dus er is niets afgeschreven. Vraag opnieuw aan met `add {quantity} {code}`.',
  'notices.purchase.price_rose':
    'De prijs van {seats} in {org} is gestegen sinds je aanvraag, dus er is niets afgeschreven. Vraag opnieuw aan met `add {quantity} {code}` voor de nieuwe offerte.',
  'notices.approval.for_approver': 'Je beslist dit voor {approver} zolang die afwezig is.',
  'notices.approval_reminder.text':
    'Herinnering: {requestedBy} vroeg {hours, plural, one {# uur} other {# uur}} geleden {seats} aan in {org} en nog niemand heeft geantwoord.',
  'notices.approval_escalation.text':
    'Niemand heeft in {hours, plural, one {# uur} other {# uur}} geantwoord op de aanvraag van {requestedBy} voor {seats} in {org}: de eigenaar is nu ook op de hoogte gebracht. Zonder antwoord verloopt ze op het tijdstip hieronder.',
  'notices.approval_updated.changed': 'Nu {seats}: {given, plural, one {# is} other {# zijn}} teruggegeven.',
  'notices.approval_updated.covered':
    'De aanvraag van {requestedBy} voor {seats} in {org} is gedekt door teruggegeven licenties: er wordt niets gekocht en er valt niets meer te beslissen.',
  'notices.delegate_named.text':
    '{approver} heeft je aangewezen om tot en met {day} namens hen te beslissen over licentieaankopen in {org}. Aanvragen die goedkeuring nodig hebben komen ook bij jou; wat je beslist vermeldt “namens {approver}”.',
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
  'notices.organization_deleted.text': '{org} is verwijderd. Je zit weer op je eigen {plan}-plan.',
  'notices.organization_cancelled.closed': '{org} is beëindigd. Je zit weer op je eigen {plan}-plan.',
  'notices.organization_cancelled.cancelled':
    '{org} is opgezegd. Je houdt toegang tot {day}, daarna ga je terug naar je eigen plan.',
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
    'Je licentie in {org} is opgeschort omdat een betaling achterstallig is: je zit op je eigen plan tot die betaald is. Verder verandert er niets.',
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
  'notices.audit.by_scim': 'De identiteitsprovider',
  'notices.audit.by_us': 'Seatkeeper',
  'notices.audit.someone': 'iemand',
  'notices.audit.someone_first': 'Iemand',
  'notices.audit.seats': 'licenties',
  'notices.audit.seats_first': 'Licenties',
  'notices.audit.auto_approve': 'De regel voor automatisch goedkeuren',
  'notices.audit.a_seat': '{article, select, other {een}} {plan}-licentie',
  'notices.audit.role_words':
    '{role, select, owner {eigenaar} admin {beheerder} member {lid} other {{article, select, other {{role}}}}}{approver, select, yes { en goedkeurder} other {}}',
  'notices.audit.generic':
    '{by} heeft iets gewijzigd: {what}{withSubject, select, yes {, over {subject}} other {}}.',
  'notices.audit.account_created': '{who} heeft een Seatkeeper-account gekregen.',
  'notices.audit.account_own_plan': 'eigen plan nu {plan}{withWas, select, yes { (was {was})} other {}}',
  'notices.audit.account_new_field':
    '{field, select, name {nieuwe naam} personalPlan {nieuw eigen plan} paymentMethod {nieuwe betaalmethode} other {nieuw: {field}}}',
  'notices.audit.account_updated':
    'Het account van {who} is bijgewerkt{withParts, select, yes {: {parts}} other {}}.',
  'notices.audit.identity_verified': '{who} is bevestigd als {platform}-gebruiker.',
  'notices.audit.invitation_created':
    '{by} heeft {email} uitgenodigd als {role, select, admin {beheerder} member {lid} owner {eigenaar} other {{role}}}{withSeat, select, yes {, met {seat}} other {}}{withUntil, select, yes {, geldig tot {until}} other {}}.',
  'notices.audit.invitation_accepted':
    '{by} heeft de uitnodiging geaccepteerd en doet mee als {role, select, admin {beheerder} member {lid} owner {eigenaar} other {{role}}}{withSeat, select, yes {, met {seat}} other {}}.',
  'notices.audit.invitation_declined': '{actor} heeft de uitnodiging afgewezen.',
  'notices.audit.invitation_declined_unknown': 'Een uitnodiging is afgewezen.',
  'notices.audit.invitation_expired': 'De uitnodiging aan {email} is onbeantwoord verlopen.',
  'notices.audit.invitation_expired_unknown': 'Een uitnodiging is onbeantwoord verlopen.',
  'notices.audit.invitation_revoked': '{by} heeft de uitnodiging aan {email} ingetrokken.',
  'notices.audit.member_deprovisioned':
    '{by} heeft {who} gedeprovisioneerd; {who} is uit de organisatie verwijderd.',
  'notices.audit.member_offboarded_seat_freed': '{plan}-licentie vrijgegeven',
  'notices.audit.member_offboarded_former': 'gemarkeerd als oud-lid',
  'notices.audit.member_offboarded':
    '{by} heeft {who} uit de organisatie verwijderd{withDetails, select, yes { ({details})} other {}}.',
  'notices.audit.member_provisioned':
    '{by} heeft {who} toegevoegd als {role, select, admin {beheerder} member {lid} owner {eigenaar} other {{role}}}{withSeat, select, yes {, met {seat}} other {}}.',
  'notices.audit.member_reactivated':
    '{by} heeft {who} teruggehaald{withSeat, select, yes {, met {seat}} other {}}.',
  'notices.audit.member_role':
    '{by} heeft {who} {now} gemaakt{withWas, select, yes { (was {was})} other {}}.',
  'notices.audit.member_scim_attributes':
    '{by} heeft het profiel van {who} bijgewerkt{withName, select, yes {; weergavenaam {name}} other {}}.',
  'notices.audit.personal_plan_paused':
    'Het eigen {plan}-plan van {who} is gepauzeerd zolang de organisatie betaalt.',
  'notices.audit.personal_plan_restored': 'Het eigen {plan}-plan van {who} is terug.',
  'notices.audit.personal_plan_upgraded':
    '{who} heeft het eigen plan geüpgraded naar {plan}{withWas, select, yes { (was {was})} other {}}.',
  'notices.audit.seat_assigned':
    '{by} heeft {who} {seat} gegeven{withWas, select, yes { (was {was})} other {}}.',
  'notices.audit.seat_auto_assigned':
    '{who} heeft automatisch {seat} gekregen{withFeature, select, yes { bij het eerste gebruik van {feature}} other {}}.',
  'notices.audit.seat_auto_renew':
    '{by} heeft automatisch verlengen van de licentie van {who} {renew, select, yes {aangezet} other {uitgezet}}.',
  'notices.audit.seat_given_back':
    '{who} heeft de {withPlan, select, yes {{plan}-licentie} other {licentie}} teruggegeven.',
  'notices.audit.seat_idle_kept':
    '{who} heeft de ongebruikte {withPlan, select, yes {{plan}-licentie} other {licentie}} gehouden.',
  'notices.audit.seat_idle_offer_void':
    'Het voorstel om de ongebruikte licentie van {who} terug te nemen is ingetrokken{withReason, select, yes { ({reason})} other {}}.',
  'notices.audit.seat_idle_offered':
    '{who} is gevraagd of de ongebruikte {withPlan, select, yes {{plan}-licentie} other {licentie}} nog nodig is{withUntil, select, yes {, tot {until}} other {}}.',
  'notices.audit.seat_idle_reclaimed':
    'De ongebruikte {withPlan, select, yes {{plan}-licentie} other {licentie}} van {who} is teruggenomen.',
  'notices.audit.seat_not_renewed':
    'De {withPlan, select, yes {{plan}-licentie} other {licentie}} van {who} is bij de verlenging afgelopen (verlengen stond uit).',
  'notices.audit.seat_released':
    'De {withPlan, select, yes {{plan}-licentie} other {licentie}} van {who} is vrijgegeven: het contract is naar een andere organisatie gegaan.',
  'notices.audit.seat_unassigned': '{by} heeft {who} van {plan} naar {free} gezet.',
  'notices.audit.charge':
    '{kind, select, renewal {verlengingsafschrijving} late_purchase {afschrijving voor de nieuwe periode van licenties gekocht rond de verlenging} none {afschrijving} other {afschrijving ({kindWords})}}{withAmount, select, yes { van {amount}} other {}}',
  'notices.audit.billing_charge_declined':
    'De {charge} is geweigerd{withReason, select, yes {: {reason}} other {}}; {withNext, select, yes {volgende poging {next}} other {geen pogingen meer}}.',
  'notices.audit.billing_drift_plan': '{plan}: {ours} hier, {billed} gefactureerd',
  'notices.audit.billing_drift':
    'Het aantal licenties bij de betaalprovider wijkt af van het onze{withPlans, select, yes {: {plans}} other {}}.',
  'notices.audit.billing_invoice_differs':
    'De verlengingsfactuur van de betaalprovider nam {invoiced}, niet de {charged} die wij vastlegden: er is geen ontvangstbewijs verstuurd, controleer de factuur.',
  'notices.audit.billing_invoice_failed':
    'Een factuurbetaling is mislukt{withReason, select, yes {: {reason}} other {}}.',
  'notices.audit.billing_overdue_paid': 'De achterstallige {charge} is betaald.',
  'notices.audit.billing_period_charged': 'De {charge} is gelukt.',
  'notices.audit.billing_schedule_failed':
    'Het bijwerken van het factuurschema is mislukt{withReason, select, yes {: {reason}} other {}}.',
  'notices.audit.contract_connected':
    '{by} heeft een contract gekoppeld{viaKey, select, yes { met de koppelsleutel} other {}}{released, plural, =0 {} one {; # licentie is uit de vorige organisatie vertrokken} other {; # licenties zijn uit de vorige organisatie vertrokken}}.',
  'notices.audit.contract_created':
    'Er is een contract aangemaakt{withParts, select, yes { voor {parts}} other {}}{withManager, select, yes {, beheerd door {manager}} other {}}.',
  'notices.audit.contract_disconnected':
    '{by} heeft een contract losgekoppeld; de plannen ervan zijn bevroren.',
  'notices.audit.contract_key_issued':
    '{by} heeft een koppelsleutel voor een contract gemaakt{withUntil, select, yes {, geldig tot {until}} other {}}.',
  'notices.audit.contract_renewal_reminder':
    'Verlengingsherinnering gestuurd naar {recipients, plural, one {# persoon} other {# personen}}{withRenews, select, yes {: verlengt op {renews}} other {}}{withNext, select, yes {, volgende afschrijving {next}} other {}}.',
  'notices.audit.contract_renewed':
    'Het contract is verlengd{withUntil, select, yes { tot {until}} other {}}{payment, select, paid {: {invoice} betaald} unpaid {: {invoice} nog niet betaald{withReason, select, yes { ({reason})} other {}}} other {}}{ended, plural, =0 {} one {; # licentie afgelopen} other {; # licenties afgelopen}}.',
  'notices.audit.contract_restored':
    'De achterstallige betaling is binnen: betaalde licenties werken weer{withMembers, select, yes { voor {members, plural, one {# lid} other {# leden}}} other {}}.',
  'notices.audit.contract_suspended':
    'Betaalde licenties zijn opgeschort nadat de laatste betaalpoging mislukte{withReason, select, yes {: {reason}} other {}}{withMembers, select, yes {; {members, plural, one {# lid zit} other {# leden zitten}} weer op het eigen plan} other {}}.',
  'notices.audit.purchase_approved':
    '{approver} heeft {withRequester, select, yes {de aanvraag van {who} voor } other {een aanvraag voor }}{seats} goedgekeurd.',
  'notices.audit.purchase_charged':
    '{seats} toegevoegd{withPaid, select, yes {, {paid} afgeschreven} other {}}{late, select, yes { (de vastgehouden betaling is gelukt)} other {}}.',
  'notices.audit.purchase_confirmed': '{by} heeft de aankoop van {seats} bevestigd.',
  'notices.audit.purchase_expired': 'De aanvraag voor {seats} is verlopen zonder besluit.',
  'notices.audit.purchase_late_period_billed':
    '{seats} gekocht rond de verlenging zijn ook voor de nieuwe periode gefactureerd{withAmount, select, yes {: {amount}} other {}}.',
  'notices.audit.purchase_payment_expired':
    'De vastgehouden betaling voor {seats} is opgegeven{withReason, select, yes {: {reason}} other {}}; er zijn geen licenties toegevoegd.',
  'notices.audit.purchase_payment_failed':
    'De betaling voor {seats} is mislukt{withReason, select, yes {: {reason}} other {}}; er zijn geen licenties toegevoegd.',
  'notices.audit.purchase_cancelled': '{by} heeft de eigen aanvraag voor {seats} geannuleerd.',
  'notices.audit.purchase_rejected':
    '{by} heeft {withRequester, select, yes {de aanvraag van {who} voor } other {een aanvraag voor }}{seats} afgewezen{withReason, select, yes {: ‘{reason}’} other {}}.',
  'notices.audit.purchase_requested':
    '{by} heeft {seats} aangevraagd{withNow, select, yes {, nu {now} (naar rato)} other {}}{needs, select, approval {, goedkeuring nodig} confirmation {, bevestiging nodig} other {}}.',
  'notices.audit.organization_activated': 'De organisatie is actief: de eerste betaling is gelukt.',
  'notices.audit.organization_billing_details_changed': '{by} heeft de factuurgegevens bijgewerkt.',
  'notices.audit.organization_cancellation_requested':
    '{by} heeft de organisatie opgezegd{withUntil, select, yes {; toegang blijft tot {until}} other {}}.',
  'notices.audit.organization_cancellation_undone':
    '{by} heeft de opzegging ongedaan gemaakt; de organisatie gaat door.',
  'notices.audit.organization_closed':
    'De organisatie is gesloten aan het eind van de betaalde periode{withMembers, select, yes {; {members, plural, one {# lid zit} other {# leden zitten}} weer op het eigen plan} other {}}.',
  'notices.audit.organization_created':
    '{by} heeft de organisatie{withName, select, yes { {name}} other {}} aangemaakt{period, select, month {, maandelijks gefactureerd} year {, jaarlijks gefactureerd} other {}}.',
  'notices.audit.organization_deleted':
    '{by} heeft de organisatie verwijderd{withMembers, select, yes {; {members, plural, one {# lid zit} other {# leden zitten}} weer op het eigen plan} other {}}.',
  'notices.audit.organization_edition_changed':
    '{by} heeft de editie gewijzigd naar {edition}{withWas, select, yes { (was {was})} other {}}.',
  'notices.audit.organization_link_code_issued':
    '{by} heeft een code gemaakt om een andere workspace of tenant te koppelen{withUntil, select, yes {, geldig tot {until}} other {}}.',
  'notices.audit.organization_module_added': '{by} heeft de module {modules} toegevoegd.',
  'notices.audit.organization_module_removed': '{by} heeft de module {modules} verwijderd.',
  'notices.audit.offboarding_default':
    '{what, select, freeSeat {licentie vrijgeven} stopAutoRenew {verlengen stoppen} other {markeren als oud-lid}} {on, select, yes {aan} other {uit}}',
  'notices.audit.organization_offboarding_defaults':
    '{by} heeft ingesteld wat offboarding standaard doet: {parts}.',
  'notices.audit.organization_owner': '{by} heeft het eigendom overgedragen aan {owner}.',
  'notices.audit.organization_payment_failed':
    'De eerste betaling van de organisatie is mislukt{withReason, select, yes {: {reason}} other {}}.',
  'notices.audit.settings_auto_assign': 'automatisch toewijzen {on, select, yes {aan} other {uit}}',
  'notices.audit.settings_auto_approve':
    '{withBelow, select, yes {automatisch goedkeuren onder {below}} other {automatisch goedkeuren uit}}',
  'notices.audit.settings_idle_reclaim':
    'ongebruikte licenties terugnemen {on, select, yes {aan} other {uit}}',
  'notices.audit.organization_settings': '{by} heeft de instellingen gewijzigd: {parts}.',
  'notices.audit.organization_workspace_linked':
    '{by} heeft {platform, select, slack {een Slack-workspace} teams {een Teams-tenant} other {een workspace}} gekoppeld.',
  'notices.audit.organization_workspace_unlinked':
    '{by} heeft {platform, select, slack {een Slack-workspace} teams {een Teams-tenant} other {een workspace}} losgekoppeld.',
  'notices.audit.scim_token_issued': '{by} heeft een identiteitsprovider gekoppeld (SCIM-token uitgegeven).',
  'notices.audit.scim_token_revoked':
    '{by} heeft SCIM uitgezet; het token van de identiteitsprovider werkt niet meer.',
  'notices.audit.scim_token_rotated': '{by} heeft het SCIM-token vervangen; het oude werkt niet meer.',
} as const;
