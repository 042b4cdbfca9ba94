import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { buttonOf, startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: cards are read loosely
type Json = any;

let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  alice = h.person('alice@example.com');
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

/** Types the command, presses the card's dialog button: the dialog card (task/fetch). */
const open = async (p: TeamsPerson, command: string) => {
  const r = await h.say(p, command);
  const button = r.cards[0].actions.find((a: Json) => a.data?.msteams?.type === 'task/fetch');
  const f = await h.invoke(p, 'task/fetch', { data: button.data });
  expect(f.status).toBe(200);
  expect(f.body.task.type).toBe('continue');
  return f.body.task.value.card.content;
};

/** Fills the dialog as Teams does: the inputs' values merged into the submit button's data. */
const submit = async (p: TeamsPerson, dialog: Json, values: Record<string, string>) => {
  const r = await h.invoke(p, 'task/submit', { data: { ...dialog.actions[0].data, ...values } });
  expect(r.status).toBe(200);
  return r.body.task;
};

const inputs = (dialog: Json) =>
  Object.fromEntries(dialog.body.filter((e: Json) => e.id).map((e: Json) => [e.id, e]));
const errorsUnder = (dialog: Json, id: string) => {
  const i = dialog.body.findIndex((e: Json) => e.id === id);
  return dialog.body
    .slice(i + 1)
    .filter((e: Json) => e.type === 'TextBlock' && e.color === 'attention')
    .map((e: Json) => e.text);
};

describe('offboarding dialog', () => {
  it('named leavers come pre-selected', async () => {
    const dialog = await open(alice, 'offboard carol@example.com');
    expect(inputs(dialog).members.value).toBe('carol@example.com');
    expect(inputs(dialog).freeSeat).toMatchObject({ type: 'Input.Toggle', value: 'true' });
  });

  it('submitting no leavers keeps the dialog open with the error by the field; nothing changes', async () => {
    const dialog = await open(alice, 'offboard');
    const before = await db.counts();
    const task = await submit(alice, dialog, { members: '', freeSeat: 'true' });
    expect(task.type).toBe('continue');
    const again = task.value.card.content;
    // the refusal stands under the field it is about (once: not repeated above the form)
    expect(errorsUnder(again, 'members')).toEqual(['Leavers: pick at least one leaver.']);
    expect(cardText(again)).not.toMatch(/✗|help/);
    expect(await db.counts()).toEqual(before);
  });

  it('a bad leaver comes back in one line naming the field by its label, with every value typed kept', async () => {
    const dialog = await open(alice, 'offboard');
    const before = await db.counts();
    const task = await submit(alice, dialog, {
      members: 'erin@example.com,3',
      freeSeat: 'false',
      stopAutoRenew: 'true',
      markFormer: 'true',
    });
    expect(task.type).toBe('continue');
    const again = task.value.card.content;
    expect(errorsUnder(again, 'members')).toEqual(['Leavers: "3" is not a valid email address.']);
    const i = inputs(again);
    expect(i.members.value).toBe('erin@example.com,3');
    // a typed value that is not among the suggestions is offered as itself, so it stays shown
    expect(i.members.choices.map((c: Json) => c.value)).toEqual(
      expect.arrayContaining(['erin@example.com', '3']),
    );
    expect([i.freeSeat.value, i.stopAutoRenew.value, i.markFormer.value]).toEqual(['false', 'true', 'true']);
    expect(cardText(again)).not.toMatch(/members\.1|help|Invalid input/);
    expect(await db.counts()).toEqual(before);
  });

  it('offboards Carol and Dave, frees their seats, closes with the result and posts it to the chat', async () => {
    const dialog = await open(alice, 'offboard');
    const posted = h.ms.postedTo(alice.conversationId).length;
    const task = await submit(alice, dialog, {
      members: 'carol@example.com,dave@example.com',
      freeSeat: 'true',
      stopAutoRenew: 'false',
      markFormer: 'false',
    });
    expect(task.type).toBe('message');
    expect(task.value).toMatch(/Offboarded 2 people/);
    const rows = await db.em.fork().execute<{ email: string; status: string; seat: string | null }[]>(
      `select a.email, m.status, s.id as seat from membership m join account a on a.id = m.account_id
       left join seat s on s.membership_id = m.id where a.email in ('carol@example.com', 'dave@example.com') order by a.email`,
    );
    expect(rows).toEqual([
      { email: 'carol@example.com', status: 'detached', seat: null },
      { email: 'dave@example.com', status: 'detached', seat: null },
    ]);
    const out = h.ms.postedTo(alice.conversationId).slice(posted);
    expect(out).toHaveLength(1);
    expect(cardText(out[0]!.activity.attachments[0].content)).toMatch(
      /carol@example\.com: can no longer sign in; Pro seat freed/,
    );
  });
});

describe('seat purchase dialog', () => {
  it('a bad number comes back under the field, with what was typed kept; nothing changes', async () => {
    const dialog = await open(alice, 'add');
    expect(Object.keys(inputs(dialog))).toEqual(['plan', 'quantity', 'forPeople']);
    const before = await db.counts();
    const task = await submit(alice, dialog, { plan: 'pro', quantity: '0' });
    expect(task.type).toBe('continue');
    const again = task.value.card.content;
    expect(errorsUnder(again, 'quantity')).toEqual(['Enter 1 to 10,000.']);
    expect(inputs(again).plan.value).toBe('pro');
    expect(inputs(again).quantity.value).toBe(0);
    expect(await db.counts()).toEqual(before);
  });

  it('an approver’s purchase asks for confirmation in the chat; confirming charges once', async () => {
    const dialog = await open(alice, 'add');
    const task = await submit(alice, dialog, { plan: 'pro', quantity: '3' });
    expect(task.type).toBe('message');
    expect(task.value).toMatch(/Buy 3 Pro seats\?/);
    const posted = h.lastPosted(alice);
    const card = posted.activity.attachments[0].content;
    const charges = await db.count('ledger_charge');
    const done = await h.press(alice, buttonOf(card, 'Confirm purchase'), posted.id);
    expect(cardText(done)).toMatch(/Approved: 3 Pro seats added/);
    expect(await db.count('ledger_charge')).toBe(charges + 1);
  });
});

describe('seat purchase dialog: whom the seats are for', () => {
  it('the For picker searches the members; its picks (comma-separated, as Teams sends them) are whom the seats are for', async () => {
    const dialog = await open(alice, 'add');
    const picker = inputs(dialog).forPeople;
    expect(picker.type).toBe('Input.ChoiceSet');
    const task = await submit(alice, dialog, {
      plan: 'pro',
      quantity: '2',
      forPeople: `${DEMO.admin},${DEMO.members[2]}`,
    });
    expect(task.type).toBe('message');
    const card = cardText(h.lastPosted(alice).activity.attachments[0].content);
    expect(card).toContain(`For: ${DEMO.admin} and ${DEMO.members[2]}`);
  });
});

describe('a slow submission', () => {
  it('closes the dialog "working on it" and posts the result to the chat when done', async () => {
    const dialog = await open(alice, 'add');
    const before = h.ms.postedTo(alice.conversationId).length;
    const deps = h.app.teams!.deps;
    deps.deadlineMs = 0;
    try {
      const task = await submit(alice, dialog, { plan: 'business', quantity: '1' });
      expect(task).toEqual({ type: 'message', value: expect.stringMatching(/Working on it/) });
    } finally {
      deps.deadlineMs = 4000;
    }
    await expect.poll(() => h.ms.postedTo(alice.conversationId).length, { timeout: 5000 }).toBe(before + 1);
    expect(cardText(h.lastPosted(alice).activity.attachments[0].content)).toMatch(/Buy 1 Business seat\?/);
  });
});

describe('billing details dialog', () => {
  it('validates like the form everywhere else, then saves', async () => {
    const dialog = await open(alice, 'billing');
    const bad = await submit(alice, dialog, { company: 'Acme BV', email: 'not-an-email', country: 'NL' });
    expect(bad.type).toBe('continue');
    expect(errorsUnder(bad.value.card.content, 'email')).toEqual([
      'Billing email: "not-an-email" is not a valid email address.',
    ]);
    expect(inputs(bad.value.card.content).company.value).toBe('Acme BV');
    expect(inputs(bad.value.card.content).email.value).toBe('not-an-email');
    const good = await submit(alice, dialog, {
      company: 'Acme BV',
      email: 'billing@acme.example',
      country: 'NL',
    });
    expect(good).toEqual({ type: 'message', value: 'Billing details saved.' });
  });
});
