import type { RequestHandler } from 'express';
import type { ServiceContext } from '../../service/context.ts';
import { deprovisionScimUser } from '../../service/update-scim-user.ts';
import { idpOf } from './auth.ts';

/** DELETE /Users/:id — offboarded, then gone for SCIM (204; a second DELETE is 404). */
export const deleteUser =
  (ctx: ServiceContext): RequestHandler =>
  async (req, res) => {
    await deprovisionScimUser(ctx, idpOf(res), String(req.params.id));
    res.status(204).end();
  };
