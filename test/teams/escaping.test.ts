import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO, seedDemo } from '../../db/seeders/demo.ts';
import { createOrganization } from '../../src/service/create-organization.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { linkByName } from '../support/links.ts';
import { startTeams, type TeamsHarness, type TeamsPerson } from './harness.ts';

/**
 * Issue 14: a name made of chat markup (Slack's ping and link, bold stars). Teams drops `<…>`
 * from typed messages, so this one is named where it arrives intact (Slack, the shell): created
 * through the use case, its tenant linked, then invited to through Teams.
 */
const NAME = 'Acme <!channel> <https://evil.example|Pay here> *now*';
const TENANT = 'tenant-evil';
/** The markdown a person can type into Teams itself. */
const TYPED = 'Globex **now** [Pay here](https://evil.example) _x_';
// a tenant no organization has yet: creating one there links it
const NEW_TENANT = 'tenant-globex';

let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;
let frank: TeamsPerson;

beforeAll(async () => {
  db = await freshDb();
  await seedDemo(db.ctx);
  await createOrganization(db.ctx, { email: DEMO.owner, name: 'Alice' }, { name: NAME, period: 'month' });
  await linkByName(db, { platform: 'teams', workspaceId: TENANT }, NAME);
  h = await startTeams(db);
  alice = h.person(DEMO.owner, TENANT);
  frank = h.person(DEMO.outsider, TENANT);
  // Frank has talked to the bot once: his personal chat is known
  await h.say(frank, 'help');
});
afterAll(async () => {
  await h?.close();
  await db?.close();
});

type Element = { type: string; text?: string; facts?: { title: string; value: string }[] };

/**
 * Markdown Teams could still act on in a card's texts and facts: any special character without
 * its backslash (web addresses aside, which Teams links itself). Empty when the card can only
 * show what was typed.
 */
const liveMarkup = (card: { body: Element[] }): string[] =>
  card.body
    .flatMap((e) =>
      e.type === 'TextBlock' ? [e.text ?? ''] : (e.facts ?? []).flatMap((f) => [f.title, f.value]),
    )
    .flatMap((t) =>
      [
        ...t
          .replace(/https?:\/\/[^\s\\*~|()[\]<>!]*/g, '')
          .replace(/\\[\s\S]/g, '')
          .matchAll(/[*_<>[\]()|!~#]/g),
      ].map((m) => `${m[0]} in ${t}`),
    );

describe('text people typed shows as typed in Teams, never as markup (issue 14)', () => {
  it("the invitee's proactive card links nowhere, formats nothing, and shows the name as typed", async () => {
    await h.say(alice, `invite ${DEMO.outsider}`);
    await h.deliver();
    const card = h.lastPosted(frank).activity.attachments[0].content;
    const sent = JSON.stringify(card.body);
    expect(sent).not.toMatch(/[^\\]\[|[^\\]\*now|[^\\]<!channel>/);
    expect(card.body[0].text).toContain('\\<\\!channel\\> \\<https://evil.example\\|Pay here\\> \\*now\\*');
    expect(liveMarkup(card)).toEqual([]);
    expect(cardText(card)).toContain(`invites you to ${NAME}`);
  });

  it('an organization named in Teams with markdown is created and shown as typed, bold and link escaped', async () => {
    const [card] = (await h.say(h.person(DEMO.owner, NEW_TENANT), `org create ${TYPED}`)).cards;
    expect(card.body[0].text).toContain(
      'Globex \\*\\*now\\*\\* \\[Pay here\\]\\(https://evil.example\\) \\_x\\_',
    );
    expect(liveMarkup(card)).toEqual([]);
    expect(cardText(card)).toContain(`${TYPED} is created`);
    const [org] = await db.em
      .fork()
      .execute<{ name: string }[]>('select name from organization where name like ?', ['Globex%']);
    expect(org?.name).toBe(TYPED);
  });
});
