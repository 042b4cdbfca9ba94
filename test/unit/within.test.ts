import { describe, expect, it } from 'vitest';
import { within } from '../../src/commands/within.ts';

const settleAfter = <T>(ms: number, v: T) => new Promise<T>((r) => setTimeout(() => r(v), ms));

describe('within', () => {
  it('gives the result of work that finishes in time', async () => {
    expect(await within(settleAfter(5, 'quick'), 1000)).toEqual({ done: true, value: 'quick' });
  });

  it('says not done for work still running at the deadline', async () => {
    expect(await within(settleAfter(200, 'slow'), 10)).toEqual({ done: false });
  });

  it('treats a deadline of zero as already passed, even for work that is already finished', async () => {
    expect(await within(Promise.resolve('instant'), 0)).toEqual({ done: false });
  });

  it('passes on a failure that comes in time', async () => {
    await expect(within(Promise.reject(new Error('refused')), 1000)).rejects.toThrow('refused');
  });
});
