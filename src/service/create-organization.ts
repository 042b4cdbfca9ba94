import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { ContractSchema, MembershipSchema, OrganizationSchema, SeatSchema } from '../../db/schemas/index.ts';
import { listPrice } from '../domain/catalog.ts';
import { DomainError } from '../domain/errors.ts';
import type { Contract, Organization } from '../domain/model.ts';
import { money } from '../domain/money.ts';
import { addPeriod } from '../domain/period.ts';
import { tieredTotal } from '../domain/tiers.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse } from './support/input.ts';
import { actorAccount, findAccount, requirePlan } from './support/lookups.ts';
import { auditPersonalPlan, pausesPersonalPlan } from './support/personal-plan.ts';
import { audit, snapshot } from './support/records.ts';
import { inTransaction, reading } from './support/tx.ts';

const input = z.object({
  name: z.string().trim().min(2, 'must be at least 2 characters').max(80, 'must be at most 80 characters'),
  period: z.enum(['month', 'year']).default('month'),
});

export const OWNER_SEAT_PLAN = 'business';

/** Undoes a creation whose first invoice failed, with anything attached to it meanwhile. */
const removeUnpaid = async (em: EntityManager, orgId: string) => {
  const statements = [
    `update seat set membership_id = null, assigned_at = null
     where membership_id in (select id from membership where organization_id = ?)`,
    `delete from seat where contract_id in (select id from contract where organization_id = ? and kind = 'organization')`,
    `update contract set organization_id = null, disconnected_at = null where organization_id = ? and kind = 'external'`,
    `delete from contract where organization_id = ?`,
    'delete from outbox where organization_id = ?',
    'delete from audit_event where organization_id = ?',
    'delete from invitation where organization_id = ?',
    'delete from purchase_request where organization_id = ?',
    'delete from membership where organization_id = ?',
    'delete from organization where id = ?',
  ];
  for (const sql of statements) await em.execute(sql, [orgId]);
};

/**
 * Creates an organization that pays for its members. The creator needs a `business` personal
 * plan and a payment method; they become owner and approver, the organization gets its own
 * contract with one business seat for them, and the first period is invoiced to them.
 */
export const createOrganization = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  // Asked before the transaction: the billing port may use its own connection (or a remote
  // API), and the embedded database has only one.
  const known = await reading(ctx, (em) => findAccount(em, actor.email));
  const hasMethod = known ? await ctx.billing.hasPaymentMethod(known.id) : false;
  const created = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const me = await actorAccount(em, actor, now);
    if (me.personalPlan !== 'business') {
      throw new DomainError(
        'needs_business_plan',
        `You are on the ${me.personalPlan} plan; creating an organization needs the business plan.`,
        'Upgrade to Business first (`upgrade`), then create the organization.',
        { action: 'upgrade_personal_plan' },
      );
    }
    if (!hasMethod) {
      throw new DomainError(
        'needs_payment_method',
        'There is no payment method on file for you.',
        'Add a business card or other payment method, then try again.',
      );
    }
    const plan = await requirePlan(em, OWNER_SEAT_PLAN);
    const pausing = await pausesPersonalPlan(em, me);
    const org: Organization = em.create(OrganizationSchema, {
      id: randomUUID(),
      name: cmd.name,
      ownerId: me.id,
      status: 'active',
      autoAssign: false,
      autoApproveBelow: null,
      idleReclaim: true,
      edition: 'standard',
      modules: [],
      billingDetails: null,
      paidThrough: null,
      createdAt: now,
      updatedAt: now,
    });
    const membership = em.create(MembershipSchema, {
      id: randomUUID(),
      organizationId: org.id,
      accountId: me.id,
      role: 'owner',
      approver: true,
      status: 'active',
      former: false,
      joinedAt: now,
      endedAt: null,
    });
    const contract: Contract = em.create(ContractSchema, {
      id: randomUUID(),
      kind: 'organization',
      organizationId: org.id,
      managerId: me.id,
      period: cmd.period,
      currency: plan.currency,
      currentPeriodStart: now,
      currentPeriodEnd: addPeriod(now, cmd.period),
      status: 'active',
      disconnectedAt: null,
      connectionKeyHash: null,
      connectionKeyExpiresAt: null,
      createdAt: now,
    });
    em.create(SeatSchema, {
      id: randomUUID(),
      contractId: contract.id,
      planCode: plan.code,
      membershipId: membership.id,
      autoRenew: true,
      assignedAt: now,
      lastUsedAt: null,
      createdAt: now,
    });
    const first = tieredTotal(listPrice(plan, cmd.period), 1, plan.tiers);
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'organization.created',
      subject: { type: 'organization', id: org.id },
      after: { ...snapshot(org, ['name', 'ownerId']), period: cmd.period, contractId: contract.id },
    });
    // already paused while another organization pays for them: nothing changes
    if (pausing) {
      auditPersonalPlan(em, now, { organizationId: org.id, actorId: me.id, account: me, paused: true });
    }
    return { org, contract, payerId: me.id, firstInvoice: money(first, plan.currency) };
  });
  // The first period is invoiced after commit, once per contract period (idempotency key).
  const charge = await ctx.billing.charge({
    idempotencyKey: `contract:${created.contract.id}:period:${created.contract.currentPeriodStart.toISOString()}`,
    payerAccountId: created.payerId,
    amount: created.firstInvoice,
    description: `${created.org.name}: first ${created.contract.period}, 1 business seat`,
  });
  if (!charge.ok) {
    // Nothing is half-done: an organization whose first invoice was declined does not exist.
    await inTransaction(ctx, (em) => removeUnpaid(em, created.org.id));
    throw new DomainError(
      'payment_failed',
      `The first invoice for ${created.org.name} failed: ${charge.reason}`,
      'Update your payment method, then create the organization again.',
    );
  }
  return {
    organization: created.org,
    contract: created.contract,
    firstInvoice: created.firstInvoice,
    charge,
  };
};
