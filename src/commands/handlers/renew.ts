import { setSeatAutoRenew } from '../../service/set-seat-auto-renew.ts';
import { emailOf, organizationFor } from '../context.ts';
import { day } from '../format.ts';
import type { Handler } from '../handler.ts';
import { ok } from '../reply.ts';

export const renew: Handler<'renew'> = async (c, cmd) => {
  const organizationId = await organizationFor(c);
  const member = await emailOf(c, cmd.who);
  const r = await setSeatAutoRenew(c.service, c.actor, { organizationId, member, autoRenew: cmd.on });
  return ok(
    cmd.on
      ? `${r.member.email}'s ${r.seat.planCode} seat renews on ${day(r.renewsOn!)}.`
      : `${r.member.email}'s ${r.seat.planCode} seat stays usable until ${day(r.endsAt!)}, then it is not renewed or billed.`,
  );
};
