import type { EntityManager } from '@mikro-orm/postgresql';
import { countActiveMembershipsOfAccount } from '../../../db/repositories/memberships.ts';
import type { Account } from '../../domain/model.ts';
import { audit } from './records.ts';

/**
 * A personal plan is paused while an organization pays for the account, i.e. while it has an
 * active membership; it is derived, never stored. These tell whether a change pauses or
 * restores it, for the audit trail and the notices.
 */
export const activeMemberships = (em: EntityManager, accountId: string) =>
  countActiveMembershipsOfAccount(em, accountId);

/** Joining now would pause a paid personal plan (no other active membership yet). */
export const pausesPersonalPlan = async (em: EntityManager, a: Account) =>
  a.personalPlan !== 'free' && (await activeMemberships(em, a.id)) === 0;

/** Leaving now restores it (after the change: no active membership is left). */
export const restoresPersonalPlan = async (em: EntityManager, a: Account) =>
  a.personalPlan !== 'free' && (await activeMemberships(em, a.id)) === 0;

/** Records that an account's own plan was paused (joining) or restored (leaving). */
export const auditPersonalPlan = (
  em: EntityManager,
  now: Date,
  e: { organizationId: string; actorId: string | null; account: Account; paused: boolean },
) =>
  audit(em, now, {
    organizationId: e.organizationId,
    actorId: e.actorId,
    action: e.paused ? 'personal_plan.paused' : 'personal_plan.restored',
    subject: { type: 'account', id: e.account.id },
    before: { personalPlan: e.account.personalPlan, paused: !e.paused },
    after: { personalPlan: e.account.personalPlan, paused: e.paused },
  });
