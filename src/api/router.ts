import express, { Router } from 'express';
import type { App } from '../app.ts';
import { bearerAuth } from './auth.ts';
import { utf8Only } from './error-handler.ts';
import { notFound, requireJsonBody } from './errors.ts';
import { getEntitlements } from './routes/get-entitlements.ts';
import { getOrganizations } from './routes/get-organizations.ts';
import { getSeats } from './routes/get-seats.ts';
import { postContracts } from './routes/post-contracts.ts';
import { postUsage } from './routes/post-usage.ts';
import { putAccount } from './routes/put-account.ts';

/**
 * The REST API for the product the seats are for, mounted at /api/v1 when API_TOKEN is set.
 * The token is checked before anything else, bodies (JSON only, at most 1 MB) are read only
 * for authenticated requests (UTF-8 only), and every answer, errors included, is JSON.
 */
export const apiRouter = (app: App, token: string) => {
  const { ctx } = app;
  const r = Router();
  r.use(bearerAuth(token));
  r.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  r.use(requireJsonBody, express.json({ limit: '1mb', verify: utf8Only }));

  r.get('/entitlements', getEntitlements(ctx));
  r.get('/organizations', getOrganizations(ctx));
  r.get('/organizations/:id/seats', getSeats(ctx));
  r.put('/accounts/:email', putAccount(ctx));
  r.post('/usage', postUsage(ctx));
  r.post('/contracts', postContracts(ctx));

  // errors fall through to the server's one error handler (src/api/error-handler.ts)
  r.use(notFound);
  return r;
};
