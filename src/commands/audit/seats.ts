import { aSeat, bool, by, has, moment, type SentencesFor, say, str, Who, who, words } from './words.ts';

/** Seats given, taken back, kept or ended. */
export const SEAT_SENTENCES = {
  'seat.assigned': (e, w) => {
    const plan = str(e.after, 'plan');
    if (!plan) return undefined;
    const was = str(e.before, 'plan');
    const wasPaid = was && was !== 'free' ? w.plan(was) : '';
    return say(w, 'notices.audit.seat_assigned', {
      by: by(e, w),
      who: who(e, w),
      seat: aSeat(w, plan),
      withWas: has(wasPaid),
      was: wasPaid,
    });
  },
  'seat.auto_assigned': (e, w) => {
    const plan = str(e.after, 'plan');
    if (!plan) return undefined;
    const feature = str(e.after, 'feature');
    return say(w, 'notices.audit.seat_auto_assigned', {
      who: Who(e, w),
      seat: aSeat(w, plan),
      withFeature: has(feature),
      feature: feature ?? '',
    });
  },
  'seat.auto_renew': (e, w) => {
    const renew = bool(e.after, 'autoRenew');
    return renew === undefined
      ? undefined
      : say(w, 'notices.audit.seat_auto_renew', { by: by(e, w), renew: has(renew), who: who(e, w) });
  },
  'seat.given_back': (e, w) => planned(w, 'notices.audit.seat_given_back', Who(e, w), str(e.before, 'plan')),
  'seat.idle_kept': (e, w) =>
    planned(w, 'notices.audit.seat_idle_kept', Who(e, w), str(e.after, 'plan') ?? str(e.before, 'plan')),
  'seat.idle_offer_void': (e, w) => {
    const reason = str(e.after, 'reason');
    return say(w, 'notices.audit.seat_idle_offer_void', {
      who: who(e, w),
      withReason: has(reason),
      reason: reason ? words(reason) : '',
    });
  },
  'seat.idle_offered': (e, w) => {
    const plan = str(e.after, 'plan');
    const until = moment(w, e.after.expiresAt);
    return say(w, 'notices.audit.seat_idle_offered', {
      who: Who(e, w),
      withPlan: has(plan),
      plan: plan ? w.plan(plan) : '',
      withUntil: has(until),
      until: until ?? '',
    });
  },
  'seat.idle_reclaimed': (e, w) =>
    planned(w, 'notices.audit.seat_idle_reclaimed', Who(e, w), str(e.before, 'plan')),
  'seat.not_renewed': (e, w) =>
    planned(w, 'notices.audit.seat_not_renewed', Who(e, w), str(e.before, 'plan')),
  'seat.released': (e, w) => planned(w, 'notices.audit.seat_released', Who(e, w), str(e.before, 'planCode')),
  'seat.unassigned': (e, w) => {
    const plan = str(e.before, 'plan');
    return plan
      ? say(w, 'notices.audit.seat_unassigned', {
          by: by(e, w),
          who: who(e, w),
          plan: w.plan(plan),
          free: w.plan('free'),
        })
      : undefined;
  },
} satisfies SentencesFor<`seat.${string}`>;

/** A sentence about someone's seat that names its plan when the row still says it. */
function planned(
  w: Parameters<typeof say>[0],
  key: Parameters<typeof say>[1],
  person: string,
  plan?: string,
) {
  return say(w, key, { who: person, withPlan: has(plan), plan: plan ? w.plan(plan) : '' });
}
