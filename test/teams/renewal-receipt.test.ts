import { describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { DEMO } from '../../db/seeders/demo.ts';
import { rollDueContracts } from '../../src/service/roll-renewal.ts';
import { sql } from '../support/purchase-fixtures.ts';
import { demoTenant } from './demo-tenant.ts';
import type { TeamsPerson } from './harness.ts';

const acme = demoTenant([DEMO.owner, DEMO.admin, DEMO.members[2]!]);

const receiptsOf = (p: TeamsPerson) =>
  acme.h.ms
    .postedTo(p.conversationId)
    .map((x) => cardText(x.activity.attachments[0].content))
    .filter((t) => t.startsWith('Receipt for Acme'));

describe('a renewal receipt, in Teams', () => {
  it('reaches the owner and the approver as a card that reads how the renewal adds up; members get none', async () => {
    const { db, h } = acme;
    const [alice, bob, erin] = [DEMO.owner, DEMO.admin, DEMO.members[2]!].map(acme.person) as [
      TeamsPerson,
      TeamsPerson,
      TeamsPerson,
    ];
    // Acme's monthly period began 2026-03-02 08:00: 3 Business seats and 4 Pro seats renew
    db.clock.set('2026-04-02T09:00:00Z');
    await rollDueContracts(db.ctx);
    await h.deliver();
    const [{ charge_ref: ref }] = (await sql<{ charge_ref: string }>(
      db,
      `select charge_ref from period_charge where kind = 'renewal'`,
    )) as [{ charge_ref: string }];
    for (const p of [alice, bob]) {
      const [receipt, ...more] = receiptsOf(p);
      expect(more).toEqual([]);
      expect(receipt).toContain('Receipt for Acme: the period from 2026-04-02 to 2026-05-02.');
      expect(receipt).toContain('Business, seats 1–3: 3 × €30.00 = €90.00');
      expect(receipt).toContain('Pro, seats 1–4: 4 × €15.00 = €60.00');
      expect(receipt).toContain('Total charged: €150.00');
      expect(receipt).toContain(`Reference: ${ref}`);
    }
    expect(receiptsOf(erin)).toEqual([]);
    // the roll running again sends nothing more
    await rollDueContracts(db.ctx);
    await h.deliver();
    expect(receiptsOf(alice)).toHaveLength(1);
  });
});
