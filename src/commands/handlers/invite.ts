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
  summary: 'Invite people by mention or email; they get Accept / Decline.',
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
    const text = r.invited.length
      ? `Invited ${plural(r.invited.length, 'person', 'people')} as ${cmd.role}${cmd.plan ? ` with a ${cmd.plan} seat` : ''}: ${r.invited.map((i) => i.email).join(', ')}. They get a message to accept; the invitation lasts ${plural(INVITATION_DAYS, 'day')}.`
      : 'Nobody new to invite.';
    return ok(text, skipped.length ? { sections: [{ title: 'Skipped', lines: skipped }] } : {});
  },
});
