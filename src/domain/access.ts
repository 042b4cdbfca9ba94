import { DomainError, type ErrorCode } from './errors.ts';
import type { Membership, Organization } from './model.ts';
import { can, type Permission, permissionHint } from './permissions.ts';

/** Why an actor may not act in an organization: the DomainError it becomes. */
export interface Refusal {
  code: ErrorCode;
  message: string;
  next: string;
}

type OrganizationView = Pick<Organization, 'name' | 'status'>;
type MembershipView = Pick<Membership, 'role' | 'approver' | 'status'>;

const NOT_FOUND: Refusal = {
  code: 'not_found',
  message: 'That organization does not exist.',
  next: 'Check the organization id.',
};

/** The refusals of access, by name: the assignment rules (assignment-rules.ts) name the same. */
export const ACCESS_REFUSALS = {
  organizationNotFound: (): Refusal => NOT_FOUND,
  accessRemoved: (organizationName: string): Refusal => ({
    code: 'detached',
    message: `Your access to ${organizationName} was removed.`,
    next: 'Ask an admin if this is a mistake.',
  }),
  notYours: (role: MembershipView['role'] | null, permission: Permission): Refusal => ({
    code: 'forbidden',
    message: `You are ${role === 'admin' ? 'an admin' : 'a member'}: that is not yours to do.`,
    next: permissionHint[permission],
  }),
  organizationClosed: (organizationName: string): Refusal => ({
    code: 'organization_closed',
    message: `${organizationName} was cancelled and is closed.`,
    next: 'Create a new organization with `org create <name>`.',
  }),
};

/** The organization's own condition: a deleted one does not exist for anyone. */
export const organizationRefusal = (org: OrganizationView | null): Refusal | null =>
  !org || org.status === 'deleted' ? NOT_FOUND : null;

/**
 * The membership's conditions, in an organization that exists. No membership (nor a left one)
 * answers as a missing organization does: nothing leaks across organizations.
 */
export const membershipRefusal = (
  org: OrganizationView,
  m: MembershipView | null,
  permission: Permission,
): Refusal | null => {
  if (m?.status === 'detached') return ACCESS_REFUSALS.accessRemoved(org.name);
  if (m?.status !== 'active') return NOT_FOUND;
  if (!can(m, permission)) return ACCESS_REFUSALS.notYours(m.role, permission);
  return null;
};

/**
 * Every condition of access, in order: the organization, then the actor's membership in it.
 * An actor with no account has no membership. Null: allowed.
 */
export const accessRefusal = (
  org: OrganizationView | null,
  account: object | null,
  membership: MembershipView | null,
  permission: Permission,
): Refusal | null =>
  organizationRefusal(org) ?? membershipRefusal(org!, account ? membership : null, permission);

export const refusalError = (r: Refusal): DomainError => new DomainError(r.code, r.message, r.next);
