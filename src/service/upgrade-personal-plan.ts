import { z } from 'zod';
import { PERSONAL_PLANS, PERSONAL_PRICES } from '../domain/catalog.ts';
import { DomainError } from '../domain/errors.ts';
import { money } from '../domain/money.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse } from './support/input.ts';
import { actorAccount } from './support/lookups.ts';
import { sendPersonalUpgradeReceipt } from './support/receipts.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ plan: z.enum(['solo', 'business']).default('business') });

/**
 * The "Upgrade to Business" button: the person's own plan goes up, charged to them (the first
 * month, once per account, plan and month), after which they can create an organization.
 */
export const upgradePersonalPlan = async (
  ctx: ServiceContext,
  actor: Actor,
  raw: z.input<typeof input> = {},
) => {
  const cmd = parse(input, raw);
  const now = ctx.clock.now();
  const me = await inTransaction(ctx, (em) => actorAccount(em, actor, now));
  if (me.personalPlan === cmd.plan) {
    throw new DomainError(
      'conflict',
      { key: 'errors_service.upgrade.same', args: { plan: cmd.plan } },
      cmd.plan === 'business'
        ? { key: 'errors_service.upgrade.same_business_next' }
        : { key: 'errors_service.common.nothing_to_do' },
    );
  }
  if (PERSONAL_PLANS.indexOf(me.personalPlan) > PERSONAL_PLANS.indexOf(cmd.plan)) {
    // an upgrade never lowers the plan (nor charges for doing so)
    throw new DomainError(
      'conflict',
      { key: 'errors_service.upgrade.above', args: { current: me.personalPlan, plan: cmd.plan } },
      { key: 'errors_service.upgrade.above_next' },
    );
  }
  if (!(await ctx.billing.hasPaymentMethod(me.id))) {
    throw new DomainError(
      'needs_payment_method',
      { key: 'errors_service.common.no_payment_method' },
      { key: 'errors_service.upgrade.no_payment_method_next' },
    );
  }
  const price = PERSONAL_PRICES[cmd.plan];
  const charge = await ctx.billing.charge({
    idempotencyKey: `account:${me.id}:plan:${cmd.plan}:${now.toISOString().slice(0, 7)}`,
    payerAccountId: me.id,
    amount: money(price.monthly, price.currency),
    description: `Personal ${cmd.plan} plan, first month`,
  });
  if (!charge.ok) {
    throw new DomainError(
      'payment_failed',
      { key: 'errors_service.upgrade.payment_failed', args: { plan: cmd.plan, reason: charge.reason } },
      { key: 'errors_service.upgrade.payment_failed_next' },
    );
  }
  return inTransaction(ctx, async (em) => {
    const account = await actorAccount(em, actor, now);
    const before = account.personalPlan;
    account.personalPlan = cmd.plan;
    account.updatedAt = now;
    audit(em, now, {
      organizationId: null,
      actorId: account.id,
      action: 'personal_plan.upgraded',
      subject: { type: 'account', id: account.id },
      before: { personalPlan: before },
      after: { personalPlan: cmd.plan, chargeRef: charge.ref },
    });
    // a second click that raced this one made the same keyed charge: one receipt, from whoever recorded it first
    if (before !== cmd.plan) sendPersonalUpgradeReceipt(em, now, account, cmd.plan, charge.ref);
    return { account, charged: money(price.monthly, price.currency) };
  });
};
