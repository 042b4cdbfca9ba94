import { z } from 'zod';
import { accountByEmail } from '../../db/repositories/accounts.ts';
import { saveUsage } from '../../db/repositories/usage.ts';
import { DomainError } from '../domain/errors.ts';
import type { ServiceContext } from './context.ts';
import { emailField, parse } from './support/input.ts';
import { inTransaction } from './support/tx.ts';

const name = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.:-]{0,63}$/i, 'must be letters, digits, _ . : - (at most 64)');

const input = z.object({
  email: emailField,
  records: z
    .array(
      z.object({
        resourceType: name,
        resourceId: name,
        metric: name,
        value: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        active: z.boolean().default(true),
      }),
    )
    .min(1, 'send at least one record')
    .max(1000, 'send at most 1000 records at once'),
});

/**
 * Usage that a member's resources report (e.g. a survey's responses), latest value per
 * resource and metric: it feeds the "what stops working" preview before a plan is removed.
 */
export const recordUsage = async (ctx: ServiceContext, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const account = await accountByEmail(em, cmd.email);
    if (!account) {
      throw new DomainError(
        'not_found',
        { key: 'errors_service.usage.no_account', args: { email: cmd.email } },
        { key: 'errors_service.usage.no_account_next' },
      );
    }
    await saveUsage(
      em,
      cmd.records.map((r) => ({ accountId: account.id, ...r })),
      now,
    );
    return { accepted: cmd.records.length };
  });
};
