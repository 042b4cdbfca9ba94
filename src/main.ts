import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { buildHttp, listen } from './server.ts';

/** Composition root: read config, migrate, serve. */
const main = async () => {
  const config = loadConfig();
  const app = await buildApp(config);
  const server = await listen(buildHttp(app), config.PORT, config.HOST);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  app.log.info(
    {
      port,
      database: config.DATABASE_URL ? 'postgresql' : `embedded (${config.DATA_DIR})`,
      billing: app.ctx.billing.name,
    },
    `Seatkeeper listening on http://localhost:${port}`,
  );
  const stop = async () => {
    server.close();
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((e) => {
  if (e instanceof ConfigError) {
    console.error(`Configuration error: ${e.message}`);
  } else {
    console.error(e);
  }
  process.exit(1);
});
