import type { EntityManager } from '@mikro-orm/postgresql';
import { contractById } from '../../../db/repositories/contracts.ts';
import type { Organization, PurchaseRequest } from '../../domain/model.ts';
import type { Notice } from '../../domain/notices.ts';
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

type Facts = Awaited<ReturnType<typeof approvalFacts>>;
type CardPayload = ReturnType<typeof approvalPayload> & Facts;

/** What a caller already read, so a card costs no read twice: who asked, the period, the facts. */
export interface KnownForCards {
  requestedBy?: string;
  period?: BillingPeriod;
  facts?: Facts;
}

/**
 * The one place a card about a request is written to those who decide it (the request, a
 * reminder, an escalation, a redraw): its figures as they are now, who asked, the period its
 * recurring total is per, its facts, and to a delegate whose decision it is. `card` makes the
 * notice of its kind from that payload.
 */
export const sendDecisionCards = async (
  em: EntityManager,
  now: Date,
  org: Pick<Organization, 'id' | 'name'>,
  r: PurchaseRequest,
  to: readonly { accountId: string; forApprover: string | null }[],
  card: (payload: CardPayload) => Notice,
  known: KnownForCards = {},
) => {
  if (to.length === 0) return;
  const requestedBy =
    known.requestedBy ?? (await accountsById(em, [r.requestedById])).get(r.requestedById)?.email ?? '';
  const period = known.period ?? (await contractById(em, r.contractId))?.period ?? 'month';
  const facts = known.facts ?? (await approvalFacts(em, now, r));
  for (const d of to)
    notify(em, now, {
      organizationId: org.id,
      recipientId: d.accountId,
      ...card({ ...approvalPayload(org, r, requestedBy, period, d.forApprover), ...facts }),
    });
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
  known: KnownForCards = {},
): Promise<number> => {
  const to = await decidersOf(em, org, r.requestedById, now);
  await sendDecisionCards(em, now, org, r, to, (payload) => ({ kind: 'approval_request', payload }), known);
  r.routedAt = now;
  r.updatedAt = now;
  return to.filter((d) => !d.forApprover).length;
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
  const approvers = await askDeciders(em, now, org, r);
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
