import type { EntityManager } from '@mikro-orm/postgresql';
import { contractById } from '../../../db/repositories/contracts.ts';
import type { Organization, PurchaseRequest } from '../../domain/model.ts';
import { approvalFacts } from './approval-request.ts';
import { accountsById } from './lookups.ts';
import { approvalPayload, decidersOf } from './purchase.ts';
import { notify } from './records.ts';

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
  const deciders = await decidersOf(em, org, r.requestedById, now);
  if (deciders.length === 0) return;
  const contract = await contractById(em, r.contractId);
  const requester = (await accountsById(em, [r.requestedById])).get(r.requestedById);
  const facts = r.status === 'pending' ? await approvalFacts(em, now, r) : {};
  for (const d of deciders) {
    notify(em, now, {
      organizationId: org.id,
      recipientId: d.accountId,
      kind: 'approval_updated',
      payload: {
        ...approvalPayload(org, r, requester?.email ?? '', contract?.period ?? 'month', d.forApprover),
        ...facts,
        given,
      },
    });
  }
};
