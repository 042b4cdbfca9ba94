import { endDelegation } from '../../service/end-delegation.ts';
import { nameDelegate } from '../../service/name-delegate.ts';
import { lower, noMore, oneWho, refuse } from '../args.ts';
import { emailOf, organizationFor, wordsOf } from '../context.ts';
import { info, ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { tokenText } from '../tokens.ts';
import type { Who } from '../who.ts';

export type DelegateCommand =
  | { name: 'delegate'; off: true }
  | { name: 'delegate'; off: false; who: Who; until: string };

/**
 * `delegate <who> until <date>`: an approver away names who decides purchases for them through
 * that day; `delegate off` ends it. The delegate is told by a direct message.
 */
export const delegateSpec = defineCommand<DelegateCommand>({
  name: 'delegate',
  syntax: 'delegate <who> until <yyyy-mm-dd> | delegate off',
  summary: 'commands_handlers.summary.delegate',
  example: 'delegate ana@example.com until 2026-12-24',
  parse: (a, usage) => {
    if (lower(a[0]) === 'off') {
      noMore(a.slice(1), usage);
      return { off: true };
    }
    const who = oneWho(a[0], usage);
    const until = a[2] ? tokenText(a[2]) : '';
    if (lower(a[1]) !== 'until' || !/^\d{4}-\d{2}-\d{2}$/.test(until))
      refuse({ key: 'approvals.delegate.usage', args: { usage } });
    noMore(a.slice(3), usage);
    return { off: false, who, until };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    const w = wordsOf(c);
    if (cmd.off) {
      const r = await endDelegation(c.service, c.actor, { organizationId });
      return r.ended
        ? ok(w.t('approvals.delegate.ended', { delegate: r.ended.email }))
        : info(w.t('approvals.delegate.none'));
    }
    const delegate = await emailOf(c, cmd.who);
    const r = await nameDelegate(c.service, c.actor, { organizationId, delegate, until: cmd.until });
    return ok(
      w.t('approvals.delegate.named', {
        delegate: r.delegate.email,
        day: w.day(`${r.until}T12:00:00Z`),
        org: r.organization.name,
      }),
    );
  },
});
