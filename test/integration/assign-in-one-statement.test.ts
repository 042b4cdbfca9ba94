import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignPlan } from '../../src/service/assign-plan.ts';
import {
  assignInOneStatement,
  tryAssignInOneStatement,
} from '../../src/service/support/assign-in-one-statement.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import {
  addMember,
  addSeats,
  auditRows,
  giveSeat,
  orgWith,
  outboxTo,
  refusal,
  seatOfMember,
} from '../support/fixtures.ts';

/**
 * The one-statement assignment is only a shortcut: it must do exactly what the full use case
 * does in the common case, and step aside (null, nothing written) in every other case so the
 * full use case can refuse precisely.
 */
let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

const shortcut = (organizationId: string, actorEmail: string, memberEmail: string, plan = 'pro') =>
  assignInOneStatement(db.em.fork(), db.clock.now(), { organizationId, actorEmail, memberEmail, plan });

describe('assigning in one statement', () => {
  it('writes the same seat, audit row and notice as the full use case', async () => {
    const { org, admins, members, contract } = await orgWith(db, {
      admins: 1,
      members: 2,
      seats: { pro: 2, business: 1 },
    });
    const [a, b] = members as [(typeof members)[0], (typeof members)[0]];
    const fast = await shortcut(org.id, admins[0]!.email, a.email);
    expect(fast?.member.email).toBe(a.email);
    expect(fast?.plan.code).toBe('pro');
    expect((await seatOfMember(db, a.membershipId))?.id).toBe(fast?.seat.id);

    // the full path, for comparison: a member moving from business takes it
    await giveSeat(db, contract.id, b.membershipId, 'business');
    const full = await assignPlan(db.ctx, admins[0]!.actor, {
      organizationId: org.id,
      member: b.email,
      plan: 'pro',
    });
    expect(full.previousPlan).toBe('business');
    const [fastAudit] = await auditRows(db, {
      organizationId: org.id,
      action: 'seat.assigned',
      subjectId: a.membershipId,
    });
    const [fullAudit] = await auditRows(db, {
      organizationId: org.id,
      action: 'seat.assigned',
      subjectId: b.membershipId,
    });
    expect(fastAudit?.before).toEqual({ plan: 'free' });
    expect(fastAudit?.after).toEqual({ plan: 'pro', seatId: fast?.seat.id, email: a.email });
    expect(fullAudit?.after).toEqual({ plan: 'pro', seatId: full.seat.id, email: b.email });
    expect(fastAudit?.actorId).toBe(fullAudit?.actorId);
    const [fastNotice] = await outboxTo(db, a.id, 'seat_assigned');
    const [fullNotice] = await outboxTo(db, b.id, 'seat_assigned');
    expect(fastNotice?.payload).toEqual({ ...fullNotice?.payload, previousPlan: 'free' });
    expect(fastNotice?.status).toBe('pending');
  });

  it('steps aside, writing nothing, whenever the full use case has to decide', async () => {
    const { org, owner, admins, members, contract } = await orgWith(db, {
      admins: 1,
      members: 3,
      seats: { pro: 1 },
    });
    const other = await orgWith(db, { admins: 1, seats: { pro: 1 } });
    const admin = admins[0]!.email;
    const [plain, seated, spare] = members as [(typeof members)[0], (typeof members)[0], (typeof members)[0]];
    await giveSeat(db, contract.id, seated.membershipId, 'pro');
    const detached = await addMember(db, org.id, { status: 'detached' });
    const cases: [string, () => ReturnType<typeof shortcut>][] = [
      ['a plain member assigning', () => shortcut(org.id, plain.email, spare.email)],
      ['an admin of another organization', () => shortcut(org.id, other.admins[0]!.email, spare.email)],
      ['a member who already holds a seat', () => shortcut(org.id, admin, seated.email, 'business')],
      ['a detached member', () => shortcut(org.id, admin, detached.email)],
      ['someone outside the organization', () => shortcut(org.id, admin, other.admins[0]!.email)],
      ['the free plan', () => shortcut(org.id, admin, spare.email, 'free')],
      ['an unknown plan', () => shortcut(org.id, admin, spare.email, 'platinum')],
      ['no free seat of the plan', () => shortcut(org.id, admin, spare.email, 'business')],
    ];
    for (const [what, run] of cases) {
      const before = await db.counts();
      expect(await run(), what).toBeNull();
      expect(await db.counts(), what).toEqual(before);
    }
    await db.em.fork().execute(`update organization set status = 'cancelled' where id = ?`, [org.id]);
    expect(await shortcut(org.id, owner.email, spare.email)).toBeNull();
    expect(await seatOfMember(db, spare.membershipId)).toBeNull();
  });

  it('reports the code the full use case refuses with (or a move), having changed nothing', async () => {
    const { org, admins, members, contract } = await orgWith(db, {
      admins: 1,
      members: 4,
      seats: { pro: 1 },
    });
    const other = await orgWith(db, { admins: 1, seats: { pro: 1 } });
    const admin = admins[0]!.email;
    const [plain, seated, spare, mover] = members as [
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
      (typeof members)[0],
    ];
    await giveSeat(db, contract.id, seated.membershipId, 'pro');
    await addSeats(db, contract.id, 'business', 1);
    await giveSeat(db, contract.id, mover.membershipId, 'business');
    const detached = await addMember(db, org.id, { status: 'detached' });
    const reported = (actorEmail: string, memberEmail: string, plan = 'pro') =>
      tryAssignInOneStatement(db.em.fork(), db.clock.now(), {
        organizationId: org.id,
        actorEmail,
        memberEmail,
        plan,
      });
    const cases: [string, () => ReturnType<typeof reported>, string][] = [
      ['a plain member assigning', () => reported(plain.email, spare.email), 'forbidden'],
      ['an admin of another organization', () => reported(other.admins[0]!.email, spare.email), 'not_found'],
      ['a member who already holds that plan', () => reported(admin, seated.email), 'already_has_seat'],
      ['a member on another plan', () => reported(admin, mover.email), 'move'],
      ['a detached member', () => reported(admin, detached.email), 'detached'],
      ['someone outside the organization', () => reported(admin, other.admins[0]!.email), 'not_found'],
      ['the free plan', () => reported(admin, spare.email, 'free'), 'invalid_input'],
      ['an unknown plan', () => reported(admin, spare.email, 'platinum'), 'not_found'],
      ['no free seat of the plan', () => reported(admin, spare.email, 'business'), 'no_free_seat'],
    ];
    for (const [what, run, code] of cases) {
      const before = await db.counts();
      expect((await run()).outcome, what).toBe(code);
      expect(await db.counts(), what).toEqual(before);
    }
    await db.em.fork().execute(`update organization set status = 'cancelled' where id = ?`, [org.id]);
    expect((await reported(admin, spare.email)).outcome).toBe('organization_closed');
    await db.em.fork().execute(`update organization set status = 'deleted' where id = ?`, [org.id]);
    expect((await reported(admin, spare.email)).outcome).toBe('not_found');
  });

  it('gives one seat when the same member is assigned twice at once; the other call is refused', async () => {
    const { org, admins, members } = await orgWith(db, { admins: 2, members: 1, seats: { pro: 2 } });
    const m = members[0]!;
    const results = await Promise.allSettled(
      admins.map((a) =>
        assignPlan(db.ctx, a.actor, { organizationId: org.id, member: m.email, plan: 'pro' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    await refusal('already_has_seat', Promise.reject(refused.reason));
    const held = await db.em
      .fork()
      .execute<{ n: number }[]>('select count(*)::int as n from seat where membership_id = ?', [
        m.membershipId,
      ]);
    expect(held[0]!.n).toBe(1);
  });
});
