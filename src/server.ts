import type { Server } from 'node:http';
import express from 'express';
import { buildSlack, slackOverHttp } from '../adapters/slack/slack-app.ts';
import { teamsRoute } from '../adapters/teams/route.ts';
import { errorHandler, routeNotFound } from './api/error-handler.ts';
import { healthRoutes } from './api/health.ts';
import { countRequest } from './api/metrics.ts';
import { apiRouter } from './api/router.ts';
import { scimRouter } from './api/scim/router.ts';
import { stripeReturnPages } from './api/stripe-return-pages.ts';
import { stripeWebhook } from './api/stripe-webhook.ts';
import type { App } from './app.ts';
import { closeWhenDraining } from './shutdown.ts';

/** One HTTP server for every door: health, REST API, and (later) Slack, Teams and Stripe. */
export const buildHttp = (app: App) => {
  const http = express();
  http.disable('x-powered-by');
  http.use(closeWhenDraining);
  http.use((req, res, next) => {
    // label by route pattern (never the raw URL: ids and emails would explode the series)
    res.on('finish', () =>
      countRequest(
        req.route?.path ? `${req.baseUrl}${req.route.path}` : req.baseUrl || 'unmatched',
        res.statusCode,
      ),
    );
    next();
  });
  // Slack (Bolt) only when configured: POST /slack/events first (the hottest route: acks within
  // 3 s, so no other router is walked before it), and the OAuth install routes in multi-workspace
  // mode further down (with SLACK_APP_TOKEN Slack comes over Socket Mode instead: main.ts connects it)
  const slack = slackOverHttp(app.config)
    ? buildSlack({ config: app.config, service: app.ctx, log: app.log, inFlight: app.inFlight })
    : null;
  if (slack) http.post('/slack/events', ...slack.events);
  // Stripe signs the raw body: mounted before any JSON body parser.
  if (app.stripe && app.config.STRIPE_WEBHOOK_SECRET) {
    http.use(
      '/stripe/webhook',
      stripeWebhook(app.ctx, app.stripe, app.config.STRIPE_WEBHOOK_SECRET, app.log),
    );
  }
  // Checkout's return pages (setup done / cancelled) exist only when billing goes through Stripe.
  if (app.stripe) http.use(stripeReturnPages());
  http.use(healthRoutes(app.ctx.em, app.log));
  // REST API only with a token (off → /api/v1/* is 404); its JSON body parser (1 MB) lives in the router, after auth.
  if (app.config.API_TOKEN) http.use('/api/v1', apiRouter(app, app.config.API_TOKEN));
  // SCIM for identity providers: always on; each organization's token (`scim token`) opens it
  http.use('/scim/v2', scimRouter(app));
  // Teams (Bot Framework) only with TEAMS_APP_ID; its JSON body parser lives in its route
  if (app.teams) http.use(teamsRoute(app.teams));
  if (slack?.router) http.use(slack.router);
  // every door ends here: a coded JSON 404, and one error handler for everything thrown above
  http.use(routeNotFound);
  http.use(errorHandler(app.log));
  return http;
};

export const listen = (http: ReturnType<typeof express>, port: number, host: string) =>
  new Promise<Server>((resolve, reject) => {
    const server = http.listen(port, host, () => resolve(server));
    server.once('error', reject);
  });
