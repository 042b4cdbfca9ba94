import type { RequestHandler } from 'express';
import type { ServiceContext } from '../../service/context.ts';
import { provisionScimUser } from '../../service/provision-scim-user.ts';
import { updateScimUser } from '../../service/update-scim-user.ts';
import { idpOf } from './auth.ts';
import { sendScim } from './errors.ts';
import { toScimUser, userAttributes } from './user-resource.ts';

/** POST /Users — 201 with the resource and its Location; an existing userName is 409. */
export const createUser =
  (ctx: ServiceContext, base: string): RequestHandler =>
  async (req, res) => {
    const attributes = userAttributes(req.body);
    const idp = idpOf(res);
    let user = await provisionScimUser(ctx, idp, { ...attributes, active: true });
    // created inactive: provisioned, then offboarded like any deactivation
    if (attributes.active === false) user = await updateScimUser(ctx, idp, { ...attributes, id: user.id });
    const resource = toScimUser(user, base);
    res.set('Location', resource.meta.location);
    sendScim(res, 201, resource);
  };
