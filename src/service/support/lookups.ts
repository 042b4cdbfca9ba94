import { randomUUID } from 'node:crypto';
import type { EntitySchema } from '@mikro-orm/core';
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
): Promise<Membership> => checkAccess(org, await membershipOf(em, org.id, account.id), permission);

/** The refusals of requirePermission, given the membership (or none). */
const checkAccess = (org: Organization, m: Membership | null, permission: Permission): Membership => {
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

const orgNotFound = () =>
  new DomainError('not_found', 'That organization does not exist.', 'Check the organization id.');

export type Json = Record<string, unknown> | null;

/**
 * The organization, the acting account and their membership in one round trip, refused
 * exactly as requireOrganization + requirePermission would. Rows come back as managed
 * records (changes to them are flushed with the transaction).
 */
export const authorize = async (
  em: EntityManager,
  organizationId: string,
  actor: Actor,
  permission: Permission,
): Promise<{ org: Organization; me: Account; membership: Membership }> => {
  const email = parse(emailField, actor.email);
  const [row] = await em.execute<{ o: Json; a: Json; m: Json }[]>(
    `select row_to_json(o) as o, row_to_json(a) as a, row_to_json(m) as m
     from organization o
     left join account a on a.email = ?
     left join membership m on m.organization_id = o.id and m.account_id = a.id
     where o.id = ?`,
    [email, organizationId],
  );
  return authorizeRows(em, row?.o ?? null, row?.a ?? null, row?.m ?? null, permission);
};

/**
 * authorize's refusals, given the rows it reads (as `row_to_json`): for reads that fetch them
 * together with other data in one shared query (seat-summary).
 */
export const authorizeRows = (
  em: EntityManager,
  o: Json,
  a: Json,
  m: Json,
  permission: Permission,
): { org: Organization; me: Account; membership: Membership } => {
  if (!o || o.status === 'deleted') throw orgNotFound();
  const org = managed(em, OrganizationSchema, o);
  if (!a) throw orgNotFound();
  const membership = checkAccess(org, m ? managed(em, MembershipSchema, m) : null, permission);
  return { org, me: managed(em, AccountSchema, a), membership };
};

/** A raw row as the managed record (the one already loaded in this unit of work, if any). */
const managed = <T extends object>(
  em: EntityManager,
  schema: EntitySchema<T>,
  row: Record<string, unknown>,
): T =>
  (em.getUnitOfWork().getById(schema.meta.className, row.id as never) as T | undefined) ??
  em.map(schema, row as never);

/** A member of this organization, named by email; another org's people are "not a member". */
/**
 * The memberships of many people by email in one query, in the order asked; the first one who
 * is not a member is refused as `requireMemberByEmail` would.
 */
export const requireMembersByEmail = async (
  em: EntityManager,
  org: Organization,
  emails: string[],
): Promise<{ account: Account; membership: Membership }[]> => {
  const addresses = emails.map((e) => parse(emailField, e));
  if (!addresses.length) return [];
  const rows = await em.execute<{ a: NonNullable<Json>; m: NonNullable<Json> }[]>(
    `select row_to_json(a) as a, row_to_json(m) as m
     from account a join membership m on m.account_id = a.id and m.organization_id = ?
     where a.email in (?) and m.status <> 'left'`,
    [org.id, addresses],
  );
  const byEmail = new Map(rows.map((r) => [String(r.a.email), r]));
  return addresses.map((address) => {
    const row = byEmail.get(address);
    if (!row) {
      throw new DomainError(
        'not_found',
        `${address} is not a member of ${org.name}.`,
        'Invite them first with `invite`.',
      );
    }
    return { account: managed(em, AccountSchema, row.a), membership: managed(em, MembershipSchema, row.m) };
  });
};

export const requireMemberByEmail = async (
  em: EntityManager,
  org: Organization,
  email: string,
): Promise<{ account: Account; membership: Membership }> => {
  const address = parse(emailField, email);
  const [row] = await em.execute<{ a: Json; m: Json }[]>(
    `select row_to_json(a) as a, row_to_json(m) as m
     from account a join membership m on m.account_id = a.id and m.organization_id = ?
     where a.email = ? and m.status <> 'left'`,
    [org.id, address],
  );
  if (!row?.a || !row.m) {
    throw new DomainError(
      'not_found',
      `${address} is not a member of ${org.name}.`,
      'Invite them first with `invite`.',
    );
  }
  return { account: managed(em, AccountSchema, row.a), membership: managed(em, MembershipSchema, row.m) };
};
export const requirePlan = async (em: EntityManager, code: string): Promise<Plan> => {
  const [row] = await em.execute<{ p: Json }[]>('select row_to_json(p) as p from plan p where code = ?', [
    code.toLowerCase(),
  ]);
  const plan = row?.p ? managed(em, PlanSchema, row.p) : null;
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
