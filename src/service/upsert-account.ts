import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  insertAccountIfAbsent,
  lockAccountByEmail,
  retryOverdueChargesOf,
} from '../../db/repositories/accounts.ts';
import { PERSONAL_PLANS } from '../domain/catalog.ts';
import type { Account } from '../domain/model.ts';
import type { ServiceContext } from './context.ts';
import { emailField, nameField, parse, textField } from './support/input.ts';
import { audit, snapshot } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  email: emailField,
  name: nameField.trim().min(1).max(200).nullish(),
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
    const account = await insertAccountIfAbsent(em, {
      id: randomUUID(),
      email: cmd.email,
      name: cmd.name ?? null,
      personalPlan: cmd.personalPlan ?? 'free',
      paymentMethod: cmd.paymentMethod ?? null,
      createdAt: now,
      updatedAt: now,
    });
    if (account) {
      audit(em, now, {
        organizationId: null,
        actorId: null,
        action: 'account.created',
        subject: { type: 'account', id: account.id },
        after: snapshot(account, ['email', ...keys]),
      });
      return { account, created: true };
    }
    const existing = await lockAccountByEmail(em, cmd.email);
    const before = snapshot(existing, keys);
    if (cmd.name !== undefined) existing.name = cmd.name;
    if (cmd.personalPlan !== undefined) existing.personalPlan = cmd.personalPlan;
    if (cmd.paymentMethod !== undefined) existing.paymentMethod = cmd.paymentMethod;
    const after = snapshot(existing, keys);
    if (cmd.paymentMethod && before.paymentMethod !== after.paymentMethod) {
      // a new payment method: overdue charges this account pays are tried again at the next run
      await retryOverdueChargesOf(em, existing.id, now);
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
