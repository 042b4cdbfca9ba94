import type { EntityManager } from '@mikro-orm/postgresql';

/** Idle-seat offers ("keep or give back"), table idle_offer (not mapped: read and written here only). */

export type IdleOfferStatus = 'open' | 'kept' | 'given_back' | 'reclaimed' | 'void';

/**
 * When a held seat became idle (SQL, seat aliased `s`): its last entitlement check, or its
 * assignment when it was never used since; the later of the two, so a seat handed to someone
 * new is not idle from its previous holder's last use.
 */
export const IDLE_SINCE = 'greatest(s.last_used_at, s.assigned_at)';

export interface MadeOffer {
  id: string;
  seat_id: string;
  membership_id: string;
  plan_code: string;
  idle_since: Date | string;
  account_id: string;
  organization_id: string;
  organization_name: string;
}

/**
 * Opens an offer for each held seat idle since `idleBefore` or earlier, in organizations with
 * idle reclaim on (active member, organization and contract), longest idle first, at most
 * `limit`: one set-based statement. Never while an offer for the seat is open (the partial
 * unique index idle_offer_one_open backs that, also against a concurrent run).
 */
export const openIdleOffers = (
  em: EntityManager,
  o: { idleBefore: Date; limit: number; now: Date; expiresAt: Date },
): Promise<MadeOffer[]> =>
  em.execute<MadeOffer[]>(
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
    [o.idleBefore, o.limit, o.now, o.expiresAt],
  );

export interface DueOffer {
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

/**
 * Open offers whose grace period ended by `now`, soonest first, at most `limit`, with their
 * seat, contract, member and organization; offers and seats locked with SKIP LOCKED, so
 * concurrent runs split the work and a seat in use right now is left for the next run.
 */
export const lockDueOffers = (em: EntityManager, now: Date, limit: number): Promise<DueOffer[]> =>
  em.execute<DueOffer[]>(
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
    [now, limit],
  );

export interface OfferRow {
  id: string;
  seat_id: string;
  membership_id: string;
  status: IdleOfferStatus;
  account_id: string;
  member_status: string;
  organization_id: string;
  organization_name: string;
  holder: string | null;
  plan_code: string;
  disconnected_at: Date | string | null;
}

/** One offer with its seat, both locked (a concurrent answer or reclaim waits here), or null. */
export const lockOffer = async (em: EntityManager, offerId: string): Promise<OfferRow | null> => {
  const [o] = await em.execute<OfferRow[]>(
    `select x.id, x.seat_id, x.membership_id, x.status, m.account_id, m.status as member_status,
            o.id as organization_id, o.name as organization_name,
            s.membership_id as holder, s.plan_code, c.disconnected_at
     from idle_offer x
     join membership m on m.id = x.membership_id
     join organization o on o.id = m.organization_id
     join seat s on s.id = x.seat_id
     join contract c on c.id = s.contract_id
     where x.id = ?
     for update of x, s`,
    [offerId],
  );
  return o ?? null;
};

/** Closes an offer with how it ended. */
export const decideOffer = async (
  em: EntityManager,
  offerId: string,
  status: Exclude<IdleOfferStatus, 'open'>,
  at: Date,
) => {
  await em.execute('update idle_offer set status = ?, decided_at = ? where id = ?', [status, at, offerId]);
};
