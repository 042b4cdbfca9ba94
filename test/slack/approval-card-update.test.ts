import { describe, expect, it } from 'vitest';
import { DEMO } from '../../db/seeders/demo.ts';
import { idleDemoProSeats, latestRequestBy } from '../support/purchase-fixtures.ts';
import { DEMO_IDS, demoWorkspace } from './demo-workspace.ts';
import { blocksText, buttonsOf } from './harness.ts';

const acme = demoWorkspace();
const [carol, dave, erin] = DEMO.members as [string, string, string];

/** Erin's request as it is now, and its prorated amount as a card says it. */
const request = () => latestRequestBy(acme.db, erin);

/** A person's approval card of Erin's request: the DM that asked them, every version of it. */
const cardOf = (email: string) =>
  acme.dmsOf(email).find((m) => blocksText(m.versions[0]!.blocks).includes('asks for 3 Pro seats'))!;

/** The holder's answer on their idle-seat offer: give it back. */
const giveBack = async (email: string) => {
  const offer = acme
    .dmsOf(email)
    .find((m) => buttonsOf(m.versions.at(-1)!.blocks).some((b) => b.action_id === 'idle.give_back'))!;
  const button = buttonsOf(offer.versions.at(-1)!.blocks).find((b) => b.action_id === 'idle.give_back')!;
  await acme.click(email, button, offer);
  await acme.deliver();
};

describe('approval cards follow a request that shrinks, in Slack', () => {
  it('each seat given back redraws the approvers’ cards in place with the new count and amount; covered, they lose their buttons', async () => {
    // Alice, Carol and Dave hold Pro seats nobody used for 40 days
    expect(blocksText(await acme.slash(DEMO.owner, `assign ${DEMO.owner} pro`))).toMatch(/Pro/);
    await idleDemoProSeats(acme.db);
    const quote = await acme.slash(erin, 'add 3 pro');
    const ask = buttonsOf(quote).find((b) => b.action_id === 'purchase.ask_give_back')!;
    expect(blocksText(await acme.click(erin, ask))).toMatch(/Asked 3 people to give back their Pro seat/);
    await acme.deliver();
    const asked = await request();
    const bobs = cardOf(DEMO.admin);
    expect(bobs.versions).toHaveLength(1);
    expect(blocksText(bobs.versions[0]!.blocks)).toContain(asked.amount);
    const dmsBefore = acme.dmsOf(DEMO.admin).length;

    await giveBack(carol);
    const now = await request();
    expect(now).toMatchObject({ quantity: 2, status: 'pending' });
    expect(now.amount).not.toBe(asked.amount);
    // drawn over with chat.update: a second version of the same message, nothing new posted
    expect(acme.dmsOf(DEMO.admin)).toHaveLength(dmsBefore);
    expect(bobs.versions).toHaveLength(2);
    const redrawn = bobs.versions[1]!.blocks;
    expect(blocksText(redrawn)).toMatch(
      /asks for 2 Pro seats in Acme\. Now 2 Pro seats: 1 was given back\.\n2 Pro seats are not in use .*: (Dave and Alice|Alice and Dave)\./,
    );
    expect(blocksText(redrawn)).toContain(now.amount);
    expect(blocksText(redrawn)).not.toContain(asked.amount);
    expect(buttonsOf(redrawn).map((b) => b.action_id)).toEqual(['purchase.approve', 'purchase.reject']);
    // kept as the copy's message: a decision later redraws these figures, not the first ones
    const [copy] = await acme.db.em
      .fork()
      .execute<{ reply: { text: string } | string }[]>(
        `select reply from slack_message where subject = ? and user_id = ?`,
        [`purchase:${now.id}`, DEMO_IDS[DEMO.admin]],
      );
    expect(JSON.stringify(copy!.reply)).toContain('Now 2 Pro seats: 1 was given back.');
    // the owner was asked too: her card follows as well
    expect(blocksText(cardOf(DEMO.owner).versions.at(-1)!.blocks)).toContain(now.amount);
    // the requester's own messages are not approval cards: nothing of hers was redrawn
    expect(acme.dmsOf(erin).every((m) => m.versions.length === 1)).toBe(true);

    await giveBack(dave);
    await giveBack(DEMO.owner);
    expect((await request()).status).toBe('covered');
    expect(acme.dmsOf(DEMO.admin)).toHaveLength(dmsBefore);
    const covered = bobs.versions.at(-1)!.blocks;
    expect(bobs.versions).toHaveLength(4);
    expect(blocksText(covered)).toBe(
      'erin@example.com’s request for 1 Pro seat in Acme is covered by seats given back: nothing will be bought, and nothing is left to decide.',
    );
    expect(buttonsOf(covered)).toEqual([]);
    expect(buttonsOf(cardOf(DEMO.owner).versions.at(-1)!.blocks)).toEqual([]);
  });
});
