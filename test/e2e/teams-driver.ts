import { cardText } from '../../adapters/teams/card-text.ts';
import { TeamsNotifier } from '../../adapters/teams/teams-notifier.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import type { FakeMicrosoft } from '../teams/fake-microsoft.ts';
import {
  executeValue,
  invokeCard,
  startTeams,
  TENANT,
  type TeamsHarness,
  type TeamsPerson,
} from '../teams/harness.ts';
import type { LoopbackMicrosoft } from '../teams/loopback-microsoft.ts';
import type { ChatDriver, Shown } from './chat-driver.ts';

// biome-ignore lint/suspicious/noExplicitAny: cards are read loosely
type Json = any;

const executes = (card: Json): Json[] =>
  (card?.actions ?? []).filter((a: Json) => a.type === 'Action.Execute');
const dialogButton = (card: Json): Json | undefined =>
  (card?.actions ?? []).find((a: Json) => a.data?.msteams?.type === 'task/fetch');

const shownCard = (card: Json, form?: string[]): Shown => ({
  text: cardText(card),
  buttons: executes(card).map((a) => a.title),
  ...(form ? { form } : {}),
});

/** The input ids of a dialog card: its form's field names. */
const fieldsOf = (card: Json): string[] =>
  (card.body ?? []).filter((e: Json) => String(e.type).startsWith('Input.')).map((e: Json) => e.id);

/**
 * The shared scenario over Teams' real entry point: signed activities into POST /api/messages
 * of our server; replies in the answer (expectReplies) or caught at the connector; proactive
 * cards shown as they look now (refreshed for the user they name, updated in place).
 */
export const teamsDriverOn =
  (start: (db: TestDb) => Promise<TeamsHarness<FakeMicrosoft> | TeamsHarness<LoopbackMicrosoft>>) =>
  async (): Promise<ChatDriver> => {
    const db = await freshDb();
    await seedDemo(db.ctx);
    await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
    const h = await start(db);
    const people = new Map<string, TeamsPerson>();
    for (const email of [DEMO.owner, DEMO.admin, ...DEMO.members, DEMO.outsider]) {
      const p = h.person(email);
      people.set(email, p);
      // the app is installed for everyone in the tenant: Teams tells the bot
      const r = await h.post({
        type: 'conversationUpdate',
        id: `install-${p.id}`,
        channelId: 'msteams',
        serviceUrl: h.serviceUrl,
        from: { id: p.id, aadObjectId: p.aadObjectId },
        recipient: { id: `28:${h.app.config.TEAMS_APP_ID}` },
        conversation: { id: p.conversationId, conversationType: 'personal', tenantId: p.tenantId },
        channelData: { tenant: { id: p.tenantId } },
        membersAdded: [{ id: `28:${h.app.config.TEAMS_APP_ID}` }],
      });
      if (r.status !== 200) throw new Error(`install for ${email}: ${r.status}`);
    }
    const notifier = new TeamsNotifier(h.app.teams!.deps);
    const seen = new Map<string, Json[]>();
    const forms = new Map<string, Json>();
    /** the posted message a card is shown in (invokes from it carry it as replyToId) */
    const messageOf = new WeakMap<object, string>();
    const who = (email: string) => {
      // people take a moment between actions: notices made by different actions get distinct
      // created_at values, so the outbox (ordered by time) delivers them in the order they happened
      db.clock.advance(1000);
      const p = people.get(email);
      if (!p) throw new Error(`${email} is not a Teams user here`);
      return p;
    };
    const see = (email: string, card: Json) => {
      seen.set(email, [...(seen.get(email) ?? []), card]);
      return card;
    };
    const openDialog = async (email: string, button: Json): Promise<string[] | undefined> => {
      const r = await h.invoke(who(email), 'task/fetch', { data: button.data });
      const task = r.body?.task;
      if (task?.type !== 'continue') return undefined;
      const card = task.value.card.content;
      forms.set(email, card);
      return fieldsOf(card);
    };
    const inbox = async (email: string) => {
      const p = who(email);
      const cards: Json[] = [];
      for (const posted of h.ms.postedTo(p.conversationId)) {
        let card = posted.activity.attachments?.[0]?.content;
        if (!card) continue;
        if (card.refresh?.userIds?.includes(p.aadObjectId)) {
          const r = await h.invoke(
            p,
            'adaptiveCard/action',
            {
              action: card.refresh.action,
              trigger: 'automatic',
            },
            { replyToId: posted.id },
          );
          card = invokeCard(r.body);
        }
        messageOf.set(card, posted.id);
        cards.push(see(email, card));
      }
      return cards;
    };
    return {
      platform: 'Teams',
      async command(email, text) {
        const r = await h.say(who(email), text);
        if (r.status !== 200 || !r.cards[0]) throw new Error(`no reply to "${text}": ${r.status}`);
        const card = see(email, r.cards[0]);
        const dialog = dialogButton(card);
        return shownCard(card, dialog ? await openDialog(email, dialog) : undefined);
      },
      async deliver() {
        // one row per claim: a batch's rows come back from UPDATE … RETURNING in no set order
        while ((await deliverOutbox(db.ctx, notifier, { batch: 1 })).claimed > 0);
      },
      async inbox(email) {
        return (await inbox(email)).map((c) => shownCard(c));
      },
      async click(email, label) {
        await inbox(email);
        const action = (seen.get(email) ?? [])
          .flatMap((c) => executes(c))
          .findLast((a: Json) => a.title === label);
        if (!action) throw new Error(`${email} has no button labelled ${label}`);
        const from = (seen.get(email) ?? []).findLast((c) => executes(c).includes(action));
        const press = async (a: Json) => {
          const message = from && messageOf.get(from);
          const extra = message ? { replyToId: message } : {};
          const r = await h.invoke(who(email), 'adaptiveCard/action', executeValue(a), extra);
          const card = invokeCard(r.body);
          if (message) messageOf.set(card, message);
          return see(email, card);
        };
        let card = await press(action);
        if (action.verb === 'ask') card = await press(executes(card)[0]);
        return shownCard(card);
      },
      async submit(email, values) {
        const form = forms.get(email);
        if (!form) throw new Error(`${email} has no open dialog`);
        const data: Record<string, unknown> = { ...form.actions[0].data };
        for (const [k, v] of Object.entries(values)) data[k] = Array.isArray(v) ? v.join(',') : String(v);
        const r = await h.invoke(who(email), 'task/submit', { data });
        const task = r.body?.task;
        if (task?.type === 'continue') {
          const card = task.value.card.content;
          forms.set(email, card);
          return shownCard(card, fieldsOf(card));
        }
        forms.delete(email);
        return { text: String(task?.value ?? ''), buttons: [] };
      },
      async close() {
        await h.close();
        await db.close();
      },
    };
  };

/** Teams with Microsoft's side served by nock */
export const teamsDriver = teamsDriverOn(startTeams);
