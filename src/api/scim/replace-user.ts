import type { RequestHandler } from 'express';
import type { ServiceContext } from '../../service/context.ts';
import { updateScimUser } from '../../service/update-scim-user.ts';
import { idpOf } from './auth.ts';
import { sendScim } from './errors.ts';
import { toScimUser, userAttributes } from './user-resource.ts';

/** PUT /Users/:id — the whole user; `active: false` offboards, `active: true` brings back. */
export const replaceUser =
  (ctx: ServiceContext, base: string): RequestHandler =>
  async (req, res) => {
    const attributes = userAttributes(req.body);
    const user = await updateScimUser(ctx, idpOf(res), { ...attributes, id: String(req.params.id) });
    sendScim(res, 200, toScimUser(user, base));
  };
