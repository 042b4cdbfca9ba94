import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainFromRow } from '../../db/repositories/plain-rows.ts';
import { readPicture } from '../../db/repositories/seat-summary.ts';
import { AccountSchema, MembershipSchema, OrganizationSchema } from '../../db/schemas/index.ts';
import { cancelOrganization } from '../../src/service/cancel-organization.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { orgWith } from '../support/fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

const rowOf = async (table: string, id: string) => {
  const [r] = await db.em
    .fork()
    .execute<{ j: Record<string, unknown> }[]>(`select row_to_json(t) as j from ${table} t where t.id = ?`, [
      id,
    ]);
  return r!.j;
};

describe('plain rows for reads', () => {
  it('maps a row_to_json row to the same record the ORM loads (names, Dates, JSON), untracked', async () => {
    const { org, owner } = await orgWith(db, { admins: 1, seats: { pro: 1 } });
    const em = db.em.fork();
    const cases = [
      [OrganizationSchema, 'organization', org.id],
      [AccountSchema, 'account', owner.id],
    ] as const;
    for (const [schema, table, id] of cases) {
      const plain = plainFromRow(em, schema as never, await rowOf(table, id)) as Record<string, unknown>;
      const loaded = await db.em.fork().findOneOrFail(schema as never, { id } as never);
      expect(plain).toEqual({ ...(loaded as object) });
    }
    const [m] = await em.execute<{ id: string }[]>(
      'select id from membership where organization_id = ? and account_id = ?',
      [org.id, owner.id],
    );
    const plainM = plainFromRow(em, MembershipSchema, await rowOf('membership', m!.id));
    const loadedM = await db.em.fork().findOneOrFail(MembershipSchema, { id: m!.id });
    expect(plainM).toEqual({ ...loadedM });
    expect(plainM.joinedAt).toBeInstanceOf(Date);
    // nothing entered this unit of work's identity map
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });

  it('reads a cancelled organization’s paid-through Date and the askers as plain records', async () => {
    const { org, owner } = await orgWith(db);
    await cancelOrganization(db.ctx, owner.actor, { organizationId: org.id });
    const em = db.em.fork();
    const p = await readPicture(em, org.id, [owner.email, 'nobody@example.com']);
    expect(p.org?.paidThrough).toBeInstanceOf(Date);
    expect(p.org?.id).toBe(org.id);
    expect([...p.people.keys()]).toEqual([owner.email]);
    expect(p.people.get(owner.email)?.membership?.role).toBe('owner');
    expect(em.getUnitOfWork().getIdentityMap().values()).toHaveLength(0);
  });
});
