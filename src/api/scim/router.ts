import express, { type RequestHandler, Router } from 'express';
import type { App } from '../../app.ts';
import { scimAuth } from './auth.ts';
import { createUser } from './create-user.ts';
import { deleteUser } from './delete-user.ts';
import { resourceTypes, schemas, serviceProviderConfig } from './discovery.ts';
import { badRequest, scimErrorHandler, scimNotFound } from './errors.ts';
import { getUser } from './get-user.ts';
import { listUsers } from './list-users.ts';
import { patchUser } from './patch-user.ts';
import { replaceUser } from './replace-user.ts';

const JSON_TYPES = ['application/scim+json', 'application/json'];

/** Bodies must be SCIM JSON (or plain JSON, which some clients send). */
const requireJsonBody: RequestHandler = (req, _res, next) => {
  const hasBody = req.get('content-length') !== undefined && req.get('content-length') !== '0';
  if ((hasBody || req.get('transfer-encoding')) && !req.is(JSON_TYPES)) {
    next(badRequest('invalidSyntax', 'The body must be JSON: send Content-Type: application/scim+json.'));
    return;
  }
  next();
};

/**
 * SCIM 2.0 (RFC 7643/7644) for identity providers at /scim/v2. The bearer token is the
 * organization's (`scim token`) and is checked before a body is read; every answer, errors
 * included, is application/scim+json and handled here, whatever the server's own handlers do.
 */
export const scimRouter = (app: App) => {
  const { ctx } = app;
  const base = `${app.config.PUBLIC_URL.replace(/\/+$/, '')}/scim/v2`;
  const r = Router();
  r.use(scimAuth(ctx));
  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  r.use(requireJsonBody, express.json({ limit: '1mb', type: JSON_TYPES }));

  r.get('/ServiceProviderConfig', serviceProviderConfig(base));
  r.get('/ResourceTypes', resourceTypes(base));
  r.get('/ResourceTypes/:id', resourceTypes(base));
  r.get('/Schemas', schemas(base));
  r.get('/Schemas/:id', schemas(base));
  r.get('/Users', listUsers(ctx, base));
  r.post('/Users', createUser(ctx, base));
  r.get('/Users/:id', getUser(ctx, base));
  r.put('/Users/:id', replaceUser(ctx, base));
  r.patch('/Users/:id', patchUser(ctx, base));
  r.delete('/Users/:id', deleteUser(ctx));

  r.use(scimNotFound);
  r.use(scimErrorHandler(app.log));
  return r;
};
