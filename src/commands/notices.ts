import { IDLE_GRACE_DAYS } from '../domain/limits.ts';
import type { Notice, NoticePayloads } from '../domain/notices.ts';
import { english, type Words } from '../i18n/words.ts';
import { billingReasonText, chargeText, impactLine } from './domain-terms.ts';
import { forLine, seatedLine } from './for-people.ts';
import { decisionButtons } from './handlers/purchase-buttons.ts';
import { planTitle } from './plan-title.ts';
import { receiptReply } from './receipt.ts';
import { info, type Reply } from './reply.ts';
import { reuseLine } from './reuse-facts.ts';

/** How a stored row is read into a Notice before rendering (throws MalformedNotice). */
export { MalformedNotice, parseNotice } from '../domain/notices.ts';

type Leaver = NoticePayloads['scim_offboarded']['offboarded'][number];
/** What happened to a leaver's seat, as the offboarding reply and the SCIM summary say it. */
export const seatOutcome = (seat: Leaver['seat'], w: Words) =>
  seat
    ? w.t('notices.seat_outcome.text', {
        plan: planTitle(seat.plan),
        state: seat.frozen ? 'frozen' : seat.freed ? 'freed' : 'kept',
        renewing: seat.autoRenew ? 'yes' : 'no',
      })
    : '';
const leaverLine = (m: Leaver, w: Words) =>
  m.seat
    ? w.t('notices.scim_offboarded.leaver', { email: m.email, outcome: seatOutcome(m.seat, w) })
    : m.email;

/** How a notice names its organization; one about a contract may have none (or none left). */
const orgLabel = (name: string | null, w: Words) => name || w.t('notices.org.yours');

/** ICU selects on it: an optional part of a message shows or not. */
const has = (v: unknown) => (v ? 'yes' : 'no');
const seats = (w: Words, count: number, plan: string) =>
  w.t('notices.seats.count', { count, plan: planTitle(plan) });

/**
 * Renders an outbox message (a direct message to one person) as a neutral Reply. Every
 * notifier (shell, Slack, Teams) delivers through this, so a notice reads the same everywhere.
 * A stored row is read with `parseNotice` (src/domain/notices.ts) first.
 */
export const renderNotice = (notice: Notice, w: Words = english): Reply => {
  switch (notice.kind) {
    case 'receipt':
      return receiptReply(notice.payload, w);
    case 'invitation': {
      const p = notice.payload;
      if ('event' in p) return info(w.t('notices.invitation.declined', { email: p.email }));
      return info(
        w.t('notices.invitation.text', {
          invitedBy: p.invitedBy,
          org: orgLabel(p.organizationName, w),
          role: p.role,
          withPlan: has(p.plan),
          plan: p.plan ? planTitle(p.plan) : '',
          until: w.when(p.expiresAt),
        }),
        {
          buttons: [
            {
              label: w.t('notices.invitation.accept'),
              action: 'invitation.accept',
              payload: { invitationId: p.invitationId },
              style: 'primary',
            },
            {
              label: w.t('notices.invitation.decline'),
              action: 'invitation.decline',
              payload: { invitationId: p.invitationId },
            },
          ],
        },
      );
    }
    case 'approval_request':
      return approvalRequest(
        notice.payload,
        w.t('notices.approval.text', {
          requestedBy: notice.payload.requestedBy,
          seats: seats(w, notice.payload.quantity, notice.payload.plan),
          org: orgLabel(notice.payload.organizationName, w),
        }),
        w,
      );
    case 'approval_reminder':
    case 'approval_escalation': {
      const p = notice.payload;
      return approvalRequest(
        p,
        w.t(
          notice.kind === 'approval_reminder'
            ? 'notices.approval_reminder.text'
            : 'notices.approval_escalation.text',
          {
            requestedBy: p.requestedBy,
            seats: seats(w, p.quantity, p.plan),
            org: orgLabel(p.organizationName, w),
            hours: p.waitedHours,
          },
        ),
        w,
      );
    }
    case 'approval_updated': {
      const p = notice.payload;
      const asked = {
        requestedBy: p.requestedBy,
        seats: seats(w, p.quantity, p.plan),
        org: orgLabel(p.organizationName, w),
      };
      // covered: nothing to buy, so no figures and no buttons
      if (p.status === 'covered') return info(w.t('notices.approval_updated.covered', asked));
      return approvalRequest(
        p,
        `${w.t('notices.approval.text', asked)} ${w.t('notices.approval_updated.changed', { seats: asked.seats, given: p.given })}`,
        w,
      );
    }
    case 'delegate_named': {
      const p = notice.payload;
      return info(
        w.t('notices.delegate_named.text', {
          approver: p.approver,
          org: orgLabel(p.organizationName, w),
          day: w.day(`${p.until}T12:00:00Z`),
        }),
      );
    }
    case 'purchase_result': {
      const p = notice.payload;
      const org = orgLabel(p.organizationName, w);
      const what = seats(w, p.quantity, p.plan);
      switch (p.status) {
        case 'charged':
          if (p.onBehalfOf)
            return info(
              w.t('notices.purchase.charged_for', {
                decidedBy: p.decidedBy ?? '',
                onBehalfOf: p.onBehalfOf,
                seats: what,
                org,
                amount: w.money(p.proratedAmount, p.currency),
              }),
            );
          return info(
            w.t('notices.purchase.charged', {
              seats: what,
              org,
              amount: w.money(p.proratedAmount, p.currency),
            }),
          );
        case 'expired':
          return info(
            w.t(p.priceRose ? 'notices.purchase.price_rose' : 'notices.purchase.expired', {
              seats: what,
              org,
              quantity: String(p.quantity),
              code: p.plan,
            }),
          );
        case 'payment_failed':
          return info(w.t('notices.purchase.payment_failed', { seats: what, org, reason: p.reason }), {
            tone: 'error',
          });
        case 'rejected':
          if (p.withdrawn)
            return info(w.t('notices.purchase.withdrawn', { decidedBy: p.decidedBy, seats: what, org }));
          if (p.onBehalfOf)
            return info(
              w.t('notices.purchase.rejected_for', {
                decidedBy: p.decidedBy,
                onBehalfOf: p.onBehalfOf,
                seats: what,
                org,
                withReason: has(p.reason),
                reason: p.reason ?? '',
              }),
            );
          return info(
            w.t('notices.purchase.rejected', {
              decidedBy: p.decidedBy || w.t('notices.purchase.an_approver'),
              seats: what,
              org,
              withReason: has(p.reason),
              reason: p.reason ?? '',
            }),
          );
        default:
          return info(w.t('notices.purchase.status', { seats: what, org, status: p.status }));
      }
    }
    case 'seat_assigned': {
      const p = notice.payload;
      const org = orgLabel(p.organizationName, w);
      if ('event' in p) {
        const wanted = p.noFreeSeat && p.seatWanted ? p.seatWanted : '';
        return info(
          w.t('notices.seat_assigned.joined', {
            email: p.email,
            org,
            plan: planTitle(p.plan),
            noFreeSeat: has(wanted),
            wanted: wanted && planTitle(wanted),
            code: wanted,
          }),
        );
      }
      return info(
        w.t('notices.seat_assigned.yours', {
          plan: planTitle(p.plan),
          org,
          withBy: has(p.by),
          by: p.by ?? '',
        }),
      );
    }
    case 'seat_removed': {
      const p = notice.payload;
      if (!('reason' in p)) {
        return info(
          w.t('notices.seat_removed.removed', {
            plan: planTitle(p.plan),
            org: orgLabel(p.organizationName, w),
            withBy: has(p.by),
            by: p.by ?? '',
          }),
          {
            sections: p.warnings.length
              ? [
                  {
                    title: w.t('notices.seat_removed.what_changes'),
                    lines: p.warnings.map((i) => impactLine(i, w)),
                  },
                ]
              : [],
          },
        );
      }
      if (p.reason === 'not_renewed')
        return info(
          w.t('notices.seat_removed.not_renewed', {
            plan: planTitle(p.plan),
            org: orgLabel(p.organizationName, w),
          }),
        );
      // the contract moved to another organization: its notice names neither the organization nor a remover
      return info(w.t('notices.seat_removed.contract_moved', { plan: planTitle(p.planCode) }), {
        sections: [],
      });
    }
    case 'offboarded':
      return info(w.t('notices.offboarded.text', { org: orgLabel(notice.payload.organizationName, w) }));
    case 'scim_offboarded': {
      const p = notice.payload;
      return info(
        w.t('notices.scim_offboarded.text', {
          count: p.offboarded.length,
          org: orgLabel(p.organizationName, w),
        }),
        {
          sections: [
            { title: w.t('notices.scim_offboarded.title'), lines: p.offboarded.map((m) => leaverLine(m, w)) },
          ],
        },
      );
    }
    case 'organization_deleted': {
      const p = notice.payload;
      return info(
        w.t('notices.organization_deleted.text', {
          org: orgLabel(p.organizationName, w),
          plan: p.personalPlan,
        }),
      );
    }
    case 'organization_cancelled': {
      const p = notice.payload;
      const org = orgLabel(p.organizationName, w);
      if ('closed' in p)
        return info(w.t('notices.organization_cancelled.closed', { org, plan: p.personalPlan }));
      return info(w.t('notices.organization_cancelled.cancelled', { org, day: w.day(p.paidThrough) }));
    }
    case 'workspace_linked': {
      const p = notice.payload;
      return info(
        w.t('notices.workspace_linked.text', {
          by: p.by,
          platform: p.platform,
          workspace: p.workspaceId,
          org: orgLabel(p.organizationName, w),
        }),
      );
    }
    case 'workspace_unlinked': {
      const p = notice.payload;
      return info(
        w.t('notices.workspace_unlinked.text', {
          by: p.by,
          platform: p.platform,
          workspace: p.workspaceId,
          org: orgLabel(p.organizationName, w),
        }),
      );
    }
    case 'ownership_transferred': {
      const p = notice.payload;
      return info(
        w.t('notices.ownership_transferred.text', {
          to: p.to,
          org: orgLabel(p.organizationName, w),
          from: p.from,
        }),
      );
    }
    case 'seat_ending': {
      const p = notice.payload;
      return info(
        w.t('notices.seat_ending.text', {
          plan: planTitle(p.plan),
          org: orgLabel(p.organizationName, w),
          day: w.day(p.endsAt),
        }),
      );
    }
    case 'renewal_reminder':
      return renewalReminder(notice.payload, w);
    case 'idle_seat_offer': {
      const p = notice.payload;
      const org = orgLabel(p.organizationName, w);
      const giveBack = w.t('notices.idle_offer.give_back');
      return info(
        w.t('notices.idle_offer.text', {
          plan: planTitle(p.plan),
          org,
          since: w.day(p.idleSince),
          until: w.day(p.expiresAt),
        }),
        {
          buttons: [
            {
              label: w.t('notices.idle_offer.keep'),
              action: 'idle.keep',
              payload: { offerId: p.offerId },
              style: 'primary',
            },
            {
              label: giveBack,
              action: 'idle.give_back',
              payload: { offerId: p.offerId },
              style: 'danger',
              confirm: {
                title: w.t('notices.idle_offer.confirm_title'),
                text: w.t('notices.idle_offer.confirm_text', { org }),
                confirm: giveBack,
                deny: w.t('notices.idle_offer.confirm_deny'),
              },
            },
          ],
        },
      );
    }
    case 'request_shrunk': {
      const p = notice.payload;
      const seated = p.seated ?? [];
      const args = {
        given: p.given,
        plan: planTitle(p.plan),
        org: orgLabel(p.organizationName, w),
        code: p.plan,
        covered: p.quantity === 0 ? 'yes' : 'no',
        seats: w.t('commands_core.purchase.seats', { count: p.quantity, plan: planTitle(p.plan) }),
      };
      // every seat given back went to someone the request named: nothing is left to assign
      if (seated.length >= p.given)
        return info(w.t('approvals.reuse.shrunk_notice_seated', { ...args, names: w.list(seated) }));
      const text = w.t('approvals.reuse.shrunk_notice', args);
      return info(seated.length ? `${text} ${seatedLine(seated, p.plan, w)}` : text);
    }
    case 'idle_seat_reclaimed': {
      const p = notice.payload;
      return info(
        w.t('notices.idle_reclaimed.text', {
          plan: planTitle(p.plan),
          org: orgLabel(p.organizationName, w),
          withSince: has(p.idleSince),
          since: p.idleSince ? w.day(p.idleSince) : '',
          days: IDLE_GRACE_DAYS,
        }),
      );
    }
    case 'organization_ready':
      return info(
        w.t('notices.organization_ready.text', { org: orgLabel(notice.payload.organizationName, w) }),
      );
    case 'billing_problem': {
      const p = notice.payload;
      return info(
        w.t('notices.billing_problem.text', {
          org: orgLabel(p.organizationName, w),
          reason: billingReasonText(p.reason, p.organizationName, w),
        }),
        { tone: 'error' },
      );
    }
    case 'payment_received': {
      const p = notice.payload;
      return info(
        w.t('notices.payment_received.text', {
          what: chargeText(p.what, w),
          org: orgLabel(p.organizationName, w),
          amount: w.money(p.amount, p.currency),
        }),
      );
    }
    case 'seats_suspended':
      return info(
        w.t('notices.seats_suspended.text', { org: orgLabel(notice.payload.organizationName, w) }),
        {
          tone: 'error',
        },
      );
    case 'seats_restored':
      return info(w.t('notices.seats_restored.text', { org: orgLabel(notice.payload.organizationName, w) }));
    default: {
      // every kind has its case: a new kind fails to compile here until it is rendered
      const unrendered: never = notice;
      throw new Error(`no rendering for notice ${JSON.stringify(unrendered)}`);
    }
  }
};

type AskPayload = NoticePayloads['approval_request'];
/**
 * An approval request, a reminder or an escalation: the sentence, the figures and the
 * Approve/Reject buttons; to a delegate, whose decision it is.
 */
const approvalRequest = (p: AskPayload, text: string, w: Words): Reply =>
  info(
    [
      p.forApprover ? `${text} ${w.t('notices.approval.for_approver', { approver: p.forApprover })}` : text,
      // the same facts the requester was shown: seats of the plan nobody uses
      ...(p.forPeople ? [forLine(p.forPeople, w)] : []),
      ...(p.reusable ? [reuseLine(p.reusable, p.plan, w)] : []),
    ].join('\n'),
    {
      fields: [
        { label: w.t('notices.approval.charged_now'), value: w.money(p.proratedAmount, p.currency) },
        {
          label: w.t('notices.approval.recurring'),
          value: w.t('notices.approval.recurring_value', {
            amount: w.money(p.recurringTotal, p.currency),
            period: p.period ?? 'other',
          }),
        },
        { label: w.t('notices.approval.open_until'), value: w.when(p.quoteExpiresAt) },
      ],
      buttons: decisionButtons(p.requestId, undefined, w),
    },
  );

/** The approvers' summary seven days before renewal: seats ending, idle seats, next charge. */
const renewalReminder = (p: NoticePayloads['renewal_reminder'], w: Words): Reply => {
  const org = p.organizationName || w.t('notices.renewal.your_contract');
  const amount = w.money(p.nextCharge.amount, p.nextCharge.currency);
  const ending = p.ending.map((e) =>
    w.t('notices.renewal.ending_line', {
      seats: seats(w, e.count, e.plan),
      withHolders: has(e.holders.length),
      // names as typed, joined the way the English summary always has
      holders: e.holders.join(', '),
    }),
  );
  const idle = p.idle.map((i) =>
    w.t('notices.renewal.idle_line', {
      email: i.email,
      plan: planTitle(i.plan),
      since: w.day(i.idleSince),
      days: i.idleDays,
    }),
  );
  if (p.idleCount > idle.length) idle.push(w.t('notices.renewal.more', { count: p.idleCount - idle.length }));
  return info(w.t('notices.renewal.text', { org, day: w.day(p.renewalDate), amount }), {
    fields: [
      { label: w.t('notices.renewal.next_charge'), value: amount },
      { label: w.t('notices.renewal.seats_ending'), value: String(p.endingCount) },
      { label: w.t('notices.renewal.idle_seats'), value: String(p.idleCount) },
    ],
    sections: [
      ...(ending.length ? [{ title: w.t('notices.renewal.ending_title'), lines: ending }] : []),
      ...(idle.length ? [{ title: w.t('notices.renewal.idle_title'), lines: idle }] : []),
    ],
  });
};
