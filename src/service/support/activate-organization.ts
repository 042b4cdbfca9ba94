import type { Organization } from '../../domain/model.ts';
import type { ServiceContext } from '../context.ts';
import { claimEvent } from './billing-events.ts';
import { lockOrganization } from './contracts.ts';
import { audit, notify } from './records.ts';
import { inTransaction } from './tx.ts';

/**
 * A pending organization becomes active once its billing has started (first invoice paid, or
 * the provider has the payment method). Anything else is left as it is: activating twice, or
 * an organization deleted meanwhile, changes nothing. `event` is recorded in the same
 * transaction, so a redelivered webhook does not activate (or notify) again.
 */
export const activateOrganization = (
  ctx: ServiceContext,
  orgId: string,
  how: { ref: string; event?: { id: string; type: string } },
): Promise<Organization> =>
  inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const org = await lockOrganization(em, orgId);
    if (!(await claimEvent(em, how.event, now)) || org.status !== 'pending') return org;
    org.status = 'active';
    org.updatedAt = now;
    audit(em, now, {
      organizationId: org.id,
      actorId: null,
      action: 'organization.activated',
      subject: { type: 'organization', id: org.id },
      before: { status: 'pending' },
      after: { status: 'active', billingRef: how.ref },
    });
    // the creator saw a setup link in chat; tell them when the provider confirms it
    if (how.event) {
      notify(em, now, {
        organizationId: org.id,
        recipientId: org.ownerId,
        kind: 'organization_ready',
        payload: { organizationName: org.name },
      });
    }
    return org;
  });
