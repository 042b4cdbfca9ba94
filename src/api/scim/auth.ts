import type { RequestHandler, Response } from 'express';
import type { IdentityProvider, ServiceContext } from '../../service/context.ts';
import { identityProviderOf } from '../../service/scim-token-organization.ts';
import { sendScimError } from './errors.ts';

const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

/** The identity provider the request's token stands for (set by scimAuth). */
export const idpOf = (res: Response): IdentityProvider => res.locals.idp as IdentityProvider;

/**
 * `Authorization: Bearer <token>` from `scim token`, looked up by its hash: the token decides
 * the organization, nothing in the request can name another. Missing, wrong, rotated or revoked
 * tokens get 401.
 */
export const scimAuth =
  (ctx: ServiceContext): RequestHandler =>
  async (req, res, next) => {
    try {
      const header = req.get('authorization');
      const presented = header === undefined ? undefined : BEARER.exec(header)?.[1];
      const idp = presented ? await identityProviderOf(ctx, presented) : null;
      if (idp) {
        res.locals.idp = idp;
        next();
        return;
      }
      res.set('WWW-Authenticate', 'Bearer realm="seatkeeper-scim"');
      sendScimError(
        res,
        401,
        header === undefined
          ? 'SCIM needs a bearer token. An owner or admin gets one by typing `scim token` in chat.'
          : 'That bearer token is not valid (wrong, rotated or revoked). Type `scim token` in chat for a new one.',
      );
    } catch (e) {
      next(e);
    }
  };
