import { english } from '../../i18n/words.ts';
import {
  type AuditFacts,
  type AuditWords,
  bool,
  by,
  has,
  int,
  list,
  moment,
  money,
  record,
  type SentencesFor,
  say,
  seatsOf,
  str,
  who,
  words,
} from './words.ts';

type MoneyAction = `billing.${string}` | `contract.${string}` | `purchase.${string}`;

/** "renewal charge of €90.00": the event's kind of charge and its amount when stored. */
const chargeOf = (w: AuditWords, e: AuditFacts) => {
  const kind = str(e.after, 'kind');
  const amount = money(w, e, int(e.after, 'amount'));
  return say(w, 'notices.audit.charge', {
    kind: kind ?? 'none',
    kindWords: kind ? words(kind) : '',
    withAmount: has(amount),
    amount: amount ?? '',
  });
};
const because = (reason: string | undefined) => ({ withReason: has(reason), reason: reason ?? '' });
const seatsOr = (e: AuditFacts, w: AuditWords) => seatsOf(e, w) ?? say(w, 'notices.audit.seats');
/** the person whose request it was, when the row links one */
const requester = (e: AuditFacts, w: AuditWords) => ({ withRequester: has(e.purchase), who: who(e, w) });

/** "Carol on behalf of Bob" when a delegate decided (after.onBehalfOf), else the decider alone. */
const onBehalf = (e: AuditFacts, w: AuditWords, decider: string) => {
  const behalf = str(e.after, 'onBehalfOf');
  return behalf ? say(w, 'approvals.audit.on_behalf', { decider, approver: w.person(behalf) }) : decider;
};
/** "after 25 hours": how long the request had waited when it was nudged */
const waited = (e: AuditFacts) => int(e.after, 'waitedHours');

/** Charges, contracts and seat purchases: money as money, ids left out. */
export const MONEY_SENTENCES = {
  'billing.charge_declined': (e, w) => {
    const next = moment(w, e.after.nextRetryAt);
    return say(w, 'notices.audit.billing_charge_declined', {
      charge: chargeOf(w, e),
      ...because(str(e.after, 'reason')),
      withNext: has(next),
      next: next ?? '',
    });
  },
  'billing.drift': (e, w) => {
    const drift = list(e.after, 'drift');
    if (!drift) return undefined;
    const plans = drift.flatMap((d) => {
      if (!d || typeof d !== 'object') return [];
      const o = d as Record<string, unknown>;
      const plan = str(o, 'planCode');
      const ours = int(o, 'ours');
      const billed = int(o, 'billed');
      return plan && ours !== undefined && billed !== undefined
        ? [say(w, 'notices.audit.billing_drift_plan', { plan: w.plan(plan), ours, billed })]
        : [];
    });
    return say(w, 'notices.audit.billing_drift', { withPlans: has(plans.length), plans: plans.join('; ') });
  },
  'billing.invoice_differs': (e, w) => {
    const ours = record(e.after, 'charged');
    const theirs = record(e.after, 'invoiced');
    const amount = (o: Record<string, unknown> | undefined) =>
      o ? money(w, e, int(o, 'amount'), str(o, 'currency')?.toUpperCase()) : undefined;
    const charged = amount(ours);
    const invoiced = amount(theirs);
    if (!charged || !invoiced) return undefined;
    return say(w, 'notices.audit.billing_invoice_differs', { charged, invoiced });
  },
  'billing.invoice_failed': (e, w) =>
    say(w, 'notices.audit.billing_invoice_failed', because(str(e.after, 'reason'))),
  'billing.overdue_paid': (e, w) => say(w, 'notices.audit.billing_overdue_paid', { charge: chargeOf(w, e) }),
  'billing.period_charged': (e, w) =>
    say(w, 'notices.audit.billing_period_charged', { charge: chargeOf(w, e) }),
  'billing.schedule_failed': (e, w) =>
    say(w, 'notices.audit.billing_schedule_failed', because(str(e.after, 'error'))),
  'contract.connected': (e, w) =>
    say(w, 'notices.audit.contract_connected', {
      by: by(e, w),
      viaKey: has(str(e.after, 'via') === 'key'),
      released: int(e.after, 'releasedSeats') ?? 0,
    }),
  'contract.created': (e, w) => {
    const seats = record(e.after, 'seats') ?? {};
    const parts = Object.entries(seats).flatMap(([plan, n]) =>
      typeof n === 'number' ? [say(w, 'notices.seats.count', { count: n, plan: w.plan(plan) })] : [],
    );
    const manager = str(e.after, 'managerEmail');
    const reader = w.words ?? english;
    return say(w, 'notices.audit.contract_created', {
      withParts: has(parts.length),
      // English has always read "a and b and c"; the others list as their language does
      parts: reader.locale === 'en' ? parts.join(' and ') : reader.list(parts),
      withManager: has(manager),
      manager: manager ? w.person(manager) : '',
    });
  },
  'contract.disconnected': (e, w) => say(w, 'notices.audit.contract_disconnected', { by: by(e, w) }),
  'contract.key_issued': (e, w) => {
    const until = moment(w, e.after.keyExpiresAt);
    return say(w, 'notices.audit.contract_key_issued', {
      by: by(e, w),
      withUntil: has(until),
      until: until ?? '',
    });
  },
  'contract.renewal_reminder': (e, w) => {
    const recipients = int(e.after, 'recipients');
    const renews = moment(w, e.after.renewalDate);
    const next = money(w, e, int(e.after, 'nextCharge'), str(e.after, 'currency') ?? e.currency);
    if (recipients === undefined) return undefined;
    return say(w, 'notices.audit.contract_renewal_reminder', {
      recipients,
      withRenews: has(renews),
      renews: renews ?? '',
      withNext: has(next),
      next: next ?? '',
    });
  },
  'contract.renewed': (e, w) => {
    const until = moment(w, e.after.periodEnd);
    const invoice = money(w, e, int(e.after, 'invoice'));
    return say(w, 'notices.audit.contract_renewed', {
      withUntil: has(until),
      until: until ?? '',
      payment: invoice === undefined ? 'none' : bool(e.after, 'paid') ? 'paid' : 'unpaid',
      invoice: invoice ?? '',
      ...because(str(e.after, 'failureReason')),
      ended: int(e.after, 'seatsEnded') ?? 0,
    });
  },
  'contract.restored': (e, w) => {
    const n = int(e.after, 'seatHolders');
    return say(w, 'notices.audit.contract_restored', { withMembers: has(n !== undefined), members: n ?? 0 });
  },
  'contract.suspended': (e, w) => {
    const n = int(e.after, 'seatHolders');
    return say(w, 'notices.audit.contract_suspended', {
      ...because(str(e.after, 'reason')),
      withMembers: has(n !== undefined),
      members: n ?? 0,
    });
  },
  'purchase.approved': (e, w) =>
    say(w, 'notices.audit.purchase_approved', {
      approver: onBehalf(e, w, e.actor ?? say(w, 'notices.audit.auto_approve')),
      ...requester(e, w),
      seats: seatsOr(e, w),
    }),
  'purchase.charged': (e, w) => {
    const seats = seatsOf(e, w);
    if (!seats) return undefined;
    const paid = money(w, e, e.purchase?.proratedAmount, e.purchase?.currency);
    return say(w, 'notices.audit.purchase_charged', {
      seats,
      withPaid: has(paid),
      paid: paid ?? '',
      late: has(bool(e.after, 'late')),
    });
  },
  'purchase.confirmed': (e, w) =>
    say(w, 'notices.audit.purchase_confirmed', { by: by(e, w), seats: seatsOr(e, w) }),
  'purchase.expired': (e, w) =>
    str(e.after, 'reason') === 'price_rose'
      ? say(w, 'approvals.audit.expired_price_rose', { seats: seatsOr(e, w) })
      : say(w, 'notices.audit.purchase_expired', { seats: seatsOr(e, w) }),
  'purchase.shrunk': (e, w) => {
    const given = int(e.after, 'given');
    const left = int(e.after, 'quantity');
    if (given === undefined || left === undefined) return undefined;
    const plan = e.purchase?.plan;
    return say(w, 'approvals.audit.shrunk', {
      given,
      how: str(e.after, 'how') ?? 'other',
      withPlan: has(plan),
      plan: plan ? w.plan(plan) : '',
      left,
    });
  },
  'purchase.routed': (e, w) =>
    say(w, 'approvals.audit.routed', {
      by: by(e, w),
      seats: seatsOr(e, w),
      why: str(e.after, 'why') ?? 'other',
    }),
  'purchase.repriced': (e, w) => {
    const now = money(w, e, int(e.after, 'proratedAmount'));
    if (!now) return undefined;
    const was = money(w, e, int(e.before, 'proratedAmount'));
    return say(w, 'approvals.audit.repriced', {
      seats: seatsOr(e, w),
      withWas: has(was),
      was: was ?? '',
      now,
    });
  },
  'purchase.late_period_billed': (e, w) => {
    const amount = money(w, e, int(e.after, 'amount'));
    return say(w, 'notices.audit.purchase_late_period_billed', {
      seats: seatsOf(e, w) ?? say(w, 'notices.audit.seats_first'),
      withAmount: has(amount),
      amount: amount ?? '',
    });
  },
  'purchase.payment_expired': (e, w) =>
    say(w, 'notices.audit.purchase_payment_expired', {
      seats: seatsOr(e, w),
      ...because(str(e.after, 'reason')),
    }),
  'purchase.payment_failed': (e, w) =>
    say(w, 'notices.audit.purchase_payment_failed', {
      seats: seatsOr(e, w),
      ...because(str(e.after, 'reason')),
    }),
  // the requester turning down their own quote
  'purchase.cancelled': (e, w) =>
    say(w, 'notices.audit.purchase_cancelled', { by: by(e, w), seats: seatsOr(e, w) }),
  'purchase.rejected': (e, w) =>
    say(w, 'notices.audit.purchase_rejected', {
      by: onBehalf(e, w, by(e, w)),
      ...requester(e, w),
      seats: seatsOr(e, w),
      ...because(str(e.after, 'reason')),
    }),
  'purchase.reminded': (e, w) => {
    const hours = waited(e);
    if (hours === undefined) return undefined;
    return say(w, 'approvals.audit.reminded', { ...requester(e, w), seats: seatsOr(e, w), hours });
  },
  'purchase.escalated': (e, w) => {
    const hours = waited(e);
    if (hours === undefined) return undefined;
    return say(w, 'approvals.audit.escalated', { ...requester(e, w), seats: seatsOr(e, w), hours });
  },
  'purchase.requested': (e, w) => {
    const seats = seatsOf(e, w);
    const now = money(w, e, int(e.after, 'proratedAmount'));
    if (!seats) return undefined;
    return say(w, 'notices.audit.purchase_requested', {
      by: by(e, w),
      seats,
      withNow: has(now),
      now: now ?? '',
      needs: e.purchase?.needs ?? 'none',
    });
  },
} satisfies SentencesFor<MoneyAction>;
