import { sendToApprovers } from '../../service/send-to-approvers.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';

/** "Buy anyway" on a held request: it goes to the approvers as it is. */
export const sendToApproversAction: ActionHandler = async (c, { payload }) => {
  const r = await sendToApprovers(c.service, c.actor, { requestId: String(payload.requestId ?? '') });
  const w = wordsOf(c);
  const what = w.t('commands_handlers.add.what', {
    count: r.request.quantity,
    plan: planTitle(r.request.planCode),
  });
  if (r.already) return ok(w.t('approvals.reuse.already_sent', { what }));
  return ok(w.t('commands_handlers.add.routed', { what, approvers: r.approvers }));
};
