import { english } from '../i18n/words.ts';
import { DomainError, type ErrorCode, type Said } from './errors.ts';
import type { Membership, Organization } from './model.ts';
import { can, type Permission, permissionHintSaid } from './permissions.ts';

/**
 * Why an actor may not act in an organization: the DomainError it becomes. `said` is what the
 * reader is told (in their language); `message` and `next` are the English, as the REST API says it.
 */
export interface Refusal {
  readonly code: ErrorCode;
  readonly said: { readonly message: Said; readonly next: Said };
  readonly message: string;
  readonly next: string;
}

const refusal = (code: ErrorCode, message: Said, next: Said): Refusal => ({
  code,
  said: { message, next },
  get message() {
    return english.t(message.key, message.args);
  },
  get next() {
    return english.t(next.key, next.args);
  },
});

type OrganizationView = Pick<Organization, 'name' | 'status'>;
type MembershipView = Pick<Membership, 'role' | 'approver' | 'status'>;

const NOT_FOUND: Refusal = refusal(
  'not_found',
  { key: 'errors_support.access.org_not_found' },
  { key: 'errors_support.access.org_not_found_next' },
);

/** The refusals of access, by name: the assignment rules (assignment-rules.ts) name the same. */
export const ACCESS_REFUSALS = {
  organizationNotFound: (): Refusal => NOT_FOUND,
  accessRemoved: (organizationName: string): Refusal =>
    refusal(
      'detached',
      { key: 'errors_support.access.removed', args: { organization: organizationName } },
      { key: 'errors_support.access.removed_next' },
    ),
  notYours: (role: MembershipView['role'] | null, permission: Permission): Refusal =>
    refusal(
      'forbidden',
      { key: 'errors_support.access.not_yours', args: { role: role === 'admin' ? 'admin' : 'member' } },
      permissionHintSaid[permission],
    ),
  organizationClosed: (organizationName: string): Refusal =>
    refusal(
      'organization_closed',
      { key: 'errors_support.access.closed', args: { organization: organizationName } },
      { key: 'errors_support.access.closed_next' },
    ),
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

export const refusalError = (r: Refusal): DomainError => new DomainError(r.code, r.said.message, r.said.next);
