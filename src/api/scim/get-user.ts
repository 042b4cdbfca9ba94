import type { RequestHandler } from 'express';
import type { ServiceContext } from '../../service/context.ts';
import { requireScimUser } from '../../service/update-scim-user.ts';
import { idpOf } from './auth.ts';
import { sendScim } from './errors.ts';
import { toScimUser } from './user-resource.ts';

/** GET /Users/:id — another organization's user is 404. */
export const getUser =
  (ctx: ServiceContext, base: string): RequestHandler =>
  async (req, res) => {
    const user = await requireScimUser(ctx, idpOf(res), String(req.params.id));
    sendScim(res, 200, toScimUser(user, base));
  };
