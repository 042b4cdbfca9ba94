import type { Server } from 'node:http';
import express from 'express';
import { healthRoutes } from './api/health.ts';
import { countRequest } from './api/metrics.ts';
import type { App } from './app.ts';

/** One HTTP server for every door: health, REST API, and (later) Slack, Teams and Stripe. */
export const buildHttp = (app: App) => {
  const http = express();
  http.disable('x-powered-by');
  http.use((req, res, next) => {
    res.on('finish', () => countRequest(req.route?.path ?? 'other', res.statusCode));
    next();
  });
  http.use(healthRoutes(app.ctx.em));
  return http;
};

export const listen = (http: ReturnType<typeof express>, port: number, host: string) =>
  new Promise<Server>((resolve, reject) => {
    const server = http.listen(port, host, () => resolve(server));
    server.once('error', reject);
  });
