import { assignPlan } from '../../service/assign-plan.ts';
import { emailOf, organizationFor } from '../context.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const assign: Handler<'assign'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  const member = await emailOf(c, cmd.who);
  const r = await assignPlan(c.service, c.actor, { organizationId, member, plan: cmd.plan });
  return ok(
    `${r.member.email} now has a ${r.plan.name} seat${r.previousPlan !== 'free' ? ` (was ${r.previousPlan})` : ''}.`,
  );
};
