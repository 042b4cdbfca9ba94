import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import pino from 'pino';
import { LedgerGateway } from '../adapters/ledger/ledger-gateway.ts';
import { ledgerChargeStore } from '../db/repositories/ledger-charges.ts';
import { ormConfig } from '../mikro-orm.config.ts';
import { DEFAULT_PLANS, listPrice } from '../src/domain/catalog.ts';
import { DomainError } from '../src/domain/errors.ts';
import { tieredTotal } from '../src/domain/tiers.ts';
import { startWorker, type Worker } from '../src/jobs/worker.ts';
import { approvePurchase, resumeStalledPurchases } from '../src/service/approve-purchase.ts';
import { assignPlan } from '../src/service/assign-plan.ts';
import { collectDueCharges } from '../src/service/collect-period-charges.ts';
import type { ServiceContext } from '../src/service/context.ts';
import { createOrganization } from '../src/service/create-organization.ts';
import type { BillingGateway } from '../src/service/ports.ts';
import { requestSeats } from '../src/service/request-seats.ts';
import { rollDueContracts } from '../src/service/roll-renewal.ts';
import { setSeatAutoRenew } from '../src/service/set-seat-auto-renew.ts';
import { upsertAccount } from '../src/service/upsert-account.ts';
import {
  type CrashedSends,
  crashedSends,
  LEASE_REAL_MS,
  LEASE_RENEW_MS,
  outboxClock,
  POLL_MS,
  RecordingNotifier,
  readCrashedLine,
  sendBook,
  verifyOutbox,
} from './soak-outbox.ts';
import { createBenchDb } from './support.ts';

/**
 * `npm run bench:soak`: a fault-injection soak of the renewal boundary on real PostgreSQL.
 *
 * Organizations on monthly contracts ending 2026-04-01. Simulated time runs from two hours before
 * the end to two hours after it, a minute per step. Each step members ask for seats, owners
 * approve (sometimes twice at once, from both workers), owners turn auto-renew off and on, and two
 * workers (separate connection pools) run the renewal, resume and collection jobs side by side.
 * The billing provider fails at random: down before the money moves, or the answer lost after it
 * moved. Some owners' cards decline (dunning). A minute before the end a third worker, a real
 * child process, approves purchases and is killed with SIGKILL after its charges went through and
 * before it recorded them. Throughout, both workers and the killed one deliver the outbox as the
 * worker process does, to platforms that are slow (now and then longer than the lease), rate
 * limit and miss recipients (bench/soak-outbox.ts); the killed one dies between a send and its
 * record (members keep asking meanwhile, so it has notices to send). Then the provider heals,
 * the declining cards are replaced, time moves on and the jobs run until nothing is left to do,
 * the outbox drains, and the books are checked:
 *
 * - every purchase charged exactly its quote, once; nothing charged for one that was not;
 * - every period's invoices (the renewal plus seats billed late into it) equal its seats × the
 *   whole period at the graduated tiers; every seat comes from the initial seats or a paid purchase;
 * - no charge left in flight, no request left approved, no contract suspended after payment;
 * - every outbox row sent was delivered, none twice except the killed worker's row in flight, none
 *   lost, and its attempts counter equals the sends made.
 *
 * Knobs: SOAK_ORGS (default 24), SOAK_SEED (default 1), SOAK_DOWN (provider down, 0.15),
 * SOAK_LOST (answer lost after charging, 0.05). Rewrites its section of bench/RESULTS.md.
 */
const num = (name: string, fallback: number) => {
  const v = process.env[name];
  const n = v === undefined || v === '' ? fallback : Number(v);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a number ≥ 0, got "${v}"`);
  return n;
};
const ORGS = num('SOAK_ORGS', 24);
const SEED = num('SOAK_SEED', 1);
const P_DOWN = num('SOAK_DOWN', 0.15);
const P_LOST = num('SOAK_LOST', 0.05);
const PERIOD_START = new Date('2026-03-01T00:00:00Z');
const PERIOD_END = new Date('2026-04-01T00:00:00Z');
const MIN = 60_000;

/** mulberry32: a small seeded generator, so a failing run can be replayed with its seed. */
const rng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
const random = rng(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

let clockAt = new Date(PERIOD_START);
const clock = { now: () => new Date(clockAt.getTime()) };

const faults = { down: 0, lost: 0 };
let faulty = true;
/** The ledger behind a provider that is down at random, or loses its answer after charging. */
const flaky = (inner: LedgerGateway): BillingGateway => {
  const g = Object.create(inner) as BillingGateway;
  const moving =
    <I, O>(run: (i: I) => Promise<O>) =>
    async (i: I): Promise<O> => {
      if (faulty && random() < P_DOWN) {
        faults.down++;
        throw new Error('provider down');
      }
      const out = await run(i);
      if (faulty && random() < P_LOST) {
        faults.lost++;
        throw new Error('provider answer lost');
      }
      return out;
    };
  g.charge = moving((i) => inner.charge(i));
  g.purchaseSeats = moving((i) => inner.purchaseSeats(i));
  g.renew = moving((i) => inner.renew(i));
  g.collectOverdue = moving((i) => inner.collectOverdue(i));
  return g;
};

const workerOn = async (url: string): Promise<{ orm: MikroORM; ctx: ServiceContext }> => {
  const orm = await MikroORM.init(ormConfig({ databaseUrl: url, pool: 6 }));
  const em = orm.em as unknown as EntityManager;
  return { orm, ctx: { em, clock, billing: flaky(new LedgerGateway(ledgerChargeStore(em), clock.now)) } };
};

interface Org {
  id: string;
  contractId: string;
  owner: string;
  members: string[];
  declining: boolean;
}

const outcomes = new Map<string, number>();
const count = (k: string) => outcomes.set(k, (outcomes.get(k) ?? 0) + 1);
/** Runs a step of the soak; a coded refusal or an injected fault is an expected answer, anything else is not. */
const attempt = async (label: string, run: () => Promise<unknown>) => {
  try {
    await run();
    count(`${label}: ok`);
  } catch (e) {
    if (e instanceof DomainError) count(`${label}: ${e.code}`);
    else if (e instanceof Error && e.message.startsWith('provider')) count(`${label}: provider fault`);
    else throw e;
  }
};

const main = async () => {
  const started = performance.now();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const db = await createBenchDb();
  const hardStop = setTimeout(() => {
    console.error('soak: over 5 minutes, giving up');
    db.drop().finally(() => process.exit(1));
  }, 5 * 60_000).unref();
  const a = await workerOn(db.url);
  const b = await workerOn(db.url);
  let child: ChildProcess | null = null;
  const outboxWorkers: Worker[] = [];
  try {
    // ---- organizations, created at the period start with reliable billing
    faulty = false;
    clockAt = new Date(PERIOD_START);
    const orgs: Org[] = [];
    for (let i = 0; i < ORGS; i++) {
      const owner = `owner-${i}@soak.example`;
      await upsertAccount(a.ctx, { email: owner, personalPlan: 'business', paymentMethod: 'pm_card_visa' });
      const { organization, contract } = await createOrganization(
        a.ctx,
        { email: owner },
        { name: `Soak ${i}` },
      );
      const members: string[] = [];
      for (let m = 0; m < 3; m++) {
        const email = `m${m}-${i}@soak.example`;
        await upsertAccount(a.ctx, { email, personalPlan: 'free' });
        await db.admin.query(
          `insert into membership (id, organization_id, account_id, role, approver, status, former, joined_at)
           select gen_random_uuid(), $1, id, 'member', false, 'active', false, $2 from account where email = $3`,
          [organization.id, PERIOD_START, email],
        );
        members.push(email);
      }
      const seats = 3 + Math.floor(random() * 10);
      await db.admin.query(
        `insert into seat (id, contract_id, plan_code, membership_id, auto_renew, assigned_at, last_used_at, created_at)
         select gen_random_uuid(), $1, 'pro', null, true, null, null, $2 from generate_series(1, $3)`,
        [contract.id, PERIOD_START, seats],
      );
      for (const m of members) {
        await assignPlan(
          a.ctx,
          { email: owner },
          { organizationId: organization.id, member: m, plan: 'pro' },
        );
      }
      orgs.push({ id: organization.id, contractId: contract.id, owner, members, declining: i % 8 === 7 });
    }
    for (const o of orgs.filter((x) => x.declining)) {
      await upsertAccount(a.ctx, { email: o.owner, paymentMethod: 'pm_card_chargeDeclined' });
    }
    const initial = new Map<string, Map<string, number>>();
    for (const o of orgs) {
      const rows = await db.admin.query<{ plan_code: string; n: number }>(
        'select plan_code, count(*)::int as n from seat where contract_id = $1 group by plan_code',
        [o.contractId],
      );
      initial.set(o.contractId, new Map(rows.rows.map((r) => [r.plan_code, r.n])));
    }

    // ---- outbox delivery in both workers from here on, on its own fast clock
    const outboxT0 = Date.now();
    const book = sendBook();
    const outboxRandom = rng(SEED + 1_000_003);
    const unreachable = new Set(orgs.map((_, i) => `m2-${i}@soak.example`).filter((_, i) => i % 6 === 5));
    const log = pino({ level: 'warn' }, pino.destination(2));
    for (const [name, w] of [['a', a] as const, ['b', b] as const]) {
      outboxWorkers.push(
        await startWorker(
          { ...w.ctx, clock: outboxClock(outboxT0) },
          new RecordingNotifier(name, book, outboxRandom, unreachable),
          { log, outboxIntervalMs: POLL_MS, leaseRenewMs: LEASE_RENEW_MS, jobs: [] },
        ),
      );
    }
    const crashedOutbox = crashedSends();

    // ---- the boundary, two hours either side, with faults
    faulty = true;
    let crashed = { charged: 0, killed: false, midSend: false };
    const from = PERIOD_END.getTime() - 120 * MIN;
    for (let t = from; t <= PERIOD_END.getTime() + 120 * MIN; t += MIN) {
      clockAt = new Date(t);
      const work: Promise<unknown>[] = [];
      for (let k = 0; k < 3; k++) {
        const o = pick(orgs);
        work.push(
          attempt('request', () =>
            requestSeats(
              pick([a.ctx, b.ctx]),
              { email: pick(o.members) },
              {
                organizationId: o.id,
                quantity: 1 + Math.floor(random() * 3),
                plan: random() < 0.8 ? 'pro' : 'business',
              },
            ),
          ),
        );
      }
      const pending = (
        await db.admin.query<{ id: string; organization_id: string }>(
          `select id, organization_id from purchase_request where status = 'pending' order by random() limit 4`,
        )
      ).rows;
      for (const p of pending) {
        const o = orgs.find((x) => x.id === p.organization_id)!;
        if (random() < 0.5) continue;
        work.push(
          attempt('approve', () =>
            approvePurchase(a.ctx, { email: o.owner }, { requestId: p.id }, { waitMs: 2000 }),
          ),
        );
        // a double click from the other worker
        if (random() < 0.3) {
          work.push(
            attempt('approve', () =>
              approvePurchase(b.ctx, { email: o.owner }, { requestId: p.id }, { waitMs: 2000 }),
            ),
          );
        }
      }
      if (random() < 0.5) {
        const o = pick(orgs);
        work.push(
          attempt('renew', () =>
            setSeatAutoRenew(
              pick([a.ctx, b.ctx]),
              { email: o.owner },
              {
                organizationId: o.id,
                member: pick(o.members),
                autoRenew: random() < 0.5,
              },
            ),
          ),
        );
      }
      for (const w of [a, b]) {
        work.push(attempt('roll', () => rollDueContracts(w.ctx)));
        work.push(attempt('resume', () => resumeStalledPurchases(w.ctx)));
        work.push(attempt('collect', () => collectDueCharges(w.ctx)));
      }
      await Promise.all(work);

      // a minute before the end: a third worker approves, charges, and is killed before recording
      if (!crashed.killed && t === PERIOD_END.getTime() - MIN) {
        const rows = (
          await db.admin.query<{ id: string; contract_id: string; organization_id: string }>(
            `select distinct on (contract_id) id, contract_id, organization_id from purchase_request
             where status = 'pending' and quote_expires_at > $1 order by contract_id, created_at`,
            [clockAt],
          )
        ).rows.slice(0, 4);
        // members go on asking meanwhile, so there are fresh notices for the third worker to send
        const memberAsks = () => {
          const o = pick(orgs);
          return attempt('request', () =>
            requestSeats(
              a.ctx,
              { email: pick(o.members) },
              { organizationId: o.id, quantity: 1, plan: 'pro' },
            ),
          );
        };
        const jobs = rows.map((r) => `${r.id}:${orgs.find((o) => o.id === r.organization_id)!.owner}`);
        crashed = await crashWorker(
          db.url,
          clockAt,
          jobs,
          { t0: outboxT0, unreachable, sends: crashedOutbox },
          memberAsks,
          (c) => {
            child = c;
          },
        );
        child = null;
      }
    }

    // ---- heal: reliable provider, good cards, time moves on; jobs until nothing is left
    faulty = false;
    for (const o of orgs.filter((x) => x.declining)) {
      await upsertAccount(a.ctx, { email: o.owner, paymentMethod: 'pm_card_visa' });
    }
    for (let round = 0; round < 10; round++) {
      clockAt = new Date(clockAt.getTime() + 5 * MIN);
      await Promise.all([a, b].flatMap((w) => [resumeStalledPurchases(w.ctx), collectDueCharges(w.ctx)]));
      await rollDueContracts(a.ctx);
    }
    // the outbox drains: every row sent or parked (rows retrying still count, with their error)
    const drainFrom = performance.now();
    const drainUntil = drainFrom + 90_000;
    while (performance.now() < drainUntil) {
      const left = await db.admin.query<{ n: number }>(
        `select count(*)::int as n from outbox where status = 'pending'`,
      );
      if (left.rows[0]!.n === 0) break;
      await new Promise((done) => setTimeout(done, 250));
    }
    const drainSeconds = (performance.now() - drainFrom) / 1000;
    const stopped = await Promise.all(outboxWorkers.splice(0).map((w) => w.stop(10_000)));
    lag.disable();

    const outbox = await verifyOutbox(db.admin, book, crashedOutbox, crashed.killed);
    const checks = [
      ...(await verify(db.admin, orgs, initial)),
      { name: 'outbox: both workers stopped within their grace', ok: stopped.every(Boolean) },
      ...outbox.checks,
    ];
    const seconds = (performance.now() - started) / 1000;
    const requests = (
      await db.admin.query<{ status: string; n: number }>(
        'select status, count(*)::int as n from purchase_request group by status order by status',
      )
    ).rows;
    const late = (
      await db.admin.query<{ n: number; amount: string }>(
        `select count(*)::int as n, coalesce(sum(amount), 0) as amount from period_charge where kind = 'late_purchase'`,
      )
    ).rows[0]!;
    const dunning = (
      await db.admin.query<{ n: number }>(
        `select count(*)::int as n from audit_event where action = 'billing.charge_declined'`,
      )
    ).rows[0]!.n;
    const report = {
      seed: SEED,
      orgs: ORGS,
      seconds,
      faults,
      crash: crashed,
      requests: Object.fromEntries(requests.map((r) => [r.status, r.n])),
      latePurchases: { charges: late.n, amount: Number(late.amount) },
      declinedAttempts: dunning,
      outbox: outbox.figures,
      leaseMs: LEASE_REAL_MS,
      drainSeconds,
      maxEventLoopDelayMs: lag.max / 1e6,
      outcomes: Object.fromEntries([...outcomes.entries()].sort()),
      checks,
    };
    console.log(JSON.stringify(report, null, 2));
    writeResults(report);
    const failed = checks.filter((c) => !c.ok);
    if (failed.length) {
      console.error(`soak: ${failed.length} check(s) failed`);
      process.exitCode = 1;
    }
  } finally {
    clearTimeout(hardStop);
    (child as ChildProcess | null)?.kill('SIGKILL');
    await Promise.all(outboxWorkers.map((w) => w.stop(1000)));
    await a.orm.close(true);
    await b.orm.close(true);
    await db.drop();
  }
};

/**
 * Starts the worker that is killed, waits until at least one charge went through and a moment
 * more, then SIGKILLs it as soon as it has an outbox row sent and not recorded (or 10 s later).
 */
const crashWorker = (
  url: string,
  at: Date,
  jobs: string[],
  outbox: { t0: number; unreachable: ReadonlySet<string>; sends: CrashedSends },
  meanwhile: () => Promise<unknown>,
  started: (c: ChildProcess) => void,
): Promise<{ charged: number; killed: boolean; midSend: boolean }> =>
  new Promise((resolve, reject) => {
    if (jobs.length === 0) return resolve({ charged: 0, killed: false, midSend: false });
    const c = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(import.meta.dirname, 'soak-crash-worker.ts')],
      {
        env: {
          ...process.env,
          SOAK_DB_URL: url,
          SOAK_NOW: at.toISOString(),
          SOAK_JOBS: jobs.join(','),
          SOAK_OUTBOX_T0: String(outbox.t0),
          SOAK_UNREACHABLE: [...outbox.unreachable].join(','),
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    started(c);
    let exited = false;
    const busy = async () => {
      while (!exited) {
        await meanwhile();
        await new Promise((done) => setTimeout(done, 150));
      }
    };
    const going = busy();
    let charged = 0;
    let timer: NodeJS.Timeout | null = null;
    let ready = false;
    let midSend = false;
    let partial = '';
    const sends = outbox.sends;
    const sending = () => [...sends.delivered].some((id) => !sends.recorded.has(id));
    let killing = false;
    const kill = () => {
      if (killing) return;
      killing = true;
      midSend = sending();
      c.kill('SIGKILL');
    };
    c.stdout!.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString()).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (line.startsWith('charged ')) charged++;
        readCrashedLine(sends, line);
      }
      // the first charge went through: give the others a moment to get there too
      if (charged > 0 && !timer) {
        timer = setTimeout(() => {
          ready = true;
          timer = setTimeout(kill, 10_000);
          if (sending()) kill();
        }, 1500);
      }
      if (ready && sending()) kill();
    });
    const giveUp = setTimeout(kill, 30_000);
    c.on('exit', (_code, signal) => {
      exited = true;
      clearTimeout(giveUp);
      if (timer) clearTimeout(timer);
      going.then(() => resolve({ charged, killed: signal === 'SIGKILL', midSend }), reject);
    });
    c.on('error', reject);
  });

interface Check {
  name: string;
  ok: boolean;
  detail?: unknown;
}

/** The books, checked from the ledger, the requests and the seats (not from the snapshots the code wrote). */
const verify = async (
  sql: import('pg').Client,
  orgs: Org[],
  initial: Map<string, Map<string, number>>,
): Promise<Check[]> => {
  const checks: Check[] = [];
  const q = async <T>(text: string, params: unknown[] = []) => (await sql.query(text, params)).rows as T[];
  const plans = new Map(DEFAULT_PLANS.map((p) => [p.code, p]));

  // 1. every purchase: charged its quote exactly once, or not at all
  const requests = await q<{
    id: string;
    contract_id: string;
    plan_code: string;
    quantity: number;
    status: string;
    prorated_amount: string;
    proration_date: Date;
  }>(
    'select id, contract_id, plan_code, quantity, status, prorated_amount, proration_date from purchase_request',
  );
  const succeeded = await q<{ idempotency_key: string; amount: string }>(
    `select idempotency_key, amount from ledger_charge where status = 'succeeded'`,
  );
  const paidBy = new Map(succeeded.map((r) => [r.idempotency_key, Number(r.amount)]));
  const wrongPurchases = requests.filter((r) => {
    const paid = paidBy.get(`purchase:${r.id}`);
    return r.status === 'charged' ? paid !== Number(r.prorated_amount) : paid !== undefined;
  });
  checks.push({
    name: 'every charged purchase paid its quote once; no other purchase paid',
    ok: wrongPurchases.length === 0,
    detail: wrongPurchases.slice(0, 3),
  });
  const stuck = requests.filter((r) => r.status === 'approved');
  checks.push({
    name: 'no purchase left approved (in flight)',
    ok: stuck.length === 0,
    detail: stuck.length,
  });

  // 2. seats: initial − ended at the roll + paid purchases, per contract and plan
  const seatRows = await q<{ contract_id: string; plan_code: string; n: number }>(
    'select contract_id, plan_code, count(*)::int as n from seat group by contract_id, plan_code',
  );
  const ended = await q<{ subject_id: string; n: number }>(
    `select subject_id, sum((after->>'seatsEnded')::int)::int as n from audit_event where action = 'contract.renewed' group by subject_id`,
  );
  const seatErrors: unknown[] = [];
  const invoiceErrors: unknown[] = [];
  for (const o of orgs) {
    const mineRequests = requests.filter((r) => r.contract_id === o.contractId && r.status === 'charged');
    for (const plan of ['pro', 'business']) {
      const now = seatRows.find((s) => s.contract_id === o.contractId && s.plan_code === plan)?.n ?? 0;
      const bought = mineRequests.filter((r) => r.plan_code === plan).reduce((s, r) => s + r.quantity, 0);
      // only pro seats ever stop renewing here
      const gone = plan === 'pro' ? (ended.find((e) => e.subject_id === o.contractId)?.n ?? 0) : 0;
      const expected = (initial.get(o.contractId)?.get(plan) ?? 0) - gone + bought;
      if (now !== expected) seatErrors.push({ contract: o.contractId, plan, seats: now, expected });
    }
    // 3. the new period: its renewal + seats billed late into it = its seats for the whole period
    const newPeriod = PERIOD_END.toISOString();
    // the first charge, or the dunning retry that paid it (one of them, never two)
    const paidOnce = (key: string) => {
      const hits = [...paidBy.entries()].filter(([k]) => k === key || k.startsWith(`${key}:retry:`));
      return hits.length === 0 ? undefined : hits.length === 1 ? hits[0]![1] : Number.NaN;
    };
    const renewal = paidOnce(`contract:${o.contractId}:period:${newPeriod}`);
    const late = mineRequests.reduce(
      (s, r) => s + (paidOnce(`purchase:${r.id}:period:${newPeriod}`) ?? 0),
      0,
    );
    let expected = 0;
    for (const plan of ['pro', 'business']) {
      const now = seatRows.find((s) => s.contract_id === o.contractId && s.plan_code === plan)?.n ?? 0;
      // seats bought within the new period pay their own proration, not the renewal
      const boughtInNew = mineRequests
        .filter((r) => r.plan_code === plan && new Date(r.proration_date) >= PERIOD_END)
        .reduce((s, r) => s + r.quantity, 0);
      // and seats whose auto-renew is off now renewed all the same if they were on at the roll:
      // count what the period holds, i.e. every seat now (none is removed mid-period)
      const p = plans.get(plan)!;
      expected += tieredTotal(listPrice(p, 'month'), now - boughtInNew, p.tiers);
    }
    if (renewal === undefined || renewal + late !== expected) {
      invoiceErrors.push({ contract: o.contractId, renewal, late, expected });
    }
  }
  checks.push({
    name: 'every seat is an initial seat or a paid purchase (none unbilled, none lost)',
    ok: seatErrors.length === 0,
    detail: seatErrors.slice(0, 3),
  });
  checks.push({
    name: "each new period's invoices = its seats × the whole period, at the tiers",
    ok: invoiceErrors.length === 0,
    detail: invoiceErrors.slice(0, 3),
  });

  // 4. money in flight and dunning: nothing charging, everything paid once the cards were fixed
  const open = await q<{ status: string; n: number }>(
    `select status, count(*)::int as n from period_charge where status <> 'paid' group by status`,
  );
  checks.push({
    name: 'every period charge paid (none in flight, none overdue)',
    ok: open.length === 0,
    detail: open,
  });
  const suspended = await q<{ n: number }>(
    'select count(*)::int as n from contract where suspended_at is not null',
  );
  checks.push({
    name: 'no contract suspended after payment',
    ok: suspended[0]!.n === 0,
    detail: suspended[0]!.n,
  });
  const iso = String.raw`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`;
  const period = new RegExp(String.raw`^contract:[0-9a-f-]+:period:${iso}(:retry:\d+)?$`);
  const purchase = new RegExp(String.raw`^purchase:[0-9a-f-]+(:period:${iso}(:retry:\d+)?)?$`);
  const strays = succeeded.filter(
    (r) => !period.test(r.idempotency_key) && !purchase.test(r.idempotency_key),
  );
  checks.push({
    name: 'no charge outside a purchase or a period',
    ok: strays.length === 0,
    detail: strays.slice(0, 3),
  });
  return checks;
};

const writeResults = (r: {
  seed: number;
  orgs: number;
  seconds: number;
  faults: { down: number; lost: number };
  crash: { charged: number; killed: boolean; midSend: boolean };
  requests: Record<string, number>;
  latePurchases: { charges: number; amount: number };
  declinedAttempts: number;
  outbox: Awaited<ReturnType<typeof verifyOutbox>>['figures'];
  leaseMs: number;
  drainSeconds: number;
  maxEventLoopDelayMs: number;
  checks: Check[];
}) => {
  const o = r.outbox;
  const file = path.join(import.meta.dirname, 'RESULTS.md');
  const lines = [
    '<!-- soak:begin (generated by bench/soak-renewal.ts) -->',
    `Latest run: ${new Date().toISOString().slice(0, 16)}Z, seed ${r.seed}, ${r.orgs} organizations, ${r.seconds.toFixed(0)} s on ${os.cpus().length} cores (Node ${process.version}).`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| purchase requests by outcome | ${Object.entries(r.requests)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
    `| provider faults injected | ${r.faults.down} down before charging, ${r.faults.lost} answers lost after charging |`,
    `| crashed worker (SIGKILL) | ${r.crash.killed ? 'killed' : 'not killed'} with ${r.crash.charged} charge(s) made and not recorded |`,
    `| seats billed late into the new period | ${r.latePurchases.charges} charges, ${(r.latePurchases.amount / 100).toFixed(2)} EUR |`,
    `| declined attempts (dunning) | ${r.declinedAttempts} |`,
    `| outbox rows by outcome | ${Object.entries(o.status)
      .map(([k, v]) => `${k} ${v}`)
      .join(
        ', ',
      )} (${o.rows} rows, ${o.sends} send attempts; the last rows took ${r.drainSeconds.toFixed(0)} s after the jobs ended) |`,
    `| outbox platform faults | ${o.retryLater} rate limited, ${o.unreachable} unreachable, ${o.longerThanLease} sends longer than the lease (${r.leaseMs} ms real) |`,
    `| outbox: killed worker | ${o.crashedWorker.attempts} send attempts, ${o.crashedWorker.delivered} delivered, ${o.crashedWorker.inFlightAtKill} sent and not recorded at the kill${r.crash.midSend ? '' : ' (not killed mid-send)'} |`,
    `| outbox rows delivered twice | ${o.deliveredTwice} (by both in-process workers: ${o.sentByBothInProcessWorkers}) |`,
    `| event loop delay, max | ${r.maxEventLoopDelayMs.toFixed(0)} ms |`,
    ...r.checks.map(
      (c) => `| check: ${c.name} | ${c.ok ? 'pass' : `**FAIL** ${JSON.stringify(c.detail)}`} |`,
    ),
    '<!-- soak:end -->',
  ].join('\n');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Bench results\n';
  const marked = /<!-- soak:begin[\s\S]*<!-- soak:end -->/;
  writeFileSync(
    file,
    marked.test(current)
      ? current.replace(marked, lines)
      : `${current.trimEnd()}\n\n## Renewal soak\n\n${lines}\n`,
  );
  console.log('wrote bench/RESULTS.md');
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
