import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { fromMarkdown } from '../../adapters/teams/markdown.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { APP_ID, startTeams, TENANT, type TeamsHarness, type TeamsPerson } from './harness.ts';

let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;
let bob: TeamsPerson;
let erin: TeamsPerson;
let frank: TeamsPerson;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, DEMO.organization);
  h = await startTeams(db);
  alice = h.person('alice@example.com');
  bob = h.person('bob@example.com');
  erin = h.person('erin@example.com');
  frank = h.person('frank@example.com');
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

const say = async (p: TeamsPerson, text: string) => {
  const r = await h.say(p, text);
  expect(r.status).toBe(200);
  expect(r.cards).toHaveLength(1);
  expect(r.cards[0].version).toBe('1.4');
  return r.cards[0];
};

describe('commands as messages to the bot (personal chat)', () => {
  it('status shows the seats per plan, as facts and sections of a card', async () => {
    const card = await say(alice, 'status');
    expect(cardText(card)).toMatch(/Acme: 3 of 7 seats assigned/);
    expect(cardText(card)).toMatch(/Pro: 4 purchased, 2 assigned, 2 free/);
  });

  it('a leading `seats` works too (the Slack habit)', async () => {
    expect(cardText(await say(alice, 'seats status'))).toMatch(/Acme: 3 of 7 seats assigned/);
  });

  it('members lists the organization', async () => {
    const text = cardText(await say(bob, 'members'));
    for (const e of ['alice@example.com', 'carol@example.com', 'erin@example.com']) expect(text).toContain(e);
  });

  it('help lists the commands; an empty message is help', async () => {
    expect(cardText(await say(erin, 'help'))).toMatch(/invite <who>/);
    expect(cardText(await say(erin, '   '))).toMatch(/Seatkeeper commands/);
  });

  it('an unknown command is one line that suggests the right one, and changes nothing', async () => {
    const before = await db.counts();
    const card = await say(alice, 'asign erin@example.com pro');
    expect(cardText(card)).toMatch(/^✗ .*Unknown command "asign"\. Did you mean assign\?/);
    expect(card.body[0].color).toBe('attention');
    expect(await db.counts()).toEqual(before);
  });

  it('add 2 pro from a member shows the quote and asks the approvers', async () => {
    const card = await say(erin, 'add 2 pro');
    expect(cardText(card)).toMatch(/went to 2 approvers/);
    const fact = card.body.find((b: { type: string }) => b.type === 'FactSet').facts[0];
    // read as the card shows it: the markdown escapes of the fact undone
    expect({ title: fromMarkdown(fact.title), value: fromMarkdown(fact.value) }).toEqual({
      title: 'Charged now (prorated)',
      value: expect.stringMatching(/^€\d/),
    });
    expect(await db.count('purchase_request')).toBeGreaterThan(2);
  });

  it('offboard with no names answers with a button that opens the offboarding dialog', async () => {
    const card = await say(alice, 'offboard');
    const open = card.actions.find(
      (a: { data?: { msteams?: { type: string } } }) => a.data?.msteams?.type === 'task/fetch',
    );
    expect(open.title).toBe('Offboard leavers…');
    const r = await h.invoke(alice, 'task/fetch', { data: open.data });
    expect(r.status).toBe(200);
    expect(r.body.task.type).toBe('continue');
    const dialog = r.body.task.value.card.content;
    expect(dialog.body.filter((e: { id?: string }) => e.id).map((e: { id: string }) => e.id)).toEqual([
      'members',
      'freeSeat',
      'stopAutoRenew',
      'markFormer',
    ]);
    const leavers = dialog.body[0];
    expect(leavers).toMatchObject({ type: 'Input.ChoiceSet', isMultiSelect: true, isRequired: true });
    expect(leavers.choices.map((c: { value: string }) => c.value)).toContain('carol@example.com');
  });

  it('a reply without expectReplies goes to the connector, in reply to the message', async () => {
    const before = h.ms.postedTo(bob.conversationId).length;
    const r = await h.post({
      type: 'message',
      id: 'outbound-1',
      channelId: 'msteams',
      serviceUrl: 'https://smba.teams.test/emea/',
      from: { id: bob.id, aadObjectId: bob.aadObjectId },
      recipient: { id: `28:${APP_ID}` },
      conversation: { id: bob.conversationId, conversationType: 'personal', tenantId: bob.tenantId },
      text: 'plans',
    });
    expect(r.status).toBe(200);
    const posted = h.ms.postedTo(bob.conversationId).slice(before);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.activity.replyToId).toBe('outbound-1');
    expect(cardText(posted[0]!.activity.attachments[0].content)).toMatch(/Pro/);
  });
});

describe('in a channel', () => {
  it('strips the bot @mention and turns other @mentions into people (email from the roster)', async () => {
    const r = await h.post({
      type: 'message',
      id: 'chan-1',
      channelId: 'msteams',
      serviceUrl: 'https://smba.teams.test/emea/',
      from: { id: bob.id, aadObjectId: bob.aadObjectId },
      recipient: { id: `28:${APP_ID}`, name: 'Seatkeeper' },
      conversation: { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: bob.tenantId },
      channelData: { tenant: { id: bob.tenantId }, channel: { id: '19:general@thread.tacv2' } },
      text: '<at>Seatkeeper</at> invite <at>Frank Example</at> plan pro',
      entities: [
        {
          type: 'mention',
          text: '<at>Seatkeeper</at>',
          mentioned: { id: `28:${APP_ID}`, name: 'Seatkeeper' },
        },
        {
          type: 'mention',
          text: '<at>Frank Example</at>',
          mentioned: { id: frank.id, name: 'Frank Example' },
        },
      ],
      deliveryMode: 'expectReplies',
    });
    expect(r.status).toBe(200);
    expect(cardText(r.body.activities[0].attachments[0].content)).toMatch(
      /Invited 1 person .*frank@example\.com/,
    );
    const rows = await db.em
      .fork()
      .execute(`select status from invitation where email = 'frank@example.com'`);
    expect(rows).toEqual([{ status: 'pending' }]);
  });

  it('a private reply (help) shows only who it is for; the content comes by refresh to them alone', async () => {
    const chan = { id: '19:general@thread.tacv2', conversationType: 'channel', tenantId: bob.tenantId };
    const r = await h.post({
      type: 'message',
      id: 'chan-2',
      channelId: 'msteams',
      serviceUrl: 'https://smba.teams.test/emea/',
      from: { id: bob.id, aadObjectId: bob.aadObjectId, name: 'Bob' },
      recipient: { id: `28:${APP_ID}`, name: 'Seatkeeper' },
      conversation: chan,
      text: '<at>Seatkeeper</at> help',
      entities: [
        {
          type: 'mention',
          text: '<at>Seatkeeper</at>',
          mentioned: { id: `28:${APP_ID}`, name: 'Seatkeeper' },
        },
      ],
      deliveryMode: 'expectReplies',
    });
    const card = r.body.activities[0].attachments[0].content;
    expect(cardText(card)).toBe('Only Bob can see this reply.');
    expect(card.refresh.userIds).toEqual([bob.aadObjectId]);
    const refresh = { action: card.refresh.action, trigger: 'automatic' };
    const forBob = await h.invoke(bob, 'adaptiveCard/action', refresh, { conversation: chan });
    expect(cardText(forBob.body.value)).toMatch(/Seatkeeper commands/);
    const forErin = await h.invoke(erin, 'adaptiveCard/action', refresh, { conversation: chan });
    expect(cardText(forErin.body.value)).not.toMatch(/Seatkeeper commands/);
  });

  it('a channel message does not become anyone’s personal chat for proactive messages', async () => {
    const rows = await db.em
      .fork()
      .execute<{ conversation_reference: { conversation: { id: string } } }[]>(
        'select conversation_reference from teams_user where aad_object_id = ?',
        [bob.aadObjectId],
      );
    expect(rows[0]!.conversation_reference.conversation.id).toBe(bob.conversationId);
  });
});

describe('who is typing', () => {
  it('a Teams user with no email in the roster is told what to do, and nothing changes', async () => {
    const ghost = h.person('ghost@example.com');
    h.ms.roster.delete(ghost.id);
    const before = await db.counts();
    const card = await say(ghost, 'org create Ghosts');
    expect(cardText(card)).toMatch(/can't see your email address in Teams.*Ask your Teams admin/);
    expect(await db.counts()).toEqual(before);
  });

  it('the roster email is cached by AAD object id: a second message needs no roster call', async () => {
    const p = h.person('carol@example.com');
    await say(p, 'status');
    h.ms.roster.delete(p.id);
    expect(cardText(await say(p, 'status'))).toMatch(/Acme/);
  });
});
