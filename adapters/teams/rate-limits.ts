import Bottleneck from 'bottleneck';

/**
 * Microsoft's published limits for a bot's messages (learn.microsoft.com, "Optimize your bot:
 * rate limiting"): per conversation 7 in 1 s, 8 in 2 s, 60 in 30 s and 1,800 in an hour; per
 * app and tenant 50 requests a second. One message every 2 s in a conversation keeps under
 * every window (1,800 an hour is the binding one over time); the tenant is spaced to 45 a second.
 */
export const TEAMS_LIMITS = { perConversationMs: 2000, perTenantPerSecond: 45 };

/** The Retry-After of a connector 429, in ms (30 s when it names none), or null. */
export const teamsRetryAfterMs = (e: unknown): number | null => {
  const err = e as {
    statusCode?: number;
    response?: { headers?: { get?: (n: string) => string | undefined } };
  };
  if (err?.statusCode !== 429) return null;
  const seconds = Number(err.response?.headers?.get?.('retry-after'));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
};

/** A 429 we answer ourselves while a conversation or tenant waits out Retry-After. */
const rateLimited = (ms: number) =>
  Object.assign(new Error(`rate limited: retry in ${ms} ms`), {
    statusCode: 429,
    response: {
      headers: { get: (n: string) => (n === 'retry-after' ? String(Math.ceil(ms / 1000)) : undefined) },
    },
  });

/**
 * Queues proactive messages so a wave of notices stays within Teams' limits: a Bottleneck
 * limiter per conversation inside one per tenant. A 429 reaches the caller at once (the outbox
 * waits Retry-After and keeps the notice) and the conversation and tenant refuse further sends
 * here until it has passed.
 */
export class TeamsRateLimits {
  private readonly conversations = new Map<string, Bottleneck>();
  private readonly tenants = new Map<string, Bottleneck>();
  private readonly pausedUntil = new Map<string, number>();

  constructor(
    private readonly o: Partial<typeof TEAMS_LIMITS> = {},
    /** the clock Retry-After is counted on: the outbox's, so both agree when it has passed */
    private readonly now: () => number = Date.now,
  ) {}

  run<T>(tenantId: string, conversationId: string, send: () => Promise<T>): Promise<T> {
    const perConversation = this.o.perConversationMs ?? TEAMS_LIMITS.perConversationMs;
    const perSecond = this.o.perTenantPerSecond ?? TEAMS_LIMITS.perTenantPerSecond;
    const conversation = this.limiter(this.conversations, `${tenantId}:${conversationId}`, perConversation);
    const tenant = this.limiter(this.tenants, tenantId, Math.ceil(1000 / perSecond));
    const keys = [`t:${tenantId}`, `c:${tenantId}:${conversationId}`];
    return conversation.schedule(() =>
      tenant.schedule(async () => {
        const paused = Math.max(...keys.map((k) => (this.pausedUntil.get(k) ?? 0) - this.now()));
        if (paused > 0) throw rateLimited(paused);
        try {
          return await send();
        } catch (e) {
          const wait = teamsRetryAfterMs(e);
          if (wait !== null) for (const k of keys) this.pausedUntil.set(k, this.now() + wait);
          throw e;
        }
      }),
    );
  }

  private limiter(map: Map<string, Bottleneck>, key: string, spacingMs: number) {
    let l = map.get(key);
    if (!l) {
      l = new Bottleneck({ maxConcurrent: 1, minTime: spacingMs });
      map.set(key, l);
    }
    return l;
  }
}
