import { unassignPlan } from '../../service/unassign-plan.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler, ActionInput } from '../handler.ts';
import { ok } from '../reply.ts';

const orgId = (p: ActionInput['payload']) => String(p.organizationId ?? '');

export const unassignConfirmAction: ActionHandler = async (c, { payload }) => {
  const r = await unassignPlan(c.service, c.actor, {
    organizationId: orgId(payload),
    member: String(payload.member ?? ''),
  });
  return ok(wordsOf(c).t('commands_core.unassign.done', { email: r.member.email, plan: r.from.name }));
};
