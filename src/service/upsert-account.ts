import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { z } from 'zod';
import { AccountSchema } from '../../db/schemas/index.ts';
import { PERSONAL_PLANS } from '../domain/catalog.ts';
import type { Account } from '../domain/model.ts';
import type { ServiceContext } from './context.ts';
import { emailField, parse, textField } from './support/input.ts';
import { audit, snapshot } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  email: emailField,
  name: textField.trim().min(1).max(200).nullish(),
  personalPlan: z.enum(PERSONAL_PLANS as ['free', 'solo', 'business']).optional(),
  /** a billing gateway payment method reference, synced by the product that owns accounts */
  paymentMethod: textField.trim().min(3).max(200).nullish(),
});

/** Creates or updates an account (the product syncs personal plans through the REST API). */
export const upsertAccount = async (ctx: ServiceContext, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em): Promise<{ account: Account; created: boolean }> => {
    const now = ctx.clock.now();
    const keys = ['name', 'personalPlan', 'paymentMethod'] as const;
    // Insert-if-absent in one statement: of concurrent first PUTs for one address, exactly one
    // creates the account; the others wait for it, then update it like any later PUT.
    const inserted = await em.execute<{ id: string }[]>(
      `insert into account (id, email, name, personal_plan, payment_method, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?) on conflict (email) do nothing returning id`,
      [
        randomUUID(),
        cmd.email,
        cmd.name ?? null,
        cmd.personalPlan ?? 'free',
        cmd.paymentMethod ?? null,
        now,
        now,
      ],
    );
    if (inserted[0]) {
      const account = await em.findOneOrFail(AccountSchema, { id: inserted[0].id });
      audit(em, now, {
        organizationId: null,
        actorId: null,
        action: 'account.created',
        subject: { type: 'account', id: account.id },
        after: snapshot(account, ['email', ...keys]),
      });
      return { account, created: true };
    }
    const existing = await em.findOneOrFail(
      AccountSchema,
      { email: cmd.email },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    const before = snapshot(existing, keys);
    if (cmd.name !== undefined) existing.name = cmd.name;
    if (cmd.personalPlan !== undefined) existing.personalPlan = cmd.personalPlan;
    if (cmd.paymentMethod !== undefined) existing.paymentMethod = cmd.paymentMethod;
    const after = snapshot(existing, keys);
    if (cmd.paymentMethod && before.paymentMethod !== after.paymentMethod) {
      // a new payment method: overdue charges this account pays are tried again at the next run
      await em.execute(
        `update period_charge set next_retry_at = ? where payer_id = ? and status in ('unpaid', 'suspended')`,
        [now, existing.id],
      );
    }
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      existing.updatedAt = now;
      audit(em, now, {
        organizationId: null,
        actorId: null,
        action: 'account.updated',
        subject: { type: 'account', id: existing.id },
        before,
        after,
      });
    }
    return { account: existing, created: false };
  });
};
