import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { ServiceContext } from '../../service/context.ts';
import { organizationsOf } from '../../service/organizations-of.ts';
import { emailField } from '../../service/support/input.ts';
import { queryParam, validate } from '../errors.ts';

const query = z.object({ member: queryParam.pipe(emailField) });

/** GET /api/v1/organizations?member=<email> — the organizations an account belongs to, with ids. */
export const getOrganizations =
  (ctx: ServiceContext): RequestHandler =>
  async (req, res) => {
    const q = validate(query, req.query, 'query');
    res.json({ organizations: await organizationsOf(ctx, { email: q.member }) });
  };
