import type { Words } from '../i18n/words.ts';
import type { Reply } from './reply.ts';

/** Who a direct message goes to. */
export interface Recipient {
  accountId: string;
  email: string;
  name: string | null;
}

/**
 * The port every chat adapter implements to deliver outbox messages (Slack DM, Teams proactive
 * message, the log). It either delivers or throws; a `RetryLater` carries the platform's wish
 * (HTTP 429 Retry-After) and is honoured before the usual backoff.
 */
export interface Notifier {
  readonly name: string;
  send(to: Recipient, reply: Reply, meta: NoticeMeta): Promise<void>;
}

/** What the outbox row says besides the rendered reply: its id, kind and raw payload (ids). */
export interface NoticeMeta {
  outboxId: string;
  kind: string;
  payload: Record<string, unknown>;
  /**
   * Given when nothing told the recipient's language before rendering (never seen on a chat
   * platform, no choice, no organization default): a notifier that identifies them for the first
   * time, and so learns their platform's language and zone, renders the notice again in them.
   */
  reRender?: (w: Words) => Reply;
}

/** Thrown by a notifier that does not know the recipient (no Slack user, no Teams conversation). */
export class Unreachable extends Error {
  override readonly name = 'Unreachable';
}

export class RetryLater extends Error {
  override readonly name = 'RetryLater';
  constructor(
    readonly afterMs: number,
    message = `rate limited: retry in ${afterMs} ms`,
  ) {
    super(message);
  }
}
