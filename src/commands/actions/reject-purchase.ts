import { rejectPurchase } from '../../service/reject-purchase.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler } from '../handler.ts';
import { info, ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';
import { alreadyDecided, seatsOf } from './decider.ts';

export const rejectPurchaseAction: ActionHandler = async (c, { payload, values }) => {
  const reason = typeof values?.reason === 'string' ? values.reason : null;
  const {
    request: r,
    outcome,
    ...rest
  } = await rejectPurchase(c.service, c.actor, {
    requestId: String(payload.requestId ?? ''),
    reason,
  });
  const w = wordsOf(c);
  if (outcome === 'already_decided') return info(await alreadyDecided(c, w, r));
  // the Cancel button on one's own purchase is the same action, read as a cancellation
  if (outcome === 'cancelled')
    return ok(w.t('commands_core.purchase.cancelled'), { decided: subjectKey.purchase(r.id) });
  const onBehalfOf = 'onBehalfOf' in rest ? rest.onBehalfOf : null;
  const seats = seatsOf(w, r);
  return ok(
    onBehalfOf
      ? w.t('commands_core.purchase.rejected_for', { approver: onBehalfOf, seats })
      : w.t('commands_core.purchase.rejected', { seats }),
    {
      decided: subjectKey.purchase(r.id),
    },
  );
};
