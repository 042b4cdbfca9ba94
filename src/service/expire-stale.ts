import { expireStaleInvitations, expireStaleQuotes } from '../../db/repositories/invitations.ts';
import { organizationById } from '../../db/repositories/organizations.ts';
import { requestsByIds } from '../../db/repositories/purchase-requests.ts';
import type { ServiceContext } from './context.ts';
import { notifyExpired } from './support/purchase.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

/**
 * Invitations older than their 7 days and purchase quotes past their expiry close, so nobody
 * joins on a stale invite or pays a stale price; a requester whose request expired is told how to
 * ask again. Safe to run any number of times.
 */
export const expireStale = (ctx: ServiceContext) =>
  inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const invitations = await expireStaleInvitations(em, now);
    const requests = await expireStaleQuotes(em, now);
    for (const i of invitations) {
      audit(em, now, {
        organizationId: i.organization_id,
        actorId: null,
        action: 'invitation.expired',
        subject: { type: 'invitation', id: i.id },
        before: { status: 'pending' },
        after: { status: 'expired', email: i.email },
      });
    }
    for (const r of requests) {
      audit(em, now, {
        organizationId: r.organization_id,
        actorId: null,
        action: 'purchase.expired',
        subject: { type: 'purchase_request', id: r.id },
        before: { status: 'pending' },
        after: { status: 'expired' },
      });
    }
    const orgs = new Map<string, Awaited<ReturnType<typeof organizationById>>>();
    for (const r of await requestsByIds(
      em,
      requests.map((x) => x.id),
    )) {
      if (!orgs.has(r.organizationId))
        orgs.set(r.organizationId, await organizationById(em, r.organizationId));
      const org = orgs.get(r.organizationId);
      if (org) notifyExpired(em, now, org, r);
    }
    return { invitations: invitations.length, requests: requests.length };
  });
