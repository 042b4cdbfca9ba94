import { IDLE_GRACE_DAYS } from '../domain/limits.ts';
import type { Notice, NoticePayloads } from '../domain/notices.ts';
import { english, type Words } from '../i18n/words.ts';
import { day, plural, price, when } from './format.ts';
import { decisionButtons } from './handlers/purchase-buttons.ts';
import { perPeriod, planTitle } from './plan-title.ts';
import { info, type Reply } from './reply.ts';

/** How a stored row is read into a Notice before rendering (throws MalformedNotice). */
export { MalformedNotice, parseNotice } from '../domain/notices.ts';

const workspaceLabel = (platform: string) => (platform === 'teams' ? 'Teams tenant' : 'Slack workspace');

type Leaver = NoticePayloads['scim_offboarded']['offboarded'][number];
/** What happened to a leaver's seat, as the offboarding reply and the SCIM summary say it. */
export const seatOutcome = (seat: Leaver['seat']) =>
  seat
    ? `${planTitle(seat.plan)} seat ${seat.frozen ? 'kept (contract frozen)' : seat.freed ? 'freed' : 'kept'}${seat.autoRenew ? '' : ', not renewing'}`
    : '';
const leaverLine = (m: Leaver) => `${m.email}${m.seat ? `: ${seatOutcome(m.seat)}` : ''}`;

/** How a notice names its organization; one about a contract may have none (or none left). */
const orgLabel = (name: string | null) => name || 'your organization';

/**
 * Renders an outbox message (a direct message to one person) as a neutral Reply. Every
 * notifier (shell, Slack, Teams) delivers through this, so a notice reads the same everywhere.
 * A stored row is read with `parseNotice` (src/domain/notices.ts) first.
 */
export const renderNotice = (notice: Notice, w: Words = english): Reply => {
  switch (notice.kind) {
    case 'invitation': {
      const p = notice.payload;
      if ('event' in p) return info(`${p.email} declined your invitation.`);
      return info(
        `${p.invitedBy} invites you to ${orgLabel(p.organizationName)} as ${p.role === 'admin' ? 'an admin' : 'a member'}${p.plan ? ` with a ${planTitle(p.plan)} seat` : ''}. The invitation lasts until ${w.when(p.expiresAt)}.`,
        {
          buttons: [
            {
              label: 'Accept',
              action: 'invitation.accept',
              payload: { invitationId: p.invitationId },
              style: 'primary',
            },
            { label: 'Decline', action: 'invitation.decline', payload: { invitationId: p.invitationId } },
          ],
        },
      );
    }
    case 'approval_request': {
      const p = notice.payload;
      return info(
        `${p.requestedBy} asks for ${plural(p.quantity, `${planTitle(p.plan)} seat`)} in ${orgLabel(p.organizationName)}.`,
        {
          fields: [
            { label: 'Charged now (prorated)', value: w.money(p.proratedAmount, p.currency) },
            {
              label: 'New recurring total',
              value: `${w.money(p.recurringTotal, p.currency)} ${perPeriod(p.period)}`,
            },
            { label: 'Quote valid until', value: w.when(p.quoteExpiresAt) },
          ],
          buttons: decisionButtons(p.requestId),
        },
      );
    }
    case 'purchase_result': {
      const p = notice.payload;
      const org = orgLabel(p.organizationName);
      const what = plural(p.quantity, `${planTitle(p.plan)} seat`);
      switch (p.status) {
        case 'charged':
          return info(
            `Approved and paid: ${what} added to ${org} (${w.money(p.proratedAmount, p.currency)}).`,
          );
        case 'payment_failed':
          return info(`The payment for ${what} in ${org} failed: ${p.reason} No seats were added.`, {
            tone: 'error',
          });
        case 'rejected':
          if (p.withdrawn) return info(`${p.decidedBy} withdrew the request for ${what} in ${org}.`);
          return info(
            `${p.decidedBy || 'An approver'} rejected ${what} in ${org}${p.reason ? `: ${p.reason}` : '.'}`,
          );
        default:
          return info(`Your request for ${what} in ${org} is ${p.status}.`);
      }
    }
    case 'seat_assigned': {
      const p = notice.payload;
      const org = orgLabel(p.organizationName);
      if ('event' in p) {
        return info(
          `${p.email} joined ${org} on ${planTitle(p.plan)}.${p.noFreeSeat && p.seatWanted ? ` No free ${planTitle(p.seatWanted)} seat was left: buy one with \`add 1 ${p.seatWanted}\`.` : ''}`,
        );
      }
      return info(`You now have a ${planTitle(p.plan)} seat in ${org}${p.by ? ` (from ${p.by})` : ''}.`);
    }
    case 'seat_removed': {
      const p = notice.payload;
      if (!('reason' in p)) {
        return info(
          `Your ${planTitle(p.plan)} seat in ${orgLabel(p.organizationName)} was removed${p.by ? ` by ${p.by}` : ''}. You are on Free now.`,
          { sections: p.warnings.length ? [{ title: 'What changes', lines: p.warnings }] : [] },
        );
      }
      if (p.reason === 'not_renewed')
        return info(
          `Your ${planTitle(p.plan)} seat in ${orgLabel(p.organizationName)} ended with the period and was not renewed. You are on Free now.`,
        );
      // the contract moved to another organization: its notice names neither the organization nor a remover
      return info(
        `Your ${planTitle(p.planCode)} seat in your organization was removed. You are on Free now.`,
        {
          sections: [],
        },
      );
    }
    case 'offboarded':
      return info(
        `You were offboarded from ${orgLabel(notice.payload.organizationName)}. You can no longer sign in there; your data stays.`,
      );
    case 'scim_offboarded': {
      const p = notice.payload;
      return info(
        `Your identity provider offboarded ${plural(p.offboarded.length, 'person', 'people')} from ${orgLabel(p.organizationName)}.`,
        { sections: [{ title: 'Offboarded', lines: p.offboarded.map(leaverLine) }] },
      );
    }
    case 'organization_deleted': {
      const p = notice.payload;
      return info(
        `${orgLabel(p.organizationName)} was deleted. You are back on your own ${p.personalPlan} plan.`,
      );
    }
    case 'organization_cancelled': {
      const p = notice.payload;
      const org = orgLabel(p.organizationName);
      if ('closed' in p) return info(`${org} has ended. You are back on your own ${p.personalPlan} plan.`);
      return info(
        `${org} was cancelled. You keep access until ${w.day(p.paidThrough)}, then you return to your own plan.`,
      );
    }
    case 'workspace_linked': {
      const p = notice.payload;
      const org = orgLabel(p.organizationName);
      return info(
        `${p.by} linked the ${workspaceLabel(p.platform)} ${p.workspaceId} to ${org}: its members can use Seatkeeper for ${org} there. If that was not meant, type \`org unlink\` there.`,
      );
    }
    case 'workspace_unlinked': {
      const p = notice.payload;
      return info(
        `${p.by} unlinked the ${workspaceLabel(p.platform)} ${p.workspaceId} from ${orgLabel(p.organizationName)}.`,
      );
    }
    case 'ownership_transferred': {
      const p = notice.payload;
      return info(`${p.to} now owns ${orgLabel(p.organizationName)} (handed over by ${p.from}).`);
    }
    case 'seat_ending': {
      const p = notice.payload;
      return info(
        `Your ${planTitle(p.plan)} seat in ${orgLabel(p.organizationName)} ends on ${w.day(p.endsAt)}.`,
      );
    }
    case 'renewal_reminder':
      return renewalReminder(notice.payload, w);
    case 'idle_seat_offer': {
      const p = notice.payload;
      const org = orgLabel(p.organizationName);
      return info(
        `You have not used your ${planTitle(p.plan)} seat in ${org} since ${w.day(p.idleSince)}. Keep it, or give it back so someone else can use it? Without an answer by ${w.day(p.expiresAt)} it is freed and you move to Free.`,
        {
          buttons: [
            {
              label: 'Keep my seat',
              action: 'idle.keep',
              payload: { offerId: p.offerId },
              style: 'primary',
            },
            {
              label: 'Give it back',
              action: 'idle.give_back',
              payload: { offerId: p.offerId },
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
    }
    case 'idle_seat_reclaimed': {
      const p = notice.payload;
      const since = p.idleSince ? ` since ${w.day(p.idleSince)}` : '';
      return info(
        `Your ${planTitle(p.plan)} seat in ${orgLabel(p.organizationName)} was freed: it was unused${since} and nobody answered within ${IDLE_GRACE_DAYS} days. You are on Free now; ask an admin if you need a seat again.`,
      );
    }
    case 'organization_ready':
      return info(
        `${orgLabel(notice.payload.organizationName)} is active: your payment method is on file. Invite people with \`invite <who>\`.`,
      );
    case 'billing_problem': {
      const p = notice.payload;
      return info(`Billing for ${orgLabel(p.organizationName)} needs attention: ${p.reason}`, {
        tone: 'error',
      });
    }
    case 'payment_received': {
      const p = notice.payload;
      return info(
        `Thank you: the ${p.what} for ${orgLabel(p.organizationName)} is paid (${w.money(p.amount, p.currency)}).`,
      );
    }
    case 'seats_suspended':
      return info(
        `Your seat in ${orgLabel(notice.payload.organizationName)} is suspended because a payment is overdue: you are on your own plan until it is paid. Nothing else changes.`,
        { tone: 'error' },
      );
    case 'seats_restored':
      return info(
        `The overdue payment for ${orgLabel(notice.payload.organizationName)} is paid: your seat works again.`,
      );
    default: {
      // every kind has its case: a new kind fails to compile here until it is rendered
      const unrendered: never = notice;
      throw new Error(`no rendering for notice ${JSON.stringify(unrendered)}`);
    }
  }
};

/** The approvers' summary seven days before renewal: seats ending, idle seats, next charge. */
const renewalReminder = (p: NoticePayloads['renewal_reminder'], w: Words): Reply => {
  const org = p.organizationName || 'Your contract';
  const amount = w.money(p.nextCharge.amount, p.nextCharge.currency);
  const ending = p.ending.map((e) => {
    const names = e.holders.length ? ` (held by ${e.holders.join(', ')})` : '';
    return `${plural(e.count, `${planTitle(e.plan)} seat`)}${names}`;
  });
  const idle = p.idle.map(
    (i) =>
      `${i.email}: ${planTitle(i.plan)}, unused since ${w.day(i.idleSince)} (${plural(i.idleDays, 'day')})`,
  );
  if (p.idleCount > idle.length) idle.push(`… and ${p.idleCount - idle.length} more`);
  return info(`${org} renews on ${w.day(p.renewalDate)}: the next charge is ${amount}.`, {
    fields: [
      { label: 'Next charge', value: amount },
      { label: 'Seats ending', value: String(p.endingCount) },
      { label: 'Idle seats', value: String(p.idleCount) },
    ],
    sections: [
      ...(ending.length ? [{ title: 'Seats ending (auto-renew off)', lines: ending }] : []),
      ...(idle.length ? [{ title: `Idle for 28 days or more`, lines: idle }] : []),
    ],
  });
};
