import type { domain_terms as en } from '../en/domain_terms.ts';
import type { Translation } from '../translation.ts';

export const domain_terms: Translation<typeof en> = {
  'domain_terms.invite.skipped': '{reason, select, already_member {al lid} other {al uitgenodigd}}',
  'domain_terms.request.stage':
    '{stage, select, unconfirmed {nog niet bevestigd} held {wacht op de aanvrager: eerst ongebruikte licenties terugvragen} withdrawn {geannuleerd} pending {wacht op een goedkeurder} approved {goedgekeurd, betaling loopt} charged {goedgekeurd en betaald} payment_failed {goedgekeurd, maar de betaling is mislukt} rejected {afgewezen} covered {gedekt door teruggegeven licenties} other {verlopen}}',
  'domain_terms.feature':
    '{feature, select, surveys {enquêtes} exports {exports} branding {huisstijl} groups {groepen} api {API} sso {SSO} other {{feature}}}',
  'domain_terms.impact.no_access': 'Geen toegang meer tot: {features}',
  'domain_terms.impact.over_limit':
    '{count, number} {resources} boven de limiet van {limit, number} {unit} van het {plan}-plan {count, plural, one {wordt} other {worden}} inactief',
  'domain_terms.impact.resources':
    '{resource, select, survey {{count, plural, one {actieve enquête} other {actieve enquêtes}}} resource {{count, plural, one {actieve resource} other {actieve resources}}} other {{count, plural, one {actief item "{resource}"} other {actieve items "{resource}"}}}}',
  'domain_terms.impact.unit': '{metric, select, survey_responses {antwoorden} other {{words}}}',
  'domain_terms.charge.renewal': 'verlengingsbetaling van {day}',
  'domain_terms.charge.late_purchase': 'betaling voor {items} in de periode van {day}',
  'domain_terms.charge.items':
    '{count, plural, one {{count, number} {plan}-licentie} other {{count, number} {plan}-licenties}}',
  'domain_terms.billing.charge_declined':
    'de {what} is mislukt: {reason}{last, select, yes { Dat was de laatste poging: de betaalde licenties zijn geschorst tot er betaald is.} other { We proberen het opnieuw op {day}.}} Werk de betaalmethode bij om eerder te betalen.',
  'domain_terms.billing.invoice_unpaid': 'Een factuur is niet betaald: {reason}',
  'domain_terms.billing.first_invoice_failed':
    'de eerste factuur is mislukt: {reason} {withUrl, select, yes {Voeg hier een andere betaalmethode toe: {url}} other {Voeg een andere betaalmethode toe met `org create {org}`.}}',
};
