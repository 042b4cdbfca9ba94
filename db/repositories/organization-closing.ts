import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * What closing an organization does to the records around it, set-based: the seats of its
 * active contracts are emptied, its own contract ends, contracts bought separately are handed
 * back unconnected, and its open invitations and purchase requests close.
 */
export const closeOrganizationRecords = async (em: EntityManager, organizationId: string, now: Date) => {
  await em.execute(
    `update seat set membership_id = null, assigned_at = null
     where contract_id in (select id from contract where organization_id = ? and status = 'active')`,
    [organizationId],
  );
  await em.execute(
    `update contract set status = 'ended' where organization_id = ? and kind = 'organization'`,
    [organizationId],
  );
  await em.execute(
    `update contract set organization_id = null, disconnected_at = null where organization_id = ? and kind = 'external'`,
    [organizationId],
  );
  await em.execute(
    `update invitation set status = 'revoked', decided_at = ? where organization_id = ? and status = 'pending'`,
    [now, organizationId],
  );
  await em.execute(
    `update purchase_request set status = 'expired', updated_at = ? where organization_id = ? and status = 'pending'`,
    [now, organizationId],
  );
};
