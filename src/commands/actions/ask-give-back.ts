import { askToGiveBack } from '../../service/ask-to-give-back.ts';
import { wordsOf } from '../context.ts';
import { seatedLine } from '../for-people.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';

/** "Ask them to give back" on a quote: the holders of unused seats are asked; the request shrinks as they answer. */
export const askGiveBackAction: ActionHandler = async (c, { payload }) => {
  const {
    request: r,
    asked,
    freed,
    seated,
    routed,
  } = await askToGiveBack(c.service, c.actor, {
    requestId: String(payload.requestId ?? ''),
  });
  const w = wordsOf(c);
  const plan = planTitle(r.planCode);
  const covered = r.status !== 'covered' ? 'no' : seated.length >= freed ? 'seated' : 'yes';
  const text = w
    .t('approvals.reuse.asked', {
      asked,
      freed,
      plan,
      code: r.planCode,
      covered,
      seats: w.t('commands_core.purchase.seats', { count: r.quantity, plan }),
    })
    .trim();
  const lines = [
    text,
    // seats freed at once went to the people the request was for
    ...(seated.length ? [seatedLine(seated, r.planCode, w)] : []),
    // a held request went to the approvers for what is left
    ...(routed !== null ? [w.t('approvals.reuse.sent_with_ask', { approvers: routed })] : []),
  ];
  return ok(lines.join(' '));
};
