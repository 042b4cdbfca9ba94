import type { Logger } from 'pino';
import type { DeliveryResult } from './deliver-outbox.ts';

/** Resolves true when `work` settles within `ms`, false when the time runs out first. */
export const settlesWithin = async (work: Promise<unknown>, ms: number) => {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, ms));
  });
  try {
    return await Promise.race([work.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Delivery runs one after another, never overlapping: the next starts `intervalMs` after the last
 * one ended, or at once when the last one found a full batch (a backlog). A run that overlapped
 * the one before would claim rows while the earlier run still sends, and a slow platform would
 * stack runs without end.
 */
export const outboxLoop = (
  run: (stopping: () => boolean) => Promise<DeliveryResult>,
  o: { intervalMs: number; batch: number; log: Logger },
) => {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> = Promise.resolve();
  const tick = () => {
    timer = undefined;
    current = run(() => stopping).then(
      (r) => schedule(r.claimed >= o.batch ? 0 : o.intervalMs),
      (e) => {
        o.log.error({ err: e }, 'outbox delivery failed');
        schedule(o.intervalMs);
      },
    );
  };
  const schedule = (ms: number) => {
    if (!stopping) timer = setTimeout(tick, ms);
  };
  schedule(o.intervalMs);
  return {
    /** No new run starts; the running one ends after its current row. False if that takes longer than `graceMs`. */
    async stop(graceMs: number) {
      stopping = true;
      clearTimeout(timer);
      return settlesWithin(current, graceMs);
    },
  };
};
