import { describe, expect, it } from 'vitest';
import { DEMO } from '../../db/seeders/demo.ts';
import { idleDemoProSeats } from '../support/purchase-fixtures.ts';
import { demoWorkspace } from './demo-workspace.ts';
import { blocksText, buttonsOf } from './harness.ts';

const acme = demoWorkspace();

describe('reuse before you buy, in Slack', () => {
  it('Erin’s quote names the Pro seats nobody used for 40 days; Ask them to give back sends the holders the offer', async () => {
    await idleDemoProSeats(acme.db);
    const quote = await acme.slash(DEMO.members[2]!, 'add 3 pro');
    expect(blocksText(quote)).toMatch(
      /2 Pro seats are not in use \(idle for over 28 days, or held by someone who left\): (Carol|Dave)/,
    );
    expect(buttonsOf(quote).map((b) => b.text.text)).toEqual(['Ask them to give back', 'Buy anyway']);
    const ask = buttonsOf(quote).find((b) => b.text.text === 'Ask them to give back')!;
    expect(ask.action_id).toBe('purchase.ask_give_back');
    // held while Erin chooses: Bob is not asked yet
    await acme.deliver();
    const asksBob = () =>
      acme
        .dmsOf(DEMO.admin)
        .map((m) => blocksText(m.versions.at(-1)!.blocks))
        .filter((t) => t.includes('asks for 3 Pro seats'));
    expect(asksBob()).toEqual([]);
    const asked = await acme.click(DEMO.members[2]!, ask);
    expect(blocksText(asked)).toMatch(
      /Asked 2 people to give back their Pro seat\. Your request is for 3 Pro seats now/,
    );
    await acme.deliver();
    const carols = acme.dmsOf(DEMO.members[0]!).at(-1)!.versions.at(-1)!;
    expect(blocksText(carols.blocks)).toMatch(/You have not used your Pro seat in Acme since 2026-01-21/);
    expect(buttonsOf(carols.blocks).map((b) => b.action_id)).toEqual(['idle.keep', 'idle.give_back']);
    // Bob's approval request says the same facts
    const bobs = acme
      .dmsOf(DEMO.admin)
      .map((m) => blocksText(m.versions.at(-1)!.blocks))
      .find((t) => t.includes('asks for 3 Pro seats'));
    expect(bobs).toMatch(/2 Pro seats are not in use/);
  });

  it('Dave’s quote, held the same way: Buy anyway sends it to Bob as it is, with the same facts', async () => {
    const quote = await acme.slash(DEMO.members[1]!, 'add 2 pro');
    expect(blocksText(quote)).toMatch(/^Before your request for 2 Pro seats goes to the approvers:/);
    const buy = buttonsOf(quote).find((b) => b.text.text === 'Buy anyway')!;
    expect(blocksText(await acme.click(DEMO.members[1]!, buy))).toMatch(
      /Your request for 2 Pro seats went to \d approvers?\./,
    );
    await acme.deliver();
    const bobs = acme
      .dmsOf(DEMO.admin)
      .map((m) => blocksText(m.versions.at(-1)!.blocks))
      .filter((t) => t.includes('asks for 2 Pro seats'));
    expect(bobs).toHaveLength(1);
    expect(bobs[0]).toMatch(/Pro seats? (is|are) not in use/);
  });
});
