import type { Server } from 'node:http';
import express from 'express';
import { buildSlack, slackOverHttp } from '../adapters/slack/slack-app.ts';
import { teamsRoute } from '../adapters/teams/route.ts';
import { healthRoutes } from './api/health.ts';
import { countRequest } from './api/metrics.ts';
import { apiRouter } from './api/router.ts';
import { stripeReturnPages } from './api/stripe-return-pages.ts';
import { stripeWebhook } from './api/stripe-webhook.ts';
import type { App } from './app.ts';

/** One HTTP server for every door: health, REST API, and (later) Slack, Teams and Stripe. */
export const buildHttp = (app: App) => {
  const http = express();
  http.disable('x-powered-by');
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
  // Stripe signs the raw body: mounted before any JSON body parser.
  if (app.stripe && app.config.STRIPE_WEBHOOK_SECRET) {
    http.use(
      '/stripe/webhook',
      stripeWebhook(app.ctx, app.stripe, app.config.STRIPE_WEBHOOK_SECRET, app.log),
    );
  }
  // Checkout's return pages (setup done / cancelled) exist only when billing goes through Stripe.
  if (app.stripe) http.use(stripeReturnPages());
  http.use(healthRoutes(app.ctx.em));
  // REST API only with a token (off → /api/v1/* is 404); its JSON body parser (1 MB) lives in the router, after auth.
  if (app.config.API_TOKEN) http.use('/api/v1', apiRouter(app, app.config.API_TOKEN));
  // Teams (Bot Framework) only with TEAMS_APP_ID; its JSON body parser lives in its route
  if (app.teams) http.use(teamsRoute(app.teams));
  // Slack (Bolt) only when configured: POST /slack/events, and the OAuth install routes in multi-workspace mode
  // (with SLACK_APP_TOKEN Slack comes over Socket Mode instead: main.ts connects it)
  if (slackOverHttp(app.config))
    http.use(buildSlack({ config: app.config, service: app.ctx, log: app.log }).router);
  return http;
};

export const listen = (http: ReturnType<typeof express>, port: number, host: string) =>
  new Promise<Server>((resolve, reject) => {
    const server = http.listen(port, host, () => resolve(server));
    server.once('error', reject);
  });
