import type { ImpactWarning } from '../domain/impact.ts';
import type { BillingReason, ChargeWhat } from '../domain/notices.ts';
import type { RequestStage } from '../domain/quote.ts';
import type { Words } from '../i18n/words.ts';
import type { InviteSkip } from '../service/invite-members.ts';

/**
 * What the domain and the service report as codes and facts, in the reader's words (the
 * `domain_terms` catalog area). A stored notice written before its facts were structured carries
 * English words instead: those are shown as they are.
 */

/** Why an invitee was skipped: "already a member". */
export const inviteSkipText = (reason: InviteSkip, w: Words) =>
  w.t('domain_terms.invite.skipped', { reason });

/** Where a request stands: "waiting for an approver". */
export const stageText = (stage: RequestStage, w: Words) => w.t('domain_terms.request.stage', { stage });

/** A plan's feature by its code; a code the catalog does not know reads as it is. */
export const featureName = (feature: string, w: Words) => w.t('domain_terms.feature', { feature });

/** Features as a plan line and an impact warning list them: comma-separated. */
export const featureList = (features: readonly string[], w: Words) =>
  features.map((f) => featureName(f, w)).join(', ');

/** One thing that stops working after an unassignment, as a line. */
export const impactLine = (warning: ImpactWarning | string, w: Words): string => {
  if (typeof warning === 'string') return warning;
  if (warning.code === 'no_access')
    return w.t('domain_terms.impact.no_access', { features: featureList(warning.features, w) });
  return w.t('domain_terms.impact.over_limit', {
    count: warning.count,
    resources: w.t('domain_terms.impact.resources', { resource: warning.resource, count: warning.count }),
    plan: warning.plan,
    limit: warning.limit,
    unit: w.t('domain_terms.impact.unit', {
      metric: warning.metric,
      words: warning.metric.replace(/_/g, ' '),
    }),
  });
};

/** Which period charge: "renewal payment of 2026-04-01". */
export const chargeText = (what: ChargeWhat | string, w: Words): string => {
  if (typeof what === 'string') return what;
  const day = w.day(what.periodStart);
  if (what.kind === 'renewal') return w.t('domain_terms.charge.renewal', { day });
  const items = what.items
    .map((i) => w.t('domain_terms.charge.items', { count: i.quantity, plan: i.plan }))
    .join(', ');
  return w.t('domain_terms.charge.late_purchase', { items, day });
};

/** Why billing needs attention; the payment provider's own message inside it as it wrote it. */
export const billingReasonText = (
  reason: BillingReason | string,
  organizationName: string | null,
  w: Words,
): string => {
  if (typeof reason === 'string') return reason;
  switch (reason.code) {
    case 'charge_declined':
      return w.t('domain_terms.billing.charge_declined', {
        what: chargeText(reason.what, w),
        reason: reason.provider,
        last: reason.nextRetryAt ? 'no' : 'yes',
        day: reason.nextRetryAt ? w.day(reason.nextRetryAt) : '',
      });
    case 'invoice_unpaid':
      return w.t('domain_terms.billing.invoice_unpaid', { reason: reason.provider });
    case 'first_invoice_failed':
      return w.t('domain_terms.billing.first_invoice_failed', {
        reason: reason.provider,
        withUrl: reason.setupUrl ? 'yes' : 'no',
        url: reason.setupUrl ?? '',
        org: organizationName ?? '',
      });
  }
};
