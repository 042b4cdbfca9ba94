import { MAX_INVITES_PER_REQUEST } from '../../domain/limits.ts';
import { INVITATION_TTL_MS, type InviteSkip, inviteMembers } from '../../service/invite-members.ts';
import { lower, planName, refuse } from '../args.ts';
import { emailOf, organizationFor, wordsOf } from '../context.ts';
import { inviteSkipText } from '../domain-terms.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { tokenText } from '../tokens.ts';
import { type Who, whoFrom } from '../who.ts';

export interface InviteCommand {
  name: 'invite';
  who: Who[];
  role: 'admin' | 'member';
  plan: string | null;
}

const INVITATION_DAYS = INVITATION_TTL_MS / (24 * 3600 * 1000);

/** The service's skip reasons as the catalog's variants. */
const SKIP_REASONS: Record<InviteSkip, 'member' | 'invited'> = {
  already_member: 'member',
  already_invited: 'invited',
};

export const inviteSpec = defineCommand<InviteCommand>({
  name: 'invite',
  syntax: 'invite <who>... [as admin|member] [plan <plan>]',
  summary: 'commands_handlers.summary.invite',
  example: 'invite ana@example.com bo@example.com as member plan pro',
  parse: (args, usage) => {
    const who: Who[] = [];
    let role: 'admin' | 'member' = 'member';
    let planCode: string | null = null;
    for (let i = 0; i < args.length; i++) {
      const t = args[i]!;
      const w = whoFrom(t);
      if (w) {
        who.push(w);
        continue;
      }
      const word = lower(t);
      if (word === 'as') {
        const r = lower(args[++i]);
        if (r !== 'admin' && r !== 'member')
          refuse({ key: 'handlers_people.invite.as_role', args: { usage } });
        role = r as 'admin' | 'member';
      } else if (word === 'plan') {
        planCode = planName(args[++i], usage);
      } else if (word === 'and') {
      } else if (t.kind === 'word' && t.text.includes('@') && !t.text.startsWith('<')) {
        refuse({ key: 'handlers_people.invite.bad_email', args: { typed: t.text, usage } });
      } else {
        refuse({ key: 'handlers_people.invite.not_who', args: { typed: tokenText(t), usage } });
      }
    }
    if (who.length === 0) refuse({ key: 'handlers_people.invite.nobody', args: { usage } });
    if (who.length > MAX_INVITES_PER_REQUEST)
      refuse({ key: 'handlers_people.invite.too_many', args: { max: String(MAX_INVITES_PER_REQUEST) } });
    return { who, role, plan: planCode };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const emails = [];
    for (const w of cmd.who) emails.push(await emailOf(c, w));
    const r = await inviteMembers(c.service, c.actor, {
      organizationId,
      emails,
      role: cmd.role,
      plan: cmd.plan,
    });
    const w = wordsOf(c);
    const skipped = r.skipped.map((s) =>
      w.t('handlers_people.invite.skipped', {
        email: s.email,
        reason: SKIP_REASONS[s.reason],
        text: inviteSkipText(s.reason, w),
      }),
    );
    const n = r.invited.length;
    const plan = r.plan && r.plan.code !== 'free' ? r.plan : null;
    const text = n
      ? w.t('handlers_people.invite.done', {
          count: n,
          role: cmd.role,
          withPlan: plan ? 'yes' : 'no',
          plan: plan?.name ?? '',
          emails: r.invited.map((i) => i.email).join(', '),
          days: INVITATION_DAYS,
        })
      : w.t('handlers_people.invite.nobody_new');
    const notes: string[] = [];
    if (plan && r.freeSeats !== null && r.freeSeats < n) {
      const short = n - r.freeSeats;
      notes.push(
        w.t('handlers_people.invite.short', {
          free: r.freeSeats,
          plan: plan.name,
          all: short === n ? 'yes' : 'no',
          short,
          shortText: String(short),
          code: plan.code,
        }),
      );
    }
    for (const email of r.formerApprovers)
      notes.push(w.t('handlers_people.invite.former_approver', { email, role: cmd.role }));
    const sections = [
      ...(notes.length ? [{ title: w.t('handlers_people.invite.note_title'), lines: notes }] : []),
      ...(skipped.length ? [{ title: w.t('handlers_people.invite.skipped_title'), lines: skipped }] : []),
    ];
    return ok(text, sections.length ? { sections } : {});
  },
});
