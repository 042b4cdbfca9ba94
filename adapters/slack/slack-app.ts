import { App, ExpressReceiver, SocketModeReceiver, type webApi } from '@slack/bolt';
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { InFlight } from '../../src/commands/in-flight.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { afterAckLimit } from './after-ack.ts';
import { boltLogger } from './bolt-logger.ts';
import type { SlackDeps } from './deps.ts';
import { PgInstallationStore } from './installation-store.ts';
import { registerListeners } from './listeners.ts';
import { limitedClient, SlackRateLimits } from './rate-limits.ts';
import { slackRequestGuard } from './request-guard.ts';
import { keyFrom } from './seal.ts';
import type { SlackSettings } from './settings.ts';
import { SlackNotifier } from './slack-notifier.ts';

type SlackConfig = SlackSettings;

export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'im:write',
  'users:read',
  'users:read.email',
  // `audit export` uploads its CSV (files.getUploadURLExternal, files.completeUploadExternal)
  'files:write',
];

/**
 * Slack is on over HTTP with a signing secret and either a bot token (one workspace) or the three
 * OAuth settings; over Socket Mode with an app-level token and a bot token.
 */
export const slackEnabled = (c: SlackConfig) => slackOverHttp(c) || slackOverSocket(c);

/** `POST /slack/events` serves Slack (not with SLACK_APP_TOKEN: then Slack comes over the socket). */
export const slackOverHttp = (c: SlackConfig) =>
  Boolean(
    !c.SLACK_APP_TOKEN &&
      c.SLACK_SIGNING_SECRET &&
      (c.SLACK_BOT_TOKEN || (c.SLACK_CLIENT_ID && c.SLACK_CLIENT_SECRET && c.SLACK_STATE_SECRET)),
  );

export const slackOverSocket = (c: SlackConfig) => Boolean(c.SLACK_APP_TOKEN && c.SLACK_BOT_TOKEN);

export interface SlackOptions {
  config: SlackConfig;
  service: ServiceContext;
  log: Logger;
  /** see SlackDeps.ackAfterMs; 1.5 s leaves room inside Slack's 3 s */
  ackAfterMs?: number;
  /** the clock signatures are checked against (seconds) */
  nowSeconds?: () => number;
  /** where listeners' work after the ack is tracked (a shutdown waits for it) */
  inFlight?: InFlight;
  /** Socket Mode: how long a ping waits for its pong, and the wait before a reconnect (Bolt: 5 s) */
  socketPingTimeoutMs?: number;
  /** Slack's limits as published unless given (tests and benches shorten them) */
  rateLimits?: ConstructorParameters<typeof SlackRateLimits>[0];
}

/**
 * Where a workspace's bot token comes from: the configured one in single-workspace mode, the
 * sealed OAuth installation otherwise. Web API clients reject rate-limited calls (no silent
 * sleeping); the notifier turns that into RetryLater.
 */
const tokenSource = (o: SlackOptions, store: PgInstallationStore | null) => {
  const clients = new Map<string, webApi.WebClient>();
  // these clients do the outbound work (DMs, updating copies): queued within Slack's limits
  const limits = new SlackRateLimits(o.rateLimits, () => o.service.clock.now().getTime());
  const clientOf = (token: string) => {
    let c = clients.get(token);
    if (!c) {
      c = limitedClient(limits, token, token, {
        slackApiUrl: o.config.SLACK_API_URL,
        rejectRateLimitedCalls: true,
        retryConfig: { retries: 1, minTimeout: 100, maxTimeout: 1000 },
        logger: boltLogger(o.log),
      });
      clients.set(token, c);
    }
    return c;
  };
  const tokenFor = async (teamId: string): Promise<string | null> => {
    if (o.config.SLACK_BOT_TOKEN) return o.config.SLACK_BOT_TOKEN;
    try {
      return (
        (await store!.fetchInstallation({ teamId, isEnterpriseInstall: false, enterpriseId: undefined })).bot
          ?.token ?? null
      );
    } catch {
      return null;
    }
  };
  return {
    tokenFor,
    clientFor: async (teamId: string) => {
      const token = await tokenFor(teamId);
      return token ? clientOf(token) : null;
    },
  };
};

const slackDeps = (o: SlackOptions) => {
  const store = o.config.SLACK_BOT_TOKEN
    ? null
    : new PgInstallationStore(o.service.em, keyFrom(o.config.ENCRYPTION_KEY ?? ''));
  const deps: SlackDeps = {
    service: o.service,
    log: o.log,
    ackAfterMs: o.ackAfterMs ?? 1500,
    afterAck: afterAckLimit(),
    clientFor: tokenSource(o, store).clientFor,
  };
  return { deps, store };
};

/**
 * Bolt options that skip per-request work we never use. `convoStore: false`: Bolt's default
 * conversation store looks up every request that has a channel and, for each miss, rejects a
 * promise with a new Error (stack and all); no listener reads `context.conversation`.
 * `ignoreSelf: false`: it filters message events (and events by our own bot user) from this app;
 * we listen to no message events, and our `authorize` gives no bot ids for it to compare, so it
 * only added a middleware step to every request. (Token verification by auth.test is off anyway:
 * we pass `authorize`, not `token`, so Bolt never calls auth.test.)
 */
const LEAN: { convoStore: false; ignoreSelf: false } = { convoStore: false, ignoreSelf: false };

/** listeners' clients: no silent sleeping on 429s, and a failing Slack is not retried for minutes */
const listenerClientOptions = (config: SlackConfig) => ({
  slackApiUrl: config.SLACK_API_URL,
  rejectRateLimitedCalls: true,
  retryConfig: { retries: 2, minTimeout: 100, maxTimeout: 1000 },
});

/** The outbox notifier alone (the worker process needs no Bolt app). */
export const slackNotifier = (o: SlackOptions) => new SlackNotifier(slackDeps(o).deps);

/**
 * The Slack adapter: Bolt on an ExpressReceiver whose router we mount into our one express
 * server (`POST /slack/events`, and `GET /slack/install` + `/slack/oauth_redirect` in OAuth
 * mode), behind our own signature check; and the outbox notifier that sends DMs.
 */
export const buildSlack = (o: SlackOptions) => {
  const { config } = o;
  const oauth = !config.SLACK_BOT_TOKEN;
  const { deps, store } = slackDeps(o);
  const logger = boltLogger(o.log);
  const receiver = new ExpressReceiver({
    signingSecret: config.SLACK_SIGNING_SECRET!,
    // checked by slackRequestGuard (both directions of the 5-minute window), which also reads and
    // parses the body once; so the receiver serves no endpoint of its own (no second body
    // middleware, no second parse): `events` below hands it the parsed request
    signatureVerification: false,
    processBeforeResponse: false,
    endpoints: {},
    router: express.Router(),
    logger,
    ...(oauth
      ? {
          clientId: config.SLACK_CLIENT_ID,
          clientSecret: config.SLACK_CLIENT_SECRET,
          stateSecret: config.SLACK_STATE_SECRET,
          installationStore: store!,
          scopes: BOT_SCOPES,
          redirectUri: `${config.PUBLIC_URL}/slack/oauth_redirect`,
          installerOptions: {
            directInstall: true,
            redirectUriPath: '/slack/oauth_redirect',
            clientOptions: { slackApiUrl: config.SLACK_API_URL },
          },
        }
      : {}),
  });
  const bolt = new App({
    ...LEAN,
    receiver,
    logger,
    clientOptions: listenerClientOptions(config),
    ...(oauth
      ? {}
      : {
          authorize: async () => ({ botToken: config.SLACK_BOT_TOKEN! }),
        }),
  });
  trackInFlight(bolt, o.inFlight);
  registerListeners(bolt, deps, store);
  // POST /slack/events: our guard (one read, signature check, one parse), then Bolt's dispatch
  const events: RequestHandler[] = [
    ...slackRequestGuard(config.SLACK_SIGNING_SECRET!, o.log, o.nowSeconds),
    (req, res) => receiver.requestHandler(req, res),
  ];
  // the receiver's own routes: the OAuth install pages (none in single-workspace mode)
  return {
    events,
    router: oauth ? receiver.router : null,
    notifier: new SlackNotifier(deps),
    deps,
    installationStore: store,
  };
};

/** First of all middleware: the whole of each listener's run, ack and after, is tracked. */
const trackInFlight = (bolt: App, inFlight: InFlight | undefined) => {
  if (inFlight) bolt.use(({ next }) => inFlight.track(next()));
};

/**
 * Slack over Socket Mode (SLACK_APP_TOKEN), for a workspace that cannot reach us (a laptop, no
 * public URL): the same listeners, acks and 3-second race on Bolt's SocketModeReceiver, which asks
 * `apps.connections.open` for a WebSocket URL, connects out, and reconnects when it drops. Every
 * envelope comes over the authenticated socket, so there is no signature to check; Slack
 * redelivers an envelope that was not acked, and the event handlers are idempotent, so
 * redeliveries are run, not dropped. Resolves once connected.
 */
export const startSlackSocket = async (o: SlackOptions) => {
  const { config } = o;
  const { deps } = slackDeps(o);
  const logger = boltLogger(o.log);
  const receiver = new SocketModeReceiver({
    appToken: config.SLACK_APP_TOKEN!,
    logger,
    clientPingTimeout: o.socketPingTimeoutMs,
    installerOptions: { clientOptions: { slackApiUrl: config.SLACK_API_URL } },
  });
  const bolt = new App({
    ...LEAN,
    receiver,
    logger,
    clientOptions: listenerClientOptions(config),
    authorize: async () => ({ botToken: config.SLACK_BOT_TOKEN! }),
  });
  trackInFlight(bolt, o.inFlight);
  registerListeners(bolt, deps, null);
  await bolt.start();
  return { deps, notifier: new SlackNotifier(deps), stop: () => bolt.stop() };
};
