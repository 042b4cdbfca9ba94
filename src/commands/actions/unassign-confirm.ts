import { unassignPlan } from '../../service/unassign-plan.ts';
import type { ActionHandler, ActionInput } from '../handler.ts';
import { ok } from '../reply.ts';

const orgId = (p: ActionInput['payload']) => String(p.organizationId ?? '');

export const unassignConfirmAction: ActionHandler = async (c, { payload }) => {
  const r = await unassignPlan(c.service, c.actor, {
    organizationId: orgId(payload),
    member: String(payload.member ?? ''),
  });
  return ok(`${r.member.email} is on Free now; their ${r.from.name} seat is free for someone else.`);
};
