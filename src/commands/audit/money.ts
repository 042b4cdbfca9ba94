import { plural } from '../format.ts';
import {
  because,
  bool,
  by,
  int,
  list,
  moment,
  money,
  record,
  type SentencesFor,
  seatsOf,
  str,
  who,
  words,
} from './words.ts';

type MoneyAction = `billing.${string}` | `contract.${string}` | `purchase.${string}`;

const CHARGE_KIND: Record<string, string> = {
  renewal: 'renewal charge',
  late_purchase: 'new-period charge for seats bought across the renewal',
};
const chargeOf = (kind: string | undefined, amount: string | undefined) =>
  `${kind ? (CHARGE_KIND[kind] ?? `${words(kind)} charge`) : 'charge'}${amount ? ` of ${amount}` : ''}`;

/** Charges, contracts and seat purchases: money as money, ids left out. */
export const MONEY_SENTENCES = {
  'billing.charge_declined': (e, w) => {
    const next = moment(w, e.after.nextRetryAt);
    const charge = chargeOf(str(e.after, 'kind'), money(e, int(e.after, 'amount')));
    return `The ${charge} was declined${because(str(e.after, 'reason'))}; ${next ? `next try ${next}` : 'no tries left'}.`;
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
        ? [`${w.plan(plan)} ${ours} here, ${billed} billed`]
        : [];
    });
    return `The billing provider's seat count differs from ours${plans.length ? `: ${plans.join('; ')}` : ''}.`;
  },
  'billing.invoice_failed': (e) => `An invoice payment failed${because(str(e.after, 'reason'))}.`,
  'billing.overdue_paid': (e) =>
    `The overdue ${chargeOf(str(e.after, 'kind'), money(e, int(e.after, 'amount')))} was paid.`,
  'billing.period_charged': (e) =>
    `The ${chargeOf(str(e.after, 'kind'), money(e, int(e.after, 'amount')))} went through.`,
  'billing.schedule_failed': (e) => `Updating the billing schedule failed${because(str(e.after, 'error'))}.`,
  'contract.connected': (e) => {
    const released = int(e.after, 'releasedSeats') ?? 0;
    const via = str(e.after, 'via') === 'key' ? ' with its connection key' : '';
    return `${by(e)} connected a contract${via}${released ? `; ${plural(released, 'seat')} left its previous organization` : ''}.`;
  },
  'contract.created': (e, w) => {
    const seats = record(e.after, 'seats') ?? {};
    const parts = Object.entries(seats).flatMap(([plan, n]) =>
      typeof n === 'number' ? [plural(n, `${w.plan(plan)} seat`)] : [],
    );
    const manager = str(e.after, 'managerEmail');
    return `A contract${parts.length ? ` for ${parts.join(' and ')}` : ''} was created${manager ? `, managed by ${w.person(manager)}` : ''}.`;
  },
  'contract.disconnected': (e) => `${by(e)} disconnected a contract; its plans are frozen.`,
  'contract.key_issued': (e, w) => {
    const until = moment(w, e.after.keyExpiresAt);
    return `${by(e)} issued a contract connection key${until ? `, valid until ${until}` : ''}.`;
  },
  'contract.renewal_reminder': (e, w) => {
    const recipients = int(e.after, 'recipients');
    const renews = moment(w, e.after.renewalDate);
    const next = money(e, int(e.after, 'nextCharge'), str(e.after, 'currency') ?? e.currency);
    if (recipients === undefined) return undefined;
    return `Renewal reminder sent to ${plural(recipients, 'person', 'people')}${renews ? `: renews ${renews}` : ''}${next ? `, next charge ${next}` : ''}.`;
  },
  'contract.renewed': (e, w) => {
    const until = moment(w, e.after.periodEnd);
    const invoice = money(e, int(e.after, 'invoice'));
    const paid = bool(e.after, 'paid');
    const ended = int(e.after, 'seatsEnded') ?? 0;
    const payment =
      invoice === undefined
        ? ''
        : `: ${invoice} ${paid ? 'paid' : `not paid yet${because(str(e.after, 'failureReason'))}`}`;
    return `The contract renewed${until ? ` until ${until}` : ''}${payment}${ended ? `; ${plural(ended, 'seat')} ended` : ''}.`;
  },
  'contract.restored': (e) => {
    const n = int(e.after, 'seatHolders');
    return `The overdue payment came in: paid seats are back${n !== undefined ? ` for ${plural(n, 'member')}` : ''}.`;
  },
  'contract.suspended': (e) => {
    const n = int(e.after, 'seatHolders');
    return `Paid seats were suspended after the last payment try failed${because(str(e.after, 'reason'))}${n !== undefined ? `; ${plural(n, 'member')} back on their own plans` : ''}.`;
  },
  'purchase.approved': (e, w) =>
    `${e.actor ?? 'The auto-approve policy'} approved ${e.purchase ? `${who(e)}'s request for ` : 'a request for '}${seatsOf(e, w) ?? 'seats'}.`,
  'purchase.charged': (e, w) => {
    const seats = seatsOf(e, w);
    if (!seats) return undefined;
    const paid = money(e, e.purchase?.proratedAmount, e.purchase?.currency);
    return `${seats} added${paid ? `, ${paid} charged` : ''}${bool(e.after, 'late') ? ' (the held payment went through)' : ''}.`;
  },
  'purchase.confirmed': (e, w) => `${by(e)} confirmed their purchase of ${seatsOf(e, w) ?? 'seats'}.`,
  'purchase.expired': (e, w) => `The request for ${seatsOf(e, w) ?? 'seats'} expired undecided.`,
  'purchase.late_period_billed': (e, w) => {
    const amount = money(e, int(e.after, 'amount'));
    return `${seatsOf(e, w) ?? 'Seats'} bought across the renewal were billed for the new period too${amount ? `: ${amount}` : ''}.`;
  },
  'purchase.payment_expired': (e, w) =>
    `The held payment for ${seatsOf(e, w) ?? 'seats'} was given up${because(str(e.after, 'reason'))}; no seats were added.`,
  'purchase.payment_failed': (e, w) =>
    `The payment for ${seatsOf(e, w) ?? 'seats'} failed${because(str(e.after, 'reason'))}; no seats were added.`,
  // the requester turning down their own quote
  'purchase.cancelled': (e, w) => `${by(e)} cancelled their request for ${seatsOf(e, w) ?? 'seats'}.`,
  'purchase.rejected': (e, w) => {
    const reason = str(e.after, 'reason');
    return `${by(e)} rejected ${e.purchase ? `${who(e)}'s request for ` : 'a request for '}${seatsOf(e, w) ?? 'seats'}${reason ? `: “${reason}”` : ''}.`;
  },
  'purchase.requested': (e, w) => {
    const seats = seatsOf(e, w);
    const now = money(e, int(e.after, 'proratedAmount'));
    if (!seats) return undefined;
    const needs = e.purchase?.needs;
    return `${by(e)} asked for ${seats}${now ? `, ${now} now (prorated)` : ''}${needs === 'approval' ? ', approval needed' : needs === 'confirmation' ? ', confirmation needed' : ''}.`;
  },
} satisfies SentencesFor<MoneyAction>;
