import type { EntityManager } from '@mikro-orm/postgresql';
import { contractById } from '../../../db/repositories/contracts.ts';
import type { Organization, PurchaseRequest } from '../../domain/model.ts';
import type { BillingPeriod } from '../../domain/period.ts';
import { stillFor } from './intended-people.ts';
import { accountsById } from './lookups.ts';
import { approvalPayload, decidersOf } from './purchase.ts';
import { audit, notify } from './records.ts';
import { reuseFacts } from './unused-seats.ts';

/**
 * What every card asking to decide a request says besides its figures, read now: the seats of
 * its plan nobody uses (reuse before buying) and whom the seats are still for. The request, a
 * reminder, an escalation and a redrawn card all say the same.
 */
export const approvalFacts = async (em: EntityManager, now: Date, r: PurchaseRequest) => {
  const reusable = await reuseFacts(em, r.contractId, r.planCode, now);
  const forPeople = await stillFor(em, r);
  return { ...(reusable ? { reusable } : {}), ...(forPeople ? { forPeople } : {}) };
};

/**
 * Sends a request to its deciders: the approvers, and whoever stands in for one of them today
 * (told whose request it is), each with Approve / Reject. Stamps when it was sent (its reminders
 * count from then). Returns how many approvers (not delegates) were asked.
 */
export const askDeciders = async (
  em: EntityManager,
  now: Date,
  org: Organization,
  r: PurchaseRequest,
  requestedBy: string,
  period: BillingPeriod,
  /** the facts when the caller has just read them */
  known?: Awaited<ReturnType<typeof approvalFacts>>,
): Promise<number> => {
  const facts = known ?? (await approvalFacts(em, now, r));
  let approvers = 0;
  for (const a of await decidersOf(em, org, r.requestedById, now)) {
    if (!a.forApprover) approvers++;
    notify(em, now, {
      organizationId: org.id,
      recipientId: a.accountId,
      kind: 'approval_request',
      payload: { ...approvalPayload(org, r, requestedBy, period, a.forApprover), ...facts },
    });
  }
  r.routedAt = now;
  r.updatedAt = now;
  return approvers;
};

/**
 * A request held while its requester chose (seats of its plan are unused) goes to the deciders
 * now: they bought anyway, or asked the holders for those seats back. Audited as sent.
 */
export const sendHeldRequest = async (
  em: EntityManager,
  now: Date,
  org: Organization,
  r: PurchaseRequest,
  actorId: string,
  why: 'buy_anyway' | 'asked_back',
): Promise<number> => {
  const contract = await contractById(em, r.contractId);
  const requester = (await accountsById(em, [r.requestedById])).get(r.requestedById);
  const approvers = await askDeciders(em, now, org, r, requester?.email ?? '', contract?.period ?? 'month');
  audit(em, now, {
    organizationId: org.id,
    actorId,
    action: 'purchase.routed',
    subject: { type: 'purchase_request', id: r.id },
    before: { routedAt: null },
    after: { why, approvers },
  });
  return approvers;
};
