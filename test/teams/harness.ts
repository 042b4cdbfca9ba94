import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TeamsNotifier } from '../../adapters/teams/teams-notifier.ts';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { buildHttp, listen } from '../../src/server.ts';
import type { TestDb } from '../support/db.ts';
import { FakeMicrosoft, type Member, OPENID_URL, type Posted, SERVICE_URL } from './fake-microsoft.ts';
import { LoopbackMicrosoft } from './loopback-microsoft.ts';

export const APP_ID = '00000000-1111-2222-3333-444444444444';
export const TENANT = 'tenant-contoso';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely
type Json = any;

/** A Teams user of a tenant, with their personal chat with the bot. */
export interface TeamsPerson extends Member {
  conversationId: string;
}

/** Microsoft's side, as nock serves it (FakeMicrosoft) or as a real server on loopback */
type StandIn = FakeMicrosoft | LoopbackMicrosoft;

export interface TeamsHarness<M extends StandIn = FakeMicrosoft> {
  app: App;
  ms: M;
  base: string;
  /** the connector's base URL the activities carry */
  serviceUrl: string;
  /** makes a Teams user (in the roster the bot reads emails from) */
  person(email: string, tenantId?: string): TeamsPerson;
  /** posts an activity with a valid token unless told otherwise (null: no Authorization header) */
  post(activity: Record<string, unknown>, token?: string | null): Promise<{ status: number; body: Json }>;
  /** a message in the person's personal chat; the bot's replies come back in the answer */
  say(
    p: TeamsPerson,
    text: string,
    extra?: Record<string, unknown>,
  ): Promise<{ status: number; body: Json; cards: Json[] }>;
  /** an invoke (adaptiveCard/action, task/fetch, task/submit) from the person's personal chat */
  invoke(
    p: TeamsPerson,
    name: string,
    value: unknown,
    extra?: Record<string, unknown>,
  ): Promise<{ status: number; body: Json }>;
  /** delivers the pending outbox through the Teams notifier, one row at a time (in order) */
  deliver(): Promise<void>;
  /** the newest card the bot posted into this person's personal chat */
  lastPosted(p: TeamsPerson): Posted;
  /**
   * the newest card posted to this person that has buttons for them (a refresh): rows queued in
   * the same instant (a receipt from an earlier test, a new approval) are delivered in either order
   */
  lastToDecide(p: TeamsPerson): Posted;
  /** Teams' automatic refresh of a posted card for this person; the card they see */
  refresh(p: TeamsPerson, posted: Posted): Promise<Json>;
  /** presses a card button (Action.Execute) on the message `replyToId` */
  press(p: TeamsPerson, action: Json, replyToId?: string): Promise<Json>;
  close(): Promise<void>;
}

let seq = 0;

export const startTeams = (db: TestDb, env: Record<string, string> = {}): Promise<TeamsHarness> =>
  startTeamsWith(
    new FakeMicrosoft(APP_ID),
    SERVICE_URL,
    { BOTFRAMEWORK_OPENID_METADATA: OPENID_URL, ...env },
    db,
  );

/**
 * The same harness against a real HTTP server on loopback standing in for Microsoft: the bot's
 * login, OpenID metadata, token issuer and connector all point at it (no nock, no interception).
 */
export const startTeamsOnLoopback = async (
  db: TestDb,
  env: Record<string, string> = {},
): Promise<TeamsHarness<LoopbackMicrosoft>> => {
  const ms = await new LoopbackMicrosoft(APP_ID).start();
  return startTeamsWith(ms, ms.serviceUrl, { ...ms.env, ...env }, db);
};

const startTeamsWith = async <M extends StandIn>(
  ms: M,
  serviceUrl: string,
  env: Record<string, string>,
  db: TestDb,
): Promise<TeamsHarness<M>> => {
  const config = loadConfig({
    TEAMS_APP_ID: APP_ID,
    TEAMS_APP_PASSWORD: 'test-password',
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    ...env,
  });
  // shares db.orm: close the server, then db.close(); never app.close()
  const app = await buildApp(config, { orm: db.orm, clock: db.clock });
  const server: Server = await listen(buildHttp(app), 0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const common = (p: TeamsPerson) => ({
    id: `act-${++seq}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from: { id: p.id, aadObjectId: p.aadObjectId, name: p.name },
    recipient: { id: `28:${APP_ID}`, name: 'Seatkeeper' },
    conversation: { id: p.conversationId, conversationType: 'personal', tenantId: p.tenantId },
    channelData: { tenant: { id: p.tenantId } },
    locale: 'en-US',
  });
  const h: TeamsHarness<M> = {
    app,
    ms,
    base,
    serviceUrl,
    person(email, tenantId = TENANT) {
      const n = ++seq;
      const p: TeamsPerson = {
        id: `29:user-${n}`,
        aadObjectId: `aad-${n}-${email.split('@')[0]}`,
        email,
        name: email.split('@')[0]!,
        tenantId,
        conversationId: `a:personal-${n}`,
      };
      ms.roster.set(p.id, p);
      return p;
    },
    async post(activity, token) {
      const t = token === undefined ? ms.token() : token;
      const res = await fetch(`${base}/api/messages`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(t !== null ? { authorization: `Bearer ${t}` } : {}),
        },
        body: JSON.stringify(activity),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {}
      return { status: res.status, body };
    },
    async say(p, text, extra = {}) {
      const r = await h.post({
        ...common(p),
        type: 'message',
        text,
        deliveryMode: 'expectReplies',
        ...extra,
      });
      const cards = ((r.body?.activities ?? []) as Json[]).flatMap((a) =>
        (a.attachments ?? []).map((x: Json) => x.content),
      );
      return { ...r, cards };
    },
    invoke(p, name, value, extra = {}) {
      return h.post({ ...common(p), type: 'invoke', name, value, ...extra });
    },
    async deliver() {
      const notifier = new TeamsNotifier(app.teams!.deps);
      while ((await deliverOutbox(app.ctx, notifier, { batch: 1 })).claimed > 0);
    },
    lastPosted(p) {
      const posted = ms.postedTo(p.conversationId).at(-1);
      if (!posted) throw new Error(`nothing posted to ${p.email}`);
      return posted;
    },
    lastToDecide(p) {
      const posted = ms
        .postedTo(p.conversationId)
        .filter((x) => x.activity.attachments?.[0]?.content?.refresh)
        .at(-1);
      if (!posted) throw new Error(`no card with buttons posted to ${p.email}`);
      return posted;
    },
    async refresh(p, posted) {
      const card = posted.activity.attachments[0].content;
      const r = await h.invoke(
        p,
        'adaptiveCard/action',
        { action: card.refresh.action, trigger: 'automatic' },
        { replyToId: posted.id },
      );
      if (r.status !== 200) throw new Error(`refresh: ${r.status}`);
      return invokeCard(r.body);
    },
    async press(p, action, replyToId) {
      const r = await h.invoke(
        p,
        'adaptiveCard/action',
        executeValue(action),
        replyToId ? { replyToId } : {},
      );
      if (r.status !== 200) throw new Error(`press: ${r.status}`);
      return invokeCard(r.body);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ms.close();
    },
  };
  return h;
};

/** The card answered to an Action.Execute invoke. */
export const invokeCard = (body: Json): Json => {
  if (body?.type !== 'application/vnd.microsoft.card.adaptive')
    throw new Error(`not a card: ${JSON.stringify(body)}`);
  return body.value;
};

/** Action.Execute of a card's button, as Teams sends it. */
export const executeValue = (action: Json) => ({
  action: { type: 'Action.Execute', verb: action.verb, data: action.data },
  trigger: 'manual',
});

/** Every action of a card: its own, then those of action sets in its body (more than 5). */
export const actionsOf = (card: Json): Json[] => [
  ...(card?.actions ?? []),
  ...(card?.body ?? []).filter((e: Json) => e.type === 'ActionSet').flatMap((e: Json) => e.actions),
];
export const buttonsOf = (card: Json): string[] => actionsOf(card).map((a: Json) => a.title);
export const buttonOf = (card: Json, title: string): Json => {
  const b = actionsOf(card).find((a: Json) => a.title === title);
  if (!b) throw new Error(`no button ${title} in ${JSON.stringify(actionsOf(card))}`);
  return b;
};
