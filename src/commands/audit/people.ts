import {
  type AuditWords,
  aSeat,
  bool,
  by,
  capital,
  has,
  moment,
  platformName,
  roleWords,
  type SentencesFor,
  say,
  str,
  Who,
  who,
} from './words.ts';

type PeopleAction =
  | `account.${string}`
  | `identity.${string}`
  | `invitation.${string}`
  | `member.${string}`
  | `personal_plan.${string}`;

const PROFILE_FIELDS = ['name', 'personalPlan', 'paymentMethod'] as const;

/** " with a Pro seat" when the plan is a paid one: the arguments of that optional part. */
const withSeat = (w: AuditWords, plan: string | undefined) => {
  const paid = plan && plan !== 'free' ? plan : '';
  return { withSeat: has(paid), seat: paid ? aSeat(w, paid) : '' };
};

/** Accounts, invitations and members: who joined, left, or changed role. */
export const PEOPLE_SENTENCES = {
  'account.created': (e, w) => {
    const email = str(e.after, 'email');
    const person = e.subject ?? (email ? w.person(email) : say(w, 'notices.audit.someone_first'));
    return say(w, 'notices.audit.account_created', { who: person });
  },
  'account.updated': (e, w) => {
    const changed = PROFILE_FIELDS.filter(
      (k) => k in e.after && JSON.stringify(e.after[k]) !== JSON.stringify(e.before[k]),
    );
    const plan = str(e.after, 'personalPlan');
    const was = str(e.before, 'personalPlan');
    const parts = changed.map((k) =>
      k === 'personalPlan' && plan
        ? say(w, 'notices.audit.account_own_plan', {
            plan: capital(plan),
            withWas: has(was),
            was: was ? capital(was) : '',
          })
        : say(w, 'notices.audit.account_new_field', { field: k }),
    );
    return say(w, 'notices.audit.account_updated', {
      who: Who(e, w),
      withParts: has(parts.length),
      parts: parts.join(', '),
    });
  },
  'identity.verified': (e, w) => {
    const platform = platformName(str(e.after, 'platform'));
    return platform
      ? say(w, 'notices.audit.identity_verified', { who: e.subject ?? by(e, w), platform })
      : undefined;
  },
  'invitation.created': (e, w) => {
    const email = str(e.after, 'email');
    const role = str(e.after, 'role');
    if (!email || !role) return undefined;
    const until = moment(w, e.after.expiresAt);
    return say(w, 'notices.audit.invitation_created', {
      by: by(e, w),
      email: w.person(email),
      role,
      ...withSeat(w, str(e.after, 'plan')),
      withUntil: has(until),
      until: until ?? '',
    });
  },
  'invitation.accepted': (e, w) => {
    const role = str(e.after, 'role');
    if (!role) return undefined;
    return say(w, 'notices.audit.invitation_accepted', {
      by: by(e, w),
      role,
      ...withSeat(w, str(e.after, 'plan')),
    });
  },
  'invitation.declined': (e, w) =>
    e.actor
      ? say(w, 'notices.audit.invitation_declined', { actor: e.actor })
      : say(w, 'notices.audit.invitation_declined_unknown'),
  'invitation.expired': (e, w) => {
    const email = str(e.after, 'email');
    return email
      ? say(w, 'notices.audit.invitation_expired', { email: w.person(email) })
      : say(w, 'notices.audit.invitation_expired_unknown');
  },
  'invitation.revoked': (e, w) => {
    const email = str(e.after, 'email');
    return email
      ? say(w, 'notices.audit.invitation_revoked', { by: by(e, w), email: w.person(email) })
      : undefined;
  },
  'member.deprovisioned': (e, w) =>
    say(w, 'notices.audit.member_deprovisioned', { by: by(e, w), who: who(e, w) }),
  'member.offboarded': (e, w) => {
    const plan = str(e.before, 'plan');
    const details = [
      bool(e.after, 'seatFreed') && plan && plan !== 'free'
        ? say(w, 'notices.audit.member_offboarded_seat_freed', { plan: w.plan(plan) })
        : null,
      bool(e.after, 'former') ? say(w, 'notices.audit.member_offboarded_former') : null,
    ].filter(Boolean);
    return say(w, 'notices.audit.member_offboarded', {
      by: by(e, w),
      who: who(e, w),
      withDetails: has(details.length),
      details: details.join(', '),
    });
  },
  'member.provisioned': (e, w) => {
    const role = str(e.after, 'role');
    if (!role) return undefined;
    return say(w, 'notices.audit.member_provisioned', {
      by: by(e, w),
      who: who(e, w),
      role,
      ...withSeat(w, str(e.after, 'plan')),
    });
  },
  'member.reactivated': (e, w) =>
    say(w, 'notices.audit.member_reactivated', {
      by: by(e, w),
      who: who(e, w),
      ...withSeat(w, str(e.after, 'plan')),
    }),
  'member.role': (e, w) => {
    const now = roleWords(w, e.after);
    if (!now) return undefined;
    const was = roleWords(w, e.before);
    return say(w, 'notices.audit.member_role', {
      by: by(e, w),
      who: who(e, w),
      now,
      withWas: has(was),
      was: was ?? '',
    });
  },
  'member.scim_attributes': (e, w) => {
    const name = str(e.after, 'displayName');
    return say(w, 'notices.audit.member_scim_attributes', {
      by: by(e, w),
      who: who(e, w),
      withName: has(name),
      name: name ?? '',
    });
  },
  'personal_plan.paused': (e, w) => {
    const plan = str(e.after, 'personalPlan') ?? str(e.before, 'personalPlan');
    return plan
      ? say(w, 'notices.audit.personal_plan_paused', { who: Who(e, w), plan: capital(plan) })
      : undefined;
  },
  'personal_plan.restored': (e, w) => {
    const plan = str(e.after, 'personalPlan') ?? str(e.before, 'personalPlan');
    return plan
      ? say(w, 'notices.audit.personal_plan_restored', { who: Who(e, w), plan: capital(plan) })
      : undefined;
  },
  'personal_plan.upgraded': (e, w) => {
    const plan = str(e.after, 'personalPlan');
    if (!plan) return undefined;
    const was = str(e.before, 'personalPlan');
    return say(w, 'notices.audit.personal_plan_upgraded', {
      who: e.actor ?? who(e, w),
      plan: capital(plan),
      withWas: has(was),
      was: was ? capital(was) : '',
    });
  },
} satisfies SentencesFor<PeopleAction>;
