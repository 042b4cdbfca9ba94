import type { Installation } from '@slack/bolt';
import { WORKING } from '../../adapters/slack/handlers/slash-command.ts';
import { PgInstallationStore } from '../../adapters/slack/installation-store.ts';
import { keyFrom } from '../../adapters/slack/seal.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import type { PostedMessage } from '../slack/fake-slack.ts';
import {
  blockActionBody,
  blocksText,
  buttonsOf,
  ENCRYPTION_KEY,
  type SlackButton,
  slashBody,
  startSlack,
  viewSubmissionBody,
} from '../slack/harness.ts';
import { freshDb } from '../support/db.ts';
import { linkWorkspace } from '../support/links.ts';
import type { ChatDriver, Shown } from './chat-driver.ts';

const TEAM = 'TACME';
const TOKEN = 'xoxb-acme-e2e';

type View = {
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string; element?: { type: string } }[];
};
/** What a person has on screen: answers to their commands and clicks, and their DMs (live). */
type Seen = { kind: 'reply'; blocks: unknown[] } | { kind: 'dm'; message: PostedMessage };

/** A person reads text, not markup. */
const plain = (blocks: unknown[]) =>
  blocksText(blocks)
    .replace(/[*`]/g, '')
    .replace(/:[a-z_]+: /g, '');
const shownOf = (blocks: unknown[], form?: string[]): Shown => ({
  text: plain(blocks),
  buttons: buttonsOf(blocks).map((b) => b.text.text),
  ...(form ? { form } : {}),
});

/**
 * The scenario over Slack's real entry points: signed slash commands, block_actions and
 * view_submissions into our HTTP server; DMs through the Slack notifier; the Web API a local
 * fake that keeps every message as it looks now (after chat.update). Acme is installed through
 * the OAuth installation store and connected to its workspace; every demo person is a user there.
 */
export const slackDriver = async (): Promise<ChatDriver> => {
  const db = await freshDb();
  await seedDemo(db.ctx);
  const slack = await startSlack(db, { mode: 'oauth' });
  const { fake } = slack;
  await new PgInstallationStore(db.em, keyFrom(ENCRYPTION_KEY)).storeInstallation({
    team: { id: TEAM, name: 'Acme' },
    enterprise: undefined,
    user: { id: 'UALICE', token: undefined, scopes: undefined },
    bot: {
      token: TOKEN,
      scopes: ['commands', 'chat:write', 'im:write', 'users:read', 'users:read.email'],
      id: 'B1',
      userId: 'UBOT',
    },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  } as Installation);
  const [acme] = await db.em
    .fork()
    .execute<{ id: string }[]>('select id from organization where name = ?', [DEMO.organization]);
  await linkWorkspace(db, { platform: 'slack', workspaceId: TEAM }, acme!.id);
  fake.tokens.set(TOKEN, TEAM);
  const people = [DEMO.owner, DEMO.admin, ...DEMO.members, DEMO.outsider];
  const idOf = new Map(people.map((email) => [email, `U${email.split('@')[0]!.toUpperCase()}`]));
  for (const [email, id] of idOf) fake.addUser(TEAM, id, email);
  const user = (email: string) => {
    const id = idOf.get(email);
    if (!id) throw new Error(`${email} is not a Slack user of the workspace`);
    return id;
  };

  const seen = new Map<string, Seen[]>();
  const views = new Map<string, View>();
  const see = (email: string, s: Seen) => seen.set(email, [...(seen.get(email) ?? []), s]);
  const reply = (email: string, blocks: unknown[]) => {
    see(email, { kind: 'reply', blocks });
    return shownOf(blocks);
  };
  // time passes between people's actions, so notices are delivered in the order they were made
  // (the outbox delivers oldest first; with a frozen clock, ties would come out in any order)
  const tick = () => db.clock.advance(1000);
  const responseOf = async (id: string) => {
    const [r] = await fake.waitFor(
      () => (fake.responses.get(id)!.length ? fake.responses.get(id) : null),
      20_000,
    );
    return r!.blocks as unknown[];
  };

  return {
    platform: 'Slack',
    async command(email, text) {
      tick();
      const r = fake.responseUrl();
      const opened = fake.callsTo('views.open').length;
      const res = await slack.post(
        slashBody({ teamId: TEAM, userId: user(email), text, responseUrl: r.url }),
      );
      if (res.status !== 200) throw new Error(`Slack got ${res.status}`);
      if (!res.body) {
        const call = fake.callsTo('views.open')[opened];
        if (!call) throw new Error(`/seats ${text} answered nothing`);
        const view = call.args.view as View;
        views.set(email, view);
        const fields = view.blocks.flatMap((b) => (b.type === 'input' && b.block_id ? [b.block_id] : []));
        return { ...shownOf(view.blocks.slice(0, 1), fields), buttons: [] };
      }
      const ack = JSON.parse(res.body) as { text: string; blocks: unknown[] };
      return reply(email, ack.text === WORKING ? await responseOf(r.id) : ack.blocks);
    },
    async deliver() {
      const before = new Set(fake.messages);
      // one row per claim: a batch's rows come back from UPDATE … RETURNING in no set order
      while ((await deliverOutbox(db.ctx, slack.notifier, { batch: 1 })).claimed > 0);
      for (const m of fake.messages) {
        if (before.has(m)) continue;
        const email = [...idOf].find(([, id]) => m.channel === `D${id}`)?.[0];
        if (email) see(email, { kind: 'dm', message: m });
      }
    },
    async inbox(email) {
      return (seen.get(email) ?? [])
        .flatMap((s) => (s.kind === 'dm' ? [s.message.versions.at(-1)!.blocks] : []))
        .map((blocks) => shownOf(blocks));
    },
    async click(email, label) {
      tick();
      const mine = [...(seen.get(email) ?? [])].reverse();
      const now = (s: Seen) => (s.kind === 'dm' ? s.message.versions.at(-1)!.blocks : s.blocks);
      const find = (blocks: unknown[]) => buttonsOf(blocks).find((b) => b.text.text === label);
      // the newest message showing the button; failing that, an older version of a DM (a copy
      // updated on Slack's side may still show its buttons on a client that has not refreshed)
      const candidates: { s: Seen; blocks: unknown[] }[] = [
        ...mine.map((s) => ({ s, blocks: now(s) })),
        ...mine.flatMap((s) =>
          s.kind === 'dm' ? [...s.message.versions].reverse().map((v) => ({ s, blocks: v.blocks })) : [],
        ),
      ];
      const hit = candidates.map((c) => ({ on: c.s, button: find(c.blocks) })).find((c) => c.button);
      const button: SlackButton | undefined = hit?.button;
      const on = hit?.on;
      if (!button) throw new Error(`${email} has no button labelled ${label}`);
      const r = fake.responseUrl();
      const msg = on?.kind === 'dm' ? on.message : undefined;
      const res = await slack.post(
        blockActionBody({
          teamId: TEAM,
          userId: user(email),
          button,
          responseUrl: r.url,
          channel: msg?.channel,
          ts: msg?.ts,
        }),
      );
      if (res.status !== 200) throw new Error(`Slack got ${res.status}`);
      return reply(email, await responseOf(r.id));
    },
    async submit(email, values) {
      tick();
      const view = views.get(email);
      if (!view) throw new Error(`${email} has no open form`);
      views.delete(email);
      const res = await slack.post(viewSubmissionBody({ teamId: TEAM, userId: user(email), view, values }));
      if (res.status !== 200) throw new Error(`Slack got ${res.status}`);
      if (res.body) {
        const ack = JSON.parse(res.body) as { response_action: string; errors: Record<string, string> };
        views.set(email, view);
        return {
          text: Object.entries(ack.errors ?? {})
            .map(([k, v]) => `${k}: ${v}`)
            .join('\n'),
          buttons: [],
        };
      }
      const { responseUrl } = JSON.parse(view.private_metadata) as { responseUrl: string };
      return reply(email, await responseOf(responseUrl.split('/').at(-1)!));
    },
    async close() {
      await slack.close();
      await db.close();
    },
  };
};
