import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import pino from 'pino';
import { LedgerGateway } from '../adapters/ledger/ledger-gateway.ts';
import { ledgerChargeStore } from '../db/repositories/ledger-charges.ts';
import { ormConfig } from '../mikro-orm.config.ts';
import { type Notifier, Unreachable } from '../src/commands/notifier.ts';
import { deliverOutbox } from '../src/jobs/deliver-outbox.ts';
import { outboxLoop } from '../src/jobs/outbox-loop.ts';
import { approvePurchase } from '../src/service/approve-purchase.ts';
import type { ServiceContext } from '../src/service/context.ts';
import type { BillingGateway } from '../src/service/ports.ts';
import { LEASE_RENEW_MS, outboxClock, POLL_MS } from './soak-outbox.ts';

/**
 * The worker the soak kills: approves the purchases it is given at the soak's frozen instant,
 * with a provider that answers slowly after the money moved, and says on stdout when a charge
 * went through. The soak sends SIGKILL while it waits: charged at the provider, not settled here.
 * It delivers the outbox too, as the worker does, on the soak's outbox clock; its platform takes
 * 300 ms to answer after delivering, and the soak kills it in such a wait: sent, not recorded.
 * stdout: `charged <key>`, `attempt <outboxId>`, `delivered <outboxId>`, `recorded <outboxId>`.
 * Env: SOAK_DB_URL, SOAK_NOW (ISO instant), SOAK_JOBS (requestId:approverEmail,...),
 * SOAK_OUTBOX_T0 (the outbox clock's start, epoch ms), SOAK_UNREACHABLE (emails never found).
 */
const main = async () => {
  const orm = await MikroORM.init(ormConfig({ databaseUrl: process.env.SOAK_DB_URL!, pool: 4 }));
  const em = orm.em as unknown as EntityManager;
  const now = new Date(process.env.SOAK_NOW!);
  const ledger = new LedgerGateway(ledgerChargeStore(em), () => now);
  const slow = Object.create(ledger) as BillingGateway;
  slow.purchaseSeats = async (input) => {
    const r = await ledger.purchaseSeats(input);
    console.log(`charged ${input.idempotencyKey}`);
    await new Promise((done) => setTimeout(done, 60_000));
    return r;
  };
  const ctx: ServiceContext = { em, clock: { now: () => now }, billing: slow };
  const unreachable = new Set((process.env.SOAK_UNREACHABLE ?? '').split(','));
  const platform: Notifier = {
    name: 'crashing',
    async send(to, _reply, meta) {
      console.log(`attempt ${meta.outboxId}`);
      if (unreachable.has(to.email)) throw new Unreachable(`no conversation with ${to.email}`);
      console.log(`delivered ${meta.outboxId}`);
      await new Promise((done) => setTimeout(done, 300));
    },
  };
  // the outbox loop as src/jobs/worker.ts runs it, and says which rows it recorded sent
  const octx: ServiceContext = { ...ctx, clock: outboxClock(Number(process.env.SOAK_OUTBOX_T0)) };
  const outbox = outboxLoop(
    (stopping) =>
      deliverOutbox(octx, platform, {
        batch: 50,
        stopping,
        leaseRenewMs: LEASE_RENEW_MS,
        onSent: (id) => console.log(`recorded ${id}`),
      }),
    { intervalMs: POLL_MS, batch: 50, log: pino({ level: 'warn' }, pino.destination(2)) },
  );
  const jobs = (process.env.SOAK_JOBS ?? '').split(',').filter(Boolean);
  await Promise.all(
    jobs.map(async (job) => {
      const [requestId, email] = job.split(':');
      await approvePurchase(ctx, { email: email! }, { requestId: requestId! }).catch((e) =>
        console.log(`error ${requestId}: ${e instanceof Error ? e.message : e}`),
      );
    }),
  );
  console.log('done');
  await outbox.stop(10_000);
  await orm.close(true);
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
