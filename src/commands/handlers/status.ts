import { isDomainError } from '../../domain/errors.ts';
import { organizationsOf } from '../../service/organizations-of.ts';
import { seatSummary } from '../../service/seat-summary.ts';
import { noArgs } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { planTitle } from '../plan-title.ts';
import { info } from '../reply.ts';
import { defineCommand } from '../spec.ts';

export interface StatusCommand {
  name: 'status';
}

/** Admins see the seats per plan; members see their own plan. */
export const statusSpec = defineCommand<StatusCommand>({
  name: 'status',
  syntax: 'status',
  summary: 'commands_handlers.summary.status',
  example: 'status',
  parse: noArgs,
  run: async (c) => {
    const w = wordsOf(c);
    const organizationId = await organizationFor(c);
    try {
      const s = await seatSummary(c.service, c.actor, { organizationId });
      const lines = s.plans.map((p) =>
        w.t('commands_handlers.status.plan_line', {
          plan: p.planName,
          purchased: p.purchased,
          assigned: p.assigned,
          free: p.free,
          ending: p.ending,
          day: w.day(p.renewalDate),
          external: p.contractKind === 'external' ? 'yes' : 'no',
          frozen: p.frozen ? 'yes' : 'no',
        }),
      );
      const extra =
        s.status === 'cancelling' && s.paidThrough
          ? w.t('commands_handlers.status.cancelled', { day: w.day(s.paidThrough) })
          : null;
      return info(
        w.t('commands_handlers.status.headline', {
          organization: s.organizationName,
          assigned: s.totals.assigned,
          purchased: s.totals.purchased,
          free: s.totals.free,
        }),
        {
          sections: [
            {
              title: w.t('commands_handlers.status.section'),
              lines: lines.length ? lines : [w.t('commands_handlers.status.no_seats')],
            },
          ],
          fields: [
            {
              label: w.t('commands_handlers.status.autoassign'),
              value: w.t('commands_handlers.status.on_off', { on: s.autoAssign ? 'yes' : 'no' }),
            },
            ...(extra ? [{ label: w.t('commands_handlers.status.cancellation'), value: extra }] : []),
            ...(s.undeliveredNotices > 0
              ? [
                  {
                    label: w.t('commands_handlers.status.undelivered'),
                    value: w.t('commands_handlers.status.undelivered_value', { count: s.undeliveredNotices }),
                  },
                ]
              : []),
          ],
        },
      );
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'forbidden') throw e;
      const mine = (await organizationsOf(c.service, { email: c.actor.email })).find(
        (o) => o.id === organizationId,
      );
      return info(
        w.t('commands_handlers.status.member', {
          role: mine?.role === 'admin' ? 'admin' : 'member',
          organization: mine?.name ?? w.t('commands_handlers.status.your_organization'),
          plan: planTitle(mine?.plan ?? 'free'),
        }),
        { private: true },
      );
    }
  },
});
