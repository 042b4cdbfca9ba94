import type { EntityManager } from '@mikro-orm/postgresql';
import { AccountSchema, MembershipSchema } from '../../../db/schemas/index.ts';
import type { Organization } from '../../domain/model.ts';
import { auditPersonalPlan, restoresPersonalPlan } from './personal-plan.ts';
import { audit, notify } from './records.ts';

/**
 * Ends an organization (deleted by its owner, or cancelled and past its paid-through date):
 * every member leaves and returns to their own plan, its own contract ends, contracts bought
 * separately are handed back unconnected, open invitations and requests close.
 */
export const closeOrganization = async (
  em: EntityManager,
  org: Organization,
  now: Date,
  how: { status: 'deleted' | 'cancelled'; actorId: string | null },
) => {
  const members = await em.find(MembershipSchema, {
    organizationId: org.id,
    status: { $in: ['active', 'detached'] },
  });
  await em.execute(
    `update seat set membership_id = null, assigned_at = null
     where contract_id in (select id from contract where organization_id = ? and status = 'active')`,
    [org.id],
  );
  await em.execute(
    `update contract set status = 'ended' where organization_id = ? and kind = 'organization'`,
    [org.id],
  );
  await em.execute(
    `update contract set organization_id = null, disconnected_at = null where organization_id = ? and kind = 'external'`,
    [org.id],
  );
  await em.execute(
    `update invitation set status = 'revoked', decided_at = ? where organization_id = ? and status = 'pending'`,
    [now, org.id],
  );
  await em.execute(
    `update purchase_request set status = 'expired', updated_at = ? where organization_id = ? and status = 'pending'`,
    [now, org.id],
  );
  // detached members' plans were restored when they were offboarded
  const wereActive = new Set(members.filter((m) => m.status === 'active').map((m) => m.accountId));
  const before = org.status;
  org.status = how.status;
  org.updatedAt = now;
  for (const m of members) {
    m.status = 'left';
    m.endedAt = now;
  }
  await em.flush();
  audit(em, now, {
    organizationId: org.id,
    actorId: how.actorId,
    action: how.status === 'deleted' ? 'organization.deleted' : 'organization.closed',
    subject: { type: 'organization', id: org.id },
    before: { status: before, members: members.length },
    after: { status: how.status },
  });
  const accounts = await em.find(AccountSchema, { id: { $in: members.map((m) => m.accountId) } });
  for (const a of accounts) {
    const restored = wereActive.has(a.id) && (await restoresPersonalPlan(em, a));
    if (restored) {
      auditPersonalPlan(em, now, { organizationId: org.id, actorId: how.actorId, account: a, paused: false });
    }
    notify(em, now, {
      organizationId: org.id,
      recipientId: a.id,
      kind: how.status === 'deleted' ? 'organization_deleted' : 'organization_cancelled',
      payload: { organizationName: org.name, personalPlan: a.personalPlan, restored, closed: true },
    });
  }
  return { members: members.length };
};
