import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  accountByEmail,
  accountFromRow,
  accountsByIds,
  ensureAccount,
} from '../../../db/repositories/accounts.ts';
import {
  memberByEmail,
  membersByEmails,
  membershipFromRow,
  membershipOf as membershipRow,
} from '../../../db/repositories/memberships.ts';
import {
  activeOwnContractOf,
  organizationById,
  organizationFromRow,
  organizationWithActor,
  organizationWithActorPlain,
} from '../../../db/repositories/organizations.ts';
import { allPlans, planByCode } from '../../../db/repositories/plans.ts';
import {
  ACCESS_REFUSALS,
  accessRefusal,
  membershipRefusal,
  organizationRefusal,
  refusalError,
} from '../../domain/access.ts';
import type { Plan } from '../../domain/catalog.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Account, Contract, Membership, Organization } from '../../domain/model.ts';
import type { Permission } from '../../domain/permissions.ts';
import type { Actor } from '../context.ts';
import { emailField, parse } from './input.ts';

/** The acting account; a chat user seen for the first time gets a `free` account. */
export const actorAccount = async (em: EntityManager, actor: Actor, now: Date): Promise<Account> => {
  const email = parse(emailField, actor.email);
  const found = await accountByEmail(em, email);
  if (found) return found;
  return ensureAccount(em, {
    id: randomUUID(),
    email,
    name: actor.name ?? null,
    personalPlan: 'free',
    paymentMethod: null,
    createdAt: now,
    updatedAt: now,
  });
};

export const findAccount = (em: EntityManager, email: string) => accountByEmail(em, parse(emailField, email));

export const requireOrganization = async (em: EntityManager, orgId: string): Promise<Organization> => {
  const org = await organizationById(em, orgId);
  const refusal = organizationRefusal(org);
  if (refusal) throw refusalError(refusal);
  return org!;
};

/** Refuses changes to an organization whose paid time has run out after cancelling. */
export const requireOpen = (org: Organization) => {
  if (org.status === 'cancelled') throw refusalError(ACCESS_REFUSALS.organizationClosed(org.name));
};

export const membershipOf = (em: EntityManager, orgId: string, accountId: string) =>
  membershipRow(em, orgId, accountId);

/** The actor's membership, refusing unless it grants `permission` (domain/access.ts). */
export const requirePermission = async (
  em: EntityManager,
  org: Organization,
  account: Account,
  permission: Permission,
): Promise<Membership> => {
  const m = await membershipOf(em, org.id, account.id);
  const refusal = membershipRefusal(org, m, permission);
  if (refusal) throw refusalError(refusal);
  return m!;
};

export type Json = Record<string, unknown> | null;

/**
 * The organization, the acting account and their membership in one round trip, refused
 * exactly as requireOrganization + requirePermission would (both derive from
 * domain/access.ts). Rows come back as managed records (changes to them are flushed with the
 * transaction).
 */
export const authorize = async (
  em: EntityManager,
  organizationId: string,
  actor: Actor,
  permission: Permission,
): Promise<{ org: Organization; me: Account; membership: Membership }> => {
  const { o, a, m } = await organizationWithActor(em, organizationId, parse(emailField, actor.email));
  return authorizeRows(em, o, a, m, permission);
};

/**
 * authorize for a read that writes nothing: the same query and refusals, the records plain (no
 * unit of work, no fork), so it runs under rowsOnly. A list page per button press paid more for
 * mapping these three rows into tracked entities than for its own queries.
 */
export const authorizeReading = async (
  em: EntityManager,
  organizationId: string,
  actor: Actor,
  permission: Permission,
): Promise<{ org: Organization; me: Account; membership: Membership }> => {
  const r = await organizationWithActorPlain(em, organizationId, parse(emailField, actor.email));
  return authorizeRecords(r.org, r.me, r.membership, permission);
};

/** authorize's refusals, given the rows it reads (as `row_to_json`), as tracked records. */
const authorizeRows = (
  em: EntityManager,
  o: Json,
  a: Json,
  m: Json,
  permission: Permission,
): { org: Organization; me: Account; membership: Membership } => {
  const org = o ? organizationFromRow(em, o) : null;
  const membership = org && a && m ? membershipFromRow(em, m) : null;
  return authorizeRecords(org, a ? accountFromRow(em, a) : null, membership, permission);
};

/**
 * authorize's refusals on records already read (tracked or plain): reads that fetch them with
 * other data in one shared query (seat-summary) need no unit of work to authorize each caller.
 */
export const authorizeRecords = (
  org: Organization | null,
  me: Account | null,
  membership: Membership | null,
  permission: Permission,
): { org: Organization; me: Account; membership: Membership } => {
  const refusal = accessRefusal(org, me, org && me ? membership : null, permission);
  if (refusal) throw refusalError(refusal);
  return { org: org!, me: me!, membership: membership! };
};

const notAMember = (address: string, org: Organization) =>
  new DomainError(
    'not_found',
    { key: 'errors_support.member.not_member', args: { email: address, organization: org.name } },
    { key: 'errors_support.member.not_member_next' },
  );

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
  const byEmail = await membersByEmails(em, org.id, addresses);
  return addresses.map((address) => {
    const found = byEmail.get(address);
    if (!found) throw notAMember(address, org);
    return found;
  });
};

/** A member of this organization, named by email; another org's people are "not a member". */
export const requireMemberByEmail = async (
  em: EntityManager,
  org: Organization,
  email: string,
): Promise<{ account: Account; membership: Membership }> => {
  const address = parse(emailField, email);
  const found = await memberByEmail(em, org.id, address);
  if (!found) throw notAMember(address, org);
  return found;
};

const noSuchPlan = (code: string, all: Plan[]) =>
  new DomainError(
    'not_found',
    { key: 'errors_support.plan.not_found', args: { code } },
    {
      key: 'errors_support.plan.not_found_next',
      args: {
        codes: [...all]
          .sort((a, b) => a.rank - b.rank)
          .map((p) => p.code)
          .join(', '),
      },
    },
  );

export const requirePlan = async (em: EntityManager, code: string): Promise<Plan> => {
  const plan = await planByCode(em, code.toLowerCase());
  if (!plan) throw noSuchPlan(code, await allPlans(em));
  return plan;
};

/** requirePlan on a catalog already read (every plan by code): no read of its own. */
export const requirePlanIn = (plans: ReadonlyMap<string, Plan>, code: string): Plan => {
  const plan = plans.get(code.toLowerCase());
  if (!plan) throw noSuchPlan(code, [...plans.values()]);
  return plan;
};

/** The organization's own contract, where purchases go. */
export const ownContract = async (em: EntityManager, orgId: string): Promise<Contract> => {
  const c = await activeOwnContractOf(em, orgId);
  if (!c)
    throw new DomainError(
      'no_contract',
      { key: 'errors_support.contract.none' },
      { key: 'errors_support.contract.none_next' },
    );
  return c;
};

export const accountsById = async (em: EntityManager, ids: readonly string[]) => {
  const rows = ids.length ? await accountsByIds(em, [...new Set(ids)]) : [];
  return new Map(rows.map((a) => [a.id, a]));
};
