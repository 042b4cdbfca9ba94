import { describe, expect, it } from 'vitest';
import { InFlight } from '../../src/commands/in-flight.ts';

const later = <T>(ms: number, value: T, fail = false) =>
  new Promise<T>((resolve, reject) =>
    setTimeout(() => (fail ? reject(new Error('boom')) : resolve(value)), ms),
  );

describe('InFlight', () => {
  it('hands the work back unchanged and forgets it once it settles, failed or not', async () => {
    const f = new InFlight();
    const ok = f.track(later(5, 'done'));
    const bad = f.track(later(5, 'x', true));
    expect(f.size).toBe(2);
    await expect(ok).resolves.toBe('done');
    await expect(bad).rejects.toThrow('boom');
    await f.idle();
    expect(f.size).toBe(0);
  });

  it('idle() also waits for work that starts while it waits', async () => {
    const f = new InFlight();
    const order: string[] = [];
    f.track(
      later(10, null).then(() => {
        order.push('first');
        f.track(later(20, null).then(() => order.push('second')));
      }),
    );
    await f.idle();
    order.push('idle');
    expect(order).toEqual(['first', 'second', 'idle']);
  });
});
