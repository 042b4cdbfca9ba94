import type { EntityManager } from '@mikro-orm/postgresql';
import { paidPlans } from '../../../db/repositories/plans.ts';
import type { Account, Membership, Organization } from '../../domain/model.ts';
import type { IdentityProvider } from '../context.ts';
import { requireOpen, requireOrganization } from './lookups.ts';
import { auditPersonalPlan, pausesPersonalPlan } from './personal-plan.ts';
import { claimSeat, seatOf } from './seats.ts';

/** The identity provider's own organization (the token decided which), open for changes. */
export const providerOrganization = async (
  em: EntityManager,
  idp: IdentityProvider,
): Promise<Organization> => {
  const org = await requireOrganization(em, idp.organizationId);
  requireOpen(org);
  return org;
};

/**
 * A provisioned member becomes active, as accepting an invitation does: a paid personal plan
 * pauses, and with auto-assign on they take a free seat of the cheapest paid plan that has one
 * (none free: they start on free). Returns the plan they are on.
 */
export const activateMember = async (
  em: EntityManager,
  now: Date,
  org: Organization,
  account: Account,
  membership: Membership,
): Promise<string> => {
  const pausing = await pausesPersonalPlan(em, account);
  Object.assign(membership, { status: 'active', former: false, endedAt: null });
  await em.flush();
  if (pausing) auditPersonalPlan(em, now, { organizationId: org.id, actorId: null, account, paused: true });
  const held = await seatOf(em, membership.id);
  if (held) return held.seat.planCode;
  if (!org.autoAssign) return 'free';
  const paid = await paidPlans(em);
  const seat = await claimSeat(
    em,
    org.id,
    membership.id,
    paid.map((p) => p.code),
    now,
  );
  return seat?.planCode ?? 'free';
};
