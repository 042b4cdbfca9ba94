import type { EntityManager } from '@mikro-orm/postgresql';
import { contractById } from '../../../db/repositories/contracts.ts';
import { plansByCode } from '../../../db/repositories/purchase-quotes.ts';
import { lockRequest } from '../../../db/repositories/purchase-requests.ts';
import { requestOfOffer } from '../../../db/repositories/reusable-seats.ts';
import type { Organization, PurchaseRequest } from '../../domain/model.ts';
import { updateApprovalCards } from './approval-card-update.ts';
import { seatIntendedPeople } from './intended-people.ts';
import { quoteWithSeats } from './purchase.ts';
import { audit, notify } from './records.ts';

export type ShrinkHow = 'leaver' | 'given_back' | 'reclaimed';

/**
 * Seats given back for a pending request: it asks for that many fewer (a request every seat
 * covered ends `covered`, nothing bought). Its price is taken again from our own quote now, and
 * stops holding, so an approval prices the rest with the billing provider. Each seat given back
 * goes to the next member the request was for, if it named any. The requester is told when
 * someone else's answer shrank it. Returns who got a seat (emails).
 */
export const shrinkRequest = async (
  em: EntityManager,
  now: Date,
  org: Pick<Organization, 'id' | 'name'>,
  r: PurchaseRequest,
  given: number,
  how: ShrinkHow,
  actorId: string | null,
): Promise<string[]> => {
  if (r.status !== 'pending' || given <= 0) return [];
  const before = r.quantity;
  const left = Math.max(0, before - given);
  r.priceValidUntil = now;
  r.updatedAt = now;
  if (left === 0) {
    // it keeps what it asked for (a request asks for at least one seat): covered, none bought
    r.status = 'covered';
    r.decidedAt = now;
  } else {
    r.quantity = left;
    const contract = await contractById(em, r.contractId);
    const plan = (await plansByCode(em)).get(r.planCode);
    if (contract && plan && contract.currentPeriodEnd > now) {
      const { quote } = await quoteWithSeats(em, contract, plan, r.quantity, now);
      r.proratedAmount = quote.proratedAmount;
      r.recurringTotal = quote.recurringTotal;
      r.prorationDate = now;
    }
  }
  audit(em, now, {
    organizationId: org.id,
    actorId,
    action: 'purchase.shrunk',
    subject: { type: 'purchase_request', id: r.id },
    before: { quantity: before, status: 'pending' },
    after: { quantity: left, status: r.status, given, how },
  });
  const seated = await seatIntendedPeople(em, now, org, r, given, actorId);
  if (actorId !== r.requestedById)
    notify(em, now, {
      organizationId: org.id,
      recipientId: r.requestedById,
      kind: 'request_shrunk',
      payload: {
        requestId: r.id,
        organizationName: org.name,
        plan: r.planCode,
        given,
        quantity: left,
        ...(seated.length ? { seated } : {}),
      },
    });
  // the deciders' cards show the request as it is now (covered: nothing left to decide)
  await updateApprovalCards(em, now, org, r, given);
  return seated;
};

/** A seat given back (or reclaimed) for an offer sent for a purchase request: that request shrinks. */
export const shrinkForOffer = async (
  em: EntityManager,
  now: Date,
  offerId: string,
  org: Pick<Organization, 'id' | 'name'>,
  how: ShrinkHow,
  actorId: string | null,
) => {
  const requestId = await requestOfOffer(em, offerId);
  if (!requestId) return [];
  const r = await lockRequest(em, requestId);
  return r ? shrinkRequest(em, now, org, r, 1, how, actorId) : [];
};
