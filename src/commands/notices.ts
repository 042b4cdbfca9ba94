import { day, plural, price } from './format.ts';
import { decisionButtons } from './handlers/purchase-buttons.ts';
import { info, type Reply } from './reply.ts';

/**
 * Renders an outbox message (a direct message to one person) as a neutral Reply. Every
 * notifier (shell, Slack, Teams) delivers through this, so a notice reads the same everywhere.
 */
export const renderNotice = (kind: string, p: Record<string, unknown>): Reply => {
  const s = (k: string) => (p[k] == null ? '' : String(p[k]));
  const n = (k: string) => Number(p[k] ?? 0);
  const org = s('organizationName') || 'your organization';
  switch (kind) {
    case 'invitation':
      if (p.event === 'invitation_declined') return info(`${s('email')} declined your invitation.`);
      return info(
        `${s('invitedBy')} invites you to ${org} as ${s('role')}${p.plan ? ` with a ${s('plan')} seat` : ''}. The invitation lasts until ${day(s('expiresAt'))}.`,
        {
          buttons: [
            {
              label: 'Accept',
              action: 'invitation.accept',
              payload: { invitationId: s('invitationId') },
              style: 'primary',
            },
            { label: 'Decline', action: 'invitation.decline', payload: { invitationId: s('invitationId') } },
          ],
        },
      );
    case 'approval_request':
      return info(`${s('requestedBy')} asks for ${plural(n('quantity'), `${s('plan')} seat`)} in ${org}.`, {
        fields: [
          { label: 'Charged now (prorated)', value: price(n('proratedAmount'), s('currency')) },
          { label: 'New recurring total', value: price(n('recurringTotal'), s('currency')) },
          { label: 'Quote valid until', value: day(s('quoteExpiresAt')) },
        ],
        buttons: decisionButtons(s('requestId')),
      });
    case 'purchase_result': {
      const what = plural(n('quantity'), `${s('plan')} seat`);
      if (p.status === 'charged')
        return info(
          `Approved and paid: ${what} added to ${org} (${price(n('proratedAmount'), s('currency'))}).`,
        );
      if (p.status === 'payment_failed')
        return info(`The payment for ${what} in ${org} failed: ${s('reason')} No seats were added.`, {
          tone: 'error',
        });
      if (p.status === 'rejected')
        return info(
          `${s('decidedBy') || 'An approver'} rejected ${what} in ${org}${p.reason ? `: ${s('reason')}` : '.'}`,
        );
      return info(`Your request for ${what} in ${org} is ${s('status')}.`);
    }
    case 'seat_assigned':
      if (p.event === 'invitation_accepted') {
        return info(
          `${s('email')} joined ${org} on ${s('plan')}.${p.noFreeSeat ? ` No free ${s('seatWanted')} seat was left: buy one with \`add 1 ${s('seatWanted')}\`.` : ''}`,
        );
      }
      return info(`You now have a ${s('plan')} seat in ${org}${p.by ? ` (from ${s('by')})` : ''}.`);
    case 'seat_removed':
      if (p.reason === 'not_renewed')
        return info(
          `Your ${s('plan')} seat in ${org} ended with the period and was not renewed. You are on Free now.`,
        );
      return info(
        `Your ${s('plan')} seat in ${org} was removed${p.by ? ` by ${s('by')}` : ''}. You are on Free now.`,
        {
          sections:
            Array.isArray(p.warnings) && p.warnings.length
              ? [{ title: 'What changes', lines: p.warnings.map(String) }]
              : [],
        },
      );
    case 'offboarded':
      return info(`You were offboarded from ${org}. You can no longer sign in there; your data stays.`);
    case 'organization_deleted':
      return info(`${org} was deleted. You are back on your own ${s('personalPlan')} plan.`);
    case 'organization_cancelled':
      if (p.closed) return info(`${org} has ended. You are back on your own ${s('personalPlan')} plan.`);
      return info(
        `${org} was cancelled. You keep access until ${day(s('paidThrough'))}, then you return to your own plan.`,
      );
    case 'ownership_transferred':
      return info(`${s('to')} now owns ${org} (handed over by ${s('from')}).`);
    case 'seat_ending':
      return info(`Your ${s('plan')} seat in ${org} ends on ${day(s('endsAt'))}.`);
    default:
      return info(`Notice from ${org}: ${kind}.`);
  }
};
