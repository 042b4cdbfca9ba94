import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCommand } from '../../src/commands/dispatch.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { acceptInvitation, declineInvitation } from '../../src/service/answer-invitation.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { checkEntitlement } from '../../src/service/check-entitlement.ts';
import { expireStale } from '../../src/service/expire-stale.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { listAudit } from '../../src/service/list-audit.ts';
import { offboardMembers } from '../../src/service/offboard-members.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { revokeInvitation } from '../../src/service/revoke-invitation.ts';
import { setRole } from '../../src/service/set-role.ts';
import { setSeatAutoRenew } from '../../src/service/set-seat-auto-renew.ts';
import { transferOwnership } from '../../src/service/transfer-ownership.ts';
import { unassignPlan } from '../../src/service/unassign-plan.ts';
import { updateOrganizationSettings } from '../../src/service/update-organization-settings.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import {
  account,
  accountRow,
  auditRows,
  DAY_MS,
  email,
  type OrgFixture,
  orgWith,
  outboxTo,
  type Person,
  refusedUnchanged,
} from '../support/fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

/** Every change an organization goes through in a normal life, one minute apart. */
const tour = async () => {
  db.clock.set('2026-03-01T00:00:00Z');
  const step = () => db.clock.advance(60_000);
  const f = await orgWith(db, { name: 'Audited', admins: 1, seats: { pro: 2, business: 1 } });
  const admin = f.admins[0]!;
  const solo = await account(db, { email: email('solo'), personalPlan: 'solo' });
  const other = email('other');
  const decliner = email('decliner');
  const late = email('late');

  step();
  const inv = await inviteMembers(db.ctx, admin.actor, {
    organizationId: f.org.id,
    emails: [solo.email, other, decliner, late],
    plan: 'pro',
  });
  const invOf = (who: string) => inv.invited.find((i) => i.email === who)!.id;
  step();
  await acceptInvitation(db.ctx, solo.actor, { invitationId: invOf(solo.email) });
  step();
  await declineInvitation(db.ctx, { email: decliner }, { invitationId: invOf(decliner) });
  step();
  await revokeInvitation(db.ctx, admin.actor, { organizationId: f.org.id, invitationId: invOf(other) });
  step();
  await setSeatAutoRenew(db.ctx, admin.actor, {
    organizationId: f.org.id,
    member: solo.email,
    autoRenew: false,
  });
  step();
  await assignPlan(db.ctx, admin.actor, { organizationId: f.org.id, member: solo.email, plan: 'business' });
  step();
  await unassignPlan(db.ctx, admin.actor, { organizationId: f.org.id, member: solo.email });
  step();
  await updateOrganizationSettings(db.ctx, admin.actor, { organizationId: f.org.id, autoAssign: true });
  step();
  await checkEntitlement(db.ctx, { email: solo.email, feature: 'exports' });
  step();
  await setRole(db.ctx, f.owner.actor, { organizationId: f.org.id, member: admin.email, role: 'approver' });
  step();
  await transferOwnership(db.ctx, f.owner.actor, { organizationId: f.org.id, to: admin.email });
  step();
  await offboardMembers(db.ctx, admin.actor, { organizationId: f.org.id, members: [solo.email] });
  db.clock.advance(8 * DAY_MS);
  await expireStale(db.ctx);
  return { f, admin, solo, late, decliner };
};

let t: Awaited<ReturnType<typeof tour>>;
beforeAll(async () => {
  t = await tour();
});

describe('audit trail', () => {
  it('records every change with who, what, when and before/after', async () => {
    const events = await auditRows(db, { organizationId: t.f.org.id });
    const expected = [
      'organization.created',
      'personal_plan.paused',
      'invitation.created',
      'invitation.accepted',
      'seat.auto_renew',
      'seat.assigned',
      'seat.unassigned',
      'organization.settings',
      'seat.auto_assigned',
      'member.role',
      'organization.owner',
      'member.offboarded',
      'personal_plan.restored',
      'invitation.expired',
    ];
    const actions = events.map((e) => e.action);
    for (const action of expected) expect(actions, action).toContain(action);
    expect(actions).toContain('invitation.declined');
    expect(actions).toContain('invitation.revoked');
    expect(actions.filter((a) => a === 'invitation.created')).toHaveLength(4);
    expect(actions.filter((a) => a === 'personal_plan.paused')).toHaveLength(2);

    const creations = new Set(['organization.created', 'invitation.created']);
    for (const e of events) {
      expect(e.at, e.action).toBeInstanceOf(Date);
      expect(e.after, e.action).not.toBeNull();
      if (!creations.has(e.action)) expect(e.before, e.action).not.toBeNull();
    }
    const automatic = new Set(['seat.auto_assigned', 'invitation.expired']);
    for (const e of events) {
      if (automatic.has(e.action)) expect(e.actorId, e.action).toBeNull();
      else expect(e.actorId, e.action).not.toBeNull();
    }
    const byAction = (a: string) => events.find((e) => e.action === a)!;
    expect(byAction('invitation.accepted')).toMatchObject({
      actorId: t.solo.id,
      before: { invitation: 'pending', membership: null },
      after: { email: t.solo.email, role: 'member', plan: 'pro' },
    });
    expect(byAction('seat.auto_assigned').after).toMatchObject({ plan: 'pro', feature: 'exports' });
    expect(byAction('member.offboarded')).toMatchObject({
      actorId: t.admin.id,
      before: { status: 'active', plan: 'pro' },
      after: { status: 'detached', email: t.solo.email },
    });
  });

  it('sends the notices through the outbox: invitations, seats assigned and removed, offboarding', async () => {
    for (const who of [t.solo.email, t.late, t.decliner]) {
      const [dm] = await outboxTo(db, (await accountRow(db, who)).id, 'invitation');
      expect(dm?.payload, who).toMatchObject({
        organizationName: 'Audited',
        plan: 'pro',
        invitedBy: t.admin.email,
      });
    }
    const toSolo = await outboxTo(db, t.solo.id);
    const kinds = toSolo.map((o) => o.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['invitation', 'seat_assigned', 'seat_removed', 'offboarded']),
    );
    expect(toSolo.filter((o) => o.kind === 'seat_assigned').map((o) => o.payload.plan)).toEqual([
      'business',
      'pro',
    ]);
    expect(toSolo.every((o) => o.status === 'pending' && o.organizationId === t.f.org.id)).toBe(true);
    // the inviter hears about the acceptance and the decline
    const toAdmin = await outboxTo(db, t.admin.id);
    expect(toAdmin.map((o) => o.payload.event)).toEqual(
      expect.arrayContaining(['invitation_accepted', 'invitation_declined']),
    );
  });
});

describe('listAudit', () => {
  it('lists the latest changes, newest first, with the actor by email', async () => {
    const r = await listAudit(db.ctx, t.admin.actor, { organizationId: t.f.org.id });
    expect(r.events).toHaveLength(20);
    const times = r.events.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(r.events[0]).toMatchObject({ action: 'invitation.expired', actor: 'system' });
    const offboarded = r.events.find((e) => e.action === 'member.offboarded');
    expect(offboarded).toMatchObject({
      actor: t.admin.email,
      subject: { type: 'membership' },
      before: { status: 'active' },
      after: { status: 'detached' },
    });
  });

  it('takes a limit', async () => {
    const all = await listAudit(db.ctx, t.admin.actor, { organizationId: t.f.org.id, limit: 500 });
    const two = await listAudit(db.ctx, t.admin.actor, { organizationId: t.f.org.id, limit: 2 });
    expect(two.events).toEqual(all.events.slice(0, 2));
    expect(all.events.length).toBe((await auditRows(db, { organizationId: t.f.org.id })).length);
  });

  it('filters by who: changes made by them or to them', async () => {
    const r = await listAudit(db.ctx, t.admin.actor, {
      organizationId: t.f.org.id,
      who: t.solo.email.toUpperCase(),
      limit: 500,
    });
    const actions = r.events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'invitation.created',
        'invitation.accepted',
        'personal_plan.paused',
        'seat.auto_renew',
        'seat.assigned',
        'seat.unassigned',
        'seat.auto_assigned',
        'member.offboarded',
        'personal_plan.restored',
      ]),
    );
    expect(actions).not.toContain('organization.created');
    expect(actions).not.toContain('member.role');
    for (const e of r.events) {
      const mentions =
        e.actor === t.solo.email ||
        e.subject.id === t.solo.id ||
        e.after?.email === t.solo.email ||
        e.before?.email === t.solo.email;
      expect(mentions, e.action).toBe(true);
    }

    const byOwner = await listAudit(db.ctx, t.admin.actor, {
      organizationId: t.f.org.id,
      who: t.f.owner.email,
      limit: 500,
    });
    expect(byOwner.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['organization.created', 'member.role', 'organization.owner']),
    );
    const limited = await listAudit(db.ctx, t.admin.actor, {
      organizationId: t.f.org.id,
      who: t.solo.email,
      limit: 1,
    });
    expect(limited.events).toEqual(r.events.slice(0, 1));
  });

  it('names the people and plans of a page in a fixed number of queries, however long the page', async () => {
    // observes the ORM's connection (every SQL statement passes through it), changes nothing
    const connection = db.ctx.em.getConnection();
    const spy = vi.spyOn(connection, 'execute');
    const queriesFor = async (limit: number) => {
      spy.mockClear();
      const r = await listAudit(db.ctx, t.admin.actor, { organizationId: t.f.org.id, limit });
      return { queries: spy.mock.calls.length, events: r.events.length };
    };
    try {
      const one = await queriesFor(1);
      const page = await queriesFor(5);
      const all = await queriesFor(500);
      expect(one.events).toBe(1);
      expect(page.events).toBe(5);
      expect(all.events).toBeGreaterThan(15);
      // the actor's rights, the page and its count, then at most one look-up each of memberships,
      // requests, contracts, the organization's contract, plans and accounts (none for no ids)
      expect(one.queries).toBeGreaterThanOrEqual(3);
      expect(all.queries).toBeLessThanOrEqual(3 + 6);
      expect(all.queries).toBe(page.queries);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers nothing for someone unknown', async () => {
    const r = await listAudit(db.ctx, t.admin.actor, { organizationId: t.f.org.id, who: email('ghost') });
    expect(r.events).toEqual([]);
  });

  it('is for admins: members are refused, other organizations are not_found, bad input is invalid_input', async () => {
    const other: OrgFixture = await orgWith(db, { admins: 1, members: 1 });
    const member: Person = other.members[0]!;
    await refusedUnchanged(db, 'forbidden', () =>
      listAudit(db.ctx, member.actor, { organizationId: other.org.id }),
    );
    await refusedUnchanged(db, 'not_found', () =>
      listAudit(db.ctx, other.admins[0]!.actor, { organizationId: t.f.org.id }),
    );
    for (const raw of [
      { organizationId: t.f.org.id, limit: 0 },
      { organizationId: t.f.org.id, limit: 501 },
      { organizationId: t.f.org.id, limit: 1.5 },
      { organizationId: t.f.org.id, who: 'not-an-email' },
      { organizationId: 'nope' },
    ]) {
      await refusedUnchanged(db, 'invalid_input', () => listAudit(db.ctx, t.admin.actor, raw));
    }
    // the other organization's log does not show this one's events
    const theirs = await listAudit(db.ctx, other.owner.actor, { organizationId: other.org.id, limit: 500 });
    expect(theirs.events.every((e) => e.action !== 'member.offboarded')).toBe(true);
  });
});

describe("audit in chat: each change a sentence with names, money and the reader's time", () => {
  const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
  let f: OrgFixture;
  let ben: Person;
  let quoted: number;
  beforeAll(async () => {
    db.clock.set('2026-06-01T10:00:00Z');
    f = await orgWith(db, { name: 'Readable', members: 1, seats: { pro: 2, business: 1 } });
    ben = f.members[0]!;
    await upsertAccount(db.ctx, { email: f.owner.email, name: 'Ana Lima' });
    await upsertAccount(db.ctx, { email: ben.email, name: 'Ben Costa' });
    db.clock.advance(60_000);
    await assignPlan(db.ctx, f.owner.actor, { organizationId: f.org.id, member: ben.email, plan: 'pro' });
    db.clock.advance(60_000);
    await assignPlan(db.ctx, f.owner.actor, {
      organizationId: f.org.id,
      member: ben.email,
      plan: 'business',
    });
    db.clock.advance(60_000);
    const asked = await requestSeats(db.ctx, ben.actor, {
      organizationId: f.org.id,
      quantity: 3,
      plan: 'pro',
    });
    quoted = asked.request.proratedAmount;
    db.clock.advance(60_000);
    await setRole(db.ctx, f.owner.actor, { organizationId: f.org.id, member: ben.email, role: 'admin' });
    db.clock.advance(60_000);
    await offboardMembers(db.ctx, f.owner.actor, { organizationId: f.org.id, members: [ben.email] });
  });

  const audit = async (text: string, timeZone?: string): Promise<Reply> => {
    const r = await runCommand(
      { service: db.ctx, actor: f.owner.actor, ...(timeZone ? { timeZone: async () => timeZone } : {}) },
      text,
    );
    expect(r.tone, r.text).not.toBe('error');
    return r;
  };
  const linesOf = (r: Reply) => r.sections?.[0]?.lines ?? [];

  it('names people by their names and plans by their display names, money as money, in the reader zone', async () => {
    const lines = linesOf(await audit('audit', 'Asia/Tokyo'));
    // Tokyo is UTC+9: 10:01 UTC is 19:01 there, the same day
    expect(lines).toEqual(
      expect.arrayContaining([
        'Jun 1, 19:01 — Ana Lima gave Ben Costa a Pro seat.',
        'Jun 1, 19:02 — Ana Lima gave Ben Costa a Business seat (was Pro).',
        `Jun 1, 19:03 — Ben Costa asked for 3 Pro seats, €${(quoted / 100).toFixed(2)} now (prorated), approval needed.`,
        'Jun 1, 19:04 — Ana Lima made Ben Costa an admin (was a member).',
        'Jun 1, 19:05 — Ana Lima offboarded Ben Costa (their Business seat freed).',
      ]),
    );
    expect(quoted).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).not.toMatch(/=/);
      expect(line).not.toMatch(UUID);
      expect(line).not.toMatch(/\d{4}-\d\d-\d\dT/);
      expect(line).not.toContain(ben.email);
    }
  });

  it('crosses midnight in the reader zone, and says UTC when it does not know the zone', async () => {
    const la = linesOf(await audit('audit', 'America/Los_Angeles'));
    // 10:02 UTC on Jun 1 is 03:02 in Los Angeles (UTC-7 in summer)
    expect(la).toContain('Jun 1, 03:02 — Ana Lima gave Ben Costa a Business seat (was Pro).');
    const kiritimati = linesOf(await audit('audit', 'Pacific/Kiritimati'));
    // UTC+14: already the next day
    expect(kiritimati).toContain('Jun 2, 00:02 — Ana Lima gave Ben Costa a Business seat (was Pro).');
    const unknown = linesOf(await audit('audit'));
    expect(unknown).toContain('Jun 1, 10:02 UTC — Ana Lima gave Ben Costa a Business seat (was Pro).');
    const bogus = linesOf(await audit('audit', 'Mars/Olympus_Mons'));
    expect(bogus).toContain('Jun 1, 10:02 UTC — Ana Lima gave Ben Costa a Business seat (was Pro).');
  });

  it('shows the year of a change from another year', async () => {
    db.clock.set('2027-01-15T10:00:00Z');
    try {
      const lines = linesOf(await audit('audit 2', 'Europe/Lisbon'));
      // Lisbon is UTC+1 in summer
      expect(lines).toEqual([
        'Jun 1, 2026, 11:05 — Ana Lima offboarded Ben Costa (their Business seat freed).',
        'Jun 1, 2026, 11:04 — Ana Lima made Ben Costa an admin (was a member).',
      ]);
    } finally {
      db.clock.set('2026-06-01T10:10:00Z');
    }
  });

  it('filters by who and pages as before, each page as sentences', async () => {
    const about = await audit(`audit ${ben.email} 3`, 'UTC');
    expect(about.text).toBe(`The last 3 changes about ${ben.email}:`);
    expect(linesOf(about)).toHaveLength(3);
    expect(linesOf(about)[0]).toBe(
      'Jun 1, 10:05 — Ana Lima offboarded Ben Costa (their Business seat freed).',
    );
  });
});

describe('refusals leave no trace', () => {
  it('writes no audit event or notice when a change is refused', async () => {
    const f = await orgWith(db, { members: 1 });
    await refusedUnchanged(db, 'no_free_seat', () =>
      assignPlan(db.ctx, f.owner.actor, {
        organizationId: f.org.id,
        member: f.members[0]!.email,
        plan: 'pro',
      }),
    );
    await refusedUnchanged(db, 'owner_cannot_leave', () =>
      offboardMembers(db.ctx, f.owner.actor, { organizationId: f.org.id, members: [f.owner.email] }),
    );
  });
});
