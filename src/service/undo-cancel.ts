import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import type { Organization } from '../domain/model.ts';
import type { Actor, ServiceContext } from './context.ts';
import { lockOrganizationFor } from './support/contracts.ts';
import { parse, uuidField } from './support/input.ts';
import { ownContract } from './support/lookups.ts';
import { audit, snapshot } from './support/records.ts';
import { syncRenewalSchedules } from './support/renewal-schedule.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField });

/** `cancel undo`: the owner keeps an organization they cancelled, before its paid time runs out. */
export const undoCancel = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input>,
): Promise<Organization> => {
  const cmd = parse(input, raw);
  // As for `cancel`: checked, then Stripe renews again, then recorded.
  const contractId = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org } = await lockOrganizationFor(em, actor, cmd.organizationId, 'billing', now);
    refuseUndo(org, now);
    return (await ownContract(em, org.id)).id;
  });
  await ctx.billing.setCancelAtPeriodEnd(contractId, false);
  const undone = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { me, org } = await lockOrganizationFor(em, actor, cmd.organizationId, 'billing', now);
    refuseUndo(org, now);
    const before = snapshot(org, ['status', 'paidThrough']);
    org.status = 'active';
    org.paidThrough = null;
    org.updatedAt = now;
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'organization.cancellation_undone',
      subject: { type: 'organization', id: org.id },
      before,
      after: snapshot(org, ['status', 'paidThrough']),
    });
    return org;
  });
  // cancelling released the renewal schedule: seats with auto-renew off are planned again
  await syncRenewalSchedules(ctx, [contractId]);
  return undone;
};

const refuseUndo = (org: Organization, now: Date) => {
  if (org.status !== 'cancelling') {
    throw new DomainError(
      'conflict',
      { key: 'errors_service.cancel.not_cancelled', args: { org: org.name } },
      { key: 'errors_service.cancel.not_cancelled_next' },
    );
  }
  if (org.paidThrough && org.paidThrough <= now) {
    throw new DomainError(
      'organization_closed',
      { key: 'errors_service.cancel.final', args: { org: org.name } },
      { key: 'errors_service.cancel.final_next' },
    );
  }
};
