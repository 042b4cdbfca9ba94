import { describe, expect, it } from 'vitest';
import { DEMO } from '../../db/seeders/demo.ts';
import { demoWorkspace } from './demo-workspace.ts';
import { blocksText, buttonsOf } from './harness.ts';

const acme = demoWorkspace();
const planOf = async (email: string) =>
  (
    await acme.db.em.fork().execute<{ plan_code: string }[]>(
      `select s.plan_code from seat s join membership m on m.id = s.membership_id
       join account a on a.id = m.account_id where a.email = ?`,
      [email],
    )
  )[0]?.plan_code ?? 'free';

describe('seats for the people named, in Slack', () => {
  it('Alice asks for a Business seat for @Erin: the quote says for whom, and once bought it is Erin’s', async () => {
    const quote = await acme.slash(DEMO.owner, 'add 1 business for <@UERIN|erin>');
    expect(blocksText(quote)).toContain('*For*\nerin@example.com');
    const confirm = buttonsOf(quote).find((b) => b.action_id === 'purchase.approve')!;
    const done = await acme.click(DEMO.owner, confirm);
    expect(blocksText(done)).toMatch(/Business/);
    expect(await planOf(DEMO.members[2]!)).toBe('business');
    await acme.deliver();
    const erins = acme.dmsOf(DEMO.members[2]!).map((m) => blocksText(m.versions.at(-1)!.blocks));
    expect(erins.some((t) => /Business/.test(t) && /alice@example\.com/.test(t))).toBe(true);
  });

  it('naming someone who already has a seat of the plan is refused in one line, nothing asked', async () => {
    const before = await acme.db.em
      .fork()
      .execute<{ n: string }[]>('select count(*) as n from purchase_request');
    const r = await acme.slash(DEMO.owner, 'add 1 pro for <@UDAVE|dave>');
    expect(blocksText(r)).toContain(
      'dave@example.com already has a Pro seat. Leave dave@example.com out and ask for one seat fewer.',
    );
    const after = await acme.db.em
      .fork()
      .execute<{ n: string }[]>('select count(*) as n from purchase_request');
    expect(after).toEqual(before);
  });
});
