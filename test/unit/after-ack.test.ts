import { describe, expect, it } from 'vitest';
import { afterAckLimit } from '../../adapters/slack/after-ack.ts';

describe('the work buttons do after their ack', () => {
  it('runs a burst at most N at once, every press in the end, in the order pressed', async () => {
    const limit = afterAckLimit({ concurrent: 4 });
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const presses = Array.from({ length: 40 }, (_, i) =>
      limit(
        async () => {
          started.push(i);
          most = Math.max(most, ++running);
          await new Promise((r) => setTimeout(r, 5));
          running--;
          return i;
        },
        async () => -1,
      ),
    );
    expect(await Promise.all(presses)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    // never more than the bound, and the bound is used
    expect(most).toBe(4);
    expect(started).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('a failing press does not stop the ones behind it', async () => {
    const limit = afterAckLimit({ concurrent: 1 });
    const first = limit(
      async () => {
        throw new Error('boom');
      },
      async () => 'busy',
    );
    const second = limit(
      async () => 'ran',
      async () => 'busy',
    );
    await expect(first).rejects.toThrow('boom');
    expect(await second).toBe('ran');
  });

  it('past the waiting bound a press is answered busy at once and its work never runs', async () => {
    const limit = afterAckLimit({ concurrent: 2, waiting: 3 });
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const ran: number[] = [];
    const presses = Array.from({ length: 8 }, (_, i) =>
      limit(
        async () => {
          ran.push(i);
          await gate;
          return `done ${i}`;
        },
        async () => `busy ${i}`,
      ),
    );
    // 2 running + 3 waiting are held; the other 3 are answered before anything is released
    expect(await Promise.all(presses.slice(5))).toEqual(['busy 5', 'busy 6', 'busy 7']);
    release();
    expect(await Promise.all(presses.slice(0, 5))).toEqual([0, 1, 2, 3, 4].map((i) => `done ${i}`));
    expect(ran).toEqual([0, 1, 2, 3, 4]);
    // once they are done there is room again
    expect(
      await limit(
        async () => 'ran again',
        async () => 'busy',
      ),
    ).toBe('ran again');
  });
});
