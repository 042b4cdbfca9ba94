import { type DueOffer, decideOffer, lockDueOffers } from '../../db/repositories/idle-offers.ts';
import { releaseSeatHeldBy } from '../../db/repositories/seats.ts';
import type { ServiceContext } from './context.ts';
import { audit, notify } from './support/records.ts';
import { shrinkForOffer } from './support/reuse.ts';
import { inTransaction } from './support/tx.ts';

/** Why an expired offer no longer frees its seat, or null when it does. */
const voidReason = (o: DueOffer): string | null => {
  if (o.holder !== o.membership_id) return 'seat_changed_hands';
  if (o.idle_since && new Date(o.idle_since) > new Date(o.offered_at)) return 'used_again';
  if (!o.idle_reclaim) return 'idle_reclaim_off';
  if (o.member_status !== 'active') return 'member_not_active';
  if (o.org_status !== 'active') return 'organization_not_active';
  if (o.contract_status !== 'active' || o.disconnected_at) return 'contract_frozen';
  return null;
};

/**
 * Idle-seat offers nobody answered in their grace period: the seat is freed (the holder falls
 * to free and is told) if the same member still holds it and has not used it since the offer,
 * and the organization still has idle reclaim on; otherwise the offer is void. Offers and seats
 * are taken with SKIP LOCKED, so concurrent runs split the work, and a seat being used or
 * answered for right now is left for the next run. Safe to run any number of times.
 */
export const reclaimIdleSeats = (
  ctx: ServiceContext,
  opts: { limit?: number } = {},
): Promise<{ reclaimed: number; voided: number }> =>
  inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const due = await lockDueOffers(em, now, opts.limit ?? 1000);
    let reclaimed = 0;
    let voided = 0;
    for (const o of due) {
      const reason = voidReason(o);
      const idleSince = o.idle_since ? new Date(o.idle_since).toISOString() : null;
      if (reason) {
        await decideOffer(em, o.id, 'void', now);
        audit(em, now, {
          organizationId: o.organization_id,
          actorId: null,
          action: 'seat.idle_offer_void',
          subject: { type: 'membership', id: o.membership_id },
          before: { offerId: o.id, status: 'open' },
          after: { status: 'void', reason },
        });
        voided++;
        continue;
      }
      await releaseSeatHeldBy(em, o.seat_id, o.membership_id);
      await decideOffer(em, o.id, 'reclaimed', now);
      await shrinkForOffer(
        em,
        now,
        o.id,
        { id: o.organization_id, name: o.organization_name },
        'reclaimed',
        null,
      );
      audit(em, now, {
        organizationId: o.organization_id,
        actorId: null,
        action: 'seat.idle_reclaimed',
        subject: { type: 'membership', id: o.membership_id },
        before: { plan: o.plan_code, seatId: o.seat_id, offerId: o.id, idleSince },
        after: { plan: 'free' },
      });
      notify(em, now, {
        organizationId: o.organization_id,
        recipientId: o.account_id,
        kind: 'idle_seat_reclaimed',
        payload: {
          organizationName: o.organization_name,
          plan: o.plan_code,
          idleSince,
          offeredAt: new Date(o.offered_at).toISOString(),
        },
      });
      reclaimed++;
    }
    return { reclaimed, voided };
  });
