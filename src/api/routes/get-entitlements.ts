import type { RequestHandler } from 'express';
import { z } from 'zod';
import { checkEntitlement } from '../../service/check-entitlement.ts';
import type { ServiceContext } from '../../service/context.ts';
import { emailField } from '../../service/support/input.ts';
import { queryParam, validate } from '../errors.ts';

const query = z.object({
  email: queryParam.pipe(emailField),
  feature: queryParam.trim().min(1, 'is required'),
});

/** GET /api/v1/entitlements?email=&feature= — may this account use this feature (may auto-assign a seat). */
export const getEntitlements =
  (ctx: ServiceContext): RequestHandler =>
  async (req, res) => {
    const q = validate(query, req.query, 'query');
    res.json(await checkEntitlement(ctx, q));
  };
