import { acceptInvitation } from '../../service/answer-invitation.ts';
import type { ActionHandler } from '../handler.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';
import { subjectKey } from '../subject.ts';

const id = (p: Record<string, unknown>) => String(p.invitationId ?? '');

export const acceptInvitationAction: ActionHandler = async (c, { payload }) => {
  const r = await acceptInvitation(c.service, c.actor, { invitationId: id(payload) });
  const plan = r.seat
    ? `You have a ${planTitle(r.seat.planCode)} seat`
    : r.noFreeSeat
      ? 'No seat of the planned plan was free, so you start on Free; your admin is told'
      : 'You are on the Free plan until an admin gives you a seat';
  return ok(
    `Welcome to ${r.organization.name}! ${plan}. Your own plan is paused while the organization pays.`,
    { decided: subjectKey.invitation(id(payload)) },
  );
};
