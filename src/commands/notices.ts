import { day, plural, price } from './format.ts';
import { decisionButtons } from './handlers/purchase-buttons.ts';
import { info, type Reply } from './reply.ts';

const workspaceLabel = (platform: string) => (platform === 'teams' ? 'Teams tenant' : 'Slack workspace');

interface ScimLeaver {
  email: string;
  seat: { plan: string; freed: boolean; autoRenew: boolean; frozen: boolean } | null;
}
const leaverLine = (m: ScimLeaver) =>
  `${m.email}${m.seat ? `: ${m.seat.plan} seat ${m.seat.frozen ? 'kept (contract frozen)' : m.seat.freed ? 'freed' : 'kept'}${m.seat.autoRenew ? '' : ', not renewing'}` : ''}`;

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
    case 'scim_offboarded': {
      const gone = Array.isArray(p.offboarded) ? (p.offboarded as ScimLeaver[]) : [];
      return info(
        `Your identity provider offboarded ${plural(gone.length, 'person', 'people')} from ${org}.`,
        {
          sections: [{ title: 'Offboarded', lines: gone.map(leaverLine) }],
        },
      );
    }
    case 'organization_deleted':
      return info(`${org} was deleted. You are back on your own ${s('personalPlan')} plan.`);
    case 'organization_cancelled':
      if (p.closed) return info(`${org} has ended. You are back on your own ${s('personalPlan')} plan.`);
      return info(
        `${org} was cancelled. You keep access until ${day(s('paidThrough'))}, then you return to your own plan.`,
      );
    case 'workspace_linked':
      return info(
        `${s('by')} linked the ${workspaceLabel(s('platform'))} ${s('workspaceId')} to ${org}: its members can use Seatkeeper for ${org} there. If that was not meant, type \`org unlink\` there.`,
      );
    case 'workspace_unlinked':
      return info(
        `${s('by')} unlinked the ${workspaceLabel(s('platform'))} ${s('workspaceId')} from ${org}.`,
      );
    case 'ownership_transferred':
      return info(`${s('to')} now owns ${org} (handed over by ${s('from')}).`);
    case 'seat_ending':
      return info(`Your ${s('plan')} seat in ${org} ends on ${day(s('endsAt'))}.`);
    case 'renewal_reminder':
      return renewalReminder(p);
    case 'idle_seat_offer':
      return info(
        `You have not used your ${s('plan')} seat in ${org} since ${day(s('idleSince'))}. Keep it, or give it back so someone else can use it? Without an answer by ${day(s('expiresAt'))} it is freed and you move to Free.`,
        {
          buttons: [
            {
              label: 'Keep my seat',
              action: 'idle.keep',
              payload: { offerId: s('offerId') },
              style: 'primary',
            },
            {
              label: 'Give it back',
              action: 'idle.give_back',
              payload: { offerId: s('offerId') },
              style: 'danger',
              confirm: {
                title: 'Give your seat back?',
                text: `You move to Free in ${org} at once; an admin can give you a seat again later.`,
                confirm: 'Give it back',
                deny: 'Keep it',
              },
            },
          ],
        },
      );
    case 'idle_seat_reclaimed':
      return info(
        `Your ${s('plan')} seat in ${org} was freed: it was unused since ${day(s('idleSince'))} and nobody answered within 7 days. You are on Free now; ask an admin if you need a seat again.`,
      );
    case 'organization_ready':
      return info(`${org} is active: your payment method is on file. Invite people with \`invite <who>\`.`);
    case 'billing_problem':
      return info(`Billing for ${org} needs attention: ${s('reason')}`, { tone: 'error' });
    case 'payment_received':
      return info(`Thank you: the ${s('what')} for ${org} is paid (${price(n('amount'), s('currency'))}).`);
    case 'seats_suspended':
      return info(
        `Your seat in ${org} is suspended because a payment is overdue: you are on your own plan until it is paid. Nothing else changes.`,
        { tone: 'error' },
      );
    case 'seats_restored':
      return info(`The overdue payment for ${org} is paid: your seat works again.`);
    default:
      return info(`Notice from ${org}: ${kind}.`);
  }
};

type Row = Record<string, unknown>;
const rows = (v: unknown): Row[] => (Array.isArray(v) ? (v as Row[]) : []);

/** The approvers' summary seven days before renewal: seats ending, idle seats, next charge. */
const renewalReminder = (p: Record<string, unknown>): Reply => {
  const org = p.organizationName ? String(p.organizationName) : 'Your contract';
  const charge = (p.nextCharge ?? {}) as Row;
  const amount = price(Number(charge.amount ?? 0), String(charge.currency ?? ''));
  const endingCount = Number(p.endingCount ?? 0);
  const idleCount = Number(p.idleCount ?? 0);
  const ending = rows(p.ending).map((e) => {
    const holders = Array.isArray(e.holders) ? e.holders.map(String) : [];
    const names = holders.length ? ` (held by ${holders.join(', ')})` : '';
    return `${plural(Number(e.count ?? 0), `${String(e.plan)} seat`)}${names}`;
  });
  const idle = rows(p.idle).map(
    (i) =>
      `${String(i.email)}: ${String(i.plan)}, unused since ${day(String(i.idleSince))} (${plural(Number(i.idleDays ?? 0), 'day')})`,
  );
  if (idleCount > idle.length) idle.push(`… and ${idleCount - idle.length} more`);
  return info(
    `${org} renews on ${day(String(p.renewalDate ?? charge.date ?? ''))}: the next charge is ${amount}.`,
    {
      fields: [
        { label: 'Next charge', value: amount },
        { label: 'Seats ending', value: String(endingCount) },
        { label: 'Idle seats', value: String(idleCount) },
      ],
      sections: [
        ...(ending.length ? [{ title: 'Seats ending (auto-renew off)', lines: ending }] : []),
        ...(idle.length ? [{ title: `Idle for 28 days or more`, lines: idle }] : []),
      ],
    },
  );
};
