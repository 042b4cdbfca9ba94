import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { lockRequest } from '../../db/repositories/purchase-requests.ts';
import { offerForRequest, reusableSeats } from '../../db/repositories/reusable-seats.ts';
import { releaseSeatHeldBy } from '../../db/repositories/seats.ts';
import { DomainError } from '../domain/errors.ts';
import { IDLE_GRACE_DAYS } from '../domain/limits.ts';
import type { Actor, ServiceContext } from './context.ts';
import { sendHeldRequest } from './support/approval-request.ts';
import { announceIdleOffer } from './support/idle-offer-notice.ts';
import { parse, uuidField } from './support/input.ts';
import { actorAccount, requireOrganization, requirePermission } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { shrinkRequest } from './support/reuse.ts';
import { inTransaction } from './support/tx.ts';
import { idleCutoff } from './support/unused-seats.ts';

const input = z.object({ requestId: uuidField });
const DAY_MS = 86_400_000;

const notFound = () =>
  new DomainError(
    'not_found',
    { key: 'errors_service.purchase.not_found' },
    { key: 'errors_service.purchase.not_found_next' },
  );

/**
 * Reuse before you buy: for a pending request, asks the holders of seats of its plan that nobody
 * uses to give them back, up to the seats it asks for. A leaver's seat that will not renew is
 * freed at once; an idle seat's holder gets the keep / give-back offer (linked to the request,
 * so a seat given back shrinks it). The requester or an approver may ask; asking again asks
 * only those not asked yet.
 */
export const askToGiveBack = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const r = await lockRequest(em, cmd.requestId);
    if (!r) throw notFound();
    const org = await requireOrganization(em, r.organizationId);
    const me = await actorAccount(em, actor, now);
    if (me.id !== r.requestedById) await requirePermission(em, org, me, 'approve');
    if (r.status !== 'pending')
      throw new DomainError(
        'conflict',
        { key: 'approvals.reuse.not_pending' },
        { key: 'approvals.reuse.not_pending_next' },
      );
    const seats = (
      await reusableSeats(em, {
        contractId: r.contractId,
        planCode: r.planCode,
        idleBefore: idleCutoff(now),
        limit: r.quantity,
        notForRequest: r.id,
      })
    ).filter((s) => s.account_id !== r.requestedById);
    if (seats.length === 0)
      throw new DomainError(
        'conflict',
        { key: 'approvals.reuse.none', args: { plan: r.planCode } },
        { key: 'approvals.reuse.none_next' },
      );
    let asked = 0;
    let freed = 0;
    const expiresAt = new Date(now.getTime() + IDLE_GRACE_DAYS * DAY_MS);
    for (const s of seats) {
      if (s.leaver) {
        if (!(await releaseSeatHeldBy(em, s.seat_id, s.membership_id))) continue;
        audit(em, now, {
          organizationId: org.id,
          actorId: me.id,
          action: 'seat.released',
          subject: { type: 'membership', id: s.membership_id },
          before: { planCode: r.planCode, seatId: s.seat_id },
          after: { plan: 'free', forRequest: r.id },
        });
        freed++;
        continue;
      }
      const offerId = await offerForRequest(em, {
        id: randomUUID(),
        seatId: s.seat_id,
        membershipId: s.membership_id,
        requestId: r.id,
        now,
        expiresAt,
      });
      if (!offerId) continue;
      announceIdleOffer(
        em,
        now,
        {
          offerId,
          seatId: s.seat_id,
          membershipId: s.membership_id,
          accountId: s.account_id,
          organizationId: org.id,
          organizationName: org.name,
          plan: r.planCode,
          idleSince: s.idle_since,
          expiresAt,
        },
        { actorId: me.id, forRequest: r.id },
      );
      asked++;
    }
    const seated = await shrinkRequest(em, now, org, r, freed, 'leaver', me.id);
    // a request held while its requester chose goes to the approvers now, with what is left
    const routed =
      r.status === 'pending' && r.needs === 'approval' && !r.routedAt
        ? await sendHeldRequest(em, now, org, r, me.id, 'asked_back')
        : null;
    return { request: r, asked, freed, seated, routed };
  });
};
