import type { EntityManager } from '@mikro-orm/postgresql';
import { ownerMembershipOf } from '../../../db/repositories/memberships.ts';
import type { Account, Organization } from '../../domain/model.ts';
import type { Workspace } from '../../domain/workspace.ts';
import { audit, notify } from './records.ts';

/** A workspace linked or unlinked: the audit event, and a notice to the owner. */
export const recordLinkChange = async (
  em: EntityManager,
  now: Date,
  o: { org: Organization; me: Account; workspace: Workspace; linked: boolean },
) => {
  audit(em, now, {
    organizationId: o.org.id,
    actorId: o.me.id,
    action: o.linked ? 'organization.workspace_linked' : 'organization.workspace_unlinked',
    subject: { type: 'organization', id: o.org.id },
    ...(o.linked ? { after: { ...o.workspace } } : { before: { ...o.workspace } }),
  });
  const owner = await ownerMembershipOf(em, o.org.id);
  if (owner) {
    notify(em, now, {
      organizationId: o.org.id,
      recipientId: owner.accountId,
      kind: o.linked ? 'workspace_linked' : 'workspace_unlinked',
      payload: { organizationName: o.org.name, by: o.me.email, ...o.workspace },
    });
  }
};
