import { renderNotice } from '../commands/notices.ts';
import type { ServiceContext } from '../service/context.ts';
import { type Notifier, RetryLater } from './notifier.ts';

export const OUTBOX_LEASE_MS = 60_000;
export const OUTBOX_MAX_ATTEMPTS = 8;

/** Exponential backoff: 5 s, 10 s, 20 s, … capped at one hour. */
export const backoffMs = (attempt: number) => Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempt - 1));

interface Claimed {
  id: string;
  kind: string;
  payload: Record<string, unknown> | string;
  attempts: number;
  recipient_id: string;
  email: string;
  name: string | null;
}

export interface DeliveryResult {
  claimed: number;
  sent: number;
  retrying: number;
  parked: number;
}

export interface DeliveryOptions {
  /** at most this many rows per run */
  batch?: number;
  /** how often the lease of the row being sent is pushed ahead while its send runs */
  leaseRenewMs?: number;
  /** checked between rows: a run that is asked to stop sends nothing more */
  stopping?: () => boolean;
  onSent?: (id: string) => void;
}

/**
 * Delivers due outbox rows, at least once, keyed by the row. Rows are claimed one at a time, just
 * before their send, by pushing the row's next attempt one lease ahead (SKIP LOCKED: workers
 * never take the same row), and the lease is renewed while the send runs, so a slow platform
 * never lets a row fall back into the queue while it is being sent; the row is marked sent right
 * after. A worker that dies leaves at most the row in flight, which reappears when its lease ends;
 * it is sent twice only when the death falls between a send and its record. Failures back off (a
 * 429's Retry-After first) and a row that keeps failing is parked, visible in /metrics and `status`.
 */
export const deliverOutbox = async (
  ctx: ServiceContext,
  notifier: Notifier,
  opts: DeliveryOptions = {},
): Promise<DeliveryResult> => {
  const em = ctx.em.fork();
  const result: DeliveryResult = { claimed: 0, sent: 0, retrying: 0, parked: 0 };
  const batch = opts.batch ?? 50;
  while (result.claimed < batch && !opts.stopping?.()) {
    const row = await claimOne(em, ctx.clock.now());
    if (!row) break;
    result.claimed++;
    await deliverOne(ctx, em, notifier, row, opts, result);
  }
  return result;
};

type Em = ReturnType<ServiceContext['em']['fork']>;

const claimOne = async (em: Em, now: Date): Promise<Claimed | undefined> => {
  const [row] = await em.execute<Claimed[]>(
    `update outbox o set attempts = o.attempts + 1, next_attempt_at = ?
     from account a
     where a.id = o.recipient_id and o.id in (
       select id from outbox
       where status = 'pending' and next_attempt_at <= ?
       order by next_attempt_at, created_at
       limit 1
       for update skip locked)
     returning o.id, o.kind, o.payload, o.attempts, o.recipient_id, a.email, a.name`,
    [new Date(now.getTime() + OUTBOX_LEASE_MS), now],
  );
  return row;
};

/** Pushes the lease ahead every `everyMs` until stopped; stopping waits for a renewal in flight. */
const renewLease = (ctx: ServiceContext, em: Em, id: string, everyMs: number) => {
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing
      .then(() =>
        em.execute(`update outbox set next_attempt_at = ? where id = ? and status = 'pending'`, [
          new Date(ctx.clock.now().getTime() + OUTBOX_LEASE_MS),
          id,
        ]),
      )
      .catch(() => {});
  }, everyMs);
  return async () => {
    clearInterval(timer);
    await renewing;
  };
};

const deliverOne = async (
  ctx: ServiceContext,
  em: Em,
  notifier: Notifier,
  row: Claimed,
  opts: DeliveryOptions,
  result: DeliveryResult,
) => {
  const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
  const stopRenewing = renewLease(ctx, em, row.id, opts.leaseRenewMs ?? OUTBOX_LEASE_MS / 3);
  let failure: unknown = null;
  try {
    await notifier.send(
      { accountId: row.recipient_id, email: row.email, name: row.name },
      renderNotice(row.kind, payload),
      { outboxId: row.id, kind: row.kind, payload },
    );
  } catch (e) {
    failure = e;
  } finally {
    await stopRenewing();
  }
  if (failure === null) {
    await em.execute(`update outbox set status = 'sent', sent_at = ?, last_error = null where id = ?`, [
      ctx.clock.now(),
      row.id,
    ]);
    result.sent++;
    opts.onSent?.(row.id);
    return;
  }
  const error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
  if (row.attempts >= OUTBOX_MAX_ATTEMPTS) {
    await em.execute(`update outbox set status = 'parked', last_error = ? where id = ?`, [error, row.id]);
    result.parked++;
    return;
  }
  const wait = failure instanceof RetryLater ? Math.max(failure.afterMs, 1000) : backoffMs(row.attempts);
  await em.execute(`update outbox set next_attempt_at = ?, last_error = ? where id = ?`, [
    new Date(ctx.clock.now().getTime() + wait),
    error,
    row.id,
  ]);
  result.retrying++;
};
