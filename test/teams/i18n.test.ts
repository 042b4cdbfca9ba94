import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { invokeCard, startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: cards are read loosely
type Json = any;

let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;
let erin: TeamsPerson;

/** what a Dutch Teams client sends with every activity */
const DUTCH = { locale: 'nl-NL' };

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  alice = h.person(DEMO.owner);
  erin = h.person(DEMO.members[2]!);
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

describe('Teams adapter text in the reader’s language (the activity’s locale)', () => {
  it('the offboarding dialog for a Dutch reader: Dutch placeholder and required-field message', async () => {
    const r = await h.say(alice, 'offboard', DUTCH);
    const button = r.cards[0].actions.find((a: Json) => a.data?.msteams?.type === 'task/fetch');
    const f = await h.invoke(alice, 'task/fetch', { data: button.data }, DUTCH);
    expect(f.status).toBe(200);
    const dialog = f.body.task.value.card.content;
    const members = dialog.body.find((e: Json) => e.id === 'members');
    expect(members.placeholder).toBe('Typ een naam of e-mailadres');
    expect(members.errorMessage).toMatch(/ is verplicht\.$/);
  });

  it('a broken button answers in Dutch, one line saying what to do next', async () => {
    const f = await h.invoke(alice, 'task/fetch', { data: { verb: 'dialog' } }, DUTCH);
    expect(f.status).toBe(200);
    expect(JSON.stringify(f.body)).toContain('Deze knop is niet meer geldig. Voer de opdracht opnieuw uit.');
    const run = await h.invoke(
      alice,
      'adaptiveCard/action',
      { action: { type: 'Action.Execute', verb: 'run', data: {} }, trigger: 'manual' },
      DUTCH,
    );
    expect(cardText(invokeCard(run.body))).toContain('Deze knop is niet meer geldig.');
  });

  it('someone Teams cannot name (no AAD id) is refused in their language', async () => {
    const r = await h.say(alice, 'status', { ...DUTCH, from: { id: alice.id, name: alice.name } });
    expect(cardText(r.cards[0])).toContain(
      'Ik kan alleen Microsoft Teams-gebruikers van een tenant antwoorden. Stuur me een bericht vanuit Teams.',
    );
  });

  it('an approval request card shows money as Dutch writes it, and another reader’s refresh is Dutch too', async () => {
    await h.say(erin, 'add 2 pro');
    await h.deliver();
    const posted = h.lastPosted(alice);
    const card = posted.activity.attachments[0].content;
    expect(cardText(card)).toMatch(/€\s\d+,\d{2}/);
    // a Dutch reader who is not an approver of this card: nothing for them to decide
    const other = await h.invoke(
      erin,
      'adaptiveCard/action',
      { action: card.refresh.action, trigger: 'automatic' },
      { ...DUTCH, replyToId: posted.id },
    );
    expect(cardText(invokeCard(other.body))).toBe('Er is op deze kaart niets voor jou te beslissen.');
  });
});
