import { z } from 'zod';
import { activeMembershipsOf } from '../../db/repositories/memberships.ts';
import { DomainError } from '../domain/errors.ts';
import type { Organization } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { lockOrganizationFor } from './support/contracts.ts';
import { parse, uuidField } from './support/input.ts';
import { ownContract } from './support/lookups.ts';
import { audit, notify, snapshot } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField });

/**
 * `cancel`: the owner cancels the organization. Access stays until the end of the paid period
 * (the own contract's current period); then members return to their own plans (jobs).
 * Every active member is told.
 */
export const cancelOrganization = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<{ organization: Organization; paidThrough: Date }> => {
  const cmd = parse(input, raw);
  // Checked first, then Stripe is told (it stops renewing at period end), then it is recorded:
  // if the provider fails nothing has changed here and the owner can simply try again.
  const contractId = await inTransaction(ctx, async (em) => {
    const { org } = await lockOrganizationFor(em, actor, cmd.organizationId, 'billing', ctx.clock.now());
    refuseCancelled(org);
    return (await ownContract(em, org.id)).id;
  });
  await ctx.billing.setCancelAtPeriodEnd(contractId, true);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { me, org } = await lockOrganizationFor(em, actor, cmd.organizationId, 'billing', now);
    refuseCancelled(org);
    const contract = await ownContract(em, org.id);
    const paidThrough = contract.currentPeriodEnd;
    const before = snapshot(org, ['status', 'paidThrough']);
    org.status = 'cancelling';
    org.paidThrough = paidThrough;
    org.updatedAt = now;
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'organization.cancellation_requested',
      subject: { type: 'organization', id: org.id },
      before,
      after: snapshot(org, ['status', 'paidThrough']),
    });
    const members = await activeMembershipsOf(em, org.id);
    for (const m of members) {
      notify(em, now, {
        organizationId: org.id,
        recipientId: m.accountId,
        kind: 'organization_cancelled',
        payload: { organizationName: org.name, paidThrough: paidThrough.toISOString() },
      });
    }
    return { organization: org, paidThrough };
  });
};

const refuseCancelled = (org: Organization) => {
  if (org.status === 'cancelling') {
    throw new DomainError(
      'conflict',
      { key: 'errors_service.cancel.already', args: { org: org.name, until: org.paidThrough! } },
      { key: 'errors_service.cancel.already_next' },
    );
  }
};
