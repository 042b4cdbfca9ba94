import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Notifier } from '../commands/notifier.ts';
import type { ServiceContext } from '../service/context.ts';
import { deliverOutbox } from './deliver-outbox.ts';
import { outboxLoop, settlesWithin } from './outbox-loop.ts';
import { PERIODIC_JOBS, type PeriodicJob } from './schedule.ts';

export interface WorkerOptions {
  /** PostgreSQL URL for pg-boss; unset (embedded database): plain timers in this process */
  databaseUrl?: string;
  /** how often the outbox is polled */
  outboxIntervalMs?: number;
  /** how often the lease of the outbox row being sent is renewed (default: a third of the lease) */
  leaseRenewMs?: number;
  jobs?: PeriodicJob[];
  log: Logger;
}

export interface Worker {
  /** runs a periodic job now, through the queue (one worker takes it) */
  trigger(name: string): Promise<void>;
  /**
   * Stops taking work and lets the current work end: the outbox row being sent is sent and
   * recorded, a periodic job runs to its end. Work still running after `graceMs` is left: a
   * periodic job is marked failed (pg-boss runs it again later), an outbox row comes back when its
   * lease ends. Resolves false when something had to be left.
   */
  stop(graceMs?: number): Promise<boolean>;
}

const BATCH = 50;

/**
 * The background worker: delivers the outbox every few seconds and runs the periodic jobs.
 * With PostgreSQL, pg-boss holds the schedule and the queue, so several bot replicas and
 * workers can share one database and each tick runs once; on the embedded database (one
 * process by nature) plain timers do the same.
 */
export const startWorker = async (
  ctx: ServiceContext,
  notifier: Notifier,
  o: WorkerOptions,
): Promise<Worker> => {
  const jobs = o.jobs ?? PERIODIC_JOBS;
  const byName = new Map(jobs.map((j) => [j.name, j]));
  const runJob = async (job: PeriodicJob) => {
    try {
      const result = await job.run(ctx);
      o.log.debug({ job: job.name, result }, 'job done');
    } catch (e) {
      o.log.error({ job: job.name, err: e }, 'job failed');
      throw e;
    }
  };
  const outbox = outboxLoop(
    (stopping) =>
      deliverOutbox(ctx, notifier, {
        batch: BATCH,
        stopping,
        log: o.log,
        ...(o.leaseRenewMs ? { leaseRenewMs: o.leaseRenewMs } : {}),
      }),
    { intervalMs: o.outboxIntervalMs ?? 2000, batch: BATCH, log: o.log },
  );

  if (!o.databaseUrl) {
    const running = new Set<Promise<unknown>>();
    const timers = jobs.map((job) =>
      setInterval(() => {
        const p = runJob(job)
          .catch(() => {})
          .finally(() => running.delete(p));
        running.add(p);
      }, 60_000),
    );
    return {
      async trigger(name) {
        const job = byName.get(name);
        if (!job) throw new Error(`no job ${name}`);
        await runJob(job);
      },
      async stop(graceMs = 10_000) {
        const until = Date.now() + graceMs;
        for (const t of timers) clearInterval(t);
        const delivered = await outbox.stop(graceMs);
        return (await settlesWithin(Promise.all(running), until - Date.now())) && delivered;
      },
    };
  }

  const boss = new PgBoss({ connectionString: o.databaseUrl, schema: 'pgboss', max: 4 });
  boss.on('error', (e) => o.log.error({ err: e }, 'pg-boss error'));
  await boss.start();
  const working = new Set<Promise<unknown>>();
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      name: job.name,
      policy: 'singleton',
      retryLimit: 3,
      retryBackoff: true,
    });
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, { pollingIntervalSeconds: 1 }, async () => {
      const p = runJob(job);
      working.add(p);
      try {
        await p;
      } finally {
        working.delete(p);
      }
    });
  }
  return {
    async trigger(name) {
      if (!byName.has(name)) throw new Error(`no job ${name}`);
      await boss.send(name, {});
    },
    async stop(graceMs = 10_000) {
      // both at once: pg-boss stops fetching jobs, waits for the running ones, then marks those
      // still running failed (retried later); it waits at least a second
      const [delivered] = await Promise.all([
        outbox.stop(graceMs),
        boss.stop({ graceful: true, wait: true, timeout: graceMs }),
      ]);
      return delivered && working.size === 0;
    },
  };
};
