import type { EntityManager } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { renderMetrics } from './metrics.ts';

/** Liveness, readiness (the database answers) and Prometheus metrics; no token needed. */
export const healthRoutes = (em: EntityManager) => {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  r.get('/readyz', async (_req, res) => {
    try {
      await em.fork().execute('select 1');
      res.json({ ok: true, database: 'up' });
    } catch (e) {
      res.status(503).json({ ok: false, database: 'down', error: (e as Error).message });
    }
  });
  r.get('/metrics', async (_req, res) => {
    res.type('text/plain; version=0.0.4').send(await renderMetrics(em));
  });
  return r;
};
