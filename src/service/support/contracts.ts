import type { EntityManager } from '@mikro-orm/postgresql';
import {
  lockContract,
  lockOrganizationRow,
  unconnectedContractsManagedBy,
} from '../../../db/repositories/contracts.ts';
import { DomainError, type Said } from '../../domain/errors.ts';
import type { Account, Contract, Organization } from '../../domain/model.ts';
import type { Permission } from '../../domain/permissions.ts';
import type { Actor } from '../context.ts';
import { actorAccount, requireOpen, requireOrganization, requirePermission } from './lookups.ts';

/** The contract fields an audit event shows before/after (never the key hash). */
export const CONTRACT_AUDIT_KEYS = [
  'kind',
  'organizationId',
  'managerId',
  'period',
  'currency',
  'currentPeriodStart',
  'currentPeriodEnd',
  'status',
  'disconnectedAt',
] as const satisfies readonly (keyof Contract)[];

/** Loads an organization with its row locked for the rest of the transaction; deleted → not_found. */
export const lockOrganization = async (em: EntityManager, orgId: string): Promise<Organization> => {
  await lockOrganizationRow(em, orgId);
  return requireOrganization(em, orgId);
};

/**
 * The prologue of every change to an organization's billing or contracts: the actor, the
 * organization row locked for the transaction, the permission, and an open organization.
 */
export const lockOrganizationFor = async (
  em: EntityManager,
  actor: Actor,
  orgId: string,
  permission: Permission,
  now: Date,
): Promise<{ me: Account; org: Organization }> => {
  const me = await actorAccount(em, actor, now);
  const org = await lockOrganization(em, orgId);
  await requirePermission(em, org, me, permission);
  requireOpen(org);
  return { me, org };
};

/** A contract with its row locked for the rest of the transaction, or null. */
export { lockContract };

/** Connected to an organization that still uses it (not disconnected). */
export const isConnected = (c: Contract): boolean => c.organizationId !== null && c.disconnectedAt === null;

/** Active external contracts this account manages that are not connected to any organization. */
export { unconnectedContractsManagedBy };

/**
 * The single contract a command without a contract id means. None → `not_found` with `none`;
 * several → `invalid_input` listing their ids so the person can name one. A catalog message for
 * `several` gets the ids as its `{ids}` argument (a plain string is followed by them).
 */
export const onlyContract = (
  found: readonly Contract[],
  none: { message: string | Said; next: string | Said },
  several: string | Said,
): Contract => {
  if (found.length === 0) throw new DomainError('not_found', none.message, none.next);
  if (found.length > 1) {
    const ids = found.map((c) => c.id).join(', ');
    throw new DomainError(
      'invalid_input',
      typeof several === 'string'
        ? `${several}: ${ids}.`
        : { key: several.key, args: { ...several.args, ids } },
      { key: 'errors_support.contract.several_next' },
      { contractIds: found.map((c) => c.id) },
    );
  }
  return found[0]!;
};
