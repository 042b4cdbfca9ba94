import type { ServiceContext } from './context.ts';
import { audit, notify } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

/** A held seat unused for this many days is idle. */
export const IDLE_AFTER_DAYS = 28;
/** Days a holder has to answer an idle-seat offer before the seat is freed. */
export const IDLE_GRACE_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

/**
 * When a held seat became idle (SQL, seat aliased `s`): its last entitlement check, or its
 * assignment when it was never used since; the later of the two, so a seat handed to someone
 * new is not idle from its previous holder's last use.
 */
export const IDLE_SINCE = 'greatest(s.last_used_at, s.assigned_at)';

/**
 * Offers each holder of an idle seat (unused for IDLE_AFTER_DAYS or more) "keep" or "give
 * back", in organizations with idle reclaim on. Without an answer in IDLE_GRACE_DAYS the
 * reclaim job frees the seat. Once per idle stretch: never while an offer for the seat is open
 * (the partial unique index idle_offer_one_open backs that, also against a concurrent run);
 * "keep" resets the stretch. Returns how many offers this run made.
 */
export const offerIdleSeats = (ctx: ServiceContext, opts: { limit?: number } = {}): Promise<number> =>
  inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const idleBefore = new Date(now.getTime() - IDLE_AFTER_DAYS * DAY_MS);
    const expiresAt = new Date(now.getTime() + IDLE_GRACE_DAYS * DAY_MS);
    const made = await em.execute<
      {
        id: string;
        seat_id: string;
        membership_id: string;
        plan_code: string;
        idle_since: Date | string;
        account_id: string;
        organization_id: string;
        organization_name: string;
      }[]
    >(
      `with candidates as (
         select s.id as seat_id, s.membership_id, s.plan_code, ${IDLE_SINCE} as idle_since,
                m.account_id, o.id as organization_id, o.name as organization_name
         from seat s
         join membership m on m.id = s.membership_id and m.status = 'active'
         join organization o on o.id = m.organization_id and o.status = 'active' and o.idle_reclaim
         join contract c on c.id = s.contract_id and c.organization_id = o.id
                        and c.status = 'active' and c.disconnected_at is null
         where s.membership_id is not null and ${IDLE_SINCE} <= ?
           and not exists (select 1 from idle_offer x where x.seat_id = s.id and x.status = 'open')
         order by idle_since, s.id
         limit ?
       ), made as (
         insert into idle_offer (id, seat_id, membership_id, offered_at, expires_at, status, decided_at)
         select gen_random_uuid(), seat_id, membership_id, ?, ?, 'open', null from candidates
         on conflict (seat_id) where status = 'open' do nothing
         returning id, seat_id
       )
       select made.id, c.* from made join candidates c on c.seat_id = made.seat_id`,
      [idleBefore, opts.limit ?? 1000, now, expiresAt],
    );
    for (const o of made) {
      const idleSince = new Date(o.idle_since).toISOString();
      audit(em, now, {
        organizationId: o.organization_id,
        actorId: null,
        action: 'seat.idle_offered',
        subject: { type: 'membership', id: o.membership_id },
        after: {
          offerId: o.id,
          seatId: o.seat_id,
          plan: o.plan_code,
          idleSince,
          expiresAt: expiresAt.toISOString(),
        },
      });
      notify(em, now, {
        organizationId: o.organization_id,
        recipientId: o.account_id,
        kind: 'idle_seat_offer',
        payload: {
          offerId: o.id,
          organizationName: o.organization_name,
          plan: o.plan_code,
          idleSince,
          idleDays: Math.floor((now.getTime() - new Date(o.idle_since).getTime()) / DAY_MS),
          expiresAt: expiresAt.toISOString(),
        },
      });
    }
    return made.length;
  });
