import { openIdleOffers } from '../../db/repositories/idle-offers.ts';
import { IDLE_AFTER_DAYS, IDLE_GRACE_DAYS } from '../domain/limits.ts';
import type { ServiceContext } from './context.ts';
import { announceIdleOffer } from './support/idle-offer-notice.ts';
import { inTransaction } from './support/tx.ts';

/** A held seat unused for IDLE_AFTER_DAYS is idle; its holder has IDLE_GRACE_DAYS to answer. */
export { IDLE_AFTER_DAYS, IDLE_GRACE_DAYS };

const DAY_MS = 24 * 3600 * 1000;

// when a held seat became idle: kept here for the use cases that import it from this file
export { IDLE_SINCE } from '../../db/repositories/idle-offers.ts';

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
    const made = await openIdleOffers(em, { idleBefore, limit: opts.limit ?? 1000, now, expiresAt });
    for (const o of made)
      announceIdleOffer(em, now, {
        offerId: o.id,
        seatId: o.seat_id,
        membershipId: o.membership_id,
        accountId: o.account_id,
        organizationId: o.organization_id,
        organizationName: o.organization_name,
        plan: o.plan_code,
        idleSince: o.idle_since,
        expiresAt,
      });
    return made.length;
  });
