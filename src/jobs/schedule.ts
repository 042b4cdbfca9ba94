import { resumeStalledPurchases } from '../service/approve-purchase.ts';
import { collectDueCharges } from '../service/collect-period-charges.ts';
import type { ServiceContext } from '../service/context.ts';
import { expireStale } from '../service/expire-stale.ts';
import { nudgeStalledApprovals } from '../service/nudge-stalled-approvals.ts';
import { offerIdleSeats } from '../service/offer-idle-seats.ts';
import { reclaimIdleSeats } from '../service/reclaim-idle-seats.ts';
import { reconcileBilling } from '../service/reconcile-billing.ts';
import { rollDueContracts } from '../service/roll-renewal.ts';
import { sendRenewalReminders } from '../service/send-renewal-reminders.ts';

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
  // purchases nobody answered: a reminder, then the owner as well (each once)
  { name: 'approval-nudges', cron: '*/5 * * * *', run: (ctx) => nudgeStalledApprovals(ctx) },
  { name: 'stalled-purchases', cron: '*/5 * * * *', run: (ctx) => resumeStalledPurchases(ctx) },
  // dunning retries and late-purchase charges left uncollected
  { name: 'collections', cron: '*/10 * * * *', run: (ctx) => collectDueCharges(ctx) },
  { name: 'renewal-reminders', cron: '7 * * * *', run: (ctx) => sendRenewalReminders(ctx) },
  { name: 'idle-offers', cron: '17 * * * *', run: (ctx) => offerIdleSeats(ctx) },
  { name: 'idle-reclaim', cron: '27 * * * *', run: (ctx) => reclaimIdleSeats(ctx) },
  { name: 'billing-reconciliation', cron: '37 * * * *', run: (ctx) => reconcileBilling(ctx) },
];
