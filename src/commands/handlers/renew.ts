import { setSeatAutoRenew } from '../../service/set-seat-auto-renew.ts';
import { noMore, oneWho, onOff } from '../args.ts';
import { emailOf, organizationFor } from '../context.ts';
import { day } from '../format.ts';
import { planTitle } from '../plan-title.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import type { Who } from '../who.ts';

export interface RenewCommand {
  name: 'renew';
  who: Who;
  on: boolean;
}

export const renewSpec = defineCommand<RenewCommand>({
  name: 'renew',
  syntax: 'renew <who> on|off',
  summary: 'commands_handlers.summary.renew',
  example: 'renew ana@example.com off',
  parse: (a, usage) => {
    const who = oneWho(a[0], usage);
    const on = onOff(a[1], usage);
    noMore(a.slice(2), usage);
    return { who, on };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const member = await emailOf(c, cmd.who);
    const r = await setSeatAutoRenew(c.service, c.actor, { organizationId, member, autoRenew: cmd.on });
    return ok(
      cmd.on
        ? `${r.member.email}'s ${planTitle(r.seat.planCode)} seat renews on ${day(r.renewsOn!)}.`
        : `${r.member.email}'s ${planTitle(r.seat.planCode)} seat stays usable until ${day(r.endsAt!)}, then it is not renewed or billed.`,
    );
  },
});
