import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/commands/dispatch.ts';
import { approvePurchase } from '../../src/service/approve-purchase.ts';
import { endDelegation } from '../../src/service/end-delegation.ts';
import { listAudit } from '../../src/service/list-audit.ts';
import { nameDelegate } from '../../src/service/name-delegate.ts';
import { offboardMembers } from '../../src/service/offboard-members.ts';
import { rejectPurchase } from '../../src/service/reject-purchase.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { setRole } from '../../src/service/set-role.ts';
import { chatOn } from '../support/chat.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addMember, auditRows, orgWith, refusedUnchanged } from '../support/fixtures.ts';
import { sql, statusOf } from '../support/purchase-fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());
beforeEach(() => db.clock.set('2026-03-02T09:00:00Z'));

/** An organization with an approver about to leave on holiday, a colleague and a requester. */
const team = async () => {
  const f = await orgWith(db, { name: 'Away' });
  const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
  const colleague = await addMember(db, f.org.id, { role: 'member' });
  const requester = await addMember(db, f.org.id, { role: 'member' });
  const ask = async (who: { email: string } = requester) =>
    (await requestSeats(db.ctx, { email: who.email }, { organizationId: f.org.id, plan: 'pro', quantity: 2 }))
      .request.id;
  const delegate = (until: string, to: { email: string } = colleague) =>
    nameDelegate(db.ctx, approver.actor, { organizationId: f.org.id, delegate: to.email, until });
  return { ...f, approver, colleague, requester, ask, delegate };
};

describe('delegate <who> until <date>', () => {
  it('the delegate approves until the end of that day, "on behalf of" recorded, then no longer', async () => {
    const t = await team();
    const named = await t.delegate('2026-03-03');
    expect(named).toMatchObject({ delegate: { email: t.colleague.email }, until: '2026-03-03' });

    // the last minutes of the last day (a quote holds 24 h, so each is asked that evening)
    db.clock.set('2026-03-03T20:00:00Z');
    const first = await t.ask();
    db.clock.set('2026-03-03T23:59:00Z');
    const r = await approvePurchase(db.ctx, t.colleague.actor, { requestId: first });
    expect(r.outcome).toBe('charged');
    const [row] = await sql<{ decided_by_id: string; on_behalf_of_id: string }>(
      db,
      'select decided_by_id, on_behalf_of_id from purchase_request where id = ?',
      [first],
    );
    expect(row).toEqual({ decided_by_id: t.colleague.id, on_behalf_of_id: t.approver.id });
    const [approved] = await auditRows(db, { action: 'purchase.approved', subjectId: first });
    expect(approved!.after).toMatchObject({ by: t.colleague.email, onBehalfOf: t.approver.email });

    const second = await t.ask();
    db.clock.set('2026-03-04T00:00:00Z');
    await refusedUnchanged(db, 'forbidden', () =>
      approvePurchase(db.ctx, t.colleague.actor, { requestId: second }),
    );
    expect(await statusOf(db, second)).toBe('pending');
  });

  it('a delegate may reject too, never decide their own request, and stops when the approver stops approving', async () => {
    const t = await team();
    await t.delegate('2026-03-20');
    const theirs = await t.ask(t.colleague);
    await refusedUnchanged(db, 'forbidden', () =>
      approvePurchase(db.ctx, t.colleague.actor, { requestId: theirs }),
    );

    const other = await t.ask();
    const r = await rejectPurchase(db.ctx, t.colleague.actor, { requestId: other, reason: 'next quarter' });
    expect(r.outcome).toBe('rejected');
    const [rejected] = await auditRows(db, { action: 'purchase.rejected', subjectId: other });
    expect(rejected!.after).toMatchObject({ onBehalfOf: t.approver.email });

    const third = await t.ask();
    await setRole(db.ctx, t.owner.actor, {
      organizationId: t.org.id,
      member: t.approver.email,
      role: 'not-approver',
    });
    await refusedUnchanged(db, 'forbidden', () =>
      approvePurchase(db.ctx, t.colleague.actor, { requestId: third }),
    );
  });

  it('an offboarded delegate decides nothing (refused as detached, like any leaver)', async () => {
    const t = await team();
    await t.delegate('2026-03-20');
    const id = await t.ask();
    await offboardMembers(db.ctx, t.owner.actor, {
      organizationId: t.org.id,
      members: [t.colleague.email],
      freeSeat: true,
      stopAutoRenew: false,
      markFormer: false,
    });
    await refusedUnchanged(db, 'detached', () =>
      approvePurchase(db.ctx, t.colleague.actor, { requestId: id }),
    );
  });

  it('delegate off ends it at once, audited; the audit says both in a sentence', async () => {
    const t = await team();
    await t.delegate('2026-03-20');
    db.clock.advance(60_000);
    expect(await endDelegation(db.ctx, t.approver.actor, { organizationId: t.org.id })).toMatchObject({
      ended: { email: t.colleague.email },
    });
    expect((await endDelegation(db.ctx, t.approver.actor, { organizationId: t.org.id })).ended).toBeNull();
    const id = await t.ask();
    await refusedUnchanged(db, 'forbidden', () =>
      approvePurchase(db.ctx, t.colleague.actor, { requestId: id }),
    );
    const page = await listAudit(db.ctx, t.owner.actor, { organizationId: t.org.id, limit: 10 });
    expect(page.events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['approval.delegated', 'approval.delegation_ended']),
    );
  });

  it('refuses, changing nothing: a member naming a delegate, oneself, a stranger, a past day, beyond 90 days', async () => {
    const t = await team();
    await refusedUnchanged(db, 'forbidden', () =>
      nameDelegate(db.ctx, t.requester.actor, {
        organizationId: t.org.id,
        delegate: t.colleague.email,
        until: '2026-03-05',
      }),
    );
    const self = await refusedUnchanged(db, 'invalid_input', () => t.delegate('2026-03-05', t.approver));
    expect(self.line).toBe(
      'You cannot be your own delegate. Name another member: `delegate ana@example.com until 2026-12-24`.',
    );
    const stranger = await refusedUnchanged(db, 'not_found', () =>
      t.delegate('2026-03-05', { email: 'nobody@example.com' }),
    );
    expect(stranger.message).toBe('nobody@example.com is not an active member of Away.');
    const past = await refusedUnchanged(db, 'invalid_input', () => t.delegate('2026-03-01'));
    expect(past.message).toBe('2026-03-01 has already passed.');
    // today is fine (through its end); 90 days ahead is the last allowed day
    await t.delegate('2026-03-02');
    await t.delegate('2026-05-31');
    const far = await refusedUnchanged(db, 'invalid_input', () => t.delegate('2026-06-01'));
    expect(far.message).toBe('A delegation lasts at most 90 days; 2026-06-01 is further away.');
    await refusedUnchanged(db, 'invalid_input', () => t.delegate('2026-02-30'));
  });
});

describe('through the command layer', () => {
  it('`delegate <who> until <date>` names them and DMs them; new requests reach them; what they decide says on behalf of', async () => {
    const t = await team();
    const chat = chatOn(db);
    const named = await chat.say(t.approver.email, `delegate ${t.colleague.email} until 2026-03-05`);
    expect(named.text).toBe(
      `${t.colleague.email} decides purchases in Away for you until 2026-03-05 (included), and is told so. End it sooner with \`delegate off\`.`,
    );
    const [dm] = await chat.inbox(t.colleague.email);
    expect(dm!.text).toBe(
      `${t.approver.email} named you to decide seat purchases in Away for them until 2026-03-05 (included). Requests that need approval come to you too; what you decide says “on behalf of ${t.approver.email}”.`,
    );

    const id = await t.ask();
    const [asked] = await chat.inbox(t.colleague.email);
    expect(asked!.text).toBe(
      `${t.requester.email} asks for 2 Pro seats in Away. You decide this for ${t.approver.email} while they are away.`,
    );
    const approve = asked!.buttons!.find((b) => b.action === 'purchase.approve')!;
    expect(approve.payload).toEqual({ requestId: id });
    const reply = await chat.act(t.colleague.email, approve.action, approve.payload);
    expect(reply.text).toMatch(
      new RegExp(
        `^Approved on behalf of ${t.approver.email.replace('.', '\\.')}: 2 Pro seats added, .+ charged\\. The requester is told\\.$`,
      ),
    );
    const [result] = (await chat.inbox(t.requester.email)).filter((r) => r.text.startsWith('Approved'));
    expect(result!.text).toMatch(
      new RegExp(
        `^Approved by ${t.colleague.email} on behalf of ${t.approver.email} and paid: 2 Pro seats added to Away`,
      ),
    );
    const [approverCopy] = (await chat.inbox(t.approver.email)).filter((r) => r.text.startsWith('Approved'));
    expect(approverCopy!.text).toContain(`on behalf of ${t.approver.email}`);

    // a rejection by the delegate says it too, to the requester
    const other = await t.ask();
    const rejected = await chat.act(t.colleague.email, 'purchase.reject', { requestId: other });
    expect(rejected.text).toBe(
      `Rejected on behalf of ${t.approver.email}: 2 Pro seats. The requester is told.`,
    );
    const [told] = (await chat.inbox(t.requester.email)).filter((r) => r.text.includes('rejected'));
    expect(told!.text).toBe(
      `${t.colleague.email} rejected 2 Pro seats in Away on behalf of ${t.approver.email}.`,
    );

    // an approver deciding themselves says nothing of the kind
    const third = await t.ask();
    const own = await chat.act(t.approver.email, 'purchase.approve', { requestId: third });
    expect(own.text).toMatch(/^Approved: 2 Pro seats added/);
  });

  it('`delegate off` ends it (and says so when there was none); after the day new requests no longer reach the delegate', async () => {
    const t = await team();
    const chat = chatOn(db);
    expect((await chat.say(t.approver.email, 'delegate off')).text).toBe(
      'Nobody decides purchases for you: there was no delegation to end.',
    );
    await chat.say(t.approver.email, `delegate ${t.colleague.email} until 2026-03-02`);
    expect((await chat.say(t.approver.email, 'delegate off')).text).toBe(
      `${t.colleague.email} no longer decides purchases for you.`,
    );
    await chat.inbox(t.colleague.email);
    await t.ask();
    expect(await chat.inbox(t.colleague.email)).toEqual([]);

    await chat.say(t.approver.email, `delegate ${t.colleague.email} until 2026-03-02`);
    await chat.inbox(t.colleague.email);
    db.clock.set('2026-03-03T00:00:00Z');
    await t.ask();
    expect(await chat.inbox(t.colleague.email)).toEqual([]);
  });

  it('refuses a malformed command with its usage, and a member naming a delegate, changing nothing', async () => {
    const t = await team();
    const chat = chatOn(db);
    const bad = await chat.say(t.approver.email, `delegate ${t.colleague.email} 2026-03-05`);
    expect(bad.tone).toBe('error');
    expect(bad.text).toContain('delegate <who> until <yyyy-mm-dd> | delegate off');
    const member = await chat.say(t.requester.email, `delegate ${t.colleague.email} until 2026-03-05`);
    expect(member.tone).toBe('error');
    expect(await chat.inbox(t.colleague.email)).toEqual([]);
  });

  it('in French and Dutch too', async () => {
    const t = await team();
    const say = (locale: 'fr' | 'nl', text: string) =>
      runCommand({ service: db.ctx, actor: t.approver.actor, locale }, text, () => {});
    expect((await say('fr', `delegate ${t.colleague.email} until 2026-03-05`)).text).toMatch(
      /^.+ décide des achats dans Away à votre place jusqu’au .+ inclus, et en est prévenu\./,
    );
    expect((await say('nl', 'delegate off')).text).toBe(
      `${t.colleague.email} beslist niet langer namens jou over aankopen.`,
    );
  });
});
