import { setRole } from '../../service/set-role.ts';
import { lower, noMore, oneWho, refuse } from '../args.ts';
import { emailOf, organizationFor, wordsOf } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import type { Who } from '../who.ts';

const ROLES = ['admin', 'member', 'approver', 'not-approver'] as const;

export interface RoleCommand {
  name: 'role';
  who: Who;
  role: (typeof ROLES)[number];
}

export const roleSpec = defineCommand<RoleCommand>({
  name: 'role',
  syntax: 'role <who> admin|member|approver|not-approver',
  summary: 'commands_handlers.summary.role',
  example: 'role ana@example.com approver',
  parse: (a, usage) => {
    const who = oneWho(a[0], usage);
    const r = lower(a[1]);
    const role =
      ROLES.find((x) => x === r) ?? refuse({ key: 'handlers_org.role.which_role', args: { usage } });
    noMore(a.slice(2), usage);
    return { who, role };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const member = await emailOf(c, cmd.who);
    const r = await setRole(c.service, c.actor, { organizationId, member, role: cmd.role });
    const role = cmd.role === 'not-approver' ? 'not_approver' : cmd.role;
    return ok(wordsOf(c).t('commands_handlers.role.done', { member: r.member.email, role }));
  },
});
