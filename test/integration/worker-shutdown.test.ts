import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inviteMembers } from '../../src/service/invite-members.ts';
import { freshDb, type TestDb, usingPglite } from '../support/db.ts';
import { orgWith } from '../support/fixtures.ts';

const ROWS = 300;
const GRACE_MS = 5_000;

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

describe.skipIf(usingPglite)('`npm run worker` stopped with SIGTERM in the middle of its backlog', () => {
  it('records every message it sent, holds no lease on the rest, and exits 0 within the grace', async () => {
    const org = await orgWith(db, { name: 'Stopping' });
    await db.em.fork().execute(`update outbox set status = 'sent'`);
    for (let i = 0; i < ROWS; i += 50) {
      const emails = Array.from({ length: 50 }, (_, k) => `stop${i + k}@example.com`);
      await inviteMembers(db.ctx, org.owner.actor, { organizationId: org.org.id, emails });
    }
    const all = (
      await db.em.fork().execute<{ id: string }[]>(`select id from outbox where status = 'pending'`)
    ).map((r) => r.id);
    expect(all).toHaveLength(ROWS);

    const child = spawn(process.execPath, ['--import', 'tsx', 'src/jobs/main.ts'], {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: db.url!,
        LOG_LEVEL: 'info',
        SHUTDOWN_GRACE_MS: String(GRACE_MS),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const delivered: string[] = [];
    const texts: (string | undefined)[] = [];
    let signalled = 0;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      child.on('exit', (code) => resolve({ code, at: Date.now() })),
    );
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const entry = JSON.parse(line) as { msg?: string; outboxId?: string; text?: string };
        if (entry.msg === 'notice delivered' && entry.outboxId) {
          delivered.push(entry.outboxId);
          texts.push(entry.text);
        }
        if (delivered.length === 60 && !signalled) {
          signalled = Date.now();
          child.kill('SIGTERM');
        }
      }
    });
    const { code, at } = await exited;
    expect(code, stderr).toBe(0);
    expect(signalled).toBeGreaterThan(0);
    expect(at - signalled).toBeLessThan(GRACE_MS);
    // the log says to whom and what kind, never the message itself
    expect(new Set(texts)).toEqual(new Set(['[redacted]']));

    const rows = await db.em
      .fork()
      .execute<{ id: string; status: string; attempts: number; next_attempt_at: Date }[]>(
        `select id, status, attempts, next_attempt_at from outbox where id in (?)`,
        [all],
      );
    const sent = rows.filter((r) => r.status === 'sent').map((r) => r.id);
    // every message sent was recorded before the exit, each once
    expect(new Set(delivered).size).toBe(delivered.length);
    expect([...sent].sort()).toEqual([...delivered].sort());
    expect(sent.length).toBeLessThan(ROWS);
    // the rest were never claimed: free for the next worker at once
    for (const r of rows.filter((x) => x.status !== 'sent')) {
      expect(r).toMatchObject({ status: 'pending', attempts: 0 });
      expect(new Date(r.next_attempt_at).getTime()).toBeLessThanOrEqual(Date.now());
    }
  }, 60_000);
});
