import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/context.ts';
import { runAction } from '../../src/commands/dispatch.ts';
import { parseNotice, renderNotice } from '../../src/commands/notices.ts';
import { answerIdleOffer } from '../../src/service/answer-idle-offer.ts';
import { assignPlan } from '../../src/service/assign-plan.ts';
import { checkEntitlement } from '../../src/service/check-entitlement.ts';
import { offerIdleSeats } from '../../src/service/offer-idle-seats.ts';
import { reclaimIdleSeats } from '../../src/service/reclaim-idle-seats.ts';
import { updateOrganizationSettings } from '../../src/service/update-organization-settings.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import {
  addMember,
  auditRows,
  type OrgFixture,
  orgWith,
  outboxTo,
  type Person,
  refusal,
  seatOfMember,
} from '../support/fixtures.ts';
import { contextOn, sql } from '../support/purchase-fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

const START = '2026-03-01T00:00:00Z';
beforeEach(() => db.clock.set(START));

/** 28 days after START: the seats assigned at START become idle. */
const IDLE_AT = '2026-03-29T00:00:00Z';
/** 7 days after IDLE_AT: the offers made then expire. */
const GRACE_END = '2026-04-05T00:00:00Z';

type Member = Person & { membershipId: string };

/** An org with members on pro seats assigned at START (never used since). */
const orgWithPro = async (n = 1, opts: { name?: string } = {}) => {
  const f = await orgWith(db, { name: opts.name ?? 'Acme', seats: { pro: n + 1 } });
  const members: Member[] = [];
  for (let i = 0; i < n; i++) {
    const m = await addMember(db, f.org.id);
    await assignPlan(db.ctx, f.owner.actor, { organizationId: f.org.id, member: m.email, plan: 'pro' });
    members.push(m);
  }
  return { ...f, members } as OrgFixture & { members: Member[] };
};

const offersOf = (membershipId: string) =>
  sql<{ id: string; status: string; offered_at: Date; expires_at: Date; decided_at: Date | null }>(
    db,
    'select id, status, offered_at, expires_at, decided_at from idle_offer where membership_id = ? order by offered_at',
    [membershipId],
  );

const chat = (who: Person): CommandContext => ({ service: db.ctx, actor: who.actor });

describe('idle seats are offered back', () => {
  it('after 28 days unused, not before; once while the offer is open', async () => {
    const t = await orgWithPro(1);
    const m = t.members[0]!;

    db.clock.set('2026-03-28T23:59:59Z');
    await offerIdleSeats(db.ctx);
    expect(await offersOf(m.membershipId)).toEqual([]);
    expect(await outboxTo(db, m.id, 'idle_seat_offer')).toEqual([]);

    db.clock.set(IDLE_AT);
    // the member's pro seat and the owner's business seat (both unused since START)
    expect(await offerIdleSeats(db.ctx)).toBe(2);
    const [offer] = await offersOf(m.membershipId);
    expect(offer).toMatchObject({ status: 'open', decided_at: null });
    expect(new Date(offer!.expires_at).toISOString()).toBe(GRACE_END.replace('Z', '.000Z'));
    const [msg] = await outboxTo(db, m.id, 'idle_seat_offer');
    expect(msg!.payload).toEqual({
      offerId: offer!.id,
      organizationName: 'Acme',
      plan: 'pro',
      idleSince: '2026-03-01T00:00:00.000Z',
      idleDays: 28,
      expiresAt: '2026-04-05T00:00:00.000Z',
    });
    const reply = renderNotice(parseNotice('idle_seat_offer', msg!.payload));
    expect(reply.buttons?.map((b) => [b.label, b.action, b.payload])).toEqual([
      ['Keep my seat', 'idle.keep', { offerId: offer!.id }],
      ['Give it back', 'idle.give_back', { offerId: offer!.id }],
    ]);

    // not again while it is open
    db.clock.set('2026-04-02T00:00:00Z');
    expect(await offerIdleSeats(db.ctx)).toBe(0);
    expect(await offersOf(m.membershipId)).toHaveLength(1);
    expect(await outboxTo(db, m.id, 'idle_seat_offer')).toHaveLength(1);
    expect(await auditRows(db, { action: 'seat.idle_offered', subjectId: m.membershipId })).toHaveLength(1);
  });

  it('a seat last used 27 days ago is not idle; its idleness counts from the last use', async () => {
    const t = await orgWithPro(1);
    const m = t.members[0]!;
    db.clock.set('2026-03-05T00:00:00Z');
    await checkEntitlement(db.ctx, { email: m.email, feature: 'exports' });
    db.clock.set('2026-04-01T00:00:00Z');
    await offerIdleSeats(db.ctx);
    expect(await offersOf(m.membershipId)).toEqual([]);
    db.clock.set('2026-04-02T00:00:00Z');
    await offerIdleSeats(db.ctx);
    expect(await offersOf(m.membershipId)).toHaveLength(1);
  });

  it('an organization with idle reclaim off gets no offers', async () => {
    const t = await orgWithPro(1, { name: 'Keepers' });
    await updateOrganizationSettings(db.ctx, t.owner.actor, { organizationId: t.org.id, idleReclaim: false });
    db.clock.set('2026-05-01T00:00:00Z');
    await offerIdleSeats(db.ctx);
    expect(await offersOf(t.members[0]!.membershipId)).toEqual([]);
    expect(await offersOf(t.owner.membershipId)).toEqual([]);
  });
});

describe('reclaiming unanswered offers', () => {
  it('frees the seat after the 7-day grace, not before, and tells the holder', async () => {
    const t = await orgWithPro(1);
    const m = t.members[0]!;
    db.clock.set(IDLE_AT);
    await offerIdleSeats(db.ctx);
    const [offer] = await offersOf(m.membershipId);

    db.clock.set('2026-04-04T23:59:59Z');
    await reclaimIdleSeats(db.ctx);
    expect((await seatOfMember(db, m.membershipId))?.planCode).toBe('pro');
    expect((await offersOf(m.membershipId))[0]!.status).toBe('open');

    db.clock.set(GRACE_END);
    const r = await reclaimIdleSeats(db.ctx);
    expect(r.reclaimed).toBeGreaterThanOrEqual(1);
    expect(await seatOfMember(db, m.membershipId)).toBeNull();
    expect((await offersOf(m.membershipId))[0]!.status).toBe('reclaimed');
    const e = await checkEntitlement(db.ctx, { email: m.email, feature: 'exports' });
    expect(e).toMatchObject({ allowed: false, plan: 'free' });
    const [told] = await outboxTo(db, m.id, 'idle_seat_reclaimed');
    expect(told!.payload).toMatchObject({ organizationName: 'Acme', plan: 'pro' });
    expect(renderNotice(parseNotice('idle_seat_reclaimed', told!.payload)).text).toContain(
      'You are on Free now',
    );
    expect(await auditRows(db, { action: 'seat.idle_reclaimed', subjectId: m.membershipId })).toHaveLength(1);

    // running again changes nothing; answering now is refused with what happened
    expect(await reclaimIdleSeats(db.ctx)).toEqual({ reclaimed: 0, voided: 0 });
    const late = await runAction(chat(m), 'idle.keep', { payload: { offerId: offer!.id } });
    expect(late).toMatchObject({ tone: 'error', code: 'conflict' });
    expect(late.text).toContain('already freed');
  });

  it('a seat used again during the grace is not reclaimed (the offer is void)', async () => {
    const t = await orgWithPro(1);
    const m = t.members[0]!;
    db.clock.set(IDLE_AT);
    await offerIdleSeats(db.ctx);
    db.clock.set('2026-04-01T00:00:00Z');
    await checkEntitlement(db.ctx, { email: m.email, feature: 'exports' });
    db.clock.set('2026-04-06T00:00:00Z');
    await reclaimIdleSeats(db.ctx);
    expect((await seatOfMember(db, m.membershipId))?.planCode).toBe('pro');
    expect((await offersOf(m.membershipId))[0]!.status).toBe('void');
    expect(await outboxTo(db, m.id, 'idle_seat_reclaimed')).toEqual([]);
    // a new stretch: idle again 28 days after that use
    db.clock.set('2026-04-28T23:59:59Z');
    await offerIdleSeats(db.ctx);
    expect(await offersOf(m.membershipId)).toHaveLength(1);
    db.clock.set('2026-04-29T00:00:00Z');
    await offerIdleSeats(db.ctx);
    expect(await offersOf(m.membershipId)).toHaveLength(2);
  });

  it('an offer for a seat that changed hands is void, and the new holder keeps it', async () => {
    const t = await orgWithPro(1);
    const m = t.members[0]!;
    db.clock.set(IDLE_AT);
    await offerIdleSeats(db.ctx);
    // the admin moves the seat to someone else before the grace ends
    const other = await addMember(db, t.org.id);
    await sql(db, 'update seat set membership_id = ?, assigned_at = ? where membership_id = ?', [
      other.membershipId,
      db.clock.now(),
      m.membershipId,
    ]);
    db.clock.set(GRACE_END);
    await reclaimIdleSeats(db.ctx);
    expect((await offersOf(m.membershipId))[0]!.status).toBe('void');
    expect((await seatOfMember(db, other.membershipId))?.planCode).toBe('pro');
  });
});

describe('answering an offer with the buttons', () => {
  it('"Keep my seat" resets the idleness and closes the offer', async () => {
    const t = await orgWithPro(1);
    const m = t.members[0]!;
    db.clock.set(IDLE_AT);
    await offerIdleSeats(db.ctx);
    const [offer] = await offersOf(m.membershipId);

    db.clock.set('2026-03-30T12:00:00Z');
    const reply = await runAction(chat(m), 'idle.keep', { payload: { offerId: offer!.id } });
    expect(reply).toMatchObject({ tone: 'ok' });
    expect(reply.text).toContain('You keep your Pro seat in Acme');
    expect((await seatOfMember(db, m.membershipId))?.lastUsedAt?.toISOString()).toBe(
      '2026-03-30T12:00:00.000Z',
    );
    expect((await offersOf(m.membershipId))[0]!.status).toBe('kept');
    expect(await auditRows(db, { action: 'seat.idle_kept', subjectId: m.membershipId })).toHaveLength(1);

    // no reclaim after the grace; no new offer until 28 days after keeping
    db.clock.set('2026-04-10T00:00:00Z');
    await reclaimIdleSeats(db.ctx);
    expect((await seatOfMember(db, m.membershipId))?.planCode).toBe('pro');
    await offerIdleSeats(db.ctx);
    expect(await offersOf(m.membershipId)).toHaveLength(1);

    // pressing again: one clear line
    const again = await runAction(chat(m), 'idle.keep', { payload: { offerId: offer!.id } });
    expect(again).toMatchObject({ tone: 'error', code: 'conflict' });
    expect(again.text).toContain('You already chose to keep your pro seat in Acme.');
    const flip = await runAction(chat(m), 'idle.give_back', { payload: { offerId: offer!.id } });
    expect(flip).toMatchObject({ tone: 'error', code: 'conflict' });
    expect((await seatOfMember(db, m.membershipId))?.planCode).toBe('pro');
  });

  it('"Give it back" frees the seat at once', async () => {
    const t = await orgWithPro(1);
    const m = t.members[0]!;
    db.clock.set(IDLE_AT);
    await offerIdleSeats(db.ctx);
    const [offer] = await offersOf(m.membershipId);

    db.clock.set('2026-03-30T00:00:00Z');
    const reply = await runAction(chat(m), 'idle.give_back', { payload: { offerId: offer!.id } });
    expect(reply).toMatchObject({ tone: 'ok' });
    expect(reply.text).toContain('You gave back your Pro seat in Acme');
    expect(await seatOfMember(db, m.membershipId)).toBeNull();
    expect((await offersOf(m.membershipId))[0]!.status).toBe('given_back');
    expect(await auditRows(db, { action: 'seat.given_back', subjectId: m.membershipId })).toHaveLength(1);

    const again = await runAction(chat(m), 'idle.give_back', { payload: { offerId: offer!.id } });
    expect(again).toMatchObject({ tone: 'error', code: 'conflict' });
    expect(again.text).toContain('You already gave back your pro seat in Acme.');
  });

  it("someone else's offer is not found, and changes nothing", async () => {
    const t = await orgWithPro(2);
    const [m, other] = t.members as [Member, Member];
    db.clock.set(IDLE_AT);
    await offerIdleSeats(db.ctx);
    const [offer] = await offersOf(m.membershipId);
    for (const who of [other, t.owner]) {
      const reply = await runAction(chat(who), 'idle.give_back', { payload: { offerId: offer!.id } });
      expect(reply).toMatchObject({ tone: 'error', code: 'not_found' });
    }
    await refusal(
      'not_found',
      answerIdleOffer(db.ctx, { email: 'stranger@example.com' }, { offerId: offer!.id, keep: true }),
    );
    await refusal('invalid_input', answerIdleOffer(db.ctx, m.actor, { offerId: 'nope', keep: true }));
    expect((await offersOf(m.membershipId))[0]!.status).toBe('open');
    expect((await seatOfMember(db, m.membershipId))?.planCode).toBe('pro');
  });
});

describe.skipIf(usingPglite)('with two workers at once', () => {
  it('offers once and reclaims once', async () => {
    const t = await orgWithPro(3, { name: 'Twin' });
    const [a, b] = await Promise.all([db.connect(3), db.connect(3)]);
    const ctxA = contextOn(db, a);
    const ctxB = contextOn(db, b);
    db.clock.set(IDLE_AT);
    await Promise.all([offerIdleSeats(ctxA), offerIdleSeats(ctxB)]);
    for (const m of t.members) {
      expect(await offersOf(m.membershipId)).toHaveLength(1);
      expect(await outboxTo(db, m.id, 'idle_seat_offer')).toHaveLength(1);
    }
    db.clock.set(GRACE_END);
    await Promise.all([reclaimIdleSeats(ctxA), reclaimIdleSeats(ctxB)]);
    for (const m of t.members) {
      expect(await seatOfMember(db, m.membershipId)).toBeNull();
      expect(await outboxTo(db, m.id, 'idle_seat_reclaimed')).toHaveLength(1);
    }
  });
});
