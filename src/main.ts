import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackOverSocket, startSlackSocket } from '../adapters/slack/slack-app.ts';
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { chatNotifier } from './jobs/chat-notifier.ts';
import { startWorker, type Worker } from './jobs/worker.ts';
import { listeningLine } from './listening-line.ts';
import { buildHttp, listen } from './server.ts';
import { exitOnSignals, shutdown } from './shutdown.ts';

/**
 * Composition root: read config, migrate, serve, and (unless WORKER=off) run the worker. The
 * signal handlers come first: a SIGTERM while the rest starts (health answers before the worker
 * runs) waits for what is starting, then stops it cleanly, instead of killing the process.
 */
const main = async () => {
  const config = loadConfig();
  const app = await buildApp(config);
  let server: Server | null = null;
  let worker: Worker | null = null;
  let slackSocket: Awaited<ReturnType<typeof startSlackSocket>> | null = null;
  const starting = (async () => {
    server = await listen(buildHttp(app), config.PORT, config.HOST);
    // Slack over Socket Mode connects out to Slack instead of serving /slack/events
    slackSocket = slackOverSocket(config)
      ? await startSlackSocket({ config, service: app.ctx, log: app.log, inFlight: app.inFlight })
      : null;
    const notifier = await chatNotifier(app);
    worker =
      config.WORKER === 'on'
        ? await startWorker(app.ctx, notifier, {
            databaseUrl: config.DATABASE_URL,
            log: app.log,
          })
        : null;
  })();
  exitOnSignals(config.SHUTDOWN_GRACE_MS, async () => {
    await starting.catch(() => {});
    // no new Slack events once stopping; what they started is waited for below
    await slackSocket?.stop();
    return shutdown({ app, server, worker, graceMs: config.SHUTDOWN_GRACE_MS });
  });
  await starting;
  app.log.info(
    {
      database: config.DATABASE_URL ? 'postgresql' : `embedded (${config.DATA_DIR})`,
      billing: app.ctx.billing.name,
      worker: config.WORKER,
      slack: slackSocket ? 'socket mode' : undefined,
    },
    listeningLine(server!.address() as AddressInfo),
  );
};

main().catch((e) => {
  if (e instanceof ConfigError) {
    console.error(`Configuration error: ${e.message}`);
  } else {
    console.error(e);
  }
  process.exit(1);
});
