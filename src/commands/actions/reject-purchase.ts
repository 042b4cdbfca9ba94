import { describeStatus } from '../../domain/quote.ts';
import { rejectPurchase } from '../../service/reject-purchase.ts';
import { plural } from '../format.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { info, ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';
import { decider } from './decider.ts';

export const rejectPurchaseAction: ActionHandler = async (c, { payload, values }) => {
  const reason = typeof values?.reason === 'string' ? values.reason : null;
  const { request: r, outcome } = await rejectPurchase(c.service, c.actor, {
    requestId: String(payload.requestId ?? ''),
    reason,
  });
  const what = plural(r.quantity, `${planTitle(r.planCode)} seat`);
  if (outcome === 'already_decided')
    return info(`Already decided: ${what} ${describeStatus(r)} by ${await decider(c, r)}. Nothing changed.`);
  // the Cancel button on one's own purchase is the same action, read as a cancellation
  if (outcome === 'cancelled')
    return ok(`Cancelled: nothing bought, nothing charged.`, { decided: subjectKey.purchase(r.id) });
  return ok(`Rejected: ${what}. The requester is told.`, { decided: subjectKey.purchase(r.id) });
};

/** The purchase form's submission runs the same path as `add <n> <plan>`. */
