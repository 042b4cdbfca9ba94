import { answerIdleOffer } from '../../service/answer-idle-offer.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';

const id = (p: Record<string, unknown>) => String(p.offerId ?? '');

export const idleKeepAction: ActionHandler = async (c, { payload }) => {
  const r = await answerIdleOffer(c.service, c.actor, { offerId: id(payload), keep: true });
  const text = wordsOf(c).t('commands_core.idle.kept', {
    plan: planTitle(r.plan),
    organization: r.organizationName,
  });
  return ok(text, {
    decided: subjectKey.idle(id(payload)),
  });
};
