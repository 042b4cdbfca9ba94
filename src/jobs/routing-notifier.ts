import { type NoticeMeta, type Notifier, type Recipient, Unreachable } from '../commands/notifier.ts';
import type { Reply } from '../commands/reply.ts';

/**
 * Delivers each notice on the first platform that knows the recipient (Slack, then Teams, …),
 * falling back to the last notifier (the log) when none does. Any other failure is the
 * platform's and goes back to the outbox for a retry.
 */
export class RoutingNotifier implements Notifier {
  readonly name: string;
  constructor(
    private readonly platforms: Notifier[],
    private readonly fallback: Notifier,
  ) {
    this.name = [...platforms, fallback].map((n) => n.name).join('+');
  }

  async send(to: Recipient, reply: Reply, meta: NoticeMeta) {
    for (const n of this.platforms) {
      try {
        return await n.send(to, reply, meta);
      } catch (e) {
        if (!(e instanceof Unreachable)) throw e;
      }
    }
    return this.fallback.send(to, reply, meta);
  }
}
