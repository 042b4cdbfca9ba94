import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approvePurchase } from '../../src/service/approve-purchase.ts';
import { chatOn } from '../support/chat.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { addMember, addSeats, auditRows, DAY_MS, giveSeat, orgWith } from '../support/fixtures.ts';
import { freeSeatCount, outbox, sql } from '../support/purchase-fixtures.ts';

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());
const START = '2026-03-01T00:00:00Z';
beforeEach(() => db.clock.set(START));

const unique = (name: string) => `${name}-${Date.now()}${Math.random().toString(36).slice(2, 6)}@example.com`;

/** Acme with an approver, an admin who asks (not an approver), a member, and Ana and Bo on Free. */
const team = async (period: 'month' | 'year' = 'month') => {
  const f = await orgWith(db, { name: 'Acme', period });
  const approver = await addMember(db, f.org.id, { role: 'admin', approver: true });
  const lead = await addMember(db, f.org.id, { role: 'admin' });
  const member = await addMember(db, f.org.id, { role: 'member' });
  const ana = await addMember(db, f.org.id, { email: unique('ana') });
  const bo = await addMember(db, f.org.id, { email: unique('bo') });
  return { ...f, approver, lead, member, ana, bo };
};
const planOf = async (membershipId: string) =>
  (
    await sql<{ plan_code: string }>(db, 'select plan_code from seat where membership_id = ?', [membershipId])
  )[0]?.plan_code ?? 'free';
const lastRequest = async (orgId: string) =>
  (
    await sql<{ id: string; quantity: number; status: string; for_membership_ids: string[] }>(
      db,
      `select id, quantity, status, for_membership_ids from purchase_request
       where organization_id = ? order by created_at desc limit 1`,
      [orgId],
    )
  )[0];
const requestCount = async (orgId: string) =>
  Number(
    (
      await sql<{ n: string }>(db, 'select count(*) as n from purchase_request where organization_id = ?', [
        orgId,
      ])
    )[0]!.n,
  );

describe('seats for the people named: add <n> <plan> for <who>', () => {
  it('the quote and the approval card say whom the seats are for; once bought, each of them has one', async () => {
    const t = await team();
    const chat = chatOn(db);
    const quote = await chat.say(t.lead.email, `add 2 pro for ${t.ana.email} and ${t.bo.email}`);
    expect(quote.fields).toContainEqual({ label: 'For', value: `${t.ana.email} and ${t.bo.email}` });
    const r = (await lastRequest(t.org.id))!;
    expect(r.for_membership_ids).toEqual([t.ana.membershipId, t.bo.membershipId]);
    const card = (await chat.inbox(t.approver.email)).find((m) => m.text.includes('asks for 2 Pro seats'))!;
    expect(card.text).toContain(`For ${t.ana.email} and ${t.bo.email}.`);

    const d = await approvePurchase(db.ctx, t.approver.actor, { requestId: r.id });
    expect(d.outcome).toBe('charged');
    expect([await planOf(t.ana.membershipId), await planOf(t.bo.membershipId)]).toEqual(['pro', 'pro']);
    expect((await lastRequest(t.org.id))!.for_membership_ids).toEqual([]);
    // each is told, as an assignment tells them, and it is audited against the request
    const told = await outbox(db, 'seat_assigned');
    expect(told.filter((n) => [t.ana.id, t.bo.id].includes(n.recipient_id))).toHaveLength(2);
    const [audited] = await auditRows(db, { action: 'seat.assigned', subjectId: t.ana.membershipId });
    expect(audited!.after).toMatchObject({ plan: 'pro', forRequest: r.id });
  });

  it('the purchase form offers a picker of members to whoever may give seats, and its picks are whom the seats are for', async () => {
    const t = await team();
    const chat = chatOn(db);
    const form = (await chat.say(t.lead.email, 'add')).form!;
    const picker = form.fields.find((f) => f.name === 'forPeople')!;
    expect(picker).toMatchObject({ type: 'people', search: 'add.for', required: false });
    expect(picker.options?.map((o) => o.value)).toContain(t.ana.email);
    // a member asks only for seats, not for whom
    expect((await chat.say(t.member.email, 'add')).form!.fields.map((f) => f.name)).toEqual([
      'plan',
      'quantity',
    ]);
    await chat.act(t.lead.email, form.action, form.payload ?? {}, {
      plan: 'pro',
      quantity: '2',
      forPeople: [t.ana.email, t.bo.email],
    });
    expect((await lastRequest(t.org.id))!.for_membership_ids).toEqual([
      t.ana.membershipId,
      t.bo.membershipId,
    ]);
  });

  it('"add pro for …" asks for a seat per person', async () => {
    const t = await team();
    await chatOn(db).say(t.lead.email, `add pro for ${t.ana.email} ${t.bo.email}`);
    expect((await lastRequest(t.org.id))!.quantity).toBe(2);
  });

  it('someone on another plan moves over when the seats come: their old seat is freed', async () => {
    const t = await team();
    await addSeats(db, t.contract.id, 'business', 1);
    await giveSeat(db, t.contract.id, t.ana.membershipId, 'business');
    await chatOn(db).say(t.lead.email, `add 1 pro for ${t.ana.email}`);
    await approvePurchase(db.ctx, t.approver.actor, { requestId: (await lastRequest(t.org.id))!.id });
    expect(await planOf(t.ana.membershipId)).toBe('pro');
    expect(await freeSeatCount(db, t.contract.id, 'business')).toBe(1);
  });

  it('refuses in one line, asking for nothing: a stranger, someone who has the seat, too many people, a member naming others', async () => {
    const t = await team();
    await addSeats(db, t.contract.id, 'pro', 1);
    await giveSeat(db, t.contract.id, t.bo.membershipId, 'pro');
    const chat = chatOn(db);
    const cases: [string, string, string][] = [
      [
        t.lead.email,
        'add 1 pro for stranger@example.com',
        'stranger@example.com is not an active member of Acme. Invite them first (`invite stranger@example.com`), or leave them out.',
      ],
      [
        t.lead.email,
        `add 1 pro for ${t.bo.email}`,
        `${t.bo.email} already has a Pro seat. Leave ${t.bo.email} out and ask for one seat fewer.`,
      ],
      [
        t.lead.email,
        `add 1 pro for ${t.ana.email} ${t.member.email}`,
        'You named 2 people for 1 seat. Ask for 2 seats, or name fewer people.',
      ],
      [
        t.member.email,
        `add 1 pro for ${t.ana.email}`,
        'Only admins can ask for seats for other people. Ask for seats without naming anyone, or ask an admin to ask for them.',
      ],
    ];
    for (const [who, line, said] of cases) {
      const r = await chat.say(who, line);
      expect(r.tone, line).toBe('error');
      expect(r.text).toBe(said);
    }
    expect(await requestCount(t.org.id)).toBe(0);
    // naming yourself is asking for yourself: any member may
    const own = await chat.say(t.member.email, `add 1 pro for ${t.member.email}`);
    expect(own.tone).not.toBe('error');
    expect(await requestCount(t.org.id)).toBe(1);
  });
});

describe('a seat given back goes to the people named', () => {
  /** Two Pro seats held by Dan and Eve, unused for 30 days. */
  const idleHolders = async (t: Awaited<ReturnType<typeof team>>) => {
    await addSeats(db, t.contract.id, 'pro', 2);
    const holders = [];
    for (const name of ['dan', 'eve']) {
      const h = await addMember(db, t.org.id, { email: unique(name) });
      await giveSeat(db, t.contract.id, h.membershipId, 'pro');
      holders.push(h);
    }
    db.clock.set(new Date(Date.parse(START) + 30 * DAY_MS));
    return holders;
  };

  it('the first one given back is the first person’s; only the rest is bought, for the next', async () => {
    const t = await team();
    const [dan] = await idleHolders(t);
    const chat = chatOn(db);
    const quote = await chat.say(t.lead.email, `add 2 pro for ${t.ana.email} ${t.bo.email}`);
    const ask = quote.buttons!.find((b) => b.action === 'purchase.ask_give_back')!;
    await chat.act(t.lead.email, ask.action, ask.payload);
    const offer = (await chat.inbox(dan!.email)).find((m) =>
      m.buttons?.some((b) => b.action === 'idle.give_back'),
    )!;
    const giveBack = offer.buttons!.find((b) => b.action === 'idle.give_back')!;
    await chat.act(dan!.email, giveBack.action, giveBack.payload);

    expect(await planOf(t.ana.membershipId)).toBe('pro');
    expect(await planOf(t.bo.membershipId)).toBe('free');
    const r = (await lastRequest(t.org.id))!;
    expect(r).toMatchObject({ quantity: 1, status: 'pending', for_membership_ids: [t.bo.membershipId] });
    // the approver's card, drawn again, says whom the rest is for
    const [updated] = (await outbox(db, 'approval_updated')).filter((n) => n.recipient_id === t.approver.id);
    expect(updated!.payload).toMatchObject({ quantity: 1, forPeople: { count: 1, names: [t.bo.email] } });
    const told = (await chat.inbox(t.lead.email)).find((m) => m.text.includes('given back'))!;
    expect(told.text).toBe(
      `A Pro seat was given back in Acme for your request and went to the people you asked for: ${t.ana.email}. Your request is for 1 Pro seat now.`,
    );

    await approvePurchase(db.ctx, t.approver.actor, { requestId: r.id });
    expect(await planOf(t.bo.membershipId)).toBe('pro');
  });

  it('a leaver’s seat freed at once goes to the person named, said in the answer', async () => {
    const t = await team();
    const [dan] = await idleHolders(t);
    await sql(db, `update membership set status = 'detached' where id = ?`, [dan!.membershipId]);
    await sql(db, `update seat set auto_renew = false where membership_id = ?`, [dan!.membershipId]);
    const chat = chatOn(db);
    const quote = await chat.say(t.lead.email, `add 1 pro for ${t.ana.email}`);
    const ask = quote.buttons!.find((b) => b.action === 'purchase.ask_give_back')!;
    const answer = await chat.act(t.lead.email, ask.action, ask.payload);
    expect(answer.text).toBe(
      `1 seat held by someone who left is free now. Your request is covered: nothing will be bought. ${t.ana.email} has a Pro seat now.`,
    );
    expect(await planOf(t.ana.membershipId)).toBe('pro');
    expect((await lastRequest(t.org.id))!.status).toBe('covered');
  });

  it('an approver’s own quote offers to ask them next to Buy anyway', async () => {
    const t = await team();
    await idleHolders(t);
    const quote = await chatOn(db).say(t.approver.email, 'add 1 pro');
    expect(quote.buttons?.map((b) => b.label)).toEqual(['Ask them to give back', 'Buy anyway', 'Cancel']);
    expect(quote.buttons?.[1]?.action).toBe('purchase.approve');
  });
});
