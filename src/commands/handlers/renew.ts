import { setSeatAutoRenew } from '../../service/set-seat-auto-renew.ts';
import { noMore, oneWho, onOff } from '../args.ts';
import { emailOf, organizationFor, wordsOf } from '../context.ts';
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
    const w = wordsOf(c);
    const seat = { member: r.member.email, plan: planTitle(r.seat.planCode) };
    return ok(
      cmd.on
        ? w.t('commands_handlers.renew.on', { ...seat, day: w.day(r.renewsOn!) })
        : w.t('commands_handlers.renew.off', { ...seat, day: w.day(r.endsAt!) }),
    );
  },
});
