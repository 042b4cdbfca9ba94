import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../src/domain/errors.ts';
import { approvePurchase } from '../../src/service/approve-purchase.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import { addMember, addSeats, email, orgWith } from '../support/fixtures.ts';
import { chargesFor, contextOn, seatCount, sql, statusOf } from '../support/purchase-fixtures.ts';

// The seat invariants under real concurrency: separate ORMs (separate connection pools) on one
// PostgreSQL database, so transactions truly interleave. PGlite has one connection: skipped there.
describe.skipIf(usingPglite)('seat invariants under concurrency', () => {
  let db: TestDb;
  let ctxs: ServiceContext[];
  const ORMS = 5;
  const POOL = 10; // 5 × 10 = 50 connections: all 50 transactions can be open at once

  beforeAll(async () => {
    db = await freshDb();
    const orms: MikroORM[] = [];
    for (let i = 0; i < ORMS; i++) orms.push(await db.connect(POOL));
    ctxs = orms.map((o) => contextOn(db, o));
  });
  afterAll(() => db?.close());
  beforeEach(() => db.clock.set('2026-03-01T00:00:00Z'));

  /** Rejections grouped by DomainError code (anything else fails the test with its message). */
  const outcomes = (settled: PromiseSettledResult<unknown>[]) => {
    const codes: Record<string, number> = {};
    let ok = 0;
    for (const s of settled) {
      if (s.status === 'fulfilled') ok++;
      else if (s.reason instanceof DomainError) codes[s.reason.code] = (codes[s.reason.code] ?? 0) + 1;
      else throw s.reason;
    }
    return { ok, codes };
  };

  it('50 simultaneous assignments race for 10 free seats: exactly 10 win, 40 get no_free_seat', async () => {
    const f = await orgWith(db, { name: 'Race' });
    await addSeats(db, f.contract.id, 'pro', 10);
    const members = [];
    for (let i = 0; i < 50; i++) members.push(await addMember(db, f.org.id));

    const settled = await Promise.allSettled(
      members.map((m, i) =>
        assignPlan(ctxs[i % ORMS]!, f.owner.actor, {
          organizationId: f.org.id,
          member: m.email,
          plan: 'pro',
        }),
      ),
    );
    expect(outcomes(settled)).toEqual({ ok: 10, codes: { no_free_seat: 40 } });

    const seats = await sql<{ membership_id: string | null }>(
      db,
      `select membership_id from seat where contract_id = ? and plan_code = 'pro'`,
      [f.contract.id],
    );
    expect(seats).toHaveLength(10);
    const holders = seats.map((s) => s.membership_id);
    expect(holders.every((h) => h !== null)).toBe(true);
    expect(new Set(holders).size).toBe(10);
    // the winners are exactly the members the use case said yes to
    const winners = members.filter((_, i) => settled[i]!.status === 'fulfilled').map((m) => m.membershipId);
    expect(new Set(holders)).toEqual(new Set(winners));
    // one assignment audit and one notice per winner, none for the losers
    const [{ n: audits }] = (await sql<{ n: number }>(
      db,
      `select count(*)::int as n from audit_event where action = 'seat.assigned' and organization_id = ?`,
      [f.org.id],
    )) as [{ n: number }];
    expect(audits).toBe(10);
  });

  it('two approvers clicking Approve at the same moment: one charge, seats added once', async () => {
    const f = await orgWith(db, { name: 'Double click' });
    const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
    const member = await addMember(db, f.org.id);
    for (let round = 0; round < 5; round++) {
      const before = await seatCount(db, f.contract.id, 'pro');
      const r = await requestSeats(db.ctx, member.actor, {
        organizationId: f.org.id,
        quantity: 3,
        plan: 'pro',
      });
      const [a, b] = await Promise.all([
        approvePurchase(ctxs[0]!, f.owner.actor, { requestId: r.request.id }),
        approvePurchase(ctxs[1]!, approver.actor, { requestId: r.request.id }),
      ]);
      // both see it paid (the second either resumed the same keyed charge or found it decided)
      expect([a.outcome, b.outcome].every((o) => o === 'charged' || o === 'already_decided')).toBe(true);
      expect([a.outcome, b.outcome]).toContain('charged');
      expect([a.firstDecision, b.firstDecision].filter(Boolean)).toHaveLength(1);
      expect(await statusOf(db, r.request.id)).toBe('charged');
      expect(await chargesFor(db, `purchase:${r.request.id}`)).toHaveLength(1);
      expect(await seatCount(db, f.contract.id, 'pro')).toBe(before + 3);
      const [{ n: settledAudits }] = (await sql<{ n: number }>(
        db,
        `select count(*)::int as n from audit_event where action = 'purchase.charged' and subject_id = ?`,
        [r.request.id],
      )) as [{ n: number }];
      expect(settledAudits).toBe(1);
    }
  });

  it('the same member assigned the same plan twice at once gets one seat', async () => {
    const f = await orgWith(db, { name: 'Twice' });
    await addSeats(db, f.contract.id, 'pro', 10);
    for (let round = 0; round < 5; round++) {
      const m = await addMember(db, f.org.id);
      const settled = await Promise.allSettled(
        [0, 1].map((i) =>
          assignPlan(ctxs[i]!, f.owner.actor, { organizationId: f.org.id, member: m.email, plan: 'pro' }),
        ),
      );
      const { ok, codes } = outcomes(settled);
      expect(ok).toBe(1);
      expect(Object.keys(codes)).toHaveLength(1);
      expect(['already_has_seat', 'conflict']).toContain(Object.keys(codes)[0]);
      const held = await sql(db, 'select 1 from seat where membership_id = ?', [m.membershipId]);
      expect(held).toHaveLength(1);
    }
    expect(await seatCount(db, f.contract.id)).toBe(1 + 10);
  });

  it('the same member assigned two plans at once ends with one seat', async () => {
    const f = await orgWith(db, { name: 'Two plans' });
    await addSeats(db, f.contract.id, 'pro', 10);
    await addSeats(db, f.contract.id, 'business', 10);
    for (let round = 0; round < 5; round++) {
      const m = await addMember(db, f.org.id);
      const settled = await Promise.allSettled(
        ['pro', 'business'].map((plan, i) =>
          assignPlan(ctxs[i]!, f.owner.actor, { organizationId: f.org.id, member: m.email, plan }),
        ),
      );
      // Either they overlap (one refused) or they serialize (the second moves the member over).
      const { ok, codes } = outcomes(settled);
      expect(ok + (codes.already_has_seat ?? 0) + (codes.conflict ?? 0)).toBe(2);
      expect(ok).toBeGreaterThanOrEqual(1);
      const held = await sql(db, 'select 1 from seat where membership_id = ?', [m.membershipId]);
      expect(held).toHaveLength(1);
    }
    expect(await seatCount(db, f.contract.id)).toBe(1 + 10 + 10);
    const [{ n }] = (await sql<{ n: number }>(
      db,
      'select count(*)::int as n from seat where contract_id = ? and membership_id is not null',
      [f.contract.id],
    )) as [{ n: number }];
    expect(n).toBe(1 + 5);
  });

  it('the schema itself refuses two seats for one member', async () => {
    const f = await orgWith(db, { name: 'Schema' });
    await addSeats(db, f.contract.id, 'pro', 2);
    const m = await addMember(db, f.org.id, { email: email('direct') });
    const now = db.clock.now();
    await sql(
      db,
      `update seat set membership_id = ?, assigned_at = ?
       where id = (select id from seat where contract_id = ? and plan_code = 'pro' and membership_id is null limit 1)`,
      [m.membershipId, now, f.contract.id],
    );
    await expect(
      sql(
        db,
        `update seat set membership_id = ?, assigned_at = ?
         where id = (select id from seat where contract_id = ? and plan_code = 'pro' and membership_id is null limit 1)`,
        [m.membershipId, now, f.contract.id],
      ),
    ).rejects.toThrow(/seat_one_per_member/);
    await expect(
      sql(
        db,
        `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, created_at)
         values (?, ?, 'business', ?, true, ?, ?)`,
        [randomUUID(), f.contract.id, m.membershipId, now, now],
      ),
    ).rejects.toThrow(/seat_one_per_member/);
    const held = await sql(db, 'select 1 from seat where membership_id = ?', [m.membershipId]);
    expect(held).toHaveLength(1);
  });
});
