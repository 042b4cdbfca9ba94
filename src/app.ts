import { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DestinationStream, Logger } from 'pino';
import { LedgerGateway } from '../adapters/ledger/ledger-gateway.ts';
import type { TeamsBot } from '../adapters/teams/teams-bot.ts';
import { ledgerChargeStore } from '../db/repositories/ledger-charges.ts';
import { stripeStore } from '../db/repositories/stripe-store.ts';
import { ormConfig } from '../mikro-orm.config.ts';
import { InFlight } from './commands/in-flight.ts';
import type { Config } from './config.ts';
import { createLogger } from './logger.ts';
import type { ServiceContext } from './service/context.ts';
import { type BillingGateway, type BillingProvider, type Clock, systemClock } from './service/ports.ts';

export interface App {
  config: Config;
  orm: MikroORM;
  ctx: ServiceContext;
  log: Logger;
  /** set when billing goes through Stripe (STRIPE_SECRET_KEY): its webhooks and catalog */
  stripe?: BillingProvider;
  /** the Teams bot, when TEAMS_APP_ID is set */
  teams: TeamsBot | null;
  /** chat work still running after its answer (see InFlight); shutdown waits for it */
  inFlight: InFlight;
  close(): Promise<void>;
}

/** The composition root's core: database (migrated), billing gateway, clock and logger. */
export const buildApp = async (
  config: Config,
  opts: { clock?: Clock; orm?: MikroORM; logStream?: DestinationStream } = {},
): Promise<App> => {
  const log = createLogger(config.LOG_LEVEL, opts.logStream);
  const orm =
    opts.orm ??
    (await MikroORM.init(ormConfig({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR })));
  await orm.getMigrator().up();
  const em = orm.em as unknown as EntityManager;
  const clock = opts.clock ?? systemClock;
  // Stripe when configured; otherwise the local ledger, so the bot runs with no setup at all.
  // Each gateway gets its store from db/ here: the adapters never reach the database themselves.
  // The Stripe SDK is imported only then: without keys it is start-up time and memory for nothing.
  const stripe: (BillingGateway & BillingProvider) | undefined = config.STRIPE_SECRET_KEY
    ? await stripeGateway(config.STRIPE_SECRET_KEY, config.STRIPE_API_BASE, em, {
        publicUrl: config.PUBLIC_URL,
        now: () => clock.now(),
      })
    : undefined;
  const billing: BillingGateway = stripe ?? new LedgerGateway(ledgerChargeStore(em), () => clock.now());
  const ctx = { em, clock, billing, publicUrl: config.PUBLIC_URL };
  const appId = config.TEAMS_APP_ID;
  const inFlight = new InFlight();
  // the Teams SDK (teams-ai, botbuilder) takes seconds to load: only when Teams is on
  const teams = appId
    ? (await import('../adapters/teams/teams-bot.ts')).buildTeamsBot(
        { ...config, TEAMS_APP_ID: appId },
        ctx,
        (e) => log.error(e),
        { inFlight },
      )
    : null;
  return {
    config,
    orm,
    ctx,
    log,
    stripe,
    inFlight,
    teams,
    async close() {
      await orm.close(true);
    },
  };
};

const stripeGateway = async (
  secretKey: string,
  apiBase: string | undefined,
  em: EntityManager,
  o: { publicUrl: string; now: () => Date },
) => {
  const [{ stripeClient }, { StripeGateway }] = await Promise.all([
    import('../adapters/stripe/client.ts'),
    import('../adapters/stripe/stripe-gateway.ts'),
  ]);
  return new StripeGateway(stripeStore(em), stripeClient(secretKey, apiBase), o);
};
