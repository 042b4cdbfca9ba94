import { describeStatus } from '../../domain/quote.ts';
import { rejectPurchase } from '../../service/reject-purchase.ts';
import { plural } from '../format.ts';
import type { ActionHandler } from '../handler.ts';
import { info, ok } from '../reply.ts';
import { decider } from './decider.ts';

export const rejectPurchaseAction: ActionHandler = async (c, { payload, values }) => {
  const reason = typeof values?.reason === 'string' ? values.reason : null;
  const { request: r, outcome } = await rejectPurchase(c.service, c.actor, {
    requestId: String(payload.requestId ?? ''),
    reason,
  });
  const what = plural(r.quantity, `${r.planCode} seat`);
  if (outcome === 'already_decided')
    return info(`Already decided: ${what} ${describeStatus(r)} by ${await decider(c, r)}. Nothing changed.`);
  return ok(`Rejected: ${what}. The requester is told.`);
};

/** The purchase form's submission runs the same path as `add <n> <plan>`. */
