import { App, ExpressReceiver, LogLevel } from '@slack/bolt';

/**
 * The anchor of `npm run bench:slack`: a bare Bolt app, not Seatkeeper, that only acks what the
 * bench sends (`/seats`, button clicks, modal submissions), with Bolt's own signature check on.
 * It listens on PORT (127.0.0.1) with the signing secret in SLACK_SIGNING_SECRET and answers
 * GET /healthz, so the bench starts and waits for it the way it does for our entry point.
 */
const secret = process.env.SLACK_SIGNING_SECRET ?? '';
const port = Number(process.env.PORT ?? 0);

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
app.action({ type: 'block_actions' }, async ({ ack }) => {
  await ack();
});
app.view(/.*/, async ({ ack }) => {
  await ack();
});
receiver.router.get('/healthz', (_req, res) => {
  res.json({ ok: true });
});

// a normal exit on SIGTERM, so `node --cpu-prof` can write its profile
process.once('SIGTERM', () => process.exit(0));

receiver.start({ port, host: '127.0.0.1' }).catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
