import { askToGiveBack } from '../../service/ask-to-give-back.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';

/** "Ask them to give back" on a quote: the holders of unused seats are asked; the request shrinks as they answer. */
export const askGiveBackAction: ActionHandler = async (c, { payload }) => {
  const {
    request: r,
    asked,
    freed,
  } = await askToGiveBack(c.service, c.actor, {
    requestId: String(payload.requestId ?? ''),
  });
  const w = wordsOf(c);
  const plan = planTitle(r.planCode);
  return ok(
    w
      .t('approvals.reuse.asked', {
        asked,
        freed,
        plan,
        code: r.planCode,
        covered: r.status === 'covered' ? 'yes' : 'no',
        seats: w.t('commands_core.purchase.seats', { count: r.quantity, plan }),
      })
      .trim(),
  );
};
