import type { EntityManager } from '@mikro-orm/postgresql';
import { approversOf } from './purchase.ts';

/**
 * Whoever pays a period charge and the organization's approvers: told of every step of the
 * charge, and sent its receipt, whichever path (the roll, dunning, the provider's invoice) paid it.
 */
export const billingPeople = async (
  em: EntityManager,
  payerId: string,
  organizationId: string | null,
): Promise<Set<string>> =>
  new Set([
    payerId,
    ...(organizationId ? (await approversOf(em, organizationId)).map((m) => m.accountId) : []),
  ]);
