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
  if (m?.status === 'detached') {
    return {
      code: 'detached',
      message: `Your access to ${org.name} was removed.`,
      next: 'Ask an admin if this is a mistake.',
    };
  }
  if (m?.status !== 'active') return NOT_FOUND;
  if (!can(m, permission)) {
    return {
      code: 'forbidden',
      message: `You are ${m.role === 'admin' ? 'an admin' : 'a member'}: that is not yours to do.`,
      next: permissionHint[permission],
    };
  }
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
