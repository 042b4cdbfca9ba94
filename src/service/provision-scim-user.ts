import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { createMembership } from '../../db/repositories/memberships.ts';
import { findScimUser, saveScimAttributes, scimUserDeleted } from '../../db/repositories/scim-users.ts';
import { DomainError } from '../domain/errors.ts';
import type { IdentityProvider, ServiceContext } from './context.ts';
import { activateMember, providerOrganization } from './support/identity-provider.ts';
import { parse } from './support/input.ts';
import { actorAccount, membershipOf } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { scimAttributes } from './support/scim-input.ts';
import { inTransaction } from './support/tx.ts';

/**
 * SCIM POST /Users: the person becomes an active member of the identity provider's
 * organization (an account is made for a new email). A member the organization already has is
 * refused as not unique (409), unless the identity provider had DELETEd them: then they come back.
 */
export const provisionScimUser = async (
  ctx: ServiceContext,
  idp: IdentityProvider,
  raw: z.input<typeof scimAttributes>,
) => {
  const cmd = parse(scimAttributes, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const org = await providerOrganization(em, idp);
    const account = await actorAccount(em, { email: cmd.userName, name: cmd.displayName }, now);
    let membership = await membershipOf(em, org.id, account.id);
    const before = membership?.status ?? null;
    if (membership && membership.status !== 'left' && !(await scimUserDeleted(em, membership.id))) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.scim.user_exists', args: { user: cmd.userName, org: org.name } },
        { key: 'errors_service.scim.user_exists_next' },
        { scimType: 'uniqueness' },
      );
    }
    if (membership) {
      // coming back: a member again, with no rights kept from before
      Object.assign(membership, {
        role: membership.role === 'owner' ? 'owner' : 'member',
        approver: false,
        joinedAt: now,
      });
    } else {
      membership = createMembership(em, {
        id: randomUUID(),
        organizationId: org.id,
        accountId: account.id,
        role: 'member',
        approver: false,
        status: 'active',
        former: false,
        joinedAt: now,
        endedAt: null,
      });
    }
    const plan = await activateMember(em, now, org, account, membership);
    await saveScimAttributes(em, {
      membershipId: membership.id,
      organizationId: org.id,
      externalId: cmd.externalId,
      givenName: cmd.givenName,
      familyName: cmd.familyName,
      displayName: cmd.displayName,
      at: now,
    });
    audit(em, now, {
      organizationId: org.id,
      actorId: null,
      action: 'member.provisioned',
      subject: { type: 'membership', id: membership.id },
      before: { membership: before },
      after: { email: account.email, role: membership.role, plan, externalId: cmd.externalId, actor: 'scim' },
    });
    return (await findScimUser(em, org.id, membership.id))!;
  });
};
