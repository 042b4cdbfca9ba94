import { describe, expect, it } from 'vitest';
import { DEMO } from '../../db/seeders/demo.ts';
import { renewalKey, rollDueContracts } from '../../src/service/roll-renewal.ts';
import { chargesFor, sql } from '../support/purchase-fixtures.ts';
import { demoWorkspace } from './demo-workspace.ts';
import { blocksText } from './harness.ts';

const acme = demoWorkspace();
const dmsOf = (email: string) => acme.dmsOf(email).map((m) => blocksText(m.versions.at(-1)!.blocks));

describe('a renewal receipt, in Slack', () => {
  it('reaches the owner and the approver as a DM that reads how the renewal adds up; members get none', async () => {
    // Acme's monthly period began 2026-03-02 08:00: 3 Business seats and 4 Pro seats renew
    acme.db.clock.set('2026-04-02T09:00:00Z');
    await rollDueContracts(acme.db.ctx);
    await acme.deliver();
    const [contract] = await sql<{ id: string }>(acme.db, 'select id from contract');
    const [charge] = await chargesFor(acme.db, renewalKey(contract!.id, new Date('2026-04-02T08:00:00Z')));
    expect(charge!.amount).toBe(3 * 3000 + 4 * 1500);

    const [{ charge_ref: ref }] = (await sql<{ charge_ref: string }>(
      acme.db,
      `select charge_ref from period_charge where contract_id = ? and kind = 'renewal'`,
      [contract!.id],
    )) as [{ charge_ref: string }];
    for (const who of [DEMO.owner, DEMO.admin]) {
      // a whole period: every seat's band, nothing prorated, the ledger's reference
      expect(dmsOf(who).filter((t) => t.startsWith('Receipt'))).toEqual([
        [
          'Receipt for Acme: the period from 2026-04-02 to 2026-05-02.',
          '*How it adds up*',
          '• Business, seats 1–3: 3 × €30.00 = €90.00',
          '• Pro, seats 1–4: 4 × €15.00 = €60.00',
          '• Total charged: €150.00',
          `• Reference: ${ref}`,
        ].join('\n'),
      ]);
    }
    for (const who of DEMO.members) expect(dmsOf(who).filter((t) => t.startsWith('Receipt'))).toEqual([]);

    // the roll running again sends nothing more
    await rollDueContracts(acme.db.ctx);
    await acme.deliver();
    expect(dmsOf(DEMO.owner).filter((t) => t.startsWith('Receipt'))).toHaveLength(1);
  });
});
