import { answerIdleOffer } from '../../service/answer-idle-offer.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';

const id = (p: Record<string, unknown>) => String(p.offerId ?? '');

export const idleGiveBackAction: ActionHandler = async (c, { payload }) => {
  const r = await answerIdleOffer(c.service, c.actor, { offerId: id(payload), keep: false });
  return ok(
    wordsOf(c).t('commands_core.idle.gave_back', {
      plan: planTitle(r.plan),
      organization: r.organizationName,
    }),
    { decided: subjectKey.idle(id(payload)) },
  );
};
