import { describe, expect, it } from 'vitest';
import { TEAMS_LIMITS, TeamsRateLimits } from '../../adapters/teams/rate-limits.ts';

const throttled = (seconds: number) =>
  Object.assign(new Error('Too Many Requests'), {
    statusCode: 429,
    response: { headers: { get: (n: string) => (n === 'retry-after' ? String(seconds) : undefined) } },
  });

describe("Teams' published limits around proactive messages", () => {
  it('the defaults keep under every per-conversation window and the tenant rate', () => {
    const perHour = 3_600_000 / TEAMS_LIMITS.perConversationMs;
    expect(perHour).toBeLessThanOrEqual(1800);
    expect(30_000 / TEAMS_LIMITS.perConversationMs).toBeLessThanOrEqual(60);
    expect(TEAMS_LIMITS.perTenantPerSecond).toBeLessThan(50);
  });

  it('messages to one conversation are spaced; other conversations are not held behind them', async () => {
    const limits = new TeamsRateLimits({ perConversationMs: 100, perTenantPerSecond: 1000 });
    const at: Record<string, number[]> = { a: [], b: [] };
    const send = (c: 'a' | 'b') =>
      limits.run('tenant', c, async () => {
        at[c]!.push(performance.now());
      });
    await Promise.all([send('a'), send('a'), send('a'), send('b')]);
    const gaps = at.a!.slice(1).map((t, i) => t - at.a![i]!);
    // Bottleneck spaces the starts it dispatches by 100 ms; a busy event loop can start the first
    // callback late and the next on time, so the gap seen inside them is a little shorter
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(75);
    // b went out before a's third message
    expect(at.b![0]!).toBeLessThan(at.a![2]!);
  });

  it('after a 429 the conversation and tenant send nothing until Retry-After has passed', async () => {
    let now = 1_000_000;
    const limits = new TeamsRateLimits({ perConversationMs: 1, perTenantPerSecond: 1000 }, () => now);
    await expect(
      limits.run('tenant', 'a', async () => {
        throw throttled(5);
      }),
    ).rejects.toMatchObject({ statusCode: 429 });
    let sent = 0;
    const again = limits.run('tenant', 'b', async () => {
      sent++;
    });
    await expect(again).rejects.toMatchObject({ statusCode: 429 });
    expect(sent).toBe(0);
    now += 5000;
    await limits.run('tenant', 'b', async () => {
      sent++;
    });
    expect(sent).toBe(1);
  });
});
