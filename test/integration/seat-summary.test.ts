import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { seatSummary } from '../../src/service/seat-summary.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addMember, orgWith, refusal } from '../support/fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

describe('seatSummary under concurrent callers', () => {
  it('answers or refuses each caller of one shared query as they alone would be', async () => {
    const { org, owner, admins, members } = await orgWith(db, { admins: 1, members: 1, seats: { pro: 3 } });
    const detached = await addMember(db, org.id, { status: 'detached' });
    const other = await orgWith(db, { admins: 1 });
    const ask = (email: string) => seatSummary(db.ctx, { email }, { organizationId: org.id });
    // all at once: they share the organization's query
    const [ownerView, adminView, member, stranger, gone, unknown] = await Promise.allSettled([
      ask(owner.email),
      ask(admins[0]!.email),
      ask(members[0]!.email),
      ask(other.admins[0]!.email),
      ask(detached.email),
      ask('nobody@example.com'),
    ]);
    for (const view of [ownerView, adminView]) {
      expect(view.status).toBe('fulfilled');
      const s = (view as PromiseFulfilledResult<Awaited<ReturnType<typeof ask>>>).value;
      expect(s.organizationName).toBe(org.name);
      expect(s.plans.find((p) => p.plan === 'pro')).toMatchObject({ purchased: 3, assigned: 0, free: 3 });
    }
    const reason = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? r.reason : null);
    await refusal('forbidden', Promise.reject(reason(member)));
    await refusal('not_found', Promise.reject(reason(stranger)));
    await refusal('detached', Promise.reject(reason(gone)));
    await refusal('not_found', Promise.reject(reason(unknown)));
  });

  it('never answers with seats older than the call', async () => {
    const { org, owner, members } = await orgWith(db, { members: 1, seats: { pro: 2 } });
    const before = seatSummary(db.ctx, owner.actor, { organizationId: org.id });
    await assignPlan(db.ctx, owner.actor, { organizationId: org.id, member: members[0]!.email, plan: 'pro' });
    const after = await seatSummary(db.ctx, owner.actor, { organizationId: org.id });
    await before;
    expect(after.plans.find((p) => p.plan === 'pro')?.assigned).toBe(1);
  });

  it('refuses an organization that does not exist', async () => {
    const { owner } = await orgWith(db);
    await refusal(
      'not_found',
      seatSummary(db.ctx, owner.actor, { organizationId: '00000000-0000-4000-8000-000000000000' }),
    );
  });
});
