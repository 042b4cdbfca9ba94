import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Installation } from '@slack/bolt';
import { pino } from 'pino';
import { PgInstallationStore } from '../../adapters/slack/installation-store.ts';
import { fromMrkdwn } from '../../adapters/slack/mrkdwn.ts';
import { keyFrom } from '../../adapters/slack/seal.ts';
import { slackNotifier } from '../../adapters/slack/slack-app.ts';
import { signSlackRequest } from '../../adapters/slack/verify-request.ts';
import type { App } from '../../src/app.ts';
import { InFlight } from '../../src/commands/in-flight.ts';
import { loadConfig } from '../../src/config.ts';
import { buildHttp, listen } from '../../src/server.ts';
import type { BillingGateway } from '../../src/service/ports.ts';
import type { TestDb } from '../support/db.ts';
import { FakeSlack } from './fake-slack.ts';

export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const BOT_TOKEN = 'xoxb-single-workspace';
export const ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');

export interface SlackHarness {
  fake: FakeSlack;
  app: App;
  url: string;
  notifier: ReturnType<typeof slackNotifier>;
  /** posts a body to /slack/events signed like Slack (or with the overrides) */
  post(
    body: string,
    o?: { contentType?: string; timestamp?: number; secret?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: string; ms: number }>;
  close(): Promise<void>;
}

/**
 * Our real HTTP server with Slack on, on a test database, with Slack's Web API replaced by a
 * local fake (SLACK_API_URL). `oauth` mode stores installations in PostgreSQL instead of using
 * one bot token.
 */
export const startSlack = async (
  db: TestDb,
  o: {
    mode?: 'single' | 'oauth';
    billing?: BillingGateway;
    rateLimits?: NonNullable<Parameters<typeof slackNotifier>[0]['rateLimits']>;
  } = {},
): Promise<SlackHarness> => {
  const fake = await new FakeSlack().start();
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PUBLIC_URL: 'http://localhost:3000',
    ...(o.mode === 'oauth'
      ? {
          SLACK_CLIENT_ID: '111.222',
          SLACK_CLIENT_SECRET: 'client-secret',
          SLACK_STATE_SECRET: 'state-secret',
          ENCRYPTION_KEY,
        }
      : { SLACK_BOT_TOKEN: BOT_TOKEN }),
  });
  const log = pino({ level: process.env.SLACK_TEST_LOG ?? 'silent' });
  const ctx = { ...db.ctx, ...(o.billing ? { billing: o.billing } : {}) };
  const app: App = {
    config,
    orm: db.orm,
    ctx,
    log,
    teams: null,
    inFlight: new InFlight(),
    close: async () => {},
  };
  const server: Server = await listen(buildHttp(app), 0, '127.0.0.1');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    fake,
    app,
    url,
    notifier: slackNotifier({ config, service: ctx, log, rateLimits: o.rateLimits }),
    async post(body, p = {}) {
      const ts = p.timestamp ?? Math.floor(Date.now() / 1000);
      const started = Date.now();
      const r = await fetch(`${url}/slack/events`, {
        method: 'POST',
        headers: {
          'content-type': p.contentType ?? 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': signSlackRequest(p.secret ?? SIGNING_SECRET, body, ts),
          ...p.headers,
        },
        body,
      });
      return { status: r.status, body: await r.text(), ms: Date.now() - started };
    },
    async close() {
      await new Promise<void>((r) => server.close(() => r()));
      await fake.close();
    },
  };
};

// ---- what Slack sends ----

export const slashBody = (o: { teamId: string; userId: string; text: string; responseUrl: string }) =>
  new URLSearchParams({
    token: 'deprecated',
    team_id: o.teamId,
    team_domain: 'acme',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: o.userId,
    user_name: o.userId.toLowerCase(),
    command: '/seats',
    text: o.text,
    api_app_id: 'A0SEATS',
    is_enterprise_install: 'false',
    response_url: o.responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  }).toString();

export const interactive = (payload: unknown) =>
  new URLSearchParams({ payload: JSON.stringify(payload) }).toString();

export interface SlackButton {
  type: 'button';
  action_id: string;
  value: string;
  text: { type: 'plain_text'; text: string };
  confirm?: unknown;
  style?: string;
}

export const blockActionBody = (o: {
  teamId: string;
  userId: string;
  button: SlackButton;
  responseUrl?: string;
  channel?: string;
  ts?: string;
}) =>
  interactive({
    type: 'block_actions',
    team: { id: o.teamId, domain: 'acme' },
    user: { id: o.userId, team_id: o.teamId },
    api_app_id: 'A0SEATS',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    container: { type: 'message', channel_id: o.channel ?? 'D0', message_ts: o.ts ?? '1.1' },
    channel: { id: o.channel ?? 'D0' },
    ...(o.responseUrl ? { response_url: o.responseUrl } : {}),
    actions: [
      {
        type: 'button',
        action_id: o.button.action_id,
        block_id: 'b1',
        value: o.button.value,
        text: o.button.text,
        action_ts: String(Date.now() / 1000),
      },
    ],
  });

type ViewBlock = {
  type: string;
  block_id?: string;
  element?: { type: string; options?: { value: string }[] };
};

/** The view state Slack would send for these values, shaped per input element. */
export const stateFor = (blocks: ViewBlock[], values: Record<string, unknown>) => {
  const state: Record<string, Record<string, unknown>> = {};
  for (const b of blocks) {
    if (b.type !== 'input' || !b.block_id || !b.element) continue;
    const v = values[b.block_id];
    const type = b.element.type;
    const opt = (value: string) => ({ text: { type: 'plain_text', text: value }, value });
    let entry: Record<string, unknown>;
    if (type === 'checkboxes') entry = { type, selected_options: v === true ? [opt('on')] : [] };
    else if (type === 'multi_static_select' || type === 'multi_external_select')
      entry = { type, selected_options: (Array.isArray(v) ? v : []).map((x) => opt(String(x))) };
    else if (type === 'static_select')
      entry = { type, selected_option: v === undefined ? null : opt(String(v)) };
    else entry = { type, value: v === undefined ? null : String(v) };
    state[b.block_id] = { form_input: entry };
  }
  return { values: state };
};

export const viewSubmissionBody = (o: {
  teamId: string;
  userId: string;
  view: { callback_id: string; private_metadata: string; blocks: ViewBlock[] };
  values: Record<string, unknown>;
}) =>
  interactive({
    type: 'view_submission',
    team: { id: o.teamId, domain: 'acme' },
    user: { id: o.userId, team_id: o.teamId },
    api_app_id: 'A0SEATS',
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
    view: {
      id: 'V1',
      team_id: o.teamId,
      type: 'modal',
      callback_id: o.view.callback_id,
      private_metadata: o.view.private_metadata,
      blocks: o.view.blocks,
      state: stateFor(o.view.blocks, o.values),
      hash: 'h',
      title: { type: 'plain_text', text: 'x' },
    },
  });

export const eventBody = (teamId: string, event: Record<string, unknown>) =>
  JSON.stringify({
    token: 'deprecated',
    team_id: teamId,
    api_app_id: 'A0SEATS',
    type: 'event_callback',
    event_id: `Ev${Math.random().toString(36).slice(2)}`,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event,
  });

type TextObject = { type?: string; text: string };
/** A text object as a person reads it: mrkdwn with its escapes undone, plain_text as it is. */
const read = (t: TextObject) => (t.type === 'mrkdwn' ? fromMrkdwn(t.text) : t.text);

/** Plain text of Block Kit blocks, as a person would read them. */
export const blocksText = (blocks: unknown[]): string =>
  (
    blocks as {
      text?: TextObject;
      fields?: TextObject[];
      elements?: { type?: string; text?: string | { text: string } }[];
    }[]
  )
    .flatMap((b) => [
      b.text ? read(b.text) : '',
      ...(b.fields ?? []).map(read),
      ...(b.elements ?? []).map((e) =>
        typeof e.text === 'string' ? read({ type: e.type, text: e.text }) : '',
      ),
    ])
    .filter(Boolean)
    .join('\n');

export const buttonsOf = (blocks: unknown[]): SlackButton[] =>
  (blocks as { type: string; elements?: SlackButton[] }[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements ?? []);

/**
 * Installs the app in a workspace (OAuth mode): its sealed installation stored as the OAuth
 * redirect would, and the fake Slack answering that workspace's bot token.
 */
export const installWorkspace = async (h: SlackHarness, db: TestDb, teamId: string) => {
  const token = `xoxb-${teamId.toLowerCase()}`;
  await new PgInstallationStore(db.em, keyFrom(ENCRYPTION_KEY)).storeInstallation({
    team: { id: teamId, name: teamId },
    enterprise: undefined,
    user: { id: 'UINSTALLER', token: undefined, scopes: undefined },
    bot: { token, scopes: ['commands', 'chat:write'], id: `B${teamId}`, userId: `UBOT${teamId}` },
    tokenType: 'bot',
    isEnterpriseInstall: false,
    appId: 'A0SEATS',
    authVersion: 'v2',
  } as Installation);
  h.fake.tokens.set(token, teamId);
  return token;
};

/** The options request Slack sends while someone types in a people picker of an open modal. */
export const blockSuggestionBody = (o: {
  teamId: string;
  userId: string;
  view: { callback_id: string; private_metadata: string; blocks: ViewBlock[] };
  blockId: string;
  value: string;
}) =>
  interactive({
    type: 'block_suggestion',
    user: { id: o.userId, name: o.userId.toLowerCase(), team_id: o.teamId },
    container: { type: 'view', view_id: 'V1' },
    api_app_id: 'A0SEATS',
    token: 'deprecated',
    action_id: 'form_input',
    block_id: o.blockId,
    value: o.value,
    team: { id: o.teamId, domain: 'acme' },
    view: {
      id: 'V1',
      team_id: o.teamId,
      type: 'modal',
      callback_id: o.view.callback_id,
      private_metadata: o.view.private_metadata,
      blocks: o.view.blocks,
      state: { values: {} },
      hash: 'h',
      title: { type: 'plain_text', text: 'x' },
    },
  });
