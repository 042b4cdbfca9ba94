import { describe, expect, it } from 'vitest';
import { batchedFlight, singleFlight } from '../../src/service/support/single-flight.ts';

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

describe('singleFlight', () => {
  it('runs one query for calls that arrive together, and one more for those during it', async () => {
    const flight = singleFlight<number>();
    const gates = [deferred<number>(), deferred<number>()];
    let started = 0;
    const fn = () => gates[started++]!.promise;
    const first = flight('org', fn);
    const during = [flight('org', fn), flight('org', fn), flight('org', fn)];
    expect(started).toBe(1);
    gates[0]!.resolve(1);
    expect(await first).toBe(1);
    // the calls made while the first query ran get a query that started after them
    await Promise.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(2);
    gates[1]!.resolve(2);
    expect(await Promise.all(during)).toEqual([2, 2, 2]);
  });

  it('keeps keys apart and starts afresh once idle', async () => {
    const flight = singleFlight<string>();
    let calls = 0;
    const fn = (v: string) => async () => {
      calls++;
      return v;
    };
    expect(await Promise.all([flight('a', fn('a')), flight('b', fn('b'))])).toEqual(['a', 'b']);
    expect(await flight('a', fn('again'))).toBe('again');
    expect(calls).toBe(3);
  });

  it('passes a failure to the callers of that query only', async () => {
    const flight = singleFlight<number>();
    const gate = deferred<number>();
    const failing = flight('org', () => gate.promise);
    const later = flight('org', async () => 7);
    gate.reject(new Error('database down'));
    await expect(failing).rejects.toThrow('database down');
    expect(await later).toBe(7);
  });
});

describe('batchedFlight', () => {
  it('gives each query the arguments of every call it answers', async () => {
    const flight = batchedFlight<string, string[]>();
    const gate = deferred<void>();
    const seen: string[][] = [];
    const fn = async (args: string[]) => {
      seen.push([...args]);
      if (seen.length === 1) await gate.promise;
      return args;
    };
    const first = flight('org', 'ann', fn);
    const during = [flight('org', 'bob', fn), flight('org', 'cy', fn), flight('other', 'dee', fn)];
    gate.resolve();
    expect(await first).toEqual(['ann']);
    expect(await Promise.all(during)).toEqual([['bob', 'cy'], ['bob', 'cy'], ['dee']]);
    expect(seen).toEqual([['ann'], ['dee'], ['bob', 'cy']]);
  });
});
