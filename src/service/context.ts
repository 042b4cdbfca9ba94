import type { EntityManager } from '@mikro-orm/postgresql';
import type { BillingGateway, Clock } from './ports.ts';

/** What every use case gets: the database, the clock and the billing port. */
export interface ServiceContext {
  em: EntityManager;
  clock: Clock;
  billing: BillingGateway;
  /** PUBLIC_URL, for links the core hands out (the SCIM base URL); unset in bare test contexts */
  publicUrl?: string;
}

/** Who is acting: an account known by email (adapters resolve chat users to it). */
export interface Actor {
  email: string;
  name?: string | null;
}

/**
 * The organization's identity provider, acting over SCIM with the organization's token. It has
 * no account: its changes are audited with `actorId` null and `actor: 'scim'` in `after`.
 */
export interface IdentityProvider {
  identityProvider: 'scim';
  organizationId: string;
}

export const isIdentityProvider = (a: Actor | IdentityProvider): a is IdentityProvider =>
  'identityProvider' in a;
