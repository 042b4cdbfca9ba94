import type { RequestHandler } from 'express';
import { z } from 'zod';
import { PERSONAL_PLANS } from '../../domain/catalog.ts';
import type { ServiceContext } from '../../service/context.ts';
import { emailField, textField } from '../../service/support/input.ts';
import { upsertAccount } from '../../service/upsert-account.ts';
import { validate } from '../errors.ts';

const params = z.object({ email: emailField });
const body = z
  .strictObject({
    name: textField.trim().min(1, 'must not be blank').max(200, 'must be at most 200 characters').nullish(),
    personalPlan: z.enum(PERSONAL_PLANS as ['free', 'solo', 'business'], {
      error: `must be one of ${PERSONAL_PLANS.join(', ')}`,
    }),
    paymentMethod: textField
      .trim()
      .min(3, 'must be at least 3 characters')
      .max(200, 'must be at most 200 characters')
      .nullish(),
  })
  .partial();

/**
 * PUT /api/v1/accounts/:email — creates (201) or updates (200) an account. The payment method
 * reference is write-only: the answer only says whether there is one.
 */
export const putAccount =
  (ctx: ServiceContext): RequestHandler =>
  async (req, res) => {
    const p = validate(params, req.params, 'path');
    const b = validate(body, req.body ?? {}, 'body');
    const { account, created } = await upsertAccount(ctx, { email: p.email, ...b });
    res.status(created ? 201 : 200).json({
      account: {
        id: account.id,
        email: account.email,
        name: account.name,
        personalPlan: account.personalPlan,
        hasPaymentMethod: account.paymentMethod !== null,
      },
    });
  };
