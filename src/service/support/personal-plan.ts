import type { EntityManager } from '@mikro-orm/postgresql';
import { MembershipSchema } from '../../../db/schemas/index.ts';
import type { Account } from '../../domain/model.ts';

/**
 * A personal plan is paused while an organization pays for the account, i.e. while it has an
 * active membership; it is derived, never stored. These tell whether a change pauses or
 * restores it, for the audit trail and the notices.
 */
export const activeMemberships = (em: EntityManager, accountId: string) =>
  em.count(MembershipSchema, { accountId, status: 'active' });

/** Joining now would pause a paid personal plan (no other active membership yet). */
export const pausesPersonalPlan = async (em: EntityManager, a: Account) =>
  a.personalPlan !== 'free' && (await activeMemberships(em, a.id)) === 0;

/** Leaving now restores it (after the change: no active membership is left). */
export const restoresPersonalPlan = async (em: EntityManager, a: Account) =>
  a.personalPlan !== 'free' && (await activeMemberships(em, a.id)) === 0;
