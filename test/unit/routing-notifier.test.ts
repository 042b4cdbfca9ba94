import { describe, expect, it } from 'vitest';
import { type Notifier, RetryLater, Unreachable } from '../../src/commands/notifier.ts';
import { info } from '../../src/commands/reply.ts';
import { RoutingNotifier } from '../../src/jobs/routing-notifier.ts';

const to = { accountId: 'a1', email: 'ann@example.com', name: 'Ann' };
const meta = { outboxId: 'o1', kind: 'invitation', payload: {} };

/** A platform that knows only some emails, and records what it delivered. */
const platform = (name: string, knows: string[], fail?: Error) => {
  const sent: string[] = [];
  const n: Notifier = {
    name,
    async send(r) {
      if (!knows.includes(r.email)) throw new Unreachable(`${name} does not know ${r.email}`);
      if (fail) throw fail;
      sent.push(r.email);
    },
  };
  return { n, sent };
};

describe('routing notices to the platform that knows the person', () => {
  it('uses the first platform that knows the recipient', async () => {
    const slack = platform('slack', []);
    const teams = platform('teams', [to.email]);
    const log = platform('log', [to.email]);
    const r = new RoutingNotifier([slack.n, teams.n], log.n);
    await r.send(to, info('hi'), meta);
    expect([slack.sent, teams.sent, log.sent]).toEqual([[], [to.email], []]);
    expect(r.name).toBe('slack+teams+log');
  });

  it('falls back to the last notifier when no platform knows them', async () => {
    const slack = platform('slack', []);
    const log = platform('log', [to.email]);
    await new RoutingNotifier([slack.n], log.n).send(to, info('hi'), meta);
    expect(log.sent).toEqual([to.email]);
  });

  it("passes a platform's failure back to the outbox instead of trying elsewhere", async () => {
    const slack = platform('slack', [to.email], new RetryLater(2000));
    const log = platform('log', [to.email]);
    await expect(new RoutingNotifier([slack.n], log.n).send(to, info('hi'), meta)).rejects.toBeInstanceOf(
      RetryLater,
    );
    expect(log.sent).toEqual([]);
  });
});
