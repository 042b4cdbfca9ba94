import { describe, expect, it } from 'vitest';
import { afterAckLimit } from '../../adapters/slack/after-ack.ts';

describe('the work buttons do after their ack', () => {
  it('runs a burst at most N at once, every press in the end, in the order pressed', async () => {
    const limit = afterAckLimit(4);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const presses = Array.from({ length: 40 }, (_, i) =>
      limit(async () => {
        started.push(i);
        most = Math.max(most, ++running);
        await new Promise((r) => setTimeout(r, 5));
        running--;
        return i;
      }),
    );
    expect(await Promise.all(presses)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    // Bottleneck starts the next press a tick after one ends: never more than the bound
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
    expect(started).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('a failing press does not stop the ones behind it', async () => {
    const limit = afterAckLimit(1);
    const first = limit(async () => {
      throw new Error('boom');
    });
    const second = limit(async () => 'ran');
    await expect(first).rejects.toThrow('boom');
    expect(await second).toBe('ran');
  });
});
