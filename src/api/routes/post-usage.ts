import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { ServiceContext } from '../../service/context.ts';
import { recordUsage } from '../../service/record-usage.ts';
import { emailField } from '../../service/support/input.ts';
import { validate } from '../errors.ts';

const name = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.:-]{0,63}$/i, 'must be letters, digits, _ . : - (at most 64)');

const body = z.strictObject({
  email: emailField,
  records: z
    .array(
      z.strictObject({
        resourceType: name,
        resourceId: name,
        metric: name,
        value: z.number().int('must be a whole number').min(0).max(Number.MAX_SAFE_INTEGER),
        active: z.boolean().optional(),
      }),
    )
    .min(1, 'send at least one record')
    .max(1000, 'send at most 1000 records at once'),
});

/** POST /api/v1/usage — latest usage per resource and metric; 202 with how many records were taken. */
export const postUsage =
  (ctx: ServiceContext): RequestHandler =>
  async (req, res) => {
    const b = validate(body, req.body, 'body');
    res.status(202).json(await recordUsage(ctx, b));
  };
