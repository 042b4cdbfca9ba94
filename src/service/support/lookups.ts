import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AccountSchema,
  ContractSchema,
  MembershipSchema,
  OrganizationSchema,
  PlanSchema,
} from '../../../db/schemas/index.ts';
import type { Plan } from '../../domain/catalog.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Account, Contract, Membership, Organization } from '../../domain/model.ts';
import { can, type Permission, permissionHint } from '../../domain/permissions.ts';
import type { Actor } from '../context.ts';
import { emailField, parse } from './input.ts';

/** The acting account; a chat user seen for the first time gets a `free` account. */
export const actorAccount = async (em: EntityManager, actor: Actor, now: Date): Promise<Account> => {
  const email = parse(emailField, actor.email);
  const found = await em.findOne(AccountSchema, { email });
  if (found) return found;
  const account = em.create(AccountSchema, {
    id: randomUUID(),
    email,
    name: actor.name ?? null,
    personalPlan: 'free',
    paymentMethod: null,
    createdAt: now,
    updatedAt: now,
  });
  // upsert: a concurrent first contact by the same person must not fail
  await em.upsert(AccountSchema, account, { onConflictFields: ['email'], onConflictAction: 'ignore' });
  return await em.findOneOrFail(AccountSchema, { email }, { refresh: true });
};

/** The acting account for read-only use cases: an unknown person is refused, never created. */
export const knownAccount = async (em: EntityManager, actor: Actor): Promise<Account> => {
  const email = parse(emailField, actor.email);
  const found = await em.findOne(AccountSchema, { email });
  if (!found) {
    throw new DomainError(
      'not_found',
      `There is no Seatkeeper account for ${email}.`,
      'Ask an admin of your organization to invite you.',
    );
  }
  return found;
};

export const findAccount = (em: EntityManager, email: string) =>
  em.findOne(AccountSchema, { email: parse(emailField, email) });

export const requireOrganization = async (em: EntityManager, orgId: string): Promise<Organization> => {
  const org = await em.findOne(OrganizationSchema, { id: orgId });
  if (!org || org.status === 'deleted') {
    throw new DomainError('not_found', 'That organization does not exist.', 'Check the organization id.');
  }
  return org;
};

/** Refuses changes to an organization whose paid time has run out after cancelling. */
export const requireOpen = (org: Organization) => {
  if (org.status === 'cancelled') {
    throw new DomainError(
      'organization_closed',
      `${org.name} was cancelled and is closed.`,
      'Create a new organization with `org create <name>`.',
    );
  }
};

export const membershipOf = (em: EntityManager, orgId: string, accountId: string) =>
  em.findOne(MembershipSchema, { organizationId: orgId, accountId });

/** The actor's membership, refusing unless it grants `permission`. */
export const requirePermission = async (
  em: EntityManager,
  org: Organization,
  account: Account,
  permission: Permission,
): Promise<Membership> => {
  const m = await membershipOf(em, org.id, account.id);
  if (m?.status !== 'active') {
    // Same answer whether the org exists for others or not: no leak across organizations.
    if (m?.status === 'detached') {
      throw new DomainError(
        'detached',
        `Your access to ${org.name} was removed.`,
        'Ask an admin if this is a mistake.',
      );
    }
    throw new DomainError('not_found', 'That organization does not exist.', 'Check the organization id.');
  }
  if (!can(m, permission)) {
    throw new DomainError(
      'forbidden',
      `You are ${m.role === 'admin' ? 'an admin' : 'a member'}: that is not yours to do.`,
      permissionHint[permission],
    );
  }
  return m;
};

/** A member of this organization, named by email; another org's people are "not a member". */
export const requireMemberByEmail = async (
  em: EntityManager,
  org: Organization,
  email: string,
): Promise<{ account: Account; membership: Membership }> => {
  const address = parse(emailField, email);
  const account = await em.findOne(AccountSchema, { email: address });
  const membership = account ? await membershipOf(em, org.id, account.id) : null;
  if (!account || !membership || membership.status === 'left') {
    throw new DomainError(
      'not_found',
      `${address} is not a member of ${org.name}.`,
      'Invite them first with `invite`.',
    );
  }
  return { account, membership };
};

export const requirePlan = async (em: EntityManager, code: string): Promise<Plan> => {
  const plan = await em.findOne(PlanSchema, { code: code.toLowerCase() });
  if (!plan) {
    const all = await em.find(PlanSchema, {}, { orderBy: { rank: 'asc' } });
    throw new DomainError(
      'not_found',
      `There is no plan called "${code}".`,
      `Plans: ${all.map((p) => p.code).join(', ')}.`,
    );
  }
  return plan;
};

/** Contracts whose seats this organization may use now (connected, not frozen, not ended). */
export const activeContracts = (em: EntityManager, orgId: string): Promise<Contract[]> =>
  em.find(
    ContractSchema,
    { organizationId: orgId, status: 'active', disconnectedAt: null },
    { orderBy: { kind: 'asc', createdAt: 'asc' } },
  );

/** The organization's own contract, where purchases go. */
export const ownContract = async (em: EntityManager, orgId: string): Promise<Contract> => {
  const c = await em.findOne(ContractSchema, {
    organizationId: orgId,
    kind: 'organization',
    status: 'active',
  });
  if (!c)
    throw new DomainError(
      'no_contract',
      'This organization has no active contract.',
      'Ask the owner to check billing.',
    );
  return c;
};

export const accountsById = async (em: EntityManager, ids: readonly string[]) => {
  const rows = ids.length ? await em.find(AccountSchema, { id: { $in: [...new Set(ids)] } }) : [];
  return new Map(rows.map((a) => [a.id, a]));
};
