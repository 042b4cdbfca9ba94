import { beforeAll, describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO } from '../../db/seeders/demo.ts';
import type { TestDb } from '../support/db.ts';
import { demoTenant } from './demo-tenant.ts';
import { buttonOf, type TeamsHarness, type TeamsPerson } from './harness.ts';

let db: TestDb;
let h: TeamsHarness;
let bob: TeamsPerson;

const acme = demoTenant([DEMO.admin, DEMO.members[2]!]);
beforeAll(() => {
  ({ db, h } = acme);
  bob = acme.person(DEMO.admin);
});

describe('seats for the people named, in Teams', () => {
  it('Bob asks for a Business seat for Erin: the card says for whom, and once confirmed it is Erin’s', async () => {
    const quote = (await h.say(bob, `add 1 business for ${DEMO.members[2]}`)).cards[0];
    expect(cardText(quote)).toContain(`For: ${DEMO.members[2]}`);
    await h.press(bob, buttonOf(quote, 'Confirm purchase'));
    const [row] = await db.em.fork().execute<{ plan_code: string }[]>(
      `select s.plan_code from seat s join membership m on m.id = s.membership_id
       join account a on a.id = m.account_id where a.email = ?`,
      [DEMO.members[2]],
    );
    expect(row?.plan_code).toBe('business');
  });
});
