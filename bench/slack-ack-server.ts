import type { AddressInfo } from 'node:net';
import { App, ExpressReceiver, LogLevel } from '@slack/bolt';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { buildHttp, listen } from '../src/server.ts';

/**
 * One server for the Slack ack bench, in its own process so the load generator does not share
 * its event loop: `seatkeeper <database url> <slack api url>` (our server, Slack on, on
 * PostgreSQL) or `bare` (a Bolt app that only acks /seats, Bolt's own signature check on).
 * Prints the port it listens on.
 */
const [mode, databaseUrl, apiUrl] = process.argv.slice(2);
const secret = process.env.BENCH_SLACK_SECRET ?? '';

const main = async () => {
  if (mode === 'bare') {
    const receiver = new ExpressReceiver({ signingSecret: secret, logLevel: LogLevel.ERROR });
    const app = new App({
      receiver,
      // like our server: the token is known, so no auth.test per request
      authorize: async () => ({ botToken: 'xoxb-bench' }),
      logLevel: LogLevel.ERROR,
    });
    app.command('/seats', async ({ ack }) => {
      await ack();
    });
    const server = await receiver.start({ port: 0, host: '127.0.0.1' });
    console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
    return;
  }
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    SLACK_SIGNING_SECRET: secret,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_API_URL: apiUrl,
    LOG_LEVEL: 'silent',
    WORKER: 'off',
  });
  const app = await buildApp(config);
  const server = await listen(buildHttp(app), 0, '127.0.0.1');
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
};

// a normal exit on kill, so `node --cpu-prof` can write its profile
process.once('SIGTERM', () => process.exit(0));

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
