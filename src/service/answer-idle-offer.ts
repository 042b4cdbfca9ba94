import { z } from 'zod';
import { decideOffer, type IdleOfferStatus, lockOffer } from '../../db/repositories/idle-offers.ts';
import { markSeatUsed, releaseSeatById } from '../../db/repositories/seats.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { findAccount } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { shrinkForOffer } from './support/reuse.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ offerId: uuidField, keep: z.boolean() });

export type { IdleOfferStatus } from '../../db/repositories/idle-offers.ts';

export interface IdleOfferAnswer {
  offerId: string;
  status: 'kept' | 'given_back';
  organizationId: string;
  organizationName: string;
  plan: string;
}

const notFound = () =>
  new DomainError(
    'not_found',
    { key: 'errors_service.idle_offer.not_found' },
    { key: 'errors_service.idle_offer.not_found_next' },
  );

/** The one line for an offer that was already decided. */
const closed = (status: Exclude<IdleOfferStatus, 'open'>, org: string, plan: string) => {
  switch (status) {
    case 'kept':
      return new DomainError(
        'conflict',
        { key: 'errors_service.idle_offer.kept', args: { plan, org } },
        { key: 'errors_service.common.nothing_to_do' },
      );
    case 'given_back':
      return new DomainError(
        'conflict',
        { key: 'errors_service.idle_offer.given_back', args: { plan, org } },
        { key: 'errors_service.idle_offer.ask_admin' },
      );
    case 'reclaimed':
      return new DomainError(
        'conflict',
        { key: 'errors_service.idle_offer.reclaimed', args: { plan, org } },
        { key: 'errors_service.idle_offer.ask_admin' },
      );
    case 'void':
      return new DomainError(
        'conflict',
        { key: 'errors_service.idle_offer.void', args: { plan, org } },
        { key: 'errors_service.common.nothing_to_do' },
      );
  }
};

/**
 * The holder's answer to an idle-seat offer. "Keep" resets the idleness (the seat counts as
 * used now) and closes the offer; "give back" frees the seat at once and the holder falls to
 * free. Only the holder may answer (anyone else: not found); an offer answered, reclaimed or
 * void is refused with what happened. An open offer past its grace period may still be
 * answered until the reclaim job has run.
 */
export const answerIdleOffer = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<IdleOfferAnswer> => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const me = await findAccount(em, actor.email);
    if (!me) throw notFound();
    // the offer and its seat, locked: a concurrent answer or reclaim waits (or skips) here
    const o = await lockOffer(em, cmd.offerId);
    if (!o || o.account_id !== me.id || o.member_status !== 'active') throw notFound();
    if (o.status !== 'open') throw closed(o.status, o.organization_name, o.plan_code);
    if (o.holder !== o.membership_id) {
      throw new DomainError(
        'conflict',
        {
          key: 'errors_service.idle_offer.not_holder',
          args: { plan: o.plan_code, org: o.organization_name },
        },
        { key: 'errors_service.common.nothing_to_do' },
      );
    }
    const status = cmd.keep ? 'kept' : 'given_back';
    if (cmd.keep) {
      await markSeatUsed(em, o.seat_id, now);
    } else {
      if (o.disconnected_at) {
        throw new DomainError(
          'contract_frozen',
          { key: 'errors_service.idle_offer.frozen' },
          { key: 'errors_service.idle_offer.frozen_next' },
        );
      }
      await releaseSeatById(em, o.seat_id);
    }
    await decideOffer(em, o.id, status, now);
    // asked for because someone wanted to buy seats of this plan: that request shrinks by one
    if (!cmd.keep)
      await shrinkForOffer(
        em,
        now,
        o.id,
        { id: o.organization_id, name: o.organization_name },
        'given_back',
        me.id,
      );
    audit(em, now, {
      organizationId: o.organization_id,
      actorId: me.id,
      action: cmd.keep ? 'seat.idle_kept' : 'seat.given_back',
      subject: { type: 'membership', id: o.membership_id },
      before: { plan: o.plan_code, seatId: o.seat_id, offerId: o.id, offer: 'open' },
      after: cmd.keep
        ? { plan: o.plan_code, offer: 'kept', lastUsedAt: now.toISOString() }
        : { plan: 'free', offer: 'given_back' },
    });
    return {
      offerId: o.id,
      status,
      organizationId: o.organization_id,
      organizationName: o.organization_name,
      plan: o.plan_code,
    };
  });
};
