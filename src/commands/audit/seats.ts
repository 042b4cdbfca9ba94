import { a, bool, by, moment, type SentencesFor, str, Who, who, words } from './words.ts';

/** Seats given, taken back, kept or ended. */
export const SEAT_SENTENCES = {
  'seat.assigned': (e, w) => {
    const plan = str(e.after, 'plan');
    if (!plan) return undefined;
    const was = str(e.before, 'plan');
    return `${by(e)} gave ${who(e)} ${a(w.plan(plan))} seat${was && was !== 'free' ? ` (was ${w.plan(was)})` : ''}.`;
  },
  'seat.auto_assigned': (e, w) => {
    const plan = str(e.after, 'plan');
    if (!plan) return undefined;
    const feature = str(e.after, 'feature');
    return `${Who(e)} got ${a(w.plan(plan))} seat automatically${feature ? ` on first use of ${feature}` : ''}.`;
  },
  'seat.auto_renew': (e) => {
    const renew = bool(e.after, 'autoRenew');
    return renew === undefined
      ? undefined
      : `${by(e)} turned ${renew ? 'on' : 'off'} renewal of ${who(e)}'s seat.`;
  },
  'seat.given_back': (e, w) => {
    const plan = str(e.before, 'plan');
    return `${Who(e)} gave back their ${plan ? `${w.plan(plan)} ` : ''}seat.`;
  },
  'seat.idle_kept': (e, w) => {
    const plan = str(e.after, 'plan') ?? str(e.before, 'plan');
    return `${Who(e)} kept their unused ${plan ? `${w.plan(plan)} ` : ''}seat.`;
  },
  'seat.idle_offer_void': (e) => {
    const reason = str(e.after, 'reason');
    return `The offer to take back ${who(e)}'s unused seat was withdrawn${reason ? ` (${words(reason)})` : ''}.`;
  },
  'seat.idle_offered': (e, w) => {
    const plan = str(e.after, 'plan');
    const until = moment(w, e.after.expiresAt);
    return `${Who(e)} was asked whether they still need their unused ${plan ? `${w.plan(plan)} ` : ''}seat${until ? `, until ${until}` : ''}.`;
  },
  'seat.idle_reclaimed': (e, w) => {
    const plan = str(e.before, 'plan');
    return `${Who(e)}'s unused ${plan ? `${w.plan(plan)} ` : ''}seat was taken back.`;
  },
  'seat.not_renewed': (e, w) => {
    const plan = str(e.before, 'plan');
    return `${Who(e)}'s ${plan ? `${w.plan(plan)} ` : ''}seat ended at the renewal (renewal was off).`;
  },
  'seat.released': (e, w) => {
    const plan = str(e.before, 'planCode');
    return `${Who(e)}'s ${plan ? `${w.plan(plan)} ` : ''}seat was freed: its contract moved to another organization.`;
  },
  'seat.unassigned': (e, w) => {
    const plan = str(e.before, 'plan');
    return plan ? `${by(e)} moved ${who(e)} from ${w.plan(plan)} to ${w.plan('free')}.` : undefined;
  },
} satisfies SentencesFor<`seat.${string}`>;
