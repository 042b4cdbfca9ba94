import { declineInvitation } from '../../service/answer-invitation.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler } from '../handler.ts';
import { ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';

const id = (p: Record<string, unknown>) => String(p.invitationId ?? '');

export const declineInvitationAction: ActionHandler = async (c, { payload }) => {
  await declineInvitation(c.service, c.actor, { invitationId: id(payload) });
  return ok(wordsOf(c).t('commands_core.invitation.declined'), {
    decided: subjectKey.invitation(id(payload)),
  });
};
