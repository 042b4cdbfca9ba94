import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestSeats } from '../../src/service/request-seats.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addMember, orgWith, refusal } from '../support/fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

/** Every SQL statement the ORM's connection runs while `fn` runs. */
const statementsOf = async (fn: () => Promise<unknown>) => {
  const knex = db.em.getConnection().getKnex();
  const seen: string[] = [];
  const listen = (q: { sql: string }) => seen.push(q.sql);
  knex.on('query', listen);
  try {
    await fn();
  } finally {
    knex.off('query', listen);
  }
  return seen;
};

describe('`add` reads what can change twice and the catalog once', () => {
  it('a member’s request reads the plans once, and the contract and its seats again inside the transaction', async () => {
    const f = await orgWith(db, { seats: { pro: 2 } });
    const member = await addMember(db, f.org.id);
    const sql = await statementsOf(() =>
      requestSeats(db.ctx, { email: member.email }, { organizationId: f.org.id, quantity: 2, plan: 'pro' }),
    );
    const reads = (re: RegExp) => sql.filter((s) => re.test(s)).length;
    expect(reads(/from "?plan"?( as)? "?p/i)).toBe(1);
    // the actor's rows, the contract and the seat tally: fresh inside the transaction too; then
    // once more the plan's seats nobody uses (reuse before buying)
    expect(reads(/from "?organization"?/i)).toBe(2);
    expect(reads(/from "?seat"?\b/i)).toBe(3);
    expect(sql.length).toBeLessThanOrEqual(14);
  });

  it('an unknown plan is still refused with the list of plans, cheapest first', async () => {
    const f = await orgWith(db);
    const e = await refusal(
      'not_found',
      requestSeats(db.ctx, f.owner.actor, { organizationId: f.org.id, quantity: 1, plan: 'Platinum' }),
    );
    expect(e.message).toBe('There is no plan called "platinum".');
    expect(e.next).toBe('Plans: free, pro, business.');
  });
});
