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

/**
 * Delivers due outbox rows, at least once, keyed by the row. A batch is claimed by pushing its
 * rows' next attempt one lease ahead (SKIP LOCKED: workers never take the same row); each row is
 * marked sent right after its send. A worker that dies mid-batch leaves its unsent rows to
 * reappear when the lease ends, so nothing is lost; a row is sent twice only when the death
 * falls between a send and its record. Failures back off (a 429's Retry-After first) and a row
 * that keeps failing is parked, visible in /metrics and `status`.
 */
export const deliverOutbox = async (
  ctx: ServiceContext,
  notifier: Notifier,
  opts: { batch?: number; onSent?: (id: string) => void } = {},
): Promise<DeliveryResult> => {
  const em = ctx.em.fork();
  const now = ctx.clock.now();
  const claimed = await em.execute<Claimed[]>(
    `update outbox o set attempts = o.attempts + 1, next_attempt_at = ?
     from account a
     where a.id = o.recipient_id and o.id in (
       select id from outbox
       where status = 'pending' and next_attempt_at <= ?
       order by next_attempt_at, created_at
       limit ?
       for update skip locked)
     returning o.id, o.kind, o.payload, o.attempts, o.recipient_id, a.email, a.name`,
    [new Date(now.getTime() + OUTBOX_LEASE_MS), now, opts.batch ?? 50],
  );
  const result: DeliveryResult = { claimed: claimed.length, sent: 0, retrying: 0, parked: 0 };
  for (const row of claimed) {
    const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    try {
      await notifier.send(
        { accountId: row.recipient_id, email: row.email, name: row.name },
        renderNotice(row.kind, payload),
        { outboxId: row.id, kind: row.kind, payload },
      );
      await em.execute(`update outbox set status = 'sent', sent_at = ?, last_error = null where id = ?`, [
        ctx.clock.now(),
        row.id,
      ]);
      result.sent++;
      opts.onSent?.(row.id);
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      if (row.attempts >= OUTBOX_MAX_ATTEMPTS) {
        await em.execute(`update outbox set status = 'parked', last_error = ? where id = ?`, [error, row.id]);
        result.parked++;
      } else {
        const wait = e instanceof RetryLater ? Math.max(e.afterMs, 1000) : backoffMs(row.attempts);
        await em.execute(`update outbox set next_attempt_at = ?, last_error = ? where id = ?`, [
          new Date(ctx.clock.now().getTime() + wait),
          error,
          row.id,
        ]);
        result.retrying++;
      }
    }
  }
  return result;
};
