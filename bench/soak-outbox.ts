import type pg from 'pg';
import {
  type NoticeMeta,
  type Notifier,
  type Recipient,
  RetryLater,
  Unreachable,
} from '../src/commands/notifier.ts';
import { OUTBOX_LEASE_MS, OUTBOX_MAX_ATTEMPTS } from '../src/jobs/deliver-outbox.ts';

/**
 * The outbox side of the renewal soak. Delivery runs on its own clock, SPEED times real time and
 * continuous (the soak's billing clock jumps a minute per step, which would end every lease at
 * each step whatever the renewal does). It starts after every instant the billing clock reaches,
 * so each row the soak writes is due at once; leases, renewals and backoffs then run on it as in
 * production, only SPEED times faster. Shared by wall clock with the killed worker process.
 */
export const OUTBOX_SPEED = 30;
const OUTBOX_EPOCH = Date.parse('2026-04-02T00:00:00Z');
export const outboxClock = (t0: number) => ({
  now: () => new Date(OUTBOX_EPOCH + (Date.now() - t0) * OUTBOX_SPEED),
});
/** the worker's default renewal (a third of the lease) and poll (2 s), on the fast clock */
export const LEASE_RENEW_MS = OUTBOX_LEASE_MS / 3 / OUTBOX_SPEED;
export const POLL_MS = Math.round(2000 / OUTBOX_SPEED);
/** the lease in real milliseconds */
export const LEASE_REAL_MS = OUTBOX_LEASE_MS / OUTBOX_SPEED;

/** Every send any worker made: attempts per row, and successful deliveries per row (by worker). */
export interface SendBook {
  attempts: Map<string, number>;
  deliveries: Map<string, string[]>;
  longerThanLease: number;
  retryLater: number;
  unreachable: number;
}
export const sendBook = (): SendBook => ({
  attempts: new Map(),
  deliveries: new Map(),
  longerThanLease: 0,
  retryLater: 0,
  unreachable: 0,
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * A chat platform that records what it delivered. Sends take 0–10 ms mostly, up to 200 ms
 * sometimes, and now and then 1.1–1.8 leases (the lease renewal has to hold the row). 8 % are
 * rate limited (RetryLater, up to 30 s), 3 % find no conversation for a while (Unreachable), and
 * recipients in `unreachable` are never found, so their rows park.
 */
export class RecordingNotifier implements Notifier {
  constructor(
    readonly name: string,
    private readonly book: SendBook,
    private readonly random: () => number,
    private readonly unreachable: ReadonlySet<string>,
    private readonly pLong = 0.01,
  ) {}

  async send(to: Recipient, _reply: unknown, meta: NoticeMeta) {
    const book = this.book;
    const random = this.random;
    book.attempts.set(meta.outboxId, (book.attempts.get(meta.outboxId) ?? 0) + 1);
    const r = random();
    const ms =
      r < this.pLong ? LEASE_REAL_MS * (1.1 + random() * 0.7) : r < 0.1 ? 10 + random() * 190 : random() * 10;
    if (ms > LEASE_REAL_MS) book.longerThanLease++;
    await sleep(ms);
    const f = random();
    if (this.unreachable.has(to.email) || f < 0.03) {
      book.unreachable++;
      throw new Unreachable(`no conversation with ${to.email}`);
    }
    if (f < 0.11) {
      book.retryLater++;
      throw new RetryLater(Math.floor(random() * 30_000));
    }
    const by = book.deliveries.get(meta.outboxId) ?? [];
    by.push(this.name);
    book.deliveries.set(meta.outboxId, by);
  }
}

/** What the killed worker said on stdout before it died. */
export interface CrashedSends {
  attempted: Map<string, number>;
  delivered: Set<string>;
  recorded: Set<string>;
}
export const crashedSends = (): CrashedSends => ({
  attempted: new Map(),
  delivered: new Set(),
  recorded: new Set(),
});
/** Reads one stdout line of the killed worker into `c`. */
export const readCrashedLine = (c: CrashedSends, line: string) => {
  const [word, id] = line.split(' ');
  if (!id) return;
  if (word === 'attempt') c.attempted.set(id, (c.attempted.get(id) ?? 0) + 1);
  else if (word === 'delivered') c.delivered.add(id);
  else if (word === 'recorded') c.recorded.add(id);
};

interface Check {
  name: string;
  ok: boolean;
  detail?: unknown;
}

/** The outbox rows against what the platforms received (not against the counters the code kept). */
export const verifyOutbox = async (
  sql: pg.Client,
  book: SendBook,
  crashed: CrashedSends,
  killed: boolean,
) => {
  const rows = (
    await sql.query<{ id: string; status: string; attempts: number; last_error: string | null }>(
      'select id, status, attempts, last_error from outbox',
    )
  ).rows;
  const deliveries = (id: string) =>
    (book.deliveries.get(id)?.length ?? 0) + (crashed.delivered.has(id) ? 1 : 0);
  const sends = (id: string) => (book.attempts.get(id) ?? 0) + (crashed.attempted.get(id) ?? 0);
  // the row the killed worker had sent and not yet recorded when it died
  const inFlight = new Set([...crashed.delivered].filter((id) => !crashed.recorded.has(id)));
  const checks: Check[] = [];

  const unsent = rows.filter((r) => r.status === 'sent' && deliveries(r.id) === 0);
  checks.push({
    name: 'outbox: every row marked sent was delivered',
    ok: unsent.length === 0,
    detail: unsent.slice(0, 3),
  });
  const twice = rows.filter((r) => deliveries(r.id) > 1);
  const badTwice = twice.filter((r) => !inFlight.has(r.id) || deliveries(r.id) > 2);
  checks.push({
    name: 'outbox: no row delivered twice, except the one the killed worker had sent and not recorded',
    ok: badTwice.length === 0,
    detail: badTwice.slice(0, 3).map((r) => ({ ...r, by: book.deliveries.get(r.id) })),
  });
  // the killed worker's row in flight may have reached its recipient and then failed elsewhere
  const delivered = rows.filter((r) => deliveries(r.id) > 0 && r.status !== 'sent' && !inFlight.has(r.id));
  const lost = rows.filter(
    (r) =>
      !(r.status === 'sent' && deliveries(r.id) > 0) &&
      !(r.status === 'parked' && r.last_error && r.attempts === OUTBOX_MAX_ATTEMPTS) &&
      !(r.status === 'pending' && r.last_error && r.attempts > 0),
  );
  checks.push({
    name: 'outbox: no row lost (sent, or parked or retrying with its error); none delivered and left unsent',
    ok: lost.length === 0 && delivered.length === 0,
    detail: { lost: lost.slice(0, 3), delivered: delivered.slice(0, 3) },
  });
  // a claim counts an attempt before its send: the killed worker may have died in between, once
  const over = rows.filter((r) => r.attempts !== sends(r.id));
  const claimedAtDeath = over.filter((r) => r.attempts === sends(r.id) + 1);
  checks.push({
    name: 'outbox: attempts = real send attempts (the killed worker may leave one claim unsent)',
    ok: over.length === 0 || (killed && over.length === 1 && claimedAtDeath.length === 1),
    detail: over.slice(0, 3).map((r) => ({ ...r, sends: sends(r.id) })),
  });

  const status = Object.fromEntries(
    ['pending', 'sent', 'parked'].map((s) => [s, rows.filter((r) => r.status === s).length]),
  );
  const figures = {
    rows: rows.length,
    status,
    sends: [...rows].reduce((s, r) => s + sends(r.id), 0),
    longerThanLease: book.longerThanLease,
    retryLater: book.retryLater,
    unreachable: book.unreachable,
    crashedWorker: {
      attempts: [...crashed.attempted.values()].reduce((s, n) => s + n, 0),
      delivered: crashed.delivered.size,
      inFlightAtKill: inFlight.size,
    },
    deliveredTwice: twice.length,
    sentByBothInProcessWorkers: rows.filter((r) => new Set(book.deliveries.get(r.id)).size > 1).length,
  };
  return { checks, figures };
};
