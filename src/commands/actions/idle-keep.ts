import { answerIdleOffer } from '../../service/answer-idle-offer.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';

const id = (p: Record<string, unknown>) => String(p.offerId ?? '');

export const idleKeepAction: ActionHandler = async (c, { payload }) => {
  const r = await answerIdleOffer(c.service, c.actor, { offerId: id(payload), keep: true });
  return ok(`You keep your ${planTitle(r.plan)} seat in ${r.organizationName}. Thanks for telling us.`, {
    decided: subjectKey.idle(id(payload)),
  });
};
