import { beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO } from '../../db/seeders/demo.ts';
import { idleDemoProSeats, latestRequestBy } from '../support/purchase-fixtures.ts';
import { demoTenant } from './demo-tenant.ts';
import type { Posted } from './fake-microsoft.ts';
import { actionsOf, buttonOf, buttonsOf, type TeamsPerson } from './harness.ts';

const [carolEmail, daveEmail, erinEmail] = DEMO.members as [string, string, string];
const acme = demoTenant([DEMO.owner, DEMO.admin, carolEmail, daveEmail, erinEmail]);
let alice: TeamsPerson;
let bob: TeamsPerson;
let erin: TeamsPerson;
beforeAll(() => {
  alice = acme.person(DEMO.owner);
  bob = acme.person(DEMO.admin);
  erin = acme.person(erinEmail);
});

/** Erin's request as it is now, and its prorated amount as a card says it. */
const request = () => latestRequestBy(acme.db, erinEmail);

const contentOf = (p: Posted) => p.activity.attachments[0].content;
/** The card stored under a subject (`purchase:`, `idle:`) that was posted to a person. */
const postedAbout = (p: TeamsPerson, subject: string) =>
  acme.h.ms
    .postedTo(p.conversationId)
    .find((x) => String(contentOf(x)?.refresh?.action?.data?.cardKey ?? '').startsWith(subject))!;

/** The holder gives their idle seat back on its card (it asks first). */
const giveBack = async (p: TeamsPerson) => {
  const offer = postedAbout(p, 'idle:');
  const seen = await acme.h.refresh(p, offer);
  const sure = await acme.h.press(p, buttonOf(seen, 'Give it back'), offer.id);
  expect(cardText(await acme.h.press(p, buttonOf(sure, 'Give it back'), offer.id))).toMatch(
    /You gave back your Pro seat in Acme/,
  );
  await acme.h.deliver();
};

describe('approval cards follow a request that shrinks, in Teams', () => {
  it('each seat given back updates the approvers’ cards in place with the new count and amount; covered, they lose their buttons', async () => {
    const { db, h } = acme;
    // Alice, Carol and Dave hold Pro seats nobody used for 40 days
    await h.say(alice, `assign ${DEMO.owner} pro`);
    await idleDemoProSeats(db);
    const quote = (await h.say(erin, 'add 3 pro')).cards[0];
    const asked = await h.press(erin, buttonOf(quote, 'Ask them to give back'));
    expect(cardText(asked)).toMatch(/Asked 3 people to give back their Pro seat/);
    await h.deliver();
    const before = await request();
    const key = `purchase:${before.id}`;
    const bobs = postedAbout(bob, key);
    expect(cardText(contentOf(bobs))).toContain(`Charged now (prorated): ${before.amount}`);
    const refreshAction = contentOf(bobs).refresh.action;
    const postedToBob = h.ms.postedTo(bob.conversationId).length;

    await giveBack(acme.person(carolEmail));
    const now = await request();
    expect(now).toMatchObject({ quantity: 2, status: 'pending' });
    expect(now.amount).not.toBe(before.amount);
    // updateActivity on the card Bob has: nothing new posted
    expect(h.ms.postedTo(bob.conversationId)).toHaveLength(postedToBob);
    expect(bobs.updates).toBe(1);
    expect(cardText(contentOf(bobs))).toMatch(
      /^erin@example.com asks for 2 Pro seats in Acme\. Now 2 Pro seats: 1 was given back\./,
    );
    expect(cardText(contentOf(bobs))).toContain(`Charged now (prorated): ${now.amount}`);
    // its buttons come with the refresh, from the card as stored now
    const seen = await h.refresh(bob, bobs);
    expect(cardText(seen)).toContain(`Charged now (prorated): ${now.amount}`);
    expect(buttonsOf(seen)).toEqual(['Approve', 'Reject']);
    expect(postedAbout(alice, key).updates).toBe(1);

    await giveBack(acme.person(daveEmail));
    await giveBack(alice);
    expect((await request()).status).toBe('covered');
    expect(h.ms.postedTo(bob.conversationId)).toHaveLength(postedToBob);
    expect(bobs.updates).toBe(3);
    const covered = contentOf(bobs);
    expect(cardText(covered)).toBe(
      'erin@example.com’s request for 1 Pro seat in Acme is covered by seats given back: nothing will be bought, and nothing is left to decide.',
    );
    expect(actionsOf(covered)).toEqual([]);
    expect(covered.refresh).toBeUndefined();
    // a refresh from before (a client that still shows the old card) brings no buttons back
    const again = await h.invoke(
      bob,
      'adaptiveCard/action',
      { action: refreshAction, trigger: 'automatic' },
      { replyToId: bobs.id },
    );
    expect(again.status).toBe(200);
    expect(actionsOf(again.body.value)).toEqual([]);
    expect(cardText(again.body.value)).toMatch(/is covered by seats given back/);
  });
});
