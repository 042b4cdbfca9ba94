import type { EntityManager } from '@mikro-orm/postgresql';
import { accountsByIds } from '../../../db/repositories/accounts.ts';
import { currentMembershipsOf } from '../../../db/repositories/memberships.ts';
import { closeOrganizationRecords } from '../../../db/repositories/organization-closing.ts';
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
  const members = await currentMembershipsOf(em, org.id);
  await closeOrganizationRecords(em, org.id, now);
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
  const accounts = await accountsByIds(
    em,
    members.map((m) => m.accountId),
  );
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
