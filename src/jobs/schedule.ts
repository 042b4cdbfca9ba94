import { resumeStalledPurchases } from '../service/approve-purchase.ts';
import type { ServiceContext } from '../service/context.ts';
import { expireStale } from '../service/expire-stale.ts';
import { rollDueContracts } from '../service/roll-renewal.ts';

/** A periodic job: what it runs and how often (cron, minute granularity). */
export interface PeriodicJob {
  name: string;
  cron: string;
  run(ctx: ServiceContext): Promise<unknown>;
}

/**
 * The background work besides outbox delivery. Every job is idempotent (running it twice, or on
 * two workers at once, changes nothing more than once), so a retry or an overlap is harmless.
 */
export const PERIODIC_JOBS: PeriodicJob[] = [
  { name: 'renewals', cron: '* * * * *', run: (ctx) => rollDueContracts(ctx) },
  { name: 'expirations', cron: '* * * * *', run: (ctx) => expireStale(ctx) },
  { name: 'stalled-purchases', cron: '*/5 * * * *', run: (ctx) => resumeStalledPurchases(ctx) },
];
