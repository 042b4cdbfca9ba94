import { MAX_INVITES_PER_REQUEST } from '../../domain/limits.ts';
import { INVITATION_TTL_MS, inviteMembers } from '../../service/invite-members.ts';
import { lower, planName, refuse } from '../args.ts';
import { emailOf, organizationFor } from '../context.ts';
import { plural } from '../format.ts';
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
        if (r !== 'admin' && r !== 'member') refuse(`After "as" say admin or member: \`${usage}\`.`);
        role = r as 'admin' | 'member';
      } else if (word === 'plan') {
        planCode = planName(args[++i], usage);
      } else if (word === 'and') {
      } else if (t.kind === 'word' && t.text.includes('@') && !t.text.startsWith('<')) {
        refuse(`"${t.text}" is not a valid email address: \`${usage}\`.`);
      } else {
        refuse(`"${tokenText(t)}" is not a mention or an email: \`${usage}\`.`);
      }
    }
    if (who.length === 0) refuse(`Name at least one person: \`${usage}\`.`);
    if (who.length > MAX_INVITES_PER_REQUEST)
      refuse(`Invite at most ${MAX_INVITES_PER_REQUEST} people at once.`);
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
    const skipped = r.skipped.map((s) => `${s.email}: ${s.reason}`);
    const n = r.invited.length;
    const as = n === 1 ? (cmd.role === 'admin' ? 'an admin' : 'a member') : `${cmd.role}s`;
    const plan = r.plan && r.plan.code !== 'free' ? r.plan : null;
    const text = n
      ? `Invited ${plural(n, 'person', 'people')} as ${as}${plan ? ` with a ${plan.name} seat` : ''}: ${r.invited.map((i) => i.email).join(', ')}. They get a message to accept; the invitation lasts ${plural(INVITATION_DAYS, 'day')}.`
      : 'Nobody new to invite.';
    const notes: string[] = [];
    if (plan && r.freeSeats !== null && r.freeSeats < n) {
      const short = n - r.freeSeats;
      notes.push(
        `${r.freeSeats === 0 ? `No ${plan.name} seat is free` : `Only ${plural(r.freeSeats, `${plan.name} seat`)} ${r.freeSeats === 1 ? 'is' : 'are'} free`} right now: ${short === n ? 'they join' : `${plural(short, 'person', 'people')} will join`} on Free unless seats free up. Buy ${short === 1 ? 'one' : 'more'} with \`add ${short} ${plan.code}\`.`,
      );
    }
    for (const email of r.formerApprovers)
      notes.push(
        `${email} was a billing approver before leaving and comes back without that right: once they have joined, the owner can give it back with ${cmd.role === 'admin' ? '' : `\`role ${email} admin\`, then `}\`role ${email} approver\`.`,
      );
    const sections = [
      ...(notes.length ? [{ title: 'Note', lines: notes }] : []),
      ...(skipped.length ? [{ title: 'Skipped', lines: skipped }] : []),
    ];
    return ok(text, sections.length ? { sections } : {});
  },
});
