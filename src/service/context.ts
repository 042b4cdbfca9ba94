import type { EntityManager } from '@mikro-orm/postgresql';
import type { BillingGateway, Clock } from './ports.ts';

/** What every use case gets: the database, the clock and the billing port. */
export interface ServiceContext {
  em: EntityManager;
  clock: Clock;
  billing: BillingGateway;
}

/** Who is acting: an account known by email (adapters resolve chat users to it). */
export interface Actor {
  email: string;
  name?: string | null;
}
