import type { EntityManager } from '@mikro-orm/postgresql';
import { Router } from 'express';
import type { Logger } from 'pino';
import { renderMetrics } from './metrics.ts';

/**
 * Liveness, readiness (the database answers) and Prometheus metrics; no token needed. A
 * database outage at /metrics reaches the server's error handler: a coded 503.
 */
export const healthRoutes = (em: EntityManager, log: Logger) => {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  r.get('/readyz', async (_req, res) => {
    try {
      await em.fork().execute('select 1');
      res.json({ ok: true, database: 'up' });
    } catch (e) {
      // the cause is for the operator's log; the answer only says what is down
      log.warn({ err: e }, 'readiness check: database down');
      res.status(503).json({ ok: false, database: 'down' });
    }
  });
  r.get('/metrics', async (_req, res) => {
    const body = await renderMetrics(em);
    res.type('text/plain; version=0.0.4').send(body);
  });
  return r;
};
