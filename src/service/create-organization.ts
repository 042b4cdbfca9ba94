import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import {
  foundOrganization,
  ownContractOf,
  pendingOrganizationOf as pendingOrganizationRow,
} from '../../db/repositories/organizations.ts';
import { insertLink, linkedOrganization } from '../../db/repositories/workspace-links.ts';
import { listPrice } from '../domain/catalog.ts';
import { DomainError } from '../domain/errors.ts';
import { ORGANIZATION_NAME_LENGTH } from '../domain/limits.ts';
import { NEW_CONTRACT } from '../domain/model.ts';
import { money } from '../domain/money.ts';
import { addPeriod } from '../domain/period.ts';
import { tieredTotal } from '../domain/tiers.ts';
import type { Actor, ServiceContext } from './context.ts';
import type { ChargeResult } from './ports.ts';
import { activateOrganization } from './support/activate-organization.ts';
import { lockOrganization } from './support/contracts.ts';
import { nameField, parse } from './support/input.ts';
import { actorAccount, findAccount, requirePlan } from './support/lookups.ts';
import { auditPersonalPlan, pausesPersonalPlan } from './support/personal-plan.ts';
import { audit, snapshot } from './support/records.ts';
import { inTransaction, reading } from './support/tx.ts';

const input = z.object({
  name: nameField
    .trim()
    .min(ORGANIZATION_NAME_LENGTH.min, `must be at least ${ORGANIZATION_NAME_LENGTH.min} characters`)
    .max(ORGANIZATION_NAME_LENGTH.max, `must be at most ${ORGANIZATION_NAME_LENGTH.max} characters`),
  period: z.enum(['month', 'year']).default('month'),
  /** the Slack workspace or Teams tenant it is created in: linked to it from the start */
  workspace: z
    .object({ platform: z.enum(['slack', 'teams']), workspaceId: z.string().min(1).max(255) })
    .nullable()
    .default(null),
});

export const OWNER_SEAT_PLAN = 'business';

/**
 * Creates an organization that pays for its members. The creator needs a `business` personal
 * plan and a payment method; they become owner and approver, the organization gets its own
 * contract with one business seat for them, and billing starts.
 *
 * With the ledger it is active at once and its first period is charged to the method on file
 * right after commit. With a provider that collects the method itself (Stripe Checkout) it is
 * born `pending` and becomes active when the provider's webhook says the method is on file.
 * A declined first invoice makes (or leaves) it pending instead of deleting it; `org create`
 * with the same name again retries the same keyed charge, so nothing is charged twice.
 */
export const createOrganization = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  // Asked before the transaction: the billing port may use its own connection (or a remote
  // API), and the embedded database has only one.
  const known = await reading(ctx, (em) => findAccount(em, actor.email));
  const hasMethod =
    ctx.billing.collectsPaymentMethod || (known ? await ctx.billing.hasPaymentMethod(known.id) : false);
  const created = await inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const me = await actorAccount(em, actor, now);
    if (me.personalPlan !== 'business') {
      throw new DomainError(
        'needs_business_plan',
        { key: 'errors_service.org.needs_business', args: { plan: me.personalPlan } },
        { key: 'errors_service.org.needs_business_next' },
        { action: 'upgrade_personal_plan' },
      );
    }
    if (!hasMethod) {
      throw new DomainError(
        'needs_payment_method',
        { key: 'errors_service.common.no_payment_method' },
        { key: 'errors_service.org.no_payment_method_next' },
      );
    }
    const plan = await requirePlan(em, OWNER_SEAT_PLAN);
    const retry = await pendingOrganizationOf(em, me.id, cmd.name);
    const linked = cmd.workspace ? await linkedOrganization(em, cmd.workspace) : null;
    if (linked && linked !== retry?.org.id) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.org.workspace_taken' },
        { key: 'errors_service.org.workspace_taken_next' },
      );
    }
    if (retry) {
      if (cmd.workspace && !linked) await insertLink(em, cmd.workspace, retry.org.id, me.id, now);
      return { ...retry, payerId: me.id, payerEmail: me.email, resumed: true };
    }
    const pausing = await pausesPersonalPlan(em, me);
    const [orgId, ownerMembershipId, contractId] = [randomUUID(), randomUUID(), randomUUID()];
    const { organization: org, contract } = foundOrganization(em, {
      organization: {
        id: orgId,
        name: cmd.name,
        ownerId: me.id,
        // a provider that collects the method first keeps it pending until its webhook; the
        // ledger charges the method on file right after commit, as before
        status: ctx.billing.collectsPaymentMethod ? 'pending' : 'active',
        autoAssign: false,
        autoApproveBelow: null,
        idleReclaim: true,
        edition: 'standard',
        modules: [],
        billingDetails: null,
        paidThrough: null,
        createdAt: now,
        updatedAt: now,
      },
      owner: {
        id: ownerMembershipId,
        organizationId: orgId,
        accountId: me.id,
        role: 'owner',
        approver: true,
        status: 'active',
        former: false,
        joinedAt: now,
        endedAt: null,
      },
      contract: {
        id: contractId,
        kind: 'organization',
        organizationId: orgId,
        managerId: me.id,
        period: cmd.period,
        currency: plan.currency,
        currentPeriodStart: now,
        currentPeriodEnd: addPeriod(now, cmd.period),
        ...NEW_CONTRACT,
        createdAt: now,
      },
      seat: {
        id: randomUUID(),
        contractId,
        planCode: plan.code,
        membershipId: ownerMembershipId,
        autoRenew: true,
        assignedAt: now,
        lastUsedAt: null,
        createdAt: now,
      },
    });
    const first = tieredTotal(listPrice(plan, cmd.period), 1, plan.tiers);
    if (cmd.workspace) await insertLink(em, cmd.workspace, org.id, me.id, now);
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'organization.created',
      subject: { type: 'organization', id: org.id },
      after: {
        ...snapshot(org, ['name', 'ownerId']),
        period: cmd.period,
        contractId: contract.id,
        ...(cmd.workspace ? { linked: cmd.workspace } : {}),
      },
    });
    // already paused while another organization pays for them: nothing changes
    if (pausing) {
      auditPersonalPlan(em, now, { organizationId: org.id, actorId: me.id, account: me, paused: true });
    }
    return {
      org,
      contract,
      payerId: me.id,
      payerEmail: me.email,
      firstInvoice: money(first, plan.currency),
      resumed: false,
    };
  });
  // Billing starts after commit, keyed by contract and period: a retry moves no money twice.
  const opened = await ctx.billing.openOrganization({
    organizationId: created.org.id,
    organizationName: created.org.name,
    contractId: created.contract.id,
    period: created.contract.period,
    payer: { accountId: created.payerId, email: created.payerEmail },
    items: [{ planCode: OWNER_SEAT_PLAN, quantity: 1 }],
    firstInvoice: created.firstInvoice,
    idempotencyKey: `contract:${created.contract.id}:period:${created.contract.currentPeriodStart.toISOString()}`,
  });
  if (opened.status === 'failed') {
    // not deleted: the organization waits, inactive, until its first invoice is paid
    await inTransaction(ctx, async (em) => {
      const now = ctx.clock.now();
      const org = await lockOrganization(em, created.org.id);
      const before = org.status;
      if (org.status === 'active') {
        org.status = 'pending';
        org.updatedAt = now;
      }
      audit(em, now, {
        organizationId: org.id,
        actorId: created.payerId,
        action: 'organization.payment_failed',
        subject: { type: 'organization', id: org.id },
        before: { status: before },
        after: { status: org.status, reason: opened.reason },
      });
    });
    throw new DomainError(
      'payment_failed',
      {
        key: 'errors_service.org.first_invoice_failed',
        args: { org: created.org.name, reason: opened.reason },
      },
      { key: 'errors_service.org.first_invoice_failed_next', args: { org: created.org.name } },
      { organizationId: created.org.id },
    );
  }
  if (opened.status === 'pending') {
    const charge: ChargeResult = { ok: false, reason: 'waiting for the payment method' };
    return { ...created, organization: created.org, setupUrl: opened.setupUrl, charge };
  }
  const organization =
    created.org.status === 'pending'
      ? await activateOrganization(ctx, created.org.id, { ref: opened.ref })
      : created.org;
  return { ...created, organization, setupUrl: null, charge: { ok: true, ref: opened.ref } as ChargeResult };
};

/** An organization this account started and did not finish (no payment yet), by name. */
const pendingOrganizationOf = async (em: EntityManager, ownerId: string, name: string) => {
  const org = await pendingOrganizationRow(em, ownerId, name);
  if (!org) return null;
  const contract = await ownContractOf(em, org.id);
  const plan = await requirePlan(em, OWNER_SEAT_PLAN);
  const first = tieredTotal(listPrice(plan, contract.period), 1, plan.tiers);
  return { org, contract, firstInvoice: money(first, plan.currency) };
};
