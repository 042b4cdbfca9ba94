import {
  lockExistingRequest,
  markNudged,
  requestsAwaitingNudge,
} from '../../db/repositories/purchase-requests.ts';
import { type Nudge, nudgeDue, timingOf } from '../domain/approval-timing.ts';
import type { ServiceContext } from './context.ts';
import { sendDecisionCards } from './support/approval-request.ts';
import { requireOrganization } from './support/lookups.ts';
import { decidersOf } from './support/purchase.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const HOUR_MS = 3_600_000;
/** no organization's reminder comes sooner than this: older requests only are weighed */
const EARLIEST_NUDGE_HOURS = 1;

/**
 * For the jobs runner: a purchase that needs approval and nobody has answered reminds its
 * approvers (and the delegates standing in for them) after the organization's reminder hours,
 * and goes to the owner as well after its escalation hours, each once, with the Approve/Reject
 * buttons. The nudge is stamped on the request by a conditional update in the same transaction
 * as its messages, so two workers at once, or a rerun, nudge once. Answered, expired and
 * self-confirmed requests are never nudged.
 */
export const nudgeStalledApprovals = async (ctx: ServiceContext, opts: { limit?: number } = {}) => {
  const now = ctx.clock.now();
  const candidates = await requestsAwaitingNudge(
    ctx.em.fork(),
    now,
    new Date(now.getTime() - EARLIEST_NUDGE_HOURS * HOUR_MS),
    opts.limit ?? 500,
  );
  const sent: { requestId: string; nudge: Nudge; recipients: number }[] = [];
  for (const c of candidates) {
    const timing = timingOf({ approvalRemindHours: c.remindHours, approvalEscalateHours: c.escalateHours });
    const nudge = nudgeDue(
      { requestedAt: c.createdAt, remindedAt: c.remindedAt, escalatedAt: c.escalatedAt },
      now,
      timing,
    );
    if (!nudge) continue;
    const recipients = await inTransaction(ctx, async (em) => {
      // the stamp first: a second worker's update waits for this row, then matches nothing
      if (!(await markNudged(em, c.id, nudge, now))) return 0;
      const request = await lockExistingRequest(em, c.id);
      const org = await requireOrganization(em, request.organizationId);
      const to = await decidersOf(em, org, request.requestedById, now);
      if (nudge === 'escalate' && !to.some((t) => t.accountId === org.ownerId))
        to.push({ accountId: org.ownerId, forApprover: null });
      const waitedHours = Math.floor((now.getTime() - c.createdAt.getTime()) / HOUR_MS);
      // a reminder replaces the card on some platforms: it says all the request did
      await sendDecisionCards(em, now, org, request, to, (p) =>
        nudge === 'remind'
          ? { kind: 'approval_reminder', payload: { ...p, waitedHours } }
          : { kind: 'approval_escalation', payload: { ...p, waitedHours } },
      );
      audit(em, now, {
        organizationId: org.id,
        actorId: null,
        action: nudge === 'remind' ? 'purchase.reminded' : 'purchase.escalated',
        subject: { type: 'purchase_request', id: request.id },
        before: null,
        after: { waitedHours, recipients: to.length },
      });
      return to.length;
    });
    if (recipients > 0) sent.push({ requestId: c.id, nudge, recipients });
  }
  return { nudged: sent };
};
