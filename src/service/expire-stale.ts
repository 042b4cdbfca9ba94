import type { ServiceContext } from './context.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

/**
 * Invitations older than their 7 days and purchase quotes past their expiry close, so nobody
 * joins on a stale invite or pays a stale price. Safe to run any number of times.
 */
export const expireStale = (ctx: ServiceContext) =>
  inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const invitations = await em.execute<{ id: string; organization_id: string; email: string }[]>(
      `update invitation set status = 'expired', decided_at = ? where status = 'pending' and expires_at <= ?
       returning id, organization_id, email`,
      [now, now],
    );
    const requests = await em.execute<{ id: string; organization_id: string }[]>(
      `update purchase_request set status = 'expired', updated_at = ? where status = 'pending' and quote_expires_at <= ?
       returning id, organization_id`,
      [now, now],
    );
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
    return { invitations: invitations.length, requests: requests.length };
  });
