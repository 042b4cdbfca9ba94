/** Words for what the domain and the service report as codes (statuses, reasons, warnings). */
export const domain_terms = {
  // service/invite-members.ts InviteSkip
  'domain_terms.invite.skipped':
    '{reason, select, already_member {already a member} other {already invited}}',
  // domain/quote.ts requestStage
  'domain_terms.request.stage':
    '{stage, select, unconfirmed {not confirmed yet} held {waiting for the requester: unused seats to ask back first} withdrawn {cancelled} pending {waiting for an approver} approved {approved, charging} charged {approved and paid} payment_failed {approved, but the payment failed} rejected {rejected} covered {covered by seats given back} other {expired}}',
  // a plan's feature by its code (codes of other plans read as they are)
  'domain_terms.feature':
    '{feature, select, surveys {surveys} exports {exports} branding {branding} groups {groups} api {api} sso {sso} other {{feature}}}',
  // domain/impact.ts ImpactWarning
  'domain_terms.impact.no_access': 'No more access to: {features}',
  'domain_terms.impact.over_limit':
    '{count, number, ::group-off} {resources} over the {plan} limit of {limit, number, ::group-off} {unit} will become inactive',
  'domain_terms.impact.resources':
    '{resource, select, survey {{count, plural, one {active survey} other {active surveys}}} other {{count, plural, one {active {resource}} other {active {resource}s}}}}',
  'domain_terms.impact.unit': '{metric, select, survey_responses {responses} other {{words}}}',
  // domain/notices.ts ChargeWhat: "the {what} for {org} is paid", "the {what} failed"
  'domain_terms.charge.renewal': 'renewal payment of {day}',
  'domain_terms.charge.late_purchase': 'payment for {items} in the period of {day}',
  'domain_terms.charge.items':
    '{count, plural, one {{count, number, ::group-off} {plan} seat} other {{count, number, ::group-off} {plan} seats}}',
  // domain/notices.ts BillingReason; {reason} is the payment provider's own message
  'domain_terms.billing.charge_declined':
    'the {what} failed: {reason}{last, select, yes { That was the last try: the paid seats are suspended until it is paid.} other { We try again on {day}.}} Update the payment method to pay it sooner.',
  'domain_terms.billing.invoice_unpaid': 'An invoice was not paid: {reason}',
  'domain_terms.billing.first_invoice_failed':
    'the first invoice failed: {reason} {withUrl, select, yes {Add another payment method here: {url}} other {Add another payment method with `org create {org}`.}}',
} as const;
