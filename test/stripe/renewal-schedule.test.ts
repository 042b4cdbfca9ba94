import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { approvePurchase } from '../../src/service/approve-purchase.ts';
import { cancelOrganization } from '../../src/service/cancel-organization.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { offboardMembers } from '../../src/service/offboard-members.ts';
import { reconcileBilling } from '../../src/service/reconcile-billing.ts';
import { requestSeats } from '../../src/service/request-seats.ts';
import { renewalKey, rollContract } from '../../src/service/roll-renewal.ts';
import { sendRenewalReminders } from '../../src/service/send-renewal-reminders.ts';
import { setSeatAutoRenew } from '../../src/service/set-seat-auto-renew.ts';
import { undoCancel } from '../../src/service/undo-cancel.ts';
import type { TestDb } from '../support/db.ts';
import { addMember, addSeats, auditRows, giveSeat, orgWith } from '../support/fixtures.ts';
import { seatCount, sql } from '../support/purchase-fixtures.ts';
import { form, linkSubscription, schedule, stripeApi, stripeSuite, subscription } from './support.ts';

let db: TestDb;
let stripe: ServiceContext;

stripeSuite('2026-03-01T00:00:00Z', (d, s) => {
  db = d;
  stripe = s;
});

const PERIOD = { start: '2026-03-01T00:00:00Z', end: '2026-04-01T00:00:00Z' };
const epoch = (iso: string) => String(Math.floor(new Date(iso).getTime() / 1000));
const PERIOD_KEY = '2026-03-01T00:00:00.000Z';

/**
 * A Stripe-billed organization: the owner's business seat and `pro` pro seats, one of them held
 * by a member (whose auto-renew the tests switch). Only this contract is linked to Stripe.
 */
const billedOrg = async (pro = 2) => {
  const f = await orgWith(db, { seats: { pro } });
  const member = await addMember(db, f.org.id);
  await giveSeat(db, f.contract.id, member.membershipId, 'pro');
  const tag = f.contract.id.slice(0, 8);
  const ids = { sub: `sub_${tag}`, bus: `si_bus_${tag}`, pro: `si_pro_${tag}`, sched: `sub_sched_${tag}` };
  await db.em.fork().execute('delete from stripe_subscription');
  await linkSubscription(db, f.contract.id, ids.sub, [
    { plan: 'business', itemId: ids.bus, priceId: 'price_business' },
    { plan: 'pro', itemId: ids.pro, priceId: 'price_pro' },
  ]);
  const billed = (o: { pro?: number; schedule?: object | string | null } = {}) =>
    subscription(ids.sub, {
      items: [
        { itemId: ids.bus, plan: 'business', quantity: 1 },
        { itemId: ids.pro, plan: 'pro', quantity: o.pro ?? pro },
      ],
      schedule: o.schedule ?? null,
    });
  return { ...f, member, ids, billed };
};

type Seen = { path: string; body: Record<string, string>; key: string | undefined };

/** Records every POST to Stripe in order; the paths in `replies` answer, anything else is a failure. */
const recordPosts = (replies: Record<string, object>) => {
  const seen: Seen[] = [];
  const unexpected: string[] = [];
  for (const [path, reply] of Object.entries(replies)) {
    stripeApi()
      .post(path)
      .reply(function (_uri, body) {
        seen.push({ path, body: form(body), key: this.req.headers['idempotency-key'] as string | undefined });
        return [200, reply];
      });
  }
  // registered last: only requests no expected interceptor took reach it
  stripeApi()
    .persist()
    .post(/.*/)
    .optionally()
    .reply((uri) => {
      unexpected.push(uri);
      return [500, { error: { type: 'api_error', message: 'unexpected request in test' } }];
    });
  return { seen, unexpected };
};

/** Stripe's answer to `GET /v1/subscriptions/:id?expand[]=schedule`. */
const expandedOnce = (f: Awaited<ReturnType<typeof billedOrg>>, body: object) =>
  stripeApi().get(`/v1/subscriptions/${f.ids.sub}`).query({ 'expand[0]': 'schedule' }).reply(200, body);

const NOW_ITEMS = (pro: number) => [
  { price: 'price_business', quantity: 1 },
  { price: 'price_pro', quantity: pro },
];

/** The two-phase update body: the current period as billed (business 1, pro `now`), then `next` pro seats. */
const phasesBody = (now: number, next: number) => ({
  end_behavior: 'release',
  proration_behavior: 'none',
  'phases[0][start_date]': epoch(PERIOD.start),
  'phases[0][end_date]': epoch(PERIOD.end),
  'phases[0][items][0][price]': 'price_business',
  'phases[0][items][0][quantity]': '1',
  'phases[0][items][1][price]': 'price_pro',
  'phases[0][items][1][quantity]': String(now),
  'phases[0][proration_behavior]': 'none',
  'phases[1][items][0][price]': 'price_business',
  'phases[1][items][0][quantity]': '1',
  'phases[1][items][1][price]': 'price_pro',
  'phases[1][items][1][quantity]': String(next),
  'phases[1][duration][interval]': 'month',
  'phases[1][duration][interval_count]': '1',
  'phases[1][proration_behavior]': 'none',
});

const scheduleFailures = (contractId: string) =>
  auditRows(db, { action: 'billing.schedule_failed', subjectId: contractId });

describe('auto-renew reaches Stripe before its cycle invoice', () => {
  it('off: a schedule is attached from the subscription once, then planned in two phases; the current period is not touched', async () => {
    const f = await billedOrg(2);
    expandedOnce(f, f.billed());
    const attached = schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(2) });
    const posts = recordPosts({
      '/v1/subscription_schedules': attached,
      [`/v1/subscription_schedules/${f.ids.sched}`]: attached,
    });
    const r = await setSeatAutoRenew(stripe, f.owner.actor, {
      organizationId: f.org.id,
      member: f.member.email,
      autoRenew: false,
    });
    expect(r.endsAt).toEqual(new Date(PERIOD.end));
    expect(posts.seen).toEqual([
      {
        path: '/v1/subscription_schedules',
        body: { from_subscription: f.ids.sub },
        key: `contract:${f.contract.id}:schedule:${PERIOD_KEY}:attach:r0`,
      },
      {
        path: `/v1/subscription_schedules/${f.ids.sched}`,
        // this period stays at what Stripe bills now (2 pro); the next one bills 1
        body: phasesBody(2, 1),
        key: `contract:${f.contract.id}:schedule:${PERIOD_KEY}:business=1,pro=2>business=1,pro=1:r0`,
      },
    ]);
    // nothing was sent to the subscription itself: the current period is not lowered
    expect(posts.unexpected).toEqual([]);
    expect(await scheduleFailures(f.contract.id)).toEqual([]);
    expect(await seatCount(db, f.contract.id, 'pro')).toBe(2);
  });

  it('on again restores the next phase to every seat, and off again is a new request, not a replay of the first', async () => {
    const f = await billedOrg(2);
    const toggle = (autoRenew: boolean) =>
      setSeatAutoRenew(stripe, f.owner.actor, {
        organizationId: f.org.id,
        member: f.member.email,
        autoRenew,
      });
    // off: attach and plan 2 → 1
    expandedOnce(f, f.billed());
    const planned = (next: number) =>
      schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(2), next: NOW_ITEMS(next) });
    let posts = recordPosts({
      '/v1/subscription_schedules': schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(2) }),
      [`/v1/subscription_schedules/${f.ids.sched}`]: planned(1),
    });
    await toggle(false);
    const first = posts.seen.at(-1)!;
    nock.cleanAll();

    // on: the schedule exists (no second attach); the next phase goes back to 2 pro seats
    expandedOnce(f, f.billed({ schedule: planned(1) }));
    posts = recordPosts({ [`/v1/subscription_schedules/${f.ids.sched}`]: planned(2) });
    await toggle(true);
    expect(posts.seen).toEqual([
      {
        path: `/v1/subscription_schedules/${f.ids.sched}`,
        body: phasesBody(2, 2),
        key: `contract:${f.contract.id}:schedule:${PERIOD_KEY}:business=1,pro=2>business=1,pro=2:r1`,
      },
    ]);
    expect(posts.unexpected).toEqual([]);
    nock.cleanAll();

    // off again: the same quantities as the first time, but a key Stripe has not answered yet
    expandedOnce(f, f.billed({ schedule: planned(2) }));
    posts = recordPosts({ [`/v1/subscription_schedules/${f.ids.sched}`]: planned(1) });
    await toggle(false);
    expect(posts.seen.map((p) => p.body)).toEqual([phasesBody(2, 1)]);
    expect(posts.seen[0]!.key).toBe(
      `contract:${f.contract.id}:schedule:${PERIOD_KEY}:business=1,pro=2>business=1,pro=1:r2`,
    );
    expect(posts.seen[0]!.key).not.toBe(first.key);
    expect(posts.unexpected).toEqual([]);
    expect(await scheduleFailures(f.contract.id)).toEqual([]);
  });

  it('a schedule that already plans the same next period is left alone', async () => {
    const f = await billedOrg(2);
    await db.em
      .fork()
      .execute('update seat set auto_renew = false where membership_id = ?', [f.member.membershipId]);
    await db.em
      .fork()
      .execute('update stripe_subscription set schedule_id = ? where contract_id = ?', [
        f.ids.sched,
        f.contract.id,
      ]);
    expandedOnce(
      f,
      f.billed({ schedule: schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(2), next: NOW_ITEMS(1) }) }),
    );
    stripeApi().get(`/v1/subscriptions/${f.ids.sub}`).reply(200, f.billed());
    const posts = recordPosts({});
    expect(await reconcileBilling(stripe)).toEqual([]);
    expect(posts.unexpected).toEqual([]);
  });

  it('Stripe failing does not undo the change: it is recorded, and the hourly reconciliation sends it', async () => {
    const f = await billedOrg(2);
    stripeApi()
      .get(`/v1/subscriptions/${f.ids.sub}`)
      .query({ 'expand[0]': 'schedule' })
      .reply(400, { error: { type: 'invalid_request_error', code: 'resource_missing', message: 'nope' } });
    const r = await setSeatAutoRenew(stripe, f.owner.actor, {
      organizationId: f.org.id,
      member: f.member.email,
      autoRenew: false,
    });
    expect(r.seat.autoRenew).toBe(false);
    const [seat] = await sql<{ auto_renew: boolean }>(
      db,
      'select auto_renew from seat where membership_id = ?',
      [f.member.membershipId],
    );
    expect(seat!.auto_renew).toBe(false);
    expect(await auditRows(db, { action: 'seat.auto_renew', subjectId: r.seat.id })).toHaveLength(1);
    const failed = await scheduleFailures(f.contract.id);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.after).toMatchObject({ error: 'Stripe refused the request (resource_missing).' });

    // the safety net: the next reconciliation plans it, then finds nothing drifting
    expandedOnce(f, f.billed());
    const posts = recordPosts({
      '/v1/subscription_schedules': schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(2) }),
      [`/v1/subscription_schedules/${f.ids.sched}`]: schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(2) }),
    });
    stripeApi().get(`/v1/subscriptions/${f.ids.sub}`).reply(200, f.billed());
    expect(await reconcileBilling(stripe)).toEqual([]);
    expect(posts.seen.map((p) => p.body)).toEqual([{ from_subscription: f.ids.sub }, phasesBody(2, 1)]);
    expect(posts.unexpected).toEqual([]);
    expect(await scheduleFailures(f.contract.id)).toHaveLength(1);
  });

  it('offboarding with stop-auto-renew plans the drop after the commit', async () => {
    const f = await billedOrg(3);
    expandedOnce(f, f.billed());
    const posts = recordPosts({
      '/v1/subscription_schedules': schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(3) }),
      [`/v1/subscription_schedules/${f.ids.sched}`]: schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(3) }),
    });
    await offboardMembers(stripe, f.owner.actor, {
      organizationId: f.org.id,
      members: [f.member.email],
      freeSeat: false,
      stopAutoRenew: true,
    });
    expect(posts.seen.map((p) => p.body)).toEqual([{ from_subscription: f.ids.sub }, phasesBody(3, 2)]);
    expect(posts.unexpected).toEqual([]);
  });

  it('the renewal reminder run, a week ahead, plans a drop nobody synced yet', async () => {
    const f = await billedOrg(2);
    // written without the service (as before this sync existed): Stripe knows nothing of it
    await db.em
      .fork()
      .execute('update seat set auto_renew = false where membership_id = ?', [f.member.membershipId]);
    db.clock.set('2026-03-26T00:00:00Z');
    expandedOnce(f, f.billed());
    const posts = recordPosts({
      '/v1/subscription_schedules': schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(2) }),
      [`/v1/subscription_schedules/${f.ids.sched}`]: schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(2) }),
    });
    expect(await sendRenewalReminders(stripe)).toBeGreaterThanOrEqual(1);
    expect(posts.seen.map((p) => p.body)).toEqual([{ from_subscription: f.ids.sub }, phasesBody(2, 1)]);
    expect(posts.unexpected).toEqual([]);
  });
});

describe('purchases while a drop is planned', () => {
  it('bought seats renew: after the purchase the next phase counts them (the current period as Stripe now bills it)', async () => {
    const f = await billedOrg(2);
    await db.em
      .fork()
      .execute('update seat set auto_renew = false where membership_id = ?', [f.member.membershipId]);
    await db.em
      .fork()
      .execute('update stripe_subscription set schedule_id = ? where contract_id = ?', [
        f.ids.sched,
        f.contract.id,
      ]);
    db.clock.set('2026-03-10T12:00:00Z');
    const posts = recordPosts({
      '/v1/invoices/create_preview': { object: 'invoice', id: 'upcoming', amount_due: 1234, currency: 'eur' },
      [`/v1/subscriptions/${f.ids.sub}`]: subscription(f.ids.sub, {
        items: [
          { itemId: f.ids.bus, plan: 'business', quantity: 1 },
          { itemId: f.ids.pro, plan: 'pro', quantity: 4 },
        ],
        latestInvoice: { id: 'in_paid', status: 'paid', amount_due: 1234 },
      }),
      [`/v1/subscription_schedules/${f.ids.sched}`]: schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(4) }),
    });
    const { request } = await requestSeats(stripe, f.owner.actor, {
      organizationId: f.org.id,
      quantity: 2,
      plan: 'pro',
    });
    expandedOnce(
      f,
      f.billed({
        pro: 4,
        schedule: schedule(f.ids.sched, { ...PERIOD, now: NOW_ITEMS(2), next: NOW_ITEMS(1) }),
      }),
    );
    expect((await approvePurchase(stripe, f.owner.actor, { requestId: request.id })).outcome).toBe('charged');
    expect(posts.seen.map((p) => p.path)).toEqual([
      '/v1/invoices/create_preview',
      `/v1/subscriptions/${f.ids.sub}`,
      `/v1/subscription_schedules/${f.ids.sched}`,
    ]);
    // 4 pro seats billed now, 3 of them renew (the member's still does not)
    expect(posts.seen[2]!.body).toEqual(phasesBody(4, 3));
    expect(posts.unexpected).toEqual([]);
  });

  it('while a purchase is held (pending update), the schedule is left alone until it settles', async () => {
    const f = await billedOrg(2);
    expandedOnce(f, { ...f.billed(), pending_update: { expires_at: 1_900_000_000, subscription_items: [] } });
    const posts = recordPosts({});
    await setSeatAutoRenew(stripe, f.owner.actor, {
      organizationId: f.org.id,
      member: f.member.email,
      autoRenew: false,
    });
    expect(posts.unexpected).toEqual([]);
    expect(await scheduleFailures(f.contract.id)).toEqual([]);
  });
});

describe('between the period end and our roll', () => {
  it('nothing is synced, and Stripe billing only the renewing seats is not a drift', async () => {
    const f = await billedOrg(2);
    await db.em
      .fork()
      .execute('update seat set auto_renew = false where membership_id = ?', [f.member.membershipId]);
    await db.em
      .fork()
      .execute('update stripe_subscription set schedule_id = ? where contract_id = ?', [
        f.ids.sched,
        f.contract.id,
      ]);
    db.clock.set('2026-04-01T00:00:30Z');
    // the schedule's next phase began: 1 pro seat billed, while our roll has not removed the other yet
    stripeApi()
      .get(`/v1/subscriptions/${f.ids.sub}`)
      .reply(200, f.billed({ pro: 1, schedule: f.ids.sched }));
    const posts = recordPosts({});
    expect(await reconcileBilling(stripe)).toEqual([]);
    expect(posts.unexpected).toEqual([]);
    expect(await auditRows(db, { action: 'billing.drift', subjectId: f.contract.id })).toEqual([]);
  });
});

describe('the renewal roll with a schedule in place', () => {
  it('sends nothing when the schedule already dropped the seats, and forgets the item Stripe removed', async () => {
    const f = await orgWith(db);
    await addSeats(db, f.contract.id, 'pro', 1, { autoRenew: false });
    const tag = f.contract.id.slice(0, 8);
    await db.em.fork().execute('delete from stripe_subscription');
    await linkSubscription(db, f.contract.id, `sub_${tag}`, [
      { plan: 'business', itemId: `si_bus_${tag}`, priceId: 'price_business' },
      { plan: 'pro', itemId: `si_pro_${tag}`, priceId: 'price_pro' },
    ]);
    db.clock.set('2026-04-01T00:00:01Z');
    // the next phase began: Stripe already bills the business seat only
    stripeApi()
      .get(`/v1/subscriptions/sub_${tag}`)
      .reply(
        200,
        subscription(`sub_${tag}`, { items: [{ itemId: `si_bus_${tag}`, plan: 'business', quantity: 1 }] }),
      );
    const posts = recordPosts({});
    const r = await rollContract(stripe, f.contract.id);
    expect(r).toMatchObject({ rolled: true, seatsEnded: 1 });
    expect(r.rolled && !r.closed && r.invoice).toMatchObject({ ok: true, ref: `sub_${tag}` });
    expect(posts.unexpected).toEqual([]);
    const items = await sql<{ plan_code: string }>(
      db,
      'select plan_code from stripe_subscription_item where contract_id = ?',
      [f.contract.id],
    );
    expect(items.map((i) => i.plan_code)).toEqual(['business']);
    expect(renewalKey(f.contract.id, new Date(PERIOD.end))).toBe(
      `contract:${f.contract.id}:period:2026-04-01T00:00:00.000Z`,
    );
  });
});

describe('cancel with a schedule in place', () => {
  it('releases the schedule first (Stripe refuses cancel_at_period_end on a scheduled subscription), then cancels', async () => {
    const f = await billedOrg(2);
    await db.em
      .fork()
      .execute('update seat set auto_renew = false where membership_id = ?', [f.member.membershipId]);
    await db.em
      .fork()
      .execute('update stripe_subscription set schedule_id = ? where contract_id = ?', [
        f.ids.sched,
        f.contract.id,
      ]);
    stripeApi()
      .get(`/v1/subscriptions/${f.ids.sub}`)
      .reply(200, f.billed({ schedule: f.ids.sched }));
    const posts = recordPosts({
      [`/v1/subscription_schedules/${f.ids.sched}/release`]: {
        id: f.ids.sched,
        object: 'subscription_schedule',
      },
      [`/v1/subscriptions/${f.ids.sub}`]: { id: f.ids.sub, object: 'subscription' },
    });
    await cancelOrganization(stripe, f.owner.actor, { organizationId: f.org.id });
    expect(posts.seen.map((p) => [p.path, p.body, p.key])).toEqual([
      [
        `/v1/subscription_schedules/${f.ids.sched}/release`,
        {},
        `contract:${f.contract.id}:schedule:${f.ids.sched}:release`,
      ],
      [`/v1/subscriptions/${f.ids.sub}`, { cancel_at_period_end: 'true' }, expect.any(String)],
    ]);
    expect(posts.unexpected).toEqual([]);
    const [row] = await sql<{ schedule_id: string | null; schedule_revision: number }>(
      db,
      'select schedule_id, schedule_revision from stripe_subscription where contract_id = ?',
      [f.contract.id],
    );
    expect(row).toEqual({ schedule_id: null, schedule_revision: 1 });
    nock.cleanAll();

    // undo: the drop is planned again on a new schedule, with keys the released one never used
    db.clock.advance(60_000);
    expandedOnce(f, f.billed());
    const again = recordPosts({
      [`/v1/subscriptions/${f.ids.sub}`]: { id: f.ids.sub, object: 'subscription' },
      '/v1/subscription_schedules': schedule(`${f.ids.sched}_2`, { ...PERIOD, now: NOW_ITEMS(2) }),
      [`/v1/subscription_schedules/${f.ids.sched}_2`]: schedule(`${f.ids.sched}_2`, {
        ...PERIOD,
        now: NOW_ITEMS(2),
      }),
    });
    await undoCancel(stripe, f.owner.actor, { organizationId: f.org.id });
    expect(again.seen.map((p) => [p.path, p.key])).toEqual([
      [`/v1/subscriptions/${f.ids.sub}`, expect.stringContaining(':cancel_at_period_end:false:')],
      ['/v1/subscription_schedules', `contract:${f.contract.id}:schedule:${PERIOD_KEY}:attach:r1`],
      [
        `/v1/subscription_schedules/${f.ids.sched}_2`,
        `contract:${f.contract.id}:schedule:${PERIOD_KEY}:business=1,pro=2>business=1,pro=1:r1`,
      ],
    ]);
    expect(again.unexpected).toEqual([]);
  });
});
