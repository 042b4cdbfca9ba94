import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_CALLBACK_ID } from '../../adapters/slack/modal.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import type { PostedMessage } from './fake-slack.ts';
import {
  BOT_TOKEN,
  blockActionBody,
  blocksText,
  buttonsOf,
  eventBody,
  type SlackButton,
  type SlackHarness,
  slashBody,
  startSlack,
  viewSubmissionBody,
} from './harness.ts';

const TEAM = 'T0ACME';
const GINA = 'gina@example.com';

let db: TestDb;
let slack: SlackHarness;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'slack', workspaceId: TEAM }, DEMO.organization);
  slack = await startSlack(db);
  slack.fake.tokens.set(BOT_TOKEN, TEAM);
  // Slack's users.info says which language each person reads Slack in
  slack.fake.addUser(TEAM, 'UALICE', DEMO.owner, { locale: 'fr-FR' });
  slack.fake.addUser(TEAM, 'UBOB', DEMO.admin, { locale: 'nl-NL' });
  slack.fake.addUser(TEAM, 'UERIN', DEMO.members[2]!, { locale: 'en-US' });
  // members (not admins) who read Slack in French and in Dutch
  slack.fake.addUser(TEAM, 'UCAROL', DEMO.members[0]!, { locale: 'fr-FR' });
  slack.fake.addUser(TEAM, 'UDAVE', DEMO.members[1]!, { locale: 'nl-NL' });
  // people outside Acme, invited below
  slack.fake.addUser(TEAM, 'UFRANK', DEMO.outsider, { locale: 'fr-FR' });
  slack.fake.addUser(TEAM, 'UGINA', GINA, { locale: 'nl-NL' });
  // someone whose email Slack has not confirmed
  slack.fake.addUser(TEAM, 'UHANS', 'hans@example.com', { locale: 'nl-NL', confirmed: false });
});
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

const slash = (userId: string, text: string) =>
  slack.post(slashBody({ teamId: TEAM, userId, text, responseUrl: slack.fake.responseUrl().url }));

/** A command's answer in the ack, as the person reads it, and its buttons. */
const answer = async (userId: string, text: string) => {
  const r = await slash(userId, text);
  expect(r.status).toBe(200);
  const body = JSON.parse(r.body) as { text: string; blocks: unknown[] };
  return { text: blocksText(body.blocks), buttons: buttonsOf(body.blocks) };
};

const deliver = async () => {
  while ((await deliverOutbox(db.ctx, slack.notifier, { batch: 1 })).claimed > 0);
};
const dmsIn = (channel: string) => slack.fake.messages.filter((m) => m.channel === channel);
const seen = (m: PostedMessage) => blocksText(m.versions.at(-1)!.blocks);

/** Presses a button; what the presser is told (posted to the press's response_url). */
const press = async (
  userId: string,
  button: SlackButton,
  o: { message?: PostedMessage; user?: Record<string, unknown> } = {},
) => {
  const r = slack.fake.responseUrl();
  const body = blockActionBody({
    teamId: TEAM,
    userId,
    button,
    responseUrl: r.url,
    channel: o.message?.channel,
    ts: o.message?.ts,
  });
  // what else Slack may put on the presser (a locale)
  const payload = JSON.parse(new URLSearchParams(body).get('payload')!);
  Object.assign(payload.user, o.user ?? {});
  const res = await slack.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString());
  expect(res.status).toBe(200);
  const [reply] = await slack.fake.waitFor(() => {
    const got = slack.fake.responses.get(r.id)!;
    return got.length ? got : null;
  });
  return blocksText(reply!.blocks as unknown[]);
};

type Modal = {
  title: { text: string };
  close: { text: string };
  submit: { text: string };
  private_metadata: string;
  blocks: { type: string; block_id?: string; text?: { text: string } }[];
};

const offboardModal = async (userId: string): Promise<Modal> => {
  const before = slack.fake.callsTo('views.open').length;
  const r = await slash(userId, 'offboard');
  expect(r.status).toBe(200);
  const open = await slack.fake.waitFor(() => slack.fake.callsTo('views.open')[before]);
  return open.args.view as Modal;
};

const summaryOf = (view: Modal) => view.blocks.find((b) => b.block_id === 'summary')?.text?.text ?? '';

describe('Slack adapter text in the reader’s language (users.info locale)', () => {
  it('App Home for a French reader: the hint line is French, the command stays `/seats help`', async () => {
    const before = slack.fake.callsTo('views.publish').length;
    const r = await slack.post(
      eventBody(TEAM, {
        type: 'app_home_opened',
        user: 'UALICE',
        channel: 'DUALICE',
        tab: 'home',
        event_ts: '1.2',
      }),
      { contentType: 'application/json' },
    );
    expect(r.status).toBe(200);
    const call = await slack.fake.waitFor(() => slack.fake.callsTo('views.publish')[before]);
    const text = blocksText((call.args as { view: { blocks: unknown[] } }).view.blocks);
    expect(text).toContain('Tapez `/seats help` dans n’importe quel canal pour voir toutes les commandes.');
    expect(text).not.toContain('Type `/seats help`');
  });

  it('the offboarding modal for a French reader: Annuler, a French summary, its language kept for redraws', async () => {
    const view = await offboardModal('UALICE');
    expect(view.close.text).toBe('Annuler');
    expect(summaryOf(view)).toMatch(/^\*Récapitulatif avant envoi\*\n/);
    // the toggles start on: their value reads French
    expect(summaryOf(view)).toMatch(/: \*oui\*/);
    expect(JSON.parse(view.private_metadata)).toMatchObject({ action: 'offboard.submit', locale: 'fr' });
  });

  it('the offboarding modal for a Dutch reader: Annuleren and a Dutch summary', async () => {
    const view = await offboardModal('UBOB');
    expect(view.close.text).toBe('Annuleren');
    expect(summaryOf(view)).toMatch(/^\*Overzicht voor je verstuurt\*\n/);
    expect(summaryOf(view)).toMatch(/: \*ja\*/);
  });

  it('an approval request DM shows money the way each approver’s locale writes it', async () => {
    const r = await slash('UERIN', 'add 2 pro');
    expect(r.status).toBe(200);
    await deliverOutbox(db.ctx, slack.notifier);
    const dm = (channel: string) =>
      slack.fake.messages
        .filter((m) => m.channel === channel)
        .map((m) => blocksText(m.versions.at(-1)!.blocks))
        .join('\n');
    // French: `30,00 €` (a no-break space before €); Dutch: `€ 30,00`
    expect(dm('DUALICE')).toMatch(/\d+,\d{2}\s€/);
    expect(dm('DUBOB')).toMatch(/€\s\d+,\d{2}/);
  });
});

describe('a French and a Dutch reader through Slack (issue 17)', () => {
  it('help: the summaries in the reader’s language, the command words as typed everywhere', async () => {
    // Frank and Gina are not in Acme yet: their first command tells us their Slack locale
    const fr = await answer('UFRANK', 'help');
    expect(fr.text).toContain('Commandes Seatkeeper (tapez `help <command>` pour le détail) :');
    expect(fr.text).toContain('`help [command]` — Lister les commandes, ou en expliquer une.');
    expect(fr.text).toContain(
      '`add <n> <plan> [for <who>…]` — Demander des licences : affiche le devis au prorata',
    );
    expect(fr.text).not.toContain('List the commands, or explain one.');
    const nl = await answer('UGINA', 'help');
    expect(nl.text).toContain('`help [command]` — Toon de commando’s, of leg er één uit.');
    expect(nl.text).toContain(
      '`invite <who>... [as admin|member] [plan <plan>]` — Nodig mensen uit via vermelding of e-mail; ze krijgen Accepteren / Weigeren.',
    );
    expect(nl.text).not.toContain('Invite people by mention or email');
  });

  it('an invitation DM in the invitee’s language, its buttons too', async () => {
    await answer('UALICE', `invite ${DEMO.outsider}`);
    await answer('UBOB', `invite ${GINA}`);
    await deliver();
    const [frank] = dmsIn('DUFRANK');
    expect(seen(frank!)).toMatch(
      / vous invite dans Acme en tant que membre\. L’invitation est valable jusqu’au /,
    );
    expect(seen(frank!)).not.toContain('invites you');
    expect(buttonsOf(frank!.versions.at(-1)!.blocks).map((b) => b.text.text)).toEqual([
      'Accepter',
      'Refuser',
    ]);
    const [gina] = dmsIn('DUGINA');
    expect(seen(gina!)).toMatch(/ nodigt je uit voor Acme als lid\. De uitnodiging is geldig tot /);
    expect(seen(gina!)).not.toContain('invites you');
    expect(buttonsOf(gina!.versions.at(-1)!.blocks).map((b) => b.text.text)).toEqual([
      'Accepteren',
      'Afwijzen',
    ]);
  });

  it('a quote with money: amounts as the locale writes them, labels and buttons in its words', async () => {
    const fr = await answer('UALICE', 'add 2 pro');
    expect(fr.text).toContain('Facturé maintenant (au prorata)');
    // French: `30,00 €` (a no-break space before €)
    expect(fr.text).toMatch(/\d+,\d{2}\s€/);
    expect(fr.text).not.toMatch(/Charged now|€\d/);
    expect(fr.buttons.map((b) => b.text.text)).toEqual(['Confirmer l’achat', 'Annuler']);
    const nl = await answer('UBOB', 'add 2 pro');
    expect(nl.text).toContain('Nu in rekening gebracht (naar rato)');
    // Dutch: `€ 30,00`
    expect(nl.text).toMatch(/€\s\d+,\d{2}/);
    expect(nl.text).not.toContain('Charged now');
    expect(nl.buttons.map((b) => b.text.text)).toEqual(['Aankoop bevestigen', 'Annuleren']);
  });

  it('a refusal (a member running an admin command): why and what next, in the reader’s language', async () => {
    const fr = await answer('UCAROL', 'invite zoe@example.com');
    expect(fr.text).toContain('Demandez à un administrateur ou au propriétaire de le faire.');
    expect(fr.text).not.toContain('Ask an admin');
    const nl = await answer('UDAVE', 'invite zoe@example.com');
    expect(nl.text).toContain('Vraag een beheerder of de eigenaar om dit te doen.');
    expect(nl.text).not.toContain('Ask an admin');
  });

  it('the offboarding modal’s title and submit button in the reader’s language', async () => {
    const fr = await offboardModal('UALICE');
    expect([fr.title.text, fr.submit.text]).toEqual(['Gérer des départs', 'Valider les départs']);
    const nl = await offboardModal('UBOB');
    expect([nl.title.text, nl.submit.text]).toEqual(['Vertrekkers uitschrijven', 'Uitschrijven']);
  });

  it('a decision on an approval request: each approver’s copy says it in that approver’s language', async () => {
    await answer('UERIN', 'add 1 business');
    await deliver();
    const request = (channel: string) =>
      dmsIn(channel)
        .filter((m) => /Business/.test(m.versions[0]!.text))
        .at(-1)!;
    const alices = request('DUALICE');
    const bobs = request('DUBOB');
    expect(seen(alices)).toMatch(/^erin@example\.com demande 1 .* Business dans Acme\./);
    expect(seen(bobs)).toMatch(/^erin@example\.com vraagt 1 Business-licentie aan in Acme\./);
    // each copy's Approve button as that copy labels it
    const approve = (m: PostedMessage) =>
      buttonsOf(m.versions.at(-1)!.blocks).find((b) => b.action_id === 'purchase.approve')!;
    const alicesLabel = approve(alices).text.text;
    // Bob (Dutch) approves from his copy
    const told = await press('UBOB', approve(bobs), { message: bobs });
    const result = 'Goedgekeurd: 1 Business-licentie toegevoegd, €\u00a030,00 afgeschreven.';
    expect(told).toContain(result);
    expect(seen(bobs)).toContain(` — door ${DEMO.admin}: ${result}`);
    // Alice's copy is French: her own button's label, and Bob's Dutch reply is not quoted on it
    expect(seen(alices)).toContain(`${alicesLabel} — par ${DEMO.admin}`);
    expect(seen(alices)).not.toMatch(/ door | by bob|Goedgekeurd/);
    expect(buttonsOf(alices.versions.at(-1)!.blocks)).toEqual([]);
    // the result notice reaches each copy in its own reader's language
    await deliver();
    expect(seen(alices)).toMatch(/ · Approuvé et payé : Acme reçoit /);
    expect(seen(alices)).not.toContain('Goedgekeurd en betaald');
    expect(seen(bobs)).toMatch(/ · Goedgekeurd en betaald: .* toegevoegd aan Acme/);
    expect(seen(bobs)).not.toContain('Approuvé et payé');
  });
});

describe('Slack refusals said before the person is identified', () => {
  const broken: SlackButton = {
    type: 'button',
    action_id: 'purchase.approve',
    value: 'not json',
    text: { type: 'plain_text', text: 'Approuver' },
  };

  it('a broken button: in the locale Slack sent with the press, else English', async () => {
    expect(await press('UFRANK', broken, { user: { locale: 'fr-FR' } })).toMatch(
      /^:x: Ce bouton n’est plus valide\. Relancez la commande\.\n/,
    );
    expect(await press('UFRANK', broken, { user: { locale: 'nl-NL' } })).toContain(
      'Deze knop is niet meer geldig. Voer de opdracht opnieuw uit.',
    );
    expect(await press('UFRANK', broken)).toContain('That button is no longer valid. Run the command again.');
  });

  it('a form that can no longer be read: in the language it was opened in, else English', async () => {
    const submit = async (privateMetadata: string) => {
      const before = dmsIn('DUGINA').length;
      const view = { callback_id: FORM_CALLBACK_ID, private_metadata: privateMetadata, blocks: [] };
      const r = await slack.post(viewSubmissionBody({ teamId: TEAM, userId: 'UGINA', view, values: {} }));
      expect(r.status).toBe(200);
      // no response_url to answer on: the answer comes as a direct message
      return seen(await slack.fake.waitFor(() => dmsIn('DUGINA')[before]));
    };
    expect(await submit(JSON.stringify({ locale: 'nl', stale: true }))).toContain(
      'Dit formulier is niet meer geldig. Voer de opdracht opnieuw uit.',
    );
    expect(await submit('not json')).toContain('That form is no longer valid. Run the command again.');
  });

  it('an email Slack has not confirmed: refused in the locale users.info reports', async () => {
    const r = await answer('UHANS', 'status');
    expect(r.text).toContain(
      'Je e-mailadres in Slack is niet bevestigd, dus ik weet niet welk account van jou is. Bevestig je e-mailadres in Slack en probeer het opnieuw.',
    );
    expect(r.text).not.toContain('not confirmed');
  });
});
