import { z } from 'zod';
import { accountByEmail } from '../../db/repositories/accounts.ts';
import {
  currentMembershipsOfAccount,
  lockMembershipRow,
  markSeatUsed,
  seatHeldBy,
  seatsHeldBy,
} from '../../db/repositories/memberships.ts';
import { runningOrganization, suspendedContractsOf } from '../../db/repositories/organizations.ts';
import { allPlans } from '../../db/repositories/plans.ts';
import { FREE_PLAN_CODE, type Plan, personalPlanAsCatalog } from '../domain/catalog.ts';
import type { ServiceContext } from './context.ts';
import { emailField, parse } from './support/input.ts';
import { audit, notify } from './support/records.ts';
import { claimSeat } from './support/seats.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  email: emailField,
  feature: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'is not a feature name'),
});

export interface Entitlement {
  allowed: boolean;
  feature: string;
  plan: string | null;
  limits: Record<string, number>;
  organizationId: string | null;
  source:
    | 'seat'
    | 'auto_assigned'
    | 'personal'
    | 'organization_free'
    | 'detached'
    | 'unknown_account'
    /** the organization's paid seats are suspended for an overdue payment: the member's own plan */
    | 'suspended';
}

const answer = (
  feature: string,
  plan: Plan | null,
  source: Entitlement['source'],
  organizationId: string | null,
) => ({
  allowed: plan ? plan.features.includes(feature) : false,
  feature,
  plan: plan?.code ?? null,
  limits: plan?.limits ?? {},
  organizationId,
  source,
});

/**
 * May this account use this feature? Members use their seat's plan (the organization pays;
 * their personal plan is paused). A seatless member of an organization with auto-assign on
 * gets the cheapest plan with a free seat that has the feature, the first time they need it.
 * Offboarded (detached) members get nothing. Every answer refreshes the seat's last use.
 */
export const checkEntitlement = async (ctx: ServiceContext, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em): Promise<Entitlement> => {
    const now = ctx.clock.now();
    const plans = await allPlans(em);
    const byCode = new Map(plans.map((p) => [p.code, p]));
    const account = await accountByEmail(em, cmd.email);
    if (!account) return answer(cmd.feature, byCode.get('free') ?? null, 'unknown_account', null);
    const memberships = await currentMembershipsOfAccount(em, account.id);
    const active = memberships.filter((m) => m.status === 'active');
    if (active.length === 0) {
      if (memberships.length > 0)
        return { ...answer(cmd.feature, null, 'detached', memberships[0]!.organizationId) };
      return answer(
        cmd.feature,
        byCode.get(personalPlanAsCatalog(account.personalPlan)) ?? null,
        'personal',
        null,
      );
    }
    const allSeats = await seatsHeldBy(
      em,
      active.map((m) => m.id),
    );
    // seats of a contract suspended for an overdue payment give nothing until it is paid
    const suspended = await suspendedContractsOf(
      em,
      active.map((m) => m.organizationId),
    );
    const suspendedContracts = new Set(suspended.map((c) => c.id));
    const suspendedOrgs = new Set(suspended.map((c) => c.organization_id));
    const seats = allSeats.filter((s) => !suspendedContracts.has(s.contractId));
    const ranked = seats
      .map((s) => ({ seat: s, plan: byCode.get(s.planCode)! }))
      .sort((a, b) => b.plan.rank - a.plan.rank);
    const fitting = ranked.find((r) => r.plan.features.includes(cmd.feature));
    const orgOf = (membershipId: string) => active.find((m) => m.id === membershipId)!.organizationId;
    if (fitting) {
      fitting.seat.lastUsedAt = now;
      return answer(cmd.feature, fitting.plan, 'seat', orgOf(fitting.seat.membershipId!));
    }
    // Auto-assign is for paid features: one the free plan has costs no seat.
    const freeHasIt = byCode.get(FREE_PLAN_CODE)?.features.includes(cmd.feature) ?? false;
    const withFeature = freeHasIt
      ? []
      : plans.filter((p) => p.rank > 0 && p.features.includes(cmd.feature)).map((p) => p.code);
    for (const m of active) {
      if (allSeats.some((s) => s.membershipId === m.id) || suspendedOrgs.has(m.organizationId)) continue;
      const org = await runningOrganization(em, m.organizationId);
      if (!org?.autoAssign || withFeature.length === 0) continue;
      // One first use at a time per member: a concurrent check waits here for the other to
      // commit, then finds the seat it took instead of racing it for a second one.
      await lockMembershipRow(em, m.id);
      const held = await seatHeldBy(em, m.id);
      if (held) {
        const plan = byCode.get(held.planCode)!;
        held.lastUsedAt = now;
        if (plan.features.includes(cmd.feature)) return answer(cmd.feature, plan, 'seat', org.id);
        ranked.push({ seat: held, plan });
        continue;
      }
      const seat = await claimSeat(em, org.id, m.id, withFeature, now);
      if (!seat) continue;
      await markSeatUsed(em, seat.id, now);
      audit(em, now, {
        organizationId: org.id,
        actorId: null,
        action: 'seat.auto_assigned',
        subject: { type: 'membership', id: m.id },
        before: { plan: 'free' },
        after: { plan: seat.planCode, seatId: seat.id, email: account.email, feature: cmd.feature },
      });
      notify(em, now, {
        organizationId: org.id,
        recipientId: account.id,
        kind: 'seat_assigned',
        payload: { organizationName: org.name, plan: seat.planCode, previousPlan: 'free', by: 'auto-assign' },
      });
      return answer(cmd.feature, byCode.get(seat.planCode)!, 'auto_assigned', org.id);
    }
    const best = ranked[0];
    if (best) {
      best.seat.lastUsedAt = now;
      return answer(cmd.feature, best.plan, 'seat', orgOf(best.seat.membershipId!));
    }
    const paused = active.find((m) => suspendedOrgs.has(m.organizationId));
    if (paused) {
      // members fall back to their own plan while the organization's payment is overdue
      const own = byCode.get(personalPlanAsCatalog(account.personalPlan)) ?? null;
      return answer(cmd.feature, own, 'suspended', paused.organizationId);
    }
    return answer(cmd.feature, byCode.get('free') ?? null, 'organization_free', active[0]!.organizationId);
  });
};
