import type { EntityManager } from '@mikro-orm/postgresql';
import type { Organization, PurchaseRequest } from '../../domain/model.ts';
import { sendDecisionCards } from './approval-request.ts';
import { decidersOf } from './purchase.ts';

/**
 * Seats were given back for a request its deciders were asked about: each of them (the approvers
 * and today's delegates, chosen as `add` chose them) is sent the request as it is now, which their
 * platform draws over the card they have rather than posting a new one. A request now `covered`
 * says so, with nothing left to decide. A request nobody was asked about yet (an approver's own,
 * or one held while its requester chooses) has no cards.
 */
export const updateApprovalCards = async (
  em: EntityManager,
  now: Date,
  org: Pick<Organization, 'id' | 'name'>,
  r: PurchaseRequest,
  given: number,
) => {
  if (r.needs !== 'approval' || !r.routedAt || (r.status !== 'pending' && r.status !== 'covered')) return;
  const to = await decidersOf(em, org, r.requestedById, now);
  await sendDecisionCards(
    em,
    now,
    org,
    r,
    to,
    (p) => ({ kind: 'approval_updated', payload: { ...p, given } }),
    // covered: nothing to buy, so no facts to weigh
    r.status === 'covered' ? { facts: {} } : {},
  );
};
