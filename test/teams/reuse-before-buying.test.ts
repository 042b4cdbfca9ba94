import { beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO } from '../../db/seeders/demo.ts';
import type { TestDb } from '../support/db.ts';
import { idleDemoProSeats } from '../support/purchase-fixtures.ts';
import { demoTenant } from './demo-tenant.ts';
import { buttonOf, buttonsOf, type TeamsHarness, type TeamsPerson } from './harness.ts';

let db: TestDb;
let h: TeamsHarness;
let bob: TeamsPerson;
let carol: TeamsPerson;
let erin: TeamsPerson;

const acme = demoTenant([DEMO.admin, DEMO.members[0]!, DEMO.members[1]!, DEMO.members[2]!]);
beforeAll(() => {
  ({ db, h } = acme);
  bob = acme.person(DEMO.admin);
  carol = acme.person(DEMO.members[0]!);
  erin = acme.person(DEMO.members[2]!);
});

describe('reuse before you buy, in Teams', () => {
  it('Erin’s quote names the Pro seats nobody used for 40 days; asking sends Carol the give-back card, and her answer shrinks the request', async () => {
    // the demo's Pro seats were last used 40 days ago
    await idleDemoProSeats(db);
    const quote = (await h.say(erin, 'add 3 pro')).cards[0];
    expect(cardText(quote)).toMatch(
      /Pro seats? (is|are) not in use \(idle for over 28 days, or held by someone who left\)/,
    );
    expect(buttonsOf(quote)).toEqual(['Ask them to give back', 'Buy anyway']);
    const ask = buttonOf(quote, 'Ask them to give back');
    const quantity = async () =>
      (
        await db.em
          .fork()
          .execute<{ quantity: number }[]>('select quantity from purchase_request where id = ?', [
            ask.data.payload.requestId,
          ])
      )[0]!.quantity;
    const asked = await h.press(erin, ask);
    expect(cardText(asked)).toMatch(
      /^✓ Asked 2 people to give back their Pro seat\. Your request is for 3 Pro seats now/,
    );
    await h.deliver();
    // Bob's approval card says the same facts
    expect(cardText(h.lastToDecide(bob).activity.attachments[0].content)).toMatch(
      /Pro seats? (is|are) not in use/,
    );
    const offer = h.lastToDecide(carol);
    const seen = await h.refresh(carol, offer);
    expect(buttonsOf(seen)).toContain('Give it back');
    expect(await quantity()).toBe(3);
    // giving back asks first
    const sure = await h.press(carol, buttonOf(seen, 'Give it back'), offer.id);
    expect(await quantity()).toBe(3);
    const done = await h.press(carol, buttonOf(sure, 'Give it back'), offer.id);
    expect(cardText(done)).toMatch(/You gave back your Pro seat in Acme/);
    expect(await quantity()).toBe(2);
  });

  it('Dave’s quote, held the same way: Buy anyway sends it to Bob as it is, with the same facts', async () => {
    const dave = acme.person(DEMO.members[1]!);
    const quote = (await h.say(dave, 'add 2 pro')).cards[0];
    expect(cardText(quote)).toMatch(/^Before your request for 2 Pro seats goes to the approvers:/);
    const sent = await h.press(dave, buttonOf(quote, 'Buy anyway'));
    expect(cardText(sent)).toMatch(/Your request for 2 Pro seats went to \d approvers?\./);
    await h.deliver();
    const card = cardText(h.lastToDecide(bob).activity.attachments[0].content);
    expect(card).toMatch(/asks for 2 Pro seats/);
    expect(card).toMatch(/Pro seats? (is|are) not in use/);
  });
});
