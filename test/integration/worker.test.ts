import type { EntityManager } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerGateway } from '../../adapters/ledger/ledger-gateway.ts';
import { ledgerChargeStore } from '../../db/repositories/ledger-charges.ts';
import { renderMetrics } from '../../src/api/metrics.ts';
import { runCommand } from '../../src/commands/dispatch.ts';
import { type Notifier, type Recipient, RetryLater } from '../../src/commands/notifier.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { deliverOutbox, OUTBOX_LEASE_MS, OUTBOX_MAX_ATTEMPTS } from '../../src/jobs/deliver-outbox.ts';
import { startWorker } from '../../src/jobs/worker.ts';
import type { ServiceContext } from '../../src/service/context.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import { orgWith } from '../support/fixtures.ts';

/** A recording notifier: the test double of the chat platforms, failing on demand. */
class Recorder implements Notifier {
  readonly name = 'recorder';
  sent: { to: string; kind: string; outboxId: string; text: string }[] = [];
  failWith: Error | null = null;
  async send(to: Recipient, reply: Reply, meta: { outboxId: string; kind: string }) {
    if (this.failWith) throw this.failWith;
    this.sent.push({ to: to.email, kind: meta.kind, outboxId: meta.outboxId, text: reply.text });
  }
}

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

const pending = async () =>
  db.em
    .fork()
    .execute<
      { id: string; attempts: number; next_attempt_at: Date; status: string; last_error: string | null }[]
    >(
      `select id, attempts, next_attempt_at, status, last_error from outbox where status <> 'sent' order by created_at`,
    );

let lastOrg: Awaited<ReturnType<typeof orgWith>> | null = null;
const inviteSome = async (n: number) => {
  const org = await orgWith(db, { name: `Org ${Math.random().toString(36).slice(2, 7)}` });
  lastOrg = org;
  await db.em.fork().execute(`update outbox set status = 'sent'`);
  const emails = Array.from(
    { length: n },
    (_, i) => `invitee${i}.${Math.random().toString(36).slice(2, 7)}@example.com`,
  );
  await inviteMembers(db.ctx, org.owner.actor, { organizationId: org.org.id, emails });
  return emails;
};

describe('outbox delivery', () => {
  it('delivers each pending row once and marks it sent', async () => {
    const emails = await inviteSome(3);
    const recorder = new Recorder();
    const r = await deliverOutbox(db.ctx, recorder);
    expect(r).toMatchObject({ claimed: 3, sent: 3, retrying: 0, parked: 0 });
    expect(recorder.sent.map((s) => s.to).sort()).toEqual([...emails].sort());
    expect(recorder.sent.every((s) => s.kind === 'invitation' && s.text.includes('invites you'))).toBe(true);
    expect(await pending()).toEqual([]);
    expect((await deliverOutbox(db.ctx, recorder)).claimed).toBe(0);
  });

  it('backs off after a failure, honours Retry-After, and parks a row that keeps failing', async () => {
    await inviteSome(1);
    const recorder = new Recorder();
    recorder.failWith = new Error('slack is down');
    const start = db.clock.now().getTime();
    await deliverOutbox(db.ctx, recorder);
    let [row] = await pending();
    expect(row).toMatchObject({ attempts: 1, status: 'pending', last_error: 'slack is down' });
    expect(new Date(row!.next_attempt_at).getTime()).toBe(start + 5_000);
    // not due yet: nothing happens
    expect((await deliverOutbox(db.ctx, recorder)).claimed).toBe(0);
    db.clock.advance(5_000);
    recorder.failWith = new RetryLater(30_000);
    await deliverOutbox(db.ctx, recorder);
    [row] = await pending();
    expect(row!.attempts).toBe(2);
    expect(new Date(row!.next_attempt_at).getTime()).toBe(db.clock.now().getTime() + 30_000);
    recorder.failWith = new Error('still down');
    for (let i = 2; i < OUTBOX_MAX_ATTEMPTS; i++) {
      db.clock.advance(3_600_000);
      await deliverOutbox(db.ctx, recorder);
    }
    [row] = await pending();
    expect(row).toMatchObject({ status: 'parked', attempts: OUTBOX_MAX_ATTEMPTS, last_error: 'still down' });
    expect(await renderMetrics(db.em)).toContain('seatkeeper_outbox_messages{status="parked"} 1');
    const status = await runCommand({ service: db.ctx, actor: lastOrg!.owner.actor }, 'status');
    expect(status.fields).toContainEqual({
      label: 'Undelivered messages',
      value: "1 could not be delivered; check the chat app's access",
    });
    await db.em.fork().execute(`update outbox set status = 'sent' where status = 'parked'`);
  });

  it('a row claimed by a worker that died comes back when its lease ends', async () => {
    await inviteSome(1);
    const [row] = await pending();
    // what a worker leaves behind when it dies after claiming: the lease pushed ahead
    await db.em
      .fork()
      .execute('update outbox set attempts = 1, next_attempt_at = ? where id = ?', [
        new Date(db.clock.now().getTime() + OUTBOX_LEASE_MS),
        row!.id,
      ]);
    const recorder = new Recorder();
    expect((await deliverOutbox(db.ctx, recorder)).claimed).toBe(0);
    db.clock.advance(OUTBOX_LEASE_MS);
    expect((await deliverOutbox(db.ctx, recorder)).sent).toBe(1);
    expect(recorder.sent[0]!.outboxId).toBe(row!.id);
  });
});

describe.skipIf(usingPglite)('several workers on one database', () => {
  const contextOn = async (): Promise<ServiceContext> => {
    const orm = await db.connect(5);
    const em = orm.em as unknown as EntityManager;
    return { em, clock: db.clock, billing: new LedgerGateway(ledgerChargeStore(em), () => db.clock.now()) };
  };

  it('two deliverers racing over one backlog send every row exactly once', async () => {
    await inviteSome(40);
    const [a, b] = [new Recorder(), new Recorder()];
    const [ca, cb] = [await contextOn(), await contextOn()];
    for (let round = 0; round < 5; round++) {
      await Promise.all([deliverOutbox(ca, a, { batch: 7 }), deliverOutbox(cb, b, { batch: 7 })]);
    }
    const ids = [...a.sent, ...b.sent].map((s) => s.outboxId);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
  });

  /** A platform that takes `clockMsPerSend` of (test) time per message, in small real steps. */
  class SlowRecorder extends Recorder {
    constructor(private readonly clockMsPerSend: number) {
      super();
    }
    override async send(to: Recipient, reply: Reply, meta: { outboxId: string; kind: string }) {
      for (let left = this.clockMsPerSend; left > 0; left -= 5_000) {
        await new Promise((r) => setTimeout(r, 15));
        db.clock.advance(Math.min(5_000, left));
      }
      await super.send(to, reply, meta);
    }
  }
  const attemptsOf = async (ids: string[]) =>
    db.em
      .fork()
      .execute<{ attempts: number; status: string }[]>(
        `select attempts, status from outbox where id in (?)`,
        [ids],
      );
  const untilSent = async (ids: string[], ms = 30_000) => {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      if ((await attemptsOf(ids)).every((r) => r.status === 'sent')) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const idsOfPending = async () =>
    (await db.em.fork().execute<{ id: string }[]>(`select id from outbox where status = 'pending'`)).map(
      (r) => r.id,
    );

  it('two workers on a slow platform, polling often, send each row once with one attempt', async () => {
    await inviteSome(50);
    const ids = await idsOfPending();
    expect(ids).toHaveLength(50);
    const log = pino({ level: 'silent' });
    const [a, b] = [new SlowRecorder(2_000), new SlowRecorder(2_000)];
    const opts = { databaseUrl: db.url!, log, jobs: [], outboxIntervalMs: 10 };
    const workers = [
      await startWorker(await contextOn(), a, opts),
      await startWorker(await contextOn(), b, opts),
    ];
    try {
      await untilSent(ids);
    } finally {
      for (const w of workers) await w.stop();
    }
    const sent = [...a.sent, ...b.sent].map((s) => s.outboxId);
    expect(sent.length).toBe(50);
    expect(new Set(sent).size).toBe(50);
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    expect((await attemptsOf(ids)).map((r) => r.attempts)).toEqual(Array(50).fill(1));
  }, 60_000);

  it('a send slower than the lease keeps its lease: the other worker never takes the row', async () => {
    await inviteSome(1);
    const ids = await idsOfPending();
    const log = pino({ level: 'silent' });
    const slow = new SlowRecorder(OUTBOX_LEASE_MS * 2);
    const other = new Recorder();
    const opts = { databaseUrl: db.url!, log, jobs: [], outboxIntervalMs: 10, leaseRenewMs: 10 };
    const first = await startWorker(await contextOn(), slow, opts);
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && (await attemptsOf(ids))[0]!.attempts === 0) {
      await new Promise((r) => setTimeout(r, 5));
    }
    const second = await startWorker(await contextOn(), other, opts);
    try {
      await untilSent(ids);
    } finally {
      await first.stop();
      await second.stop();
    }
    expect(slow.sent.map((s) => s.outboxId)).toEqual(ids);
    expect(other.sent).toEqual([]);
    expect(await attemptsOf(ids)).toEqual([{ attempts: 1, status: 'sent' }]);
  }, 60_000);

  const claimedOne = async (ids: string[]) => {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      if ((await attemptsOf(ids)).some((r) => r.attempts > 0)) return;
      await new Promise((r) => setTimeout(r, 5));
    }
  };

  it('stop lets the row being sent finish and be recorded; the other rows stay free for the next worker', async () => {
    await inviteSome(5);
    const ids = await idsOfPending();
    const slow = new SlowRecorder(100_000);
    const log = pino({ level: 'silent' });
    const worker = await startWorker(await contextOn(), slow, {
      databaseUrl: db.url!,
      log,
      jobs: [],
      outboxIntervalMs: 10,
    });
    await claimedOne(ids);
    expect(await worker.stop(10_000)).toBe(true);
    expect(slow.sent).toHaveLength(1);
    const rows = await db.em
      .fork()
      .execute<{ id: string; attempts: number; status: string; next_attempt_at: Date }[]>(
        `select id, attempts, status, next_attempt_at from outbox where id in (?)`,
        [ids],
      );
    expect(rows.find((r) => r.id === slow.sent[0]!.outboxId)).toMatchObject({ status: 'sent', attempts: 1 });
    const rest = rows.filter((r) => r.id !== slow.sent[0]!.outboxId);
    expect(rest).toHaveLength(4);
    for (const r of rest) {
      expect(r).toMatchObject({ status: 'pending', attempts: 0 });
      expect(new Date(r.next_attempt_at).getTime()).toBeLessThanOrEqual(db.clock.now().getTime());
    }
    await db.em.fork().execute(`update outbox set status = 'sent' where id in (?)`, [ids]);
  }, 30_000);

  it('a send longer than the grace is left behind: stop answers false in time and the row keeps its lease', async () => {
    await inviteSome(1);
    const ids = await idsOfPending();
    const slow = new SlowRecorder(1_000_000);
    const log = pino({ level: 'silent' });
    const worker = await startWorker(await contextOn(), slow, { log, jobs: [], outboxIntervalMs: 10 });
    await claimedOne(ids);
    const stopping = Date.now();
    expect(await worker.stop(200)).toBe(false);
    expect(Date.now() - stopping).toBeLessThan(1_000);
    expect(await attemptsOf(ids)).toEqual([{ attempts: 1, status: 'pending' }]);
    await untilSent(ids);
    expect(slow.sent).toHaveLength(1);
  }, 30_000);

  it('with two pg-boss workers running, a period end rolls the contract once', async () => {
    const org = await orgWith(db, { name: 'Rolling' });
    const log = pino({ level: 'silent' });
    const [ca, cb] = [await contextOn(), await contextOn()];
    const charges = async () =>
      (
        await db.em
          .fork()
          .execute<{ n: number }[]>(
            `select count(*)::int as n from ledger_charge where idempotency_key like ?`,
            [`contract:${org.contract.id}:%`],
          )
      )[0]!.n;
    const before = await charges();
    db.clock.advance(40 * 24 * 3600 * 1000);
    const workers = [
      await startWorker(ca, new Recorder(), {
        databaseUrl: db.url!,
        log,
        jobs: undefined,
        outboxIntervalMs: 60_000,
      }),
      await startWorker(cb, new Recorder(), { databaseUrl: db.url!, log, outboxIntervalMs: 60_000 }),
    ];
    try {
      await Promise.all([workers[0]!.trigger('renewals'), workers[1]!.trigger('renewals')]);
      const deadline = Date.now() + 20_000;
      let rolled = 0;
      while (Date.now() < deadline) {
        const rows = await db.em
          .fork()
          .execute<{ n: number }[]>(
            `select count(*)::int as n from audit_event where action = 'contract.renewed' and organization_id = ?`,
            [org.org.id],
          );
        rolled = rows[0]!.n;
        if (rolled > 0) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // let any second run finish, then check it changed nothing
      await new Promise((r) => setTimeout(r, 2_000));
      const renewed = await db.em
        .fork()
        .execute<{ n: number }[]>(
          `select count(*)::int as n from audit_event where action = 'contract.renewed' and organization_id = ?`,
          [org.org.id],
        );
      expect(renewed[0]!.n).toBe(1);
      expect((await charges()) - before).toBe(1);
    } finally {
      for (const w of workers) await w.stop();
    }
  }, 60_000);
});
