import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notifier, Recipient } from '../../src/commands/notifier.ts';
import type { Reply } from '../../src/commands/reply.ts';
import { deliverOutbox } from '../../src/jobs/deliver-outbox.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { orgWith } from '../support/fixtures.ts';

class Recorder implements Notifier {
  readonly name = 'recorder';
  texts: string[] = [];
  async send(_to: Recipient, reply: Reply) {
    this.texts.push(reply.text);
  }
}

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

describe('an outbox row this version cannot read', () => {
  it('is not sent with blanks: it fails like a failed send, says why, and is logged', async () => {
    const { org, owner } = await orgWith(db, { name: 'Acme' });
    await db.em.fork().execute(`update outbox set status = 'sent'`);
    const rows = [
      { kind: 'seat_ending', payload: { organizationName: 'Acme' } },
      { kind: 'no_such_kind', payload: {} },
      { kind: 'seats_restored', payload: { organizationName: 'Acme' } },
    ];
    for (const r of rows) {
      await db.em.fork().execute(
        `insert into outbox (id, organization_id, recipient_id, kind, payload, status, attempts, next_attempt_at, created_at)
         values (?, ?, ?, ?, ?, 'pending', 0, ?, ?)`,
        [randomUUID(), org.id, owner.id, r.kind, JSON.stringify(r.payload), db.clock.now(), db.clock.now()],
      );
      db.clock.advance(1);
    }
    const warned: unknown[] = [];
    const log = { warn: (o: unknown) => warned.push(o) } as never;
    const recorder = new Recorder();
    const result = await deliverOutbox(db.ctx, recorder, { log });
    expect(result).toMatchObject({ claimed: 3, sent: 1, retrying: 2, parked: 0 });
    expect(recorder.texts).toEqual(['The overdue payment for Acme is paid: your seat works again.']);
    const left = await db.em
      .fork()
      .execute<{ kind: string; status: string; attempts: number; last_error: string }[]>(
        `select kind, status, attempts, last_error from outbox where status <> 'sent' order by created_at`,
      );
    expect(left).toEqual([
      expect.objectContaining({ kind: 'seat_ending', status: 'pending', attempts: 1 }),
      expect.objectContaining({ kind: 'no_such_kind', status: 'pending', attempts: 1 }),
    ]);
    expect(left[0]!.last_error).toMatch(/notice "seat_ending" does not match its kind: plan/);
    expect(left[1]!.last_error).toBe('unknown notice kind "no_such_kind"');
    expect(warned).toHaveLength(2);
    expect(warned[0]).toMatchObject({ kind: 'seat_ending' });
  });
});
