import { z } from 'zod';
import { decideOffer, type IdleOfferStatus, lockOffer } from '../../db/repositories/idle-offers.ts';
import { markSeatUsed, releaseSeatById } from '../../db/repositories/seats.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { findAccount } from './support/lookups.ts';
import { audit } from './support/records.ts';
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
    'There is no such seat offer for you.',
    'Check your latest messages from Seatkeeper.',
  );

/** The one line for an offer that was already decided. */
const closed = (status: Exclude<IdleOfferStatus, 'open'>, org: string, plan: string) => {
  switch (status) {
    case 'kept':
      return new DomainError(
        'conflict',
        `You already chose to keep your ${plan} seat in ${org}.`,
        'Nothing to do.',
      );
    case 'given_back':
      return new DomainError(
        'conflict',
        `You already gave back your ${plan} seat in ${org}.`,
        'Ask an admin for a seat if you need one again.',
      );
    case 'reclaimed':
      return new DomainError(
        'conflict',
        `Your ${plan} seat in ${org} was already freed: nobody answered within 7 days.`,
        'Ask an admin for a seat if you need one again.',
      );
    case 'void':
      return new DomainError(
        'conflict',
        `This offer about your ${plan} seat in ${org} no longer applies (the seat was used again or changed).`,
        'Nothing to do.',
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
        `You no longer hold that ${o.plan_code} seat in ${o.organization_name}.`,
        'Nothing to do.',
      );
    }
    const status = cmd.keep ? 'kept' : 'given_back';
    if (cmd.keep) {
      await markSeatUsed(em, o.seat_id, now);
    } else {
      if (o.disconnected_at) {
        throw new DomainError(
          'contract_frozen',
          'That seat belongs to a contract that is disconnected, so its plans cannot change.',
          'Ask an admin to reconnect the contract first.',
        );
      }
      await releaseSeatById(em, o.seat_id);
    }
    await decideOffer(em, o.id, status, now);
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
