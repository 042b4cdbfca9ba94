import { buildApp } from '../app.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { exitOnSignals, shutdown } from '../shutdown.ts';
import { chatNotifier } from './chat-notifier.ts';
import { startWorker } from './worker.ts';

/** `npm run worker`: the background worker alone (scale it apart from the bot). */
const main = async () => {
  const config = loadConfig();
  const app = await buildApp(config);
  const worker = await startWorker(app.ctx, await chatNotifier(app), {
    databaseUrl: config.DATABASE_URL,
    log: app.log,
  });
  exitOnSignals(config.SHUTDOWN_GRACE_MS, () =>
    shutdown({ app, server: null, worker, graceMs: config.SHUTDOWN_GRACE_MS }),
  );
  // logged once a SIGTERM would stop it cleanly (before the handlers, one would kill it outright)
  app.log.info({ database: config.DATABASE_URL ? 'postgresql' : 'embedded' }, 'Seatkeeper worker running');
};

main().catch((e) => {
  console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : e);
  process.exit(1);
});
