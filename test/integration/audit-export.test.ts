import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { EXPORT_MAX_DAYS, exportAudit } from '../../src/service/export-audit.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { listAudit } from '../../src/service/list-audit.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { unassignPlan } from '../../src/service/unassign-plan.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { auditRows, email, type OrgFixture, orgWith, refusedUnchanged } from '../support/fixtures.ts';
import { parseCsv } from '../support/read-csv.ts';

let db: TestDb;
let f: OrgFixture;
let other: OrgFixture;
const TRICKY = '=HYPERLINK("http://evil.example","Ana, \u201cthe\u201d boss")';

beforeAll(async () => {
  db = await freshDb();
  db.clock.set('2026-03-01T09:00:00Z');
  f = await orgWith(db, { name: 'Exported', admins: 1, members: 2, seats: { pro: 2 } });
  other = await orgWith(db, { name: 'Elsewhere', admins: 1, seats: { pro: 1 } });
  const admin = f.admins[0]!;
  await upsertAccount(db.ctx, { email: f.members[0]!.email, name: TRICKY, personalPlan: 'free' });
  db.clock.set('2026-03-02T10:00:00Z');
  await assignPlan(db.ctx, admin.actor, {
    organizationId: f.org.id,
    member: f.members[0]!.email,
    plan: 'pro',
  });
  db.clock.set('2026-03-31T23:59:59Z');
  await inviteMembers(db.ctx, admin.actor, { organizationId: f.org.id, emails: [email('newcomer')] });
  db.clock.set('2026-04-01T00:00:00Z');
  await unassignPlan(db.ctx, admin.actor, { organizationId: f.org.id, member: f.members[0]!.email });
  await requestSeats(db.ctx, f.members[1]!.actor, { organizationId: f.org.id, plan: 'pro', quantity: 3 });
  await assignPlan(db.ctx, other.admins[0]!.actor, {
    organizationId: other.org.id,
    member: other.owner.email,
    plan: 'pro',
  }).catch(() => undefined);
});
afterAll(() => db?.close());

describe('audit export <from> <to>', () => {
  it('one row per audit event of those days (UTC, both included), oldest first, like the trail', async () => {
    const x = await exportAudit(db.ctx, f.admins[0]!.actor, {
      organizationId: f.org.id,
      from: '2026-03-01',
      to: '2026-03-31',
    });
    const [header, ...rows] = parseCsv(x.csv);
    expect(header).toEqual([
      'at',
      'actor_email',
      'actor_name',
      'action',
      'subject_type',
      'subject_id',
      'subject_email',
      'subject_name',
      'plan',
      'quantity',
      'amount',
      'currency',
      'before',
      'after',
    ]);
    const march = (await auditRows(db, { organizationId: f.org.id })).filter(
      (e) => e.at >= new Date('2026-03-01T00:00:00Z') && e.at < new Date('2026-04-01T00:00:00Z'),
    );
    expect(march.length).toBeGreaterThan(2);
    expect(x.rows).toBe(march.length);
    expect(rows.map((r) => [r[0], r[3], r[5]])).toEqual(
      march.map((e) => [e.at.toISOString(), e.action, e.subjectId]),
    );
    expect(rows.map((r) => JSON.parse(r[13]!))).toEqual(march.map((e) => e.after));
    // the last second of March is in, the first of April is not
    expect(rows.at(-1)![0]).toBe('2026-03-31T23:59:59.000Z');
    expect(x.fileName).toBe('audit-2026-03-01-to-2026-03-31.csv');
  });

  it('agrees with `audit` on who acted and who it was about', async () => {
    const x = await exportAudit(db.ctx, f.owner.actor, {
      organizationId: f.org.id,
      from: '2026-03-02',
      to: '2026-03-02',
    });
    const [, ...rows] = parseCsv(x.csv);
    const page = await listAudit(db.ctx, f.owner.actor, { organizationId: f.org.id, limit: 100 });
    const assigned = page.events.find(
      (e) => e.action === 'seat.assigned' && e.at.toISOString().startsWith('2026-03-02'),
    )!;
    const row = rows.find((r) => r[3] === 'seat.assigned')!;
    expect([row[1], row[6]]).toEqual([assigned.people.actor!.email, assigned.people.subject!.email]);
  });

  it('a name that looks like a formula is written as text, quotes and commas kept', async () => {
    const x = await exportAudit(db.ctx, f.admins[0]!.actor, {
      organizationId: f.org.id,
      from: '2026-03-02',
      to: '2026-03-02',
    });
    expect(x.csv).not.toMatch(/(^|,|\r\n)=HYPERLINK/);
    const [, ...rows] = parseCsv(x.csv);
    expect(rows.find((r) => r[3] === 'seat.assigned')![7]).toBe(`'${TRICKY}`);
  });

  it('a purchase request carries its plan, seats and prorated amount in the currency’s decimals', async () => {
    const x = await exportAudit(db.ctx, f.admins[0]!.actor, {
      organizationId: f.org.id,
      from: '2026-04-01',
      to: '2026-04-01',
    });
    const [, ...rows] = parseCsv(x.csv);
    const asked = rows.find((r) => r[3]!.startsWith('purchase.'))!;
    expect(asked[8]).toBe('pro');
    expect(asked[9]).toBe('3');
    expect(asked[10]).toMatch(/^\d+\.\d{2}$/);
    expect(asked[11]).toBe('EUR');
  });

  it('another organization’s events are never in the file, and its admin cannot export ours', async () => {
    const x = await exportAudit(db.ctx, f.admins[0]!.actor, {
      organizationId: f.org.id,
      from: '2026-03-01',
      to: '2026-04-30',
    });
    expect(x.csv).not.toContain(other.owner.email);
    // as everywhere, an organization one is not in does not exist for them
    await refusedUnchanged(db, 'not_found', () =>
      exportAudit(db.ctx, other.admins[0]!.actor, {
        organizationId: f.org.id,
        from: '2026-03-01',
        to: '2026-03-31',
      }),
    );
  });

  it('members cannot export; bad days, a backwards or too long period are refused with the next step', async () => {
    await refusedUnchanged(db, 'forbidden', () =>
      exportAudit(db.ctx, f.members[1]!.actor, {
        organizationId: f.org.id,
        from: '2026-03-01',
        to: '2026-03-31',
      }),
    );
    const bad = await refusedUnchanged(db, 'invalid_input', () =>
      exportAudit(db.ctx, f.admins[0]!.actor, {
        organizationId: f.org.id,
        from: '2026-02-30',
        to: '2026-03-31',
      }),
    );
    expect(bad.message).toBe(
      'Invalid input: from "2026-02-30" is not a day: write it as YYYY-MM-DD (for example 2026-01-31).',
    );
    const backwards = await refusedUnchanged(db, 'invalid_input', () =>
      exportAudit(db.ctx, f.admins[0]!.actor, {
        organizationId: f.org.id,
        from: '2026-03-31',
        to: '2026-03-01',
      }),
    );
    expect(backwards.line).toBe(
      'The period ends on 2026-03-01, before it starts on 2026-03-31. Give the first day, then the last: `audit export 2026-01-01 2026-03-31`.',
    );
    const long = await refusedUnchanged(db, 'invalid_input', () =>
      exportAudit(db.ctx, f.admins[0]!.actor, {
        organizationId: f.org.id,
        from: '2025-01-01',
        to: '2026-03-31',
      }),
    );
    expect(long.message).toBe(
      `An export covers at most ${EXPORT_MAX_DAYS} days; 2025-01-01 to 2026-03-31 is 455 days.`,
    );
  });
});
