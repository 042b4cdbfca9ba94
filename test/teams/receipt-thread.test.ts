import { beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO } from '../../db/seeders/demo.ts';
import type { TestDb } from '../support/db.ts';
import { demoTenant } from './demo-tenant.ts';
import type { Posted } from './fake-microsoft.ts';
import { buttonOf, type TeamsHarness, type TeamsPerson } from './harness.ts';

// A purchase's receipt replies to each approver's card of that request in Teams (personal chats
// have no threads; the reply shows with the card it answers). The requester, who got no card,
// and anyone whose card is gone, get it as a plain message, once.
let db: TestDb;
let h: TeamsHarness;
let alice: TeamsPerson;
let bob: TeamsPerson;
let erin: TeamsPerson;

const acme = demoTenant([DEMO.owner, DEMO.admin, DEMO.members[2]!]);
beforeAll(() => {
  ({ db, h } = acme);
  alice = acme.person(DEMO.owner);
  bob = acme.person(DEMO.admin);
  erin = acme.person(DEMO.members[2]!);
});

const text = (p: Posted) => cardText(p.activity.attachments[0].content);
const receiptsOf = (p: TeamsPerson) =>
  h.ms.postedTo(p.conversationId).filter((x) => text(x).startsWith('Receipt for Acme'));
const storedCards = async (p: TeamsPerson) =>
  (
    await db.em
      .fork()
      .execute<{ activity_id: string }[]>(
        "select activity_id from teams_card where aad_object_id = ? and card_key like 'purchase:%'",
        [p.aadObjectId],
      )
  ).map((r) => r.activity_id);
const botIds = () => new Set(h.ms.posted.map((p) => p.id));

/** Erin asks for 2 Pro seats; every approver's card is delivered; Bob approves on his. */
const buyApprovedByBob = async (beforeApproval: (cards: Map<TeamsPerson, Posted>) => void = () => {}) => {
  const asked = await h.say(erin, 'add 2 pro');
  expect(asked.cards.map(cardText).join('\n')).toMatch(/went to 2 approvers/);
  await h.deliver();
  const cards = new Map([alice, bob].map((p) => [p, h.lastToDecide(p)] as const));
  beforeApproval(cards);
  const seen = await h.refresh(bob, cards.get(bob)!);
  await h.press(bob, buttonOf(seen, 'Approve'), cards.get(bob)!.id);
  await h.deliver();
  return cards;
};

describe('a receipt replying to the approval card, in Teams', () => {
  it("each approver's receipt replies to their own card; the requester's is a plain message", async () => {
    const cards = await buyApprovedByBob();
    for (const [p, card] of cards) {
      const receipts = receiptsOf(p);
      expect(receipts).toHaveLength(1);
      expect(receipts[0]!.activity.replyToId).toBe(card.id);
      expect(receipts[0]!.inReplyTo).toBe(card.id);
      expect(text(receipts[0]!)).toMatch(/Asked by erin@example\.com\nApproved by bob@example\.com/);
      // a receipt is not stored as a card: the request's card is still the one stored
      expect(await storedCards(p)).toEqual([card.id]);
    }
    // Erin's answer came back in her own turn: no card of the bot's to reply to
    const erins = receiptsOf(erin);
    expect(erins).toHaveLength(1);
    expect(botIds().has(erins[0]!.activity.replyToId)).toBe(false);
  });

  it('a card deleted in Teams: that approver gets the receipt as a plain message, exactly once', async () => {
    const before = receiptsOf(alice).length;
    const cards = await buyApprovedByBob((c) => h.ms.deleted.add(c.get(alice)!.id));
    const fresh = receiptsOf(alice).slice(before);
    expect(fresh).toHaveLength(1);
    expect(fresh[0]!.inReplyTo).not.toBe(cards.get(alice)!.id);
    expect(botIds().has(fresh[0]!.activity.replyToId)).toBe(false);
    // Bob's card is there: his receipt replies to it
    expect(receiptsOf(bob).at(-1)!.activity.replyToId).toBe(cards.get(bob)!.id);
  });
});
