import type { Logger } from 'pino';
import {
  type ClaimedOutboxRow,
  claimNextDue,
  markParked,
  markSent,
  renewLease as pushLease,
  scheduleRetry,
} from '../../db/repositories/outbox.ts';
import { renderNotice } from '../commands/notices.ts';
import { type Notifier, RetryLater } from '../commands/notifier.ts';
import { MalformedNotice, parseNotice } from '../domain/notices.ts';
import { pickLocale } from '../i18n/locale.ts';
import { type Words, wordsFor } from '../i18n/words.ts';
import type { ServiceContext } from '../service/context.ts';

export const OUTBOX_LEASE_MS = 60_000;
export const OUTBOX_MAX_ATTEMPTS = 8;

/** Exponential backoff: 5 s, 10 s, 20 s, … capped at one hour. */
export const backoffMs = (attempt: number) => Math.min(3_600_000, 5_000 * 2 ** Math.max(0, attempt - 1));

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
  /** where a row that cannot be rendered (old or malformed) is reported */
  log?: Logger;
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

const claimOne = (em: Em, now: Date) => claimNextDue(em, now, new Date(now.getTime() + OUTBOX_LEASE_MS));

/** Pushes the lease ahead every `everyMs` until stopped; stopping waits for a renewal in flight. */
const renewLease = (ctx: ServiceContext, em: Em, id: string, everyMs: number) => {
  let renewing: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    renewing = renewing
      .then(() => pushLease(em, id, new Date(ctx.clock.now().getTime() + OUTBOX_LEASE_MS)))
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
  row: ClaimedOutboxRow,
  opts: DeliveryOptions,
  result: DeliveryResult,
) => {
  const stopRenewing = renewLease(ctx, em, row.id, opts.leaseRenewMs ?? OUTBOX_LEASE_MS / 3);
  let failure: unknown = null;
  try {
    const payload = typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload;
    // read at the boundary: a row this version cannot read fails like a failed send (retried,
    // then parked with its reason), never rendered with blanks
    const notice = parseNotice(row.kind, payload);
    await notifier.send(
      { accountId: row.recipientId, email: row.email, name: row.name },
      // in the recipient's language, not the sender's
      renderNotice(
        notice,
        wordsFor(
          pickLocale(
            row.languages.language,
            row.languages.platformLocale,
            row.languages.organizationLanguage,
          ),
          row.zone ?? undefined,
        ),
      ),
      {
        outboxId: row.id,
        kind: row.kind,
        payload,
        ...(row.languages.language || row.languages.platformLocale || row.languages.organizationLanguage
          ? {}
          : { reRender: (w: Words) => renderNotice(notice, w) }),
      },
    );
  } catch (e) {
    failure = e;
    if (e instanceof MalformedNotice || e instanceof SyntaxError) {
      opts.log?.warn({ outboxId: row.id, kind: row.kind, err: e }, 'outbox notice cannot be read');
    }
  } finally {
    await stopRenewing();
  }
  if (failure === null) {
    await markSent(em, row.id, ctx.clock.now());
    result.sent++;
    opts.onSent?.(row.id);
    return;
  }
  const error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 500);
  if (row.attempts >= OUTBOX_MAX_ATTEMPTS) {
    await markParked(em, row.id, error);
    result.parked++;
    return;
  }
  const wait = failure instanceof RetryLater ? Math.max(failure.afterMs, 1000) : backoffMs(row.attempts);
  await scheduleRetry(em, row.id, new Date(ctx.clock.now().getTime() + wait), error);
  result.retrying++;
};
