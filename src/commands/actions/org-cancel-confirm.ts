import { cancelOrganization } from '../../service/cancel-organization.ts';
import { day } from '../format.ts';
import type { ActionHandler, ActionInput } from '../handler.ts';
import { ok } from '../reply.ts';

const orgId = (p: ActionInput['payload']) => String(p.organizationId ?? '');

export const orgCancelConfirmAction: ActionHandler = async (c, { payload }) => {
  const r = await cancelOrganization(c.service, c.actor, { organizationId: orgId(payload) });
  return ok(
    `Cancelled. Everyone keeps access until ${day(r.paidThrough)}; \`cancel undo\` takes it back until then.`,
  );
};
