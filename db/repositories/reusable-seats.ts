import type { EntityManager } from '@mikro-orm/postgresql';
import { IDLE_SINCE } from './idle-offers.ts';

/**
 * Seats of a plan that could serve a purchase instead of buying: held by a leaver (no longer an
 * active member) whose seat will not renew, or by an active member who has not used it since
 * `idleBefore`. Leavers first (their seat frees at once), then the longest idle.
 */
export interface ReusableSeat {
  seat_id: string;
  membership_id: string;
  account_id: string;
  email: string;
  name: string | null;
  leaver: boolean;
  /** an idle-seat offer already open for the seat, if any */
  open_offer_id: string | null;
  /** since when the seat has not been used */
  idle_since: Date | string;
  total: number | string;
}

const REUSABLE = `
  from seat s
  join membership m on m.id = s.membership_id
  join account a on a.id = m.account_id
  left join idle_offer x on x.seat_id = s.id and x.status = 'open'
  where s.contract_id = ? and s.plan_code = ?
    and ((m.status <> 'active' and not s.auto_renew) or (m.status = 'active' and ${IDLE_SINCE} <= ?))
    and (x.for_request_id is null or x.for_request_id <> ?::uuid)`;

/** The reusable seats of a plan (at most `limit`), each with how many there are in all. */
export const reusableSeats = (
  em: EntityManager,
  o: {
    contractId: string;
    planCode: string;
    idleBefore: Date;
    limit: number;
    /** leave out seats whose holder was already asked for this request */
    notForRequest?: string;
  },
): Promise<ReusableSeat[]> =>
  em.execute<ReusableSeat[]>(
    `select s.id as seat_id, m.id as membership_id, a.id as account_id, a.email, a.name,
            m.status <> 'active' as leaver, x.id as open_offer_id, ${IDLE_SINCE} as idle_since,
            count(*) over () as total
     ${REUSABLE}
     order by (m.status <> 'active') desc, ${IDLE_SINCE}, s.id
     limit ?`,
    [
      o.contractId,
      o.planCode,
      o.idleBefore,
      o.notForRequest ?? '00000000-0000-0000-0000-000000000000',
      o.limit,
    ],
  );

/**
 * Opens an idle-seat offer for a purchase request, or links the one already open for the seat;
 * null when the member no longer holds the seat (given back meanwhile): nobody is asked.
 */
export const offerForRequest = async (
  em: EntityManager,
  o: { id: string; seatId: string; membershipId: string; requestId: string; now: Date; expiresAt: Date },
): Promise<string | null> => {
  const [row] = await em.execute<{ id: string }[]>(
    `insert into idle_offer (id, seat_id, membership_id, offered_at, expires_at, status, decided_at, for_request_id)
     select ?, ?, ?, ?, ?, 'open', null, ?
     where exists (select 1 from seat where id = ? and membership_id = ?)
     on conflict (seat_id) where status = 'open'
       do update set for_request_id = coalesce(idle_offer.for_request_id, excluded.for_request_id)
     returning id`,
    [o.id, o.seatId, o.membershipId, o.now, o.expiresAt, o.requestId, o.seatId, o.membershipId],
  );
  return row?.id ?? null;
};

/** The purchase request an offer was sent for, if any. */
export const requestOfOffer = async (em: EntityManager, offerId: string): Promise<string | null> => {
  const [row] = await em.execute<{ for_request_id: string | null }[]>(
    'select for_request_id from idle_offer where id = ?',
    [offerId],
  );
  return row?.for_request_id ?? null;
};
