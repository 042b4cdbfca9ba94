import { describeStatus } from '../../domain/quote.ts';
import { approvePurchase } from '../../service/approve-purchase.ts';
import { plural, price } from '../format.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { fail, info, ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';
import { decider } from './decider.ts';

export const approvePurchaseAction: ActionHandler = async (c, { payload }) => {
  const {
    request: r,
    outcome,
    firstDecision,
  } = await approvePurchase(c.service, c.actor, { requestId: String(payload.requestId ?? '') });
  const what = plural(r.quantity, `${planTitle(r.planCode)} seat`);
  if (outcome === 'expired')
    return fail(
      `The quote for ${what} expired, so nothing was charged. Ask again with \`add ${r.quantity} ${r.planCode}\`.`,
      'quote_expired',
    );
  if (!firstDecision)
    return info(`Already decided: ${what} ${describeStatus(r)} by ${await decider(c, r)}. Nothing changed.`);
  if (outcome === 'payment_failed') {
    return {
      ...fail(
        `Approved, but the payment failed: ${r.failureReason} No seats were added; update the payment method and ask again.`,
        'payment_failed',
      ),
      decided: subjectKey.purchase(r.id),
    };
  }
  return ok(
    `Approved: ${what} added, ${price(r.proratedAmount, r.currency)} charged. The requester is told.`,
    { decided: subjectKey.purchase(r.id) },
  );
};
