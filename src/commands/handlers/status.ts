import { isDomainError } from '../../domain/errors.ts';
import { organizationsOf } from '../../service/organizations-of.ts';
import { seatSummary } from '../../service/seat-summary.ts';
import { noArgs } from '../args.ts';
import { organizationFor } from '../context.ts';
import { day } from '../format.ts';
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
  summary: 'Seats per plan: purchased, assigned, free, ending, renewal date (members: your own plan).',
  example: 'status',
  parse: noArgs,
  run: async (c) => {
    const organizationId = await organizationFor(c);
    try {
      const s = await seatSummary(c.service, c.actor, { organizationId });
      const lines = s.plans.map(
        (p) =>
          `${p.planName}: ${p.purchased} purchased, ${p.assigned} assigned, ${p.free} free, ${p.ending} ending — renews ${day(p.renewalDate)}${p.contractKind === 'external' ? ' (connected contract)' : ''}${p.frozen ? ' — frozen (disconnected)' : ''}`,
      );
      const extra =
        s.status === 'cancelling' && s.paidThrough ? `Cancelled: access until ${day(s.paidThrough)}.` : null;
      return info(
        `${s.organizationName}: ${s.totals.assigned} of ${s.totals.purchased} seats assigned, ${s.totals.free} free.`,
        {
          sections: [
            {
              title: 'Seats per plan',
              lines: lines.length ? lines : ['No seats yet. Buy some with `add <n> <plan>`.'],
            },
          ],
          fields: [
            { label: 'Auto-assign', value: s.autoAssign ? 'on' : 'off' },
            ...(extra ? [{ label: 'Cancellation', value: extra }] : []),
            ...(s.undeliveredNotices > 0
              ? [
                  {
                    label: 'Undelivered messages',
                    value: `${s.undeliveredNotices} could not be delivered; check the chat app's access`,
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
        `You are ${mine?.role === 'admin' ? 'an admin' : 'a member'} of ${mine?.name ?? 'your organization'} on the ${planTitle(mine?.plan ?? 'free')} plan. Need more seats? Ask with \`add <n> <plan>\`.`,
        {
          private: true,
        },
      );
    }
  },
});
