import { webApi } from '@slack/bolt';
import Bottleneck from 'bottleneck';

/**
 * Slack's published Web API limits (api.slack.com/apis/rate-limits), per workspace: calls per
 * minute by tier, and chat.postMessage's own rule of about one message per second per channel.
 */
export const SLACK_PER_MINUTE: Record<string, number> = {
  'users.lookupByEmail': 50, // Tier 3
  'users.info': 100, // Tier 4
  'chat.update': 50, // Tier 3
  'conversations.open': 50, // Tier 3
};
/** anything else: Tier 2 */
export const SLACK_DEFAULT_PER_MINUTE = 20;
export const SLACK_PER_CHANNEL_MS = 1000;
/** timers and networks are not exact: keep 10 % (and 20 ms) under each limit */
const withMargin = (ms: number) => Math.ceil(ms * 1.1) + 20;

const retryAfterMs = (e: unknown): number | null => {
  const err = e as { code?: string; retryAfter?: number };
  return err?.code === 'slack_webapi_rate_limited_error' ? Math.max(1, err.retryAfter ?? 1) * 1000 : null;
};

/** What a call refused by us looks like: the same as Slack's own 429 to the caller. */
const rateLimited = (retryAfterMs: number) =>
  Object.assign(new Error(`rate limited: retry in ${retryAfterMs} ms`), {
    code: 'slack_webapi_rate_limited_error',
    retryAfter: Math.ceil(retryAfterMs / 1000),
  });

/**
 * Queues each workspace's outbound Web API calls so they stay within Slack's limits: one
 * Bottleneck limiter per workspace and method (spaced to its tier), and one per channel for
 * chat.postMessage. A 429 still reaches the caller at once (the notifier turns it into
 * RetryLater, so the outbox row waits Retry-After and nothing is dropped), and the calls after it
 * on the same limiter are refused the same way until Retry-After has passed, instead of adding
 * more 429s.
 */
export class SlackRateLimits {
  private readonly limiters = new Map<string, Bottleneck>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    private readonly o: { perMinute?: Record<string, number>; perChannelMs?: number } = {},
    /** the clock Retry-After is counted on: the outbox's, so both agree when it has passed */
    private readonly now: () => number = Date.now,
  ) {}

  run<T>(team: string, method: string, args: Record<string, unknown> | undefined, call: () => Promise<T>) {
    const channel = method === 'chat.postMessage' && typeof args?.channel === 'string' ? args.channel : null;
    const perMinute = this.o.perMinute?.[method] ?? SLACK_PER_MINUTE[method] ?? SLACK_DEFAULT_PER_MINUTE;
    const spacing = channel ? (this.o.perChannelMs ?? SLACK_PER_CHANNEL_MS) : Math.ceil(60_000 / perMinute);
    const key = channel ? `${team}:${method}:${channel}` : `${team}:${method}`;
    return this.limiter(key, spacing).schedule(async () => {
      const paused = (this.pausedUntil.get(key) ?? 0) - this.now();
      if (paused > 0) throw rateLimited(paused);
      try {
        return await call();
      } catch (e) {
        const wait = retryAfterMs(e);
        if (wait !== null) this.pausedUntil.set(key, this.now() + wait);
        throw e;
      }
    });
  }

  private limiter(key: string, spacingMs: number) {
    let l = this.limiters.get(key);
    if (!l) {
      l = new Bottleneck({ maxConcurrent: 1, minTime: withMargin(spacingMs) });
      this.limiters.set(key, l);
    }
    return l;
  }
}

/** A Web API client whose every call goes through the workspace's limiters. */
export const limitedClient = (
  limits: SlackRateLimits,
  team: string,
  token: string,
  options: ConstructorParameters<typeof webApi.WebClient>[1],
): webApi.WebClient => {
  class Limited extends webApi.WebClient {
    override apiCall(method: string, args?: Record<string, unknown>) {
      return limits.run(team, method, args, () => super.apiCall(method, args));
    }
  }
  return new Limited(token, options);
};
