import { acceptInvitation } from '../../service/answer-invitation.ts';
import { wordsOf } from '../context.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';

const id = (p: Record<string, unknown>) => String(p.invitationId ?? '');

export const acceptInvitationAction: ActionHandler = async (c, { payload }) => {
  const r = await acceptInvitation(c.service, c.actor, { invitationId: id(payload) });
  const text = wordsOf(c).t('commands_core.invitation.accepted', {
    organization: r.organization.name,
    outcome: r.seat ? 'seat' : r.noFreeSeat ? 'no_free_seat' : 'free',
    plan: r.seat ? planTitle(r.seat.planCode) : '',
  });
  return ok(text, { decided: subjectKey.invitation(id(payload)) });
};
