import { answerIdleOffer } from '../../service/answer-idle-offer.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';

const id = (p: Record<string, unknown>) => String(p.offerId ?? '');

export const idleGiveBackAction: ActionHandler = async (c, { payload }) => {
  const r = await answerIdleOffer(c.service, c.actor, { offerId: id(payload), keep: false });
  return ok(
    `You gave back your ${planTitle(r.plan)} seat in ${r.organizationName}. You are on Free there now; ask an admin if you need a seat again.`,
    { decided: subjectKey.idle(id(payload)) },
  );
};
