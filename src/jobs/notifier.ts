import type { Reply } from '../commands/reply.ts';

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
  send(to: Recipient, reply: Reply, meta: { outboxId: string; kind: string }): Promise<void>;
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
