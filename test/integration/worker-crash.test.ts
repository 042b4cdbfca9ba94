import { spawn } from 'node:child_process';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LedgerGateway } from '../../adapters/ledger/ledger-gateway.ts';
import { ledgerChargeStore } from '../../db/repositories/ledger-charges.ts';
import type { Notifier, Recipient } from '../../src/commands/notifier.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { deliverOutbox, OUTBOX_LEASE_MS } from '../../src/jobs/deliver-outbox.ts';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { freshDb, TestClock, type TestDb, usingPglite } from '../support/db.ts';
import { orgWith } from '../support/fixtures.ts';

const ROWS = 400;

class Recorder implements Notifier {
  readonly name = 'recorder';
  ids: string[] = [];
  async send(_to: Recipient, _reply: Reply, meta: { outboxId: string }) {
    this.ids.push(meta.outboxId);
  }
}

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

describe.skipIf(usingPglite)('a worker killed with SIGKILL in the middle of a batch', () => {
  it('loses no outbox row: another worker delivers the rest, and at most the row in flight twice', async () => {
    const org = await orgWith(db, { name: 'Crashing' });
    await db.em.fork().execute(`update outbox set status = 'sent'`);
    for (let i = 0; i < ROWS; i += 50) {
      const emails = Array.from({ length: 50 }, (_, k) => `crash${i + k}@example.com`);
      await inviteMembers(db.ctx, org.owner.actor, { organizationId: org.org.id, emails });
    }
    const all = await db.em
      .fork()
      .execute<{ id: string }[]>(`select id from outbox where status = 'pending'`);
    expect(all).toHaveLength(ROWS);

    // worker 1: the real worker process, logging each delivery as JSON
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/main.ts'], {
      env: { ...process.env, DATABASE_URL: db.url!, LOG_LEVEL: 'info', PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const delivered: string[] = [];
    let buffer = '';
    const killedAfter = 120;
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_c, signal) => resolve(signal)),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; outboxId?: string };
        if (entry.msg === 'notice delivered' && entry.outboxId) delivered.push(entry.outboxId);
        // mid-batch: batches are 50 rows, so the 120th delivery is inside the third one
        if (delivered.length === killedAfter && !child.killed) child.kill('SIGKILL');
      }
    });
    expect(await exited).toBe('SIGKILL');

    const state = await db.em
      .fork()
      .execute<{ id: string; status: string }[]>(`select id, status from outbox where id in (?)`, [
        all.map((r) => r.id),
      ]);
    const sentByChild = new Set(state.filter((r) => r.status === 'sent').map((r) => r.id));
    const inFlight = delivered.filter((id) => !sentByChild.has(id));
    expect(sentByChild.size).toBeGreaterThanOrEqual(killedAfter - 1);
    expect(sentByChild.size).toBeLessThan(ROWS);
    expect(inFlight.length).toBeLessThanOrEqual(1);

    // worker 2 takes over once the dead worker's lease has run out
    const em = (await db.connect(4)).em as unknown as EntityManager;
    const later = new TestClock(new Date(Date.now() + OUTBOX_LEASE_MS + 1000));
    const recorder = new Recorder();
    const ctx = { em, clock: later, billing: new LedgerGateway(ledgerChargeStore(em), () => later.now()) };
    for (let round = 0; round < 20; round++) {
      if ((await deliverOutbox(ctx, recorder, { batch: 100 })).claimed === 0) break;
    }
    const left = await db.em
      .fork()
      .execute<{ n: number }[]>(
        `select count(*)::int as n from outbox where status <> 'sent' and id in (?)`,
        [all.map((r) => r.id)],
      );
    expect(left[0]!.n).toBe(0);
    const twice = recorder.ids.filter((id) => delivered.includes(id));
    // a row goes out twice only if the kill fell between its send and its record
    expect(twice).toEqual(inFlight);
    expect(new Set([...delivered, ...recorder.ids]).size).toBe(ROWS);
    console.log(
      inFlight.length === 1
        ? `kill fell between a send and its record: row ${inFlight[0]} was delivered twice, every other row once`
        : 'kill fell between two rows: every row was delivered exactly once',
    );
  }, 120_000);
});
