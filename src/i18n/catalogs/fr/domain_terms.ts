import type { domain_terms as en } from '../en/domain_terms.ts';
import type { Translation } from '../translation.ts';

export const domain_terms: Translation<typeof en> = {
  'domain_terms.invite.skipped': '{reason, select, already_member {déjà membre} other {déjà invité}}',
  'domain_terms.request.stage':
    '{stage, select, unconfirmed {pas encore confirmée} held {en attente du demandeur : des licences inutilisées à redemander d’abord} withdrawn {annulée} pending {en attente d’un approbateur} approved {approuvée, paiement en cours} charged {approuvée et payée} payment_failed {approuvée, mais le paiement a échoué} rejected {refusée} covered {couverte par des licences rendues} other {expirée}}',
  'domain_terms.feature':
    '{feature, select, surveys {sondages} exports {exportations} branding {image de marque} groups {groupes} api {API} sso {SSO} other {{feature}}}',
  'domain_terms.impact.no_access': 'Plus d’accès à : {features}',
  'domain_terms.impact.over_limit':
    '{count, number} {resources} au-delà de la limite de {limit, number} {unit} du plan {plan} {count, plural, one {passera} other {passeront}} à l’état inactif',
  'domain_terms.impact.resources':
    '{resource, select, survey {{count, plural, one {sondage actif} other {sondages actifs}}} resource {{count, plural, one {ressource active} other {ressources actives}}} other {{count, plural, one {élément « {resource} » actif} other {éléments « {resource} » actifs}}}}',
  'domain_terms.impact.unit': '{metric, select, survey_responses {réponses} other {{words}}}',
  'domain_terms.charge.renewal': 'paiement du renouvellement du {day}',
  'domain_terms.charge.late_purchase': 'paiement de {items} pour la période du {day}',
  'domain_terms.charge.items':
    '{count, plural, one {{count, number} licence {plan}} other {{count, number} licences {plan}}}',
  'domain_terms.billing.charge_declined':
    'le {what} a échoué : {reason}{last, select, yes { C’était la dernière tentative : les licences payantes sont suspendues jusqu’au paiement.} other { Nous réessaierons le {day}.}} Mettez à jour le moyen de paiement pour régler plus tôt.',
  'domain_terms.billing.invoice_unpaid': 'Une facture n’a pas été payée : {reason}',
  'domain_terms.billing.first_invoice_failed':
    'le paiement de la première facture a échoué : {reason} {withUrl, select, yes {Ajoutez un autre moyen de paiement ici : {url}} other {Ajoutez un autre moyen de paiement avec `org create {org}`.}}',
};
