import {
  a,
  bool,
  by,
  capital,
  moment,
  platformName,
  roleWords,
  type SentencesFor,
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

const PROFILE_FIELDS: Record<string, string> = {
  name: 'name',
  personalPlan: 'own plan',
  paymentMethod: 'payment method',
};

/** Accounts, invitations and members: who joined, left, or changed role. */
export const PEOPLE_SENTENCES = {
  'account.created': (e, w) => {
    const email = str(e.after, 'email');
    return `${e.subject ?? (email ? w.person(email) : 'Someone')} got a Seatkeeper account.`;
  },
  'account.updated': (e) => {
    const changed = Object.keys(PROFILE_FIELDS).filter(
      (k) => k in e.after && JSON.stringify(e.after[k]) !== JSON.stringify(e.before[k]),
    );
    const plan = str(e.after, 'personalPlan');
    const parts = changed.map((k) =>
      k === 'personalPlan' && plan
        ? `own plan now ${capital(plan)}${str(e.before, 'personalPlan') ? ` (was ${capital(str(e.before, 'personalPlan')!)})` : ''}`
        : `new ${PROFILE_FIELDS[k]}`,
    );
    return `${Who(e)}'s account was updated${parts.length ? `: ${parts.join(', ')}` : ''}.`;
  },
  'identity.verified': (e) => {
    const platform = platformName(str(e.after, 'platform'));
    return platform ? `${e.subject ?? by(e)} was confirmed as a ${platform} user.` : undefined;
  },
  'invitation.created': (e, w) => {
    const email = str(e.after, 'email');
    const role = str(e.after, 'role');
    if (!email || !role) return undefined;
    const plan = str(e.after, 'plan');
    const until = moment(w, e.after.expiresAt);
    return `${by(e)} invited ${w.person(email)} as ${role}${plan && plan !== 'free' ? ` with ${a(w.plan(plan))} seat` : ''}${until ? `, until ${until}` : ''}.`;
  },
  'invitation.accepted': (e, w) => {
    const role = str(e.after, 'role');
    if (!role) return undefined;
    const plan = str(e.after, 'plan');
    return `${by(e)} accepted the invitation and joined as ${role}${plan && plan !== 'free' ? ` with ${a(w.plan(plan))} seat` : ''}.`;
  },
  'invitation.declined': (e) =>
    e.actor ? `${e.actor} declined the invitation.` : 'An invitation was declined.',
  'invitation.expired': (e, w) => {
    const email = str(e.after, 'email');
    return email
      ? `The invitation to ${w.person(email)} expired unanswered.`
      : 'An invitation expired unanswered.';
  },
  'invitation.revoked': (e, w) => {
    const email = str(e.after, 'email');
    return email ? `${by(e)} withdrew the invitation to ${w.person(email)}.` : undefined;
  },
  'member.deprovisioned': (e) => `${by(e)} deprovisioned ${who(e)}, who is offboarded.`,
  'member.offboarded': (e, w) => {
    const plan = str(e.before, 'plan');
    const details = [
      bool(e.after, 'seatFreed') && plan && plan !== 'free' ? `their ${w.plan(plan)} seat freed` : null,
      bool(e.after, 'former') ? 'marked former' : null,
    ].filter(Boolean);
    return `${by(e)} offboarded ${who(e)}${details.length ? ` (${details.join(', ')})` : ''}.`;
  },
  'member.provisioned': (e, w) => {
    const role = str(e.after, 'role');
    if (!role) return undefined;
    const plan = str(e.after, 'plan');
    return `${by(e)} added ${who(e)} as ${role}${plan && plan !== 'free' ? ` with ${a(w.plan(plan))} seat` : ''}.`;
  },
  'member.reactivated': (e, w) => {
    const plan = str(e.after, 'plan');
    return `${by(e)} brought ${who(e)} back${plan && plan !== 'free' ? ` with ${a(w.plan(plan))} seat` : ''}.`;
  },
  'member.role': (e) => {
    const now = roleWords(e.after);
    if (!now) return undefined;
    const was = roleWords(e.before);
    return `${by(e)} made ${who(e)} ${now}${was ? ` (was ${was})` : ''}.`;
  },
  'member.scim_attributes': (e) => {
    const name = str(e.after, 'displayName');
    return `${by(e)} updated ${who(e)}'s profile${name ? `; display name ${name}` : ''}.`;
  },
  'personal_plan.paused': (e) => {
    const plan = str(e.after, 'personalPlan') ?? str(e.before, 'personalPlan');
    return plan ? `${Who(e)}'s own ${capital(plan)} plan is paused while the organization pays.` : undefined;
  },
  'personal_plan.restored': (e) => {
    const plan = str(e.after, 'personalPlan') ?? str(e.before, 'personalPlan');
    return plan ? `${Who(e)}'s own ${capital(plan)} plan is back.` : undefined;
  },
  'personal_plan.upgraded': (e) => {
    const plan = str(e.after, 'personalPlan');
    if (!plan) return undefined;
    const was = str(e.before, 'personalPlan');
    return `${e.actor ?? who(e)} upgraded their own plan to ${capital(plan)}${was ? ` (was ${capital(was)})` : ''}.`;
  },
} satisfies SentencesFor<PeopleAction>;
