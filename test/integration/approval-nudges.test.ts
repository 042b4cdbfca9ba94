import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PERIODIC_JOBS } from '../../src/jobs/schedule.ts';
import { approvePurchase } from '../../src/service/approve-purchase.ts';
import { expireStale } from '../../src/service/expire-stale.ts';
import { nameDelegate } from '../../src/service/name-delegate.ts';
import { nudgeStalledApprovals } from '../../src/service/nudge-stalled-approvals.ts';
import { rejectPurchase } from '../../src/service/reject-purchase.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { updateOrganizationSettings } from '../../src/service/update-organization-settings.ts';
import { chatOn } from '../support/chat.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addMember, auditRows, orgWith, refusedUnchanged } from '../support/fixtures.ts';
import { contextOn, outbox, sql } from '../support/purchase-fixtures.ts';

const HOUR = 3_600_000;
const ASKED = '2026-03-02T08:00:00Z';
let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());
beforeEach(() => db.clock.set(ASKED));

const at = (hours: number) => db.clock.set(new Date(Date.parse(ASKED) + hours * HOUR));

/** An owner, an admin approver, and a member who asks for two Pro seats at ASKED. */
const team = async () => {
  const f = await orgWith(db, { name: 'Slowpoke' });
  const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
  const colleague = await addMember(db, f.org.id, { role: 'member' });
  const requester = await addMember(db, f.org.id, { role: 'member' });
  const ask = async () =>
    (await requestSeats(db.ctx, requester.actor, { organizationId: f.org.id, plan: 'pro', quantity: 2 }))
      .request.id;
  return { ...f, approver, colleague, requester, ask };
};

/** Who got a nudge of this kind about the request, as recipient ids, sorted. */
const nudged = async (kind: 'approval_reminder' | 'approval_escalation', requestId: string) =>
  (await outbox(db, kind, requestId)).map((r) => r.recipient_id).sort();

const stamps = async (id: string) =>
  (
    await sql<{ reminded_at: Date | null; escalated_at: Date | null }>(
      db,
      'select reminded_at, escalated_at from purchase_request where id = ?',
      [id],
    )
  )[0]!;

describe('a purchase nobody answers (defaults: remind at 24 h, escalate at 72 h, a request stays open 7 days)', () => {
  it('reminds the approvers at 24 h, then goes to the owner as well at 72 h, each once', async () => {
    const t = await team();
    const id = await t.ask();
    const approvers = [t.owner.id, t.approver.id].sort();

    at(23.9);
    await nudgeStalledApprovals(db.ctx);
    expect(await nudged('approval_reminder', id)).toEqual([]);

    at(24);
    expect((await nudgeStalledApprovals(db.ctx)).nudged).toEqual([
      { requestId: id, nudge: 'remind', recipients: 2 },
    ]);
    expect(await nudged('approval_reminder', id)).toEqual(approvers);
    expect(new Date((await stamps(id)).reminded_at!)).toEqual(new Date('2026-03-03T08:00:00Z'));
    expect((await stamps(id)).escalated_at).toBeNull();
    at(50);
    await nudgeStalledApprovals(db.ctx);
    expect(await nudged('approval_reminder', id)).toEqual(approvers);

    at(72);
    await nudgeStalledApprovals(db.ctx);
    expect(await nudged('approval_escalation', id)).toEqual(approvers);
    const [escalation] = await outbox(db, 'approval_escalation', id);
    expect(escalation!.payload).toMatchObject({
      requestId: id,
      waitedHours: 72,
      requestedBy: t.requester.email,
    });
    at(160);
    await nudgeStalledApprovals(db.ctx);
    expect(await nudged('approval_escalation', id)).toEqual(approvers);
    expect(await nudged('approval_reminder', id)).toEqual(approvers);

    // the nudge job is on the schedule
    expect(PERIODIC_JOBS.map((j) => j.name)).toContain('approval-nudges');
  });

  it('a job that ran late sends the escalation only', async () => {
    const t = await team();
    const id = await t.ask();
    at(73);
    await nudgeStalledApprovals(db.ctx);
    expect(await nudged('approval_reminder', id)).toEqual([]);
    expect(await nudged('approval_escalation', id)).toHaveLength(2);
  });

  it('two workers at once nudge once', async () => {
    const t = await team();
    const id = await t.ask();
    const other = await db.connect(4);
    try {
      at(24);
      await Promise.all([nudgeStalledApprovals(db.ctx), nudgeStalledApprovals(contextOn(db, other))]);
      expect(await nudged('approval_reminder', id)).toHaveLength(2);
      at(72);
      await Promise.all([nudgeStalledApprovals(db.ctx), nudgeStalledApprovals(contextOn(db, other))]);
      expect(await nudged('approval_escalation', id)).toHaveLength(2);
    } finally {
      await other.close();
    }
  });

  it('an answered request is never nudged, nor one that expired or an approver’s own quote', async () => {
    const t = await team();
    const approved = await t.ask();
    const rejected = await t.ask();
    const own = (
      await requestSeats(db.ctx, t.approver.actor, { organizationId: t.org.id, plan: 'pro', quantity: 1 })
    ).request.id;
    at(1);
    await approvePurchase(db.ctx, t.approver.actor, { requestId: approved });
    await rejectPurchase(db.ctx, t.owner.actor, { requestId: rejected, reason: null });
    for (const h of [24, 72, 160]) {
      at(h);
      await nudgeStalledApprovals(db.ctx);
    }
    for (const id of [approved, rejected, own]) {
      expect(await nudged('approval_reminder', id)).toEqual([]);
      expect(await nudged('approval_escalation', id)).toEqual([]);
    }
  });

  it('an organization’s own timings; refused when they do not fit, changing nothing', async () => {
    const t = await team();
    await updateOrganizationSettings(db.ctx, t.approver.actor, {
      organizationId: t.org.id,
      approvalTiming: { remindAfterHours: 2, escalateAfterHours: 6 },
    });
    const [setting] = await auditRows(db, { action: 'organization.settings', subjectId: t.org.id });
    expect(setting!.after).toMatchObject({ approvalRemindHours: 2, approvalEscalateHours: 6 });
    const id = await t.ask();
    at(2);
    await nudgeStalledApprovals(db.ctx);
    expect(await nudged('approval_reminder', id)).toHaveLength(2);
    at(6);
    await nudgeStalledApprovals(db.ctx);
    expect(await nudged('approval_escalation', id)).toHaveLength(2);

    for (const bad of [
      { remindAfterHours: 6, escalateAfterHours: 6 },
      { remindAfterHours: 0, escalateAfterHours: 6 },
      // an escalation must leave the owner the request's last day (it closes at 168 h)
      { remindAfterHours: 12, escalateAfterHours: 145 },
    ]) {
      await refusedUnchanged(db, 'invalid_input', () =>
        updateOrganizationSettings(db.ctx, t.owner.actor, { organizationId: t.org.id, approvalTiming: bad }),
      );
    }
    // a member may not change them
    await refusedUnchanged(db, 'forbidden', () =>
      updateOrganizationSettings(db.ctx, t.requester.actor, {
        organizationId: t.org.id,
        approvalTiming: { remindAfterHours: 1, escalateAfterHours: 2 },
      }),
    );
  });

  it('a delegate standing in gets the request and the nudges, told whose decision it is', async () => {
    const t = await team();
    await nameDelegate(db.ctx, t.approver.actor, {
      organizationId: t.org.id,
      delegate: t.colleague.email,
      until: '2026-03-10',
    });
    const id = await t.ask();
    const [asked] = (await outbox(db, 'approval_request', id)).filter(
      (r) => r.recipient_id === t.colleague.id,
    );
    expect(asked!.payload).toMatchObject({ forApprover: t.approver.email });
    at(24);
    await nudgeStalledApprovals(db.ctx);
    expect(await nudged('approval_reminder', id)).toEqual([t.owner.id, t.approver.id, t.colleague.id].sort());
    const inbox = await chatOn(db).inbox(t.colleague.email);
    const reminder = inbox.find((r) => r.text.startsWith('Reminder:'))!;
    expect(reminder.text).toBe(
      `Reminder: ${t.requester.email} asked for 2 Pro seats in Slowpoke 24 hours ago and nobody has answered yet. You decide this for ${t.approver.email} while they are away.`,
    );
    // its Approve button works for the delegate, and says on behalf of whom
    const approve = reminder.buttons!.find((b) => b.action === 'purchase.approve')!;
    const reply = await chatOn(db).act(t.colleague.email, approve.action, approve.payload);
    expect(reply.text).toMatch(new RegExp(`^Approved on behalf of ${t.approver.email}: 2 Pro seats added`));
  });

  it('an expired request tells its requester how to ask again, once', async () => {
    const t = await team();
    const id = await t.ask();
    at(167.9);
    await expireStale(db.ctx);
    expect(await outbox(db, 'purchase_result', id)).toEqual([]);
    at(168);
    await expireStale(db.ctx);
    await expireStale(db.ctx);
    const told = await outbox(db, 'purchase_result', id);
    expect(told.map((r) => r.recipient_id)).toEqual([t.requester.id]);
    const [notice] = (await chatOn(db).inbox(t.requester.email)).filter((r) => r.text.includes('expired'));
    expect(notice!.text).toBe(
      'Your request for 2 Pro seats in Slowpoke expired before an approver answered, so nothing was charged. Ask again with `add 2 pro`.',
    );
    // an approver clicking it late expires nothing more and tells nobody again
    const late = await t.ask();
    at(336.5);
    expect((await approvePurchase(db.ctx, t.approver.actor, { requestId: late })).outcome).toBe('expired');
    expect((await outbox(db, 'purchase_result', late)).map((r) => r.recipient_id)).toEqual([t.requester.id]);
  });

  it('organizations whose approvers answer see nothing new', async () => {
    const t = await team();
    const before = await db.count('outbox');
    const id = await t.ask();
    at(0.5);
    await approvePurchase(db.ctx, t.approver.actor, { requestId: id });
    const afterDecision = await db.count('outbox');
    for (const h of [24, 72, 100]) {
      at(h);
      await nudgeStalledApprovals(db.ctx);
    }
    expect(await db.count('outbox')).toBe(afterDecision);
    // the request went to the two approvers, the outcome and its receipt to three people
    expect(afterDecision - before).toBe(2 + 3 + 3);
  });
});

describe('through the command layer', () => {
  it('`approvals remind <h> escalate <h>` sets the timings (owners and admins), `approvals default` resets', async () => {
    const t = await team();
    const chat = chatOn(db);
    const set = await chat.say(t.approver.email, 'approvals remind 4 escalate 10');
    expect(set.text).toBe(
      'A purchase nobody answers reminds the approvers after 4 hours and goes to the owner as well after 10 hours.',
    );
    const [row] = await sql<{ r: number; e: number }>(
      db,
      'select approval_remind_hours as r, approval_escalate_hours as e from organization where id = ?',
      [t.org.id],
    );
    expect(row).toEqual({ r: 4, e: 10 });
    const bad = await chat.say(t.owner.email, 'approvals remind 10 escalate 4');
    expect(bad.tone).toBe('error');
    expect(bad.text).toContain('do not fit');
    expect((await chat.say(t.requester.email, 'approvals remind 1 escalate 2')).tone).toBe('error');
    expect((await chat.say(t.owner.email, 'approvals remind soon')).tone).toBe('error');
    const reset = await chat.say(t.owner.email, 'approvals default');
    expect(reset.text).toContain(
      'after 24 hours and goes to the owner as well after 72 hours (the defaults).',
    );
    const help = JSON.stringify(await chat.say(t.owner.email, 'help'));
    expect(help).toContain('approvals remind <hours> escalate <hours>');
    expect(help).toContain('delegate <who> until <yyyy-mm-dd>');
  });
});
