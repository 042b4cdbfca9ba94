import { declineInvitation } from '../../service/answer-invitation.ts';
import type { ActionHandler } from '../handler.ts';
import { ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';

const id = (p: Record<string, unknown>) => String(p.invitationId ?? '');

export const declineInvitationAction: ActionHandler = async (c, { payload }) => {
  await declineInvitation(c.service, c.actor, { invitationId: id(payload) });
  return ok('You declined the invitation. Nothing changes for you.', {
    decided: subjectKey.invitation(id(payload)),
  });
};
