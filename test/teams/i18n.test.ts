import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import {
  actionsOf,
  buttonsOf,
  invokeCard,
  startTeams,
  TENANT,
  type TeamsHarness,
  type TeamsPerson,
} from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: cards are read loosely
type Json = any;

let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;
let erin: TeamsPerson;
let bob: TeamsPerson;
let carol: TeamsPerson;
let dave: TeamsPerson;
let frank: TeamsPerson;
let gina: TeamsPerson;

/** what a Dutch Teams client sends with every activity */
const DUTCH = { locale: 'nl-NL' };
/** and a French one */
const FRENCH = { locale: 'fr-FR' };

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  alice = h.person(DEMO.owner);
  erin = h.person(DEMO.members[2]!);
  bob = h.person(DEMO.admin);
  carol = h.person(DEMO.members[0]!);
  dave = h.person(DEMO.members[1]!);
  frank = h.person(DEMO.outsider);
  gina = h.person('gina@example.com');
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
    // the card's own refresh, as the notifier posts it, in its reader's language
    expect(card.refresh.action.title).toBe('Vernieuwen');
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

/** The dialog a command's button opens (task/fetch), in the reader's language. */
const dialogOf = async (p: TeamsPerson, command: string, extra: Record<string, unknown>) => {
  const r = await h.say(p, command, extra);
  const button = r.cards[0].actions.find((a: Json) => a.data?.msteams?.type === 'task/fetch');
  const f = await h.invoke(p, 'task/fetch', { data: button.data }, extra);
  expect(f.status).toBe(200);
  return { title: f.body.task.value.title as string, card: f.body.task.value.card.content as Json };
};

describe('a French and a Dutch reader through Teams (issue 17)', () => {
  it('help: the summaries in the reader’s language, the command words as typed everywhere', async () => {
    // Frank and Gina are not in Acme yet: their first message tells us their Teams locale
    const fr = cardText((await h.say(frank, 'help', FRENCH)).cards[0]);
    // (a card shows code as plain text: the backticks go)
    expect(fr).toContain('Commandes Seatkeeper (tapez help <command> pour le détail) :');
    expect(fr).toContain('- help [command] — Lister les commandes, ou en expliquer une.');
    expect(fr).toContain(
      '- add <n> <plan> [for <who>…] — Demander des licences : affiche le devis au prorata',
    );
    expect(fr).not.toContain('List the commands, or explain one.');
    const nl = cardText((await h.say(gina, 'help', DUTCH)).cards[0]);
    expect(nl).toContain('- help [command] — Toon de commando’s, of leg er één uit.');
    expect(nl).toContain(
      '- invite <who>... [as admin|member] [plan <plan>] — Nodig mensen uit via vermelding of e-mail; ze krijgen Accepteren / Weigeren.',
    );
    expect(nl).not.toContain('Invite people by mention or email');
  });

  it('an invitation card in the invitee’s language: its text, its refresh and its buttons', async () => {
    await h.say(bob, `invite ${DEMO.outsider}`, FRENCH);
    await h.say(alice, 'invite gina@example.com', DUTCH);
    await h.deliver();
    const toFrank = h.lastPosted(frank);
    const frCard = toFrank.activity.attachments[0].content;
    expect(cardText(frCard)).toMatch(
      / vous invite dans Acme en tant que membre\. L’invitation est valable jusqu’au /,
    );
    expect(cardText(frCard)).not.toContain('invites you');
    expect(frCard.refresh.action.title).toBe('Actualiser');
    expect(buttonsOf(await h.refresh(frank, toFrank))).toEqual(['Accepter', 'Refuser']);
    const toGina = h.lastPosted(gina);
    const nlCard = toGina.activity.attachments[0].content;
    expect(cardText(nlCard)).toMatch(/ nodigt je uit voor Acme als lid\. De uitnodiging is geldig tot /);
    expect(cardText(nlCard)).not.toContain('invites you');
    expect(nlCard.refresh.action.title).toBe('Vernieuwen');
    expect(buttonsOf(await h.refresh(gina, toGina))).toEqual(['Accepteren', 'Afwijzen']);
  });

  it('a quote with money: amounts as the locale writes them, labels and buttons in its words', async () => {
    const fr = (await h.say(bob, 'add 2 pro', FRENCH)).cards[0];
    expect(cardText(fr)).toContain('Facturé maintenant (au prorata)');
    // French: `30,00 €`; Dutch: `€ 30,00`
    expect(cardText(fr)).toMatch(/\d+,\d{2}\s€/);
    expect(cardText(fr)).not.toMatch(/Charged now|€\d/);
    expect(buttonsOf(fr)).toEqual(['Confirmer l’achat', 'Annuler']);
    const nl = (await h.say(alice, 'add 2 pro', DUTCH)).cards[0];
    expect(cardText(nl)).toContain('Nu in rekening gebracht (naar rato)');
    expect(cardText(nl)).toMatch(/€\s\d+,\d{2}/);
    expect(cardText(nl)).not.toContain('Charged now');
    expect(buttonsOf(nl)).toEqual(['Aankoop bevestigen', 'Annuleren']);
  });

  it('a refusal (a member running an admin command): why and what next, in the reader’s language', async () => {
    const fr = cardText((await h.say(carol, 'invite zoe@example.com', FRENCH)).cards[0]);
    expect(fr).toContain('Demandez à un administrateur ou au propriétaire de le faire.');
    expect(fr).not.toContain('Ask an admin');
    const nl = cardText((await h.say(dave, 'invite zoe@example.com', DUTCH)).cards[0]);
    expect(nl).toContain('Vraag een beheerder of de eigenaar om dit te doen.');
    expect(nl).not.toContain('Ask an admin');
  });

  it('the offboarding dialog: its title, fields, placeholder and submit button in the reader’s language', async () => {
    const fr = await dialogOf(bob, 'offboard', FRENCH);
    expect(fr.title).toBe('Gérer des départs');
    const frMembers = fr.card.body.find((e: Json) => e.id === 'members');
    expect(frMembers.placeholder).toBe('Saisissez un nom ou un e-mail');
    expect(frMembers.errorMessage).toBe('Personnes qui partent est obligatoire.');
    expect(actionsOf(fr.card).map((a: Json) => a.title)).toContain('Valider les départs');
    expect(JSON.stringify(fr.card)).not.toMatch(/Leavers|Type a name|is required/);
    const nl = await dialogOf(alice, 'offboard', DUTCH);
    expect(nl.title).toBe('Vertrekkers uitschrijven');
    expect(nl.card.body.find((e: Json) => e.id === 'members').errorMessage).toBe('Vertrekkers is verplicht.');
    expect(actionsOf(nl.card).map((a: Json) => a.title)).toContain('Uitschrijven');
  });

  it('an approval card posted to a French approver: French text, French refresh', async () => {
    await h.say(erin, 'add 1 business');
    await h.deliver();
    const card = h.lastPosted(bob).activity.attachments[0].content;
    expect(cardText(card)).toMatch(/^erin@example\.com demande 1 .* Business dans Acme\./);
    expect(cardText(card)).toMatch(/\d+,\d{2}\s€/);
    expect(card.refresh.action.title).toBe('Actualiser');
  });
});
