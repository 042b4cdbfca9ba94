import { slackEnabled, slackNotifier } from '../../adapters/slack/slack-app.ts';
import { buildApp } from '../app.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { LogNotifier } from './log-notifier.ts';
import { RoutingNotifier } from './routing-notifier.ts';
import { startWorker } from './worker.ts';

/** `npm run worker`: the background worker alone (scale it apart from the bot). */
const main = async () => {
  const config = loadConfig();
  const app = await buildApp(config);
  const platforms = slackEnabled(config) ? [slackNotifier({ config, service: app.ctx, log: app.log })] : [];
  const worker = await startWorker(app.ctx, new RoutingNotifier(platforms, new LogNotifier(app.log)), {
    databaseUrl: config.DATABASE_URL,
    log: app.log,
  });
  app.log.info({ database: config.DATABASE_URL ? 'postgresql' : 'embedded' }, 'Seatkeeper worker running');
  const stop = async () => {
    await worker.stop();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((e) => {
  console.error(e instanceof ConfigError ? `Configuration error: ${e.message}` : e);
  process.exit(1);
});
