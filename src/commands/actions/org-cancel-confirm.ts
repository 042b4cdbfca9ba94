import { cancelOrganization } from '../../service/cancel-organization.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler, ActionInput } from '../handler.ts';
import { ok } from '../reply.ts';

const orgId = (p: ActionInput['payload']) => String(p.organizationId ?? '');

export const orgCancelConfirmAction: ActionHandler = async (c, { payload }) => {
  const r = await cancelOrganization(c.service, c.actor, { organizationId: orgId(payload) });
  const w = wordsOf(c);
  return ok(w.t('commands_core.org.cancelled', { day: w.day(r.paidThrough) }));
};
