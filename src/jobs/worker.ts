import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { ServiceContext } from '../service/context.ts';
import { deliverOutbox } from './deliver-outbox.ts';
import type { Notifier } from './notifier.ts';
import { PERIODIC_JOBS, type PeriodicJob } from './schedule.ts';

export interface WorkerOptions {
  /** PostgreSQL URL for pg-boss; unset (embedded database): plain timers in this process */
  databaseUrl?: string;
  /** how often the outbox is polled */
  outboxIntervalMs?: number;
  jobs?: PeriodicJob[];
  log: Logger;
}

export interface Worker {
  /** runs a periodic job now, through the queue (one worker takes it) */
  trigger(name: string): Promise<void>;
  stop(): Promise<void>;
}

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
  let stopping = false;
  let delivering: Promise<unknown> = Promise.resolve();
  const outboxTimer = setInterval(() => {
    if (stopping) return;
    delivering = deliverOutbox(ctx, notifier).catch((e) => o.log.error({ err: e }, 'outbox delivery failed'));
  }, o.outboxIntervalMs ?? 2000);

  if (!o.databaseUrl) {
    const timers = jobs.map((job) => setInterval(() => void runJob(job).catch(() => {}), 60_000));
    return {
      async trigger(name) {
        const job = byName.get(name);
        if (!job) throw new Error(`no job ${name}`);
        await runJob(job);
      },
      async stop() {
        stopping = true;
        clearInterval(outboxTimer);
        for (const t of timers) clearInterval(t);
        await delivering;
      },
    };
  }

  const boss = new PgBoss({ connectionString: o.databaseUrl, schema: 'pgboss', max: 4 });
  boss.on('error', (e) => o.log.error({ err: e }, 'pg-boss error'));
  await boss.start();
  for (const job of jobs) {
    await boss.createQueue(job.name, {
      name: job.name,
      policy: 'singleton',
      retryLimit: 3,
      retryBackoff: true,
    });
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, { pollingIntervalSeconds: 1 }, async () => runJob(job));
  }
  return {
    async trigger(name) {
      if (!byName.has(name)) throw new Error(`no job ${name}`);
      await boss.send(name, {});
    },
    async stop() {
      stopping = true;
      clearInterval(outboxTimer);
      await delivering;
      await boss.stop({ graceful: true, timeout: 10_000, wait: true });
    },
  };
};
