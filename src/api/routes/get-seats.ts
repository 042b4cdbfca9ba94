import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { ServiceContext } from '../../service/context.ts';
import { summarize } from '../../service/seat-summary.ts';
import { uuidField } from '../../service/support/input.ts';
import { requireOrganization } from '../../service/support/lookups.ts';
import { reading } from '../../service/support/tx.ts';
import { validate } from '../errors.ts';

const params = z.object({ id: uuidField });

/** GET /api/v1/organizations/:id/seats — per plan purchased / assigned / free / ending. */
export const getSeats =
  (ctx: ServiceContext): RequestHandler =>
  async (req, res) => {
    const p = validate(params, req.params, 'path');
    res.json(await reading(ctx, async (em) => summarize(em, await requireOrganization(em, p.id))));
  };
