import type { ServiceContext } from './context.ts';
import { IDLE_SINCE } from './offer-idle-seats.ts';
import { audit, notify } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

interface DueOffer {
  id: string;
  seat_id: string;
  membership_id: string;
  offered_at: Date | string;
  holder: string | null;
  idle_since: Date | string | null;
  plan_code: string;
  contract_status: string;
  disconnected_at: Date | string | null;
  account_id: string;
  member_status: string;
  organization_id: string;
  organization_name: string;
  org_status: string;
  idle_reclaim: boolean;
}

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
    const due = await em.execute<DueOffer[]>(
      `select x.id, x.seat_id, x.membership_id, x.offered_at,
              s.membership_id as holder, ${IDLE_SINCE} as idle_since, s.plan_code,
              c.status as contract_status, c.disconnected_at,
              m.account_id, m.status as member_status,
              o.id as organization_id, o.name as organization_name, o.status as org_status, o.idle_reclaim
       from idle_offer x
       join seat s on s.id = x.seat_id
       join contract c on c.id = s.contract_id
       join membership m on m.id = x.membership_id
       join organization o on o.id = m.organization_id
       where x.status = 'open' and x.expires_at <= ?
       order by x.expires_at, x.id
       limit ?
       for update of x, s skip locked`,
      [now, opts.limit ?? 1000],
    );
    let reclaimed = 0;
    let voided = 0;
    for (const o of due) {
      const reason = voidReason(o);
      const idleSince = o.idle_since ? new Date(o.idle_since).toISOString() : null;
      if (reason) {
        await em.execute(`update idle_offer set status = 'void', decided_at = ? where id = ?`, [now, o.id]);
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
      await em.execute(
        `update seat set membership_id = null, assigned_at = null where id = ? and membership_id = ?`,
        [o.seat_id, o.membership_id],
      );
      await em.execute(`update idle_offer set status = 'reclaimed', decided_at = ? where id = ?`, [
        now,
        o.id,
      ]);
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
