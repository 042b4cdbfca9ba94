import type { EntityManager } from '@mikro-orm/postgresql';
import { audit, notify } from './records.ts';

const DAY_MS = 86_400_000;

/**
 * An idle-seat offer just opened: audited, and its holder asked "keep or give back". The idle
 * job and "Ask them to give back" on a quote open offers alike; `forRequest` names the purchase
 * request one was sent for, and `actorId` who asked (null: the job).
 */
export const announceIdleOffer = (
  em: EntityManager,
  now: Date,
  o: {
    offerId: string;
    seatId: string;
    membershipId: string;
    accountId: string;
    organizationId: string;
    organizationName: string;
    plan: string;
    idleSince: Date | string;
    expiresAt: Date;
  },
  by: { actorId: string | null; forRequest?: string } = { actorId: null },
) => {
  const idleSince = new Date(o.idleSince).toISOString();
  audit(em, now, {
    organizationId: o.organizationId,
    actorId: by.actorId,
    action: 'seat.idle_offered',
    subject: { type: 'membership', id: o.membershipId },
    after: {
      offerId: o.offerId,
      seatId: o.seatId,
      plan: o.plan,
      idleSince,
      expiresAt: o.expiresAt.toISOString(),
      ...(by.forRequest ? { forRequest: by.forRequest } : {}),
    },
  });
  notify(em, now, {
    organizationId: o.organizationId,
    recipientId: o.accountId,
    kind: 'idle_seat_offer',
    payload: {
      offerId: o.offerId,
      organizationName: o.organizationName,
      plan: o.plan,
      idleSince,
      idleDays: Math.floor((now.getTime() - new Date(o.idleSince).getTime()) / DAY_MS),
      expiresAt: o.expiresAt.toISOString(),
    },
  });
};
