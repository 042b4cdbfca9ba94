import type { Logger } from 'pino';
import type { NoticeMeta, Notifier, Recipient } from '../commands/notifier.ts';
import type { Reply } from '../commands/reply.ts';

/** Delivers by logging: the notifier when no chat platform is configured. */
export class LogNotifier implements Notifier {
  readonly name = 'log';
  constructor(private readonly log: Logger) {}

  async send(to: Recipient, reply: Reply, meta: NoticeMeta) {
    this.log.info(
      { outboxId: meta.outboxId, kind: meta.kind, to: to.email, text: reply.text },
      'notice delivered',
    );
  }
}
