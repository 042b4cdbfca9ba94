import type { Server } from 'node:http';
import type { RequestHandler } from 'express';
import type { App } from './app.ts';
import { settlesWithin } from './jobs/outbox-loop.ts';
import type { Worker } from './jobs/worker.ts';

/** Set once a shutdown starts: answers close their connection so clients reconnect elsewhere. */
export const draining = { on: false };

/** Mounted first: during a shutdown no connection is kept alive for another request. */
export const closeWhenDraining: RequestHandler = (_req, res, next) => {
  if (draining.on) res.set('Connection', 'close');
  next();
};

/**
 * SIGTERM's work, within `graceMs`: stop accepting connections, let the requests in flight end
 * and the chat work after their answers (response_url posts, a charge behind a button), let the
 * worker finish or hand back its current job, then close the database. Resolves false when the
 * grace ran out and something was cut short.
 */
export const shutdown = async (o: {
  app: App;
  server: Server | null;
  worker: Worker | null;
  graceMs: number;
}): Promise<boolean> => {
  const { app, server, worker } = o;
  const until = Date.now() + o.graceMs;
  const left = () => Math.max(0, until - Date.now());
  draining.on = true;
  app.log.info({ graceMs: o.graceMs, inFlight: app.inFlight.size }, 'shutting down');
  const http = (async () => {
    if (!server) return true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // keep-alive connections that turn idle after their last answer are closed as they do
    const idle = setInterval(() => server.closeIdleConnections(), 100);
    try {
      const done = await settlesWithin(
        closed.then(() => app.inFlight.idle()),
        left(),
      );
      if (!done) server.closeAllConnections();
      return done;
    } finally {
      clearInterval(idle);
    }
  })();
  const [served, worked] = await Promise.all([http, worker ? worker.stop(left()) : true]);
  if (!served) app.log.warn({ inFlight: app.inFlight.size }, 'shutdown grace ran out: requests cut short');
  if (!worked) app.log.warn('shutdown grace ran out: the worker left its current job to be retried');
  await app.close();
  return served && worked;
};

/**
 * SIGTERM and SIGINT run `stop` once and exit 0 if everything finished, 1 if the grace ran out;
 * a second signal, or `stop` itself hanging past the grace, exits at once.
 */
export const exitOnSignals = (graceMs: number, stop: () => Promise<boolean>) => {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    setTimeout(() => process.exit(1), graceMs + 5_000).unref();
    stop().then(
      (clean) => process.exit(clean ? 0 : 1),
      (e) => {
        console.error(e);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
};
