import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LedgerGateway } from '../adapters/ledger/ledger-gateway.ts';
import { ormConfig } from '../mikro-orm.config.ts';
import { approvePurchase } from '../src/service/approve-purchase.ts';
import type { ServiceContext } from '../src/service/context.ts';
import type { BillingGateway } from '../src/service/ports.ts';

/**
 * The worker the soak kills: approves the purchases it is given at the soak's frozen instant,
 * with a provider that answers slowly after the money moved, and says on stdout when a charge
 * went through. The soak sends SIGKILL while it waits: charged at the provider, not settled here.
 * Env: SOAK_DB_URL, SOAK_NOW (ISO instant), SOAK_JOBS (requestId:approverEmail,...).
 */
const main = async () => {
  const orm = await MikroORM.init(ormConfig({ databaseUrl: process.env.SOAK_DB_URL!, pool: 4 }));
  const em = orm.em as unknown as EntityManager;
  const now = new Date(process.env.SOAK_NOW!);
  const ledger = new LedgerGateway(em, () => now);
  const slow = Object.create(ledger) as BillingGateway;
  slow.purchaseSeats = async (input) => {
    const r = await ledger.purchaseSeats(input);
    console.log(`charged ${input.idempotencyKey}`);
    await new Promise((done) => setTimeout(done, 60_000));
    return r;
  };
  const ctx: ServiceContext = { em, clock: { now: () => now }, billing: slow };
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
  await orm.close(true);
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
