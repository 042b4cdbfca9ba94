import { z } from 'zod';
import { offboardingDefaults } from '../../db/repositories/offboarding-defaults.ts';
import {
  findScimUser,
  markScimUserDeleted,
  type ScimUserRecord,
  saveScimAttributes,
} from '../../db/repositories/scim-users.ts';
import { DomainError, isDomainError } from '../domain/errors.ts';
import type { IdentityProvider, ServiceContext } from './context.ts';
import { offboardMembers } from './offboard-members.ts';
import { activateMember, providerOrganization } from './support/identity-provider.ts';
import { parse } from './support/input.ts';
import { requireMemberByEmail } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { scimAttributes } from './support/scim-input.ts';
import { inTransaction, reading } from './support/tx.ts';

const input = scimAttributes.extend({ id: z.string().max(100) });

/** The identity provider's user, or 404 (another organization's users do not exist for it). */
export const requireScimUser = async (
  ctx: ServiceContext,
  idp: IdentityProvider,
  id: string,
): Promise<ScimUserRecord> => {
  const found = await reading(ctx, (em) => findScimUser(em, idp.organizationId, id));
  if (!found) {
    throw new DomainError(
      'not_found',
      { key: 'errors_service.scim.no_user', args: { id: id.slice(0, 100) } },
      { key: 'errors_service.scim.no_user_next' },
    );
  }
  return found;
};

/**
 * Offboards with the organization's offboarding defaults, through the same use case as the
 * offboarding form. Someone else offboarding them first is not a failure: they are gone.
 */
const offboard = async (ctx: ServiceContext, idp: IdentityProvider, email: string) => {
  const defaults = await reading(ctx, (em) => offboardingDefaults(em, idp.organizationId));
  try {
    await offboardMembers(ctx, idp, { organizationId: idp.organizationId, members: [email], ...defaults });
  } catch (e) {
    if (!(isDomainError(e) && e.code === 'conflict')) throw e;
  }
};

/**
 * SCIM PUT, and PATCH once applied: the user's whole new state. `active: false` offboards them
 * (organization's offboarding defaults; the admins get a summary), `active: true` brings an
 * offboarded member back. The email is the account, so userName cannot change.
 */
export const updateScimUser = async (
  ctx: ServiceContext,
  idp: IdentityProvider,
  raw: z.input<typeof input>,
) => {
  const cmd = parse(input, raw);
  const current = await requireScimUser(ctx, idp, cmd.id);
  if (cmd.userName !== current.email) {
    throw new DomainError(
      'invalid_input',
      { key: 'errors_service.scim.username_fixed', args: { email: current.email } },
      { key: 'errors_service.scim.username_fixed_next' },
      { scimType: 'mutability' },
    );
  }
  const attributes = {
    externalId: cmd.externalId,
    givenName: cmd.givenName,
    familyName: cmd.familyName,
    displayName: cmd.displayName,
  };
  const was = {
    externalId: current.externalId,
    givenName: current.givenName,
    familyName: current.familyName,
    displayName: current.displayName,
  };
  const changed = JSON.stringify(attributes) !== JSON.stringify(was);
  const active = cmd.active ?? current.active;
  const reactivate = active && !current.active;
  if (changed || reactivate) {
    await inTransaction(ctx, async (em) => {
      const now = ctx.clock.now();
      const org = await providerOrganization(em, idp);
      await saveScimAttributes(em, {
        membershipId: current.id,
        organizationId: org.id,
        ...attributes,
        at: now,
      });
      if (changed) {
        audit(em, now, {
          organizationId: org.id,
          actorId: null,
          action: 'member.scim_attributes',
          subject: { type: 'membership', id: current.id },
          before: was,
          after: { ...attributes, actor: 'scim' },
        });
      }
      if (!reactivate) return;
      const { account, membership } = await requireMemberByEmail(em, org, current.email);
      if (membership.status === 'active') return;
      const plan = await activateMember(em, now, org, account, membership);
      audit(em, now, {
        organizationId: org.id,
        actorId: null,
        action: 'member.reactivated',
        subject: { type: 'membership', id: membership.id },
        before: { status: 'detached' },
        after: { status: 'active', plan, email: account.email, actor: 'scim' },
      });
    });
  }
  if (!active && current.active) await offboard(ctx, idp, current.email);
  return requireScimUser(ctx, idp, cmd.id);
};

/** SCIM DELETE: offboarded (if still active), and no longer a SCIM resource; the data stays. */
export const deprovisionScimUser = async (ctx: ServiceContext, idp: IdentityProvider, id: string) => {
  const current = await requireScimUser(ctx, idp, id);
  if (current.active) await offboard(ctx, idp, current.email);
  await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const org = await providerOrganization(em, idp);
    await markScimUserDeleted(em, current.id, org.id, now);
    audit(em, now, {
      organizationId: org.id,
      actorId: null,
      action: 'member.deprovisioned',
      subject: { type: 'membership', id: current.id },
      after: { email: current.email, actor: 'scim' },
    });
  });
};
