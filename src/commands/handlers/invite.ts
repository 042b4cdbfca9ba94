import { inviteMembers } from '../../service/invite-members.ts';
import { emailOf, organizationFor } from '../context.ts';
import { plural } from '../format.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const invite: Handler<'invite'> = async (c, cmd) => {
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
    ? `Invited ${plural(r.invited.length, 'person', 'people')} as ${cmd.role}${cmd.plan ? ` with a ${cmd.plan} seat` : ''}: ${r.invited.map((i) => i.email).join(', ')}. They get a message to accept; the invitation lasts 7 days.`
    : 'Nobody new to invite.';
  return ok(text, skipped.length ? { sections: [{ title: 'Skipped', lines: skipped }] } : {});
};
