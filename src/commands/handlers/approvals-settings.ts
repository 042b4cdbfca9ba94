import { DEFAULT_APPROVAL_TIMING } from '../../domain/approval-timing.ts';
import { updateOrganizationSettings } from '../../service/update-organization-settings.ts';
import { lower, noMore, refuse } from '../args.ts';
import { organizationFor, wordsOf } from '../context.ts';
import { ok } from '../reply.ts';
import { defineCommand } from '../spec.ts';
import { tokenText } from '../tokens.ts';

export interface ApprovalsCommand {
  name: 'approvals';
  /** null: back to the defaults */
  timing: { remindAfterHours: number; escalateAfterHours: number } | null;
}

const hours = (t: Parameters<typeof tokenText>[0] | undefined) => {
  const text = t ? tokenText(t).replace(/h$/i, '') : '';
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
};

/**
 * `approvals remind <hours> escalate <hours>`: when a purchase nobody answered reminds the
 * approvers, and when it goes to the owner as well (owners and admins); `approvals default`.
 */
export const approvalsSpec = defineCommand<ApprovalsCommand>({
  name: 'approvals',
  syntax: 'approvals remind <hours> escalate <hours> | approvals default',
  summary: 'commands_handlers.summary.approvals',
  example: 'approvals remind 8 escalate 20',
  parse: (a, usage) => {
    if (lower(a[0]) === 'default') {
      noMore(a.slice(1), usage);
      return { timing: null };
    }
    const remind = hours(a[1]);
    const escalate = hours(a[3]);
    if (lower(a[0]) !== 'remind' || lower(a[2]) !== 'escalate' || remind === null || escalate === null)
      return refuse({ key: 'approvals.timing.usage', args: { usage } });
    noMore(a.slice(4), usage);
    return { timing: { remindAfterHours: remind, escalateAfterHours: escalate } };
  },
  run: async (c, cmd) => {
    const organizationId = await organizationFor(c);
    await updateOrganizationSettings(c.service, c.actor, { organizationId, approvalTiming: cmd.timing });
    const t = cmd.timing ?? DEFAULT_APPROVAL_TIMING;
    return ok(
      wordsOf(c).t('approvals.timing.set', {
        remind: t.remindAfterHours,
        escalate: t.escalateAfterHours,
        defaults: cmd.timing ? 'no' : 'yes',
      }),
    );
  },
});
