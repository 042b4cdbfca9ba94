import { approvePurchase } from '../../service/approve-purchase.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler } from '../handler.ts';
import { fail, info, ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';
import { alreadyDecided, seatsOf } from './decider.ts';

export const approvePurchaseAction: ActionHandler = async (c, { payload }) => {
  const {
    request: r,
    outcome,
    firstDecision,
    onBehalfOf,
    priceRose,
  } = await approvePurchase(c.service, c.actor, { requestId: String(payload.requestId ?? '') });
  const w = wordsOf(c);
  const seats = seatsOf(w, r);
  if (outcome === 'expired')
    return fail(
      w.t(priceRose ? 'commands_core.purchase.price_rose' : 'commands_core.purchase.expired', {
        seats,
        quantity: String(r.quantity),
        code: r.planCode,
      }),
      'quote_expired',
    );
  if (!firstDecision) return info(await alreadyDecided(c, w, r));
  if (outcome === 'payment_failed') {
    return {
      ...fail(
        w.t('commands_core.purchase.payment_failed', { reason: r.failureReason ?? '' }),
        'payment_failed',
      ),
      decided: subjectKey.purchase(r.id),
    };
  }
  const amount = w.money(r.proratedAmount, r.currency);
  return ok(
    onBehalfOf
      ? w.t('commands_core.purchase.approved_for', { approver: onBehalfOf, seats, amount })
      : w.t('commands_core.purchase.approved', { seats, amount }),
    { decided: subjectKey.purchase(r.id) },
  );
};
