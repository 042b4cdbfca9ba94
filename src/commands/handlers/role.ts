import { setRole } from '../../service/set-role.ts';
import { emailOf, organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const role: Handler<'role'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  const member = await emailOf(c, cmd.who);
  const r = await setRole(c.service, c.actor, { organizationId, member, role: cmd.role });
  const what =
    cmd.role === 'approver'
      ? 'is now a billing approver'
      : cmd.role === 'not-approver'
        ? 'is no longer a billing approver'
        : `is now ${cmd.role === 'admin' ? 'an admin' : 'a member'}`;
  return ok(`${r.member.email} ${what}.`);
};
