import { english } from '../i18n/words.ts';
import type { Said } from './errors.ts';
import type { Membership } from './model.ts';

/**
 * Who may do what inside an organization. Owner: everything. Admin: run members and seats.
 * Member: see their own plan and ask for seats. Approvers (owner, or admins the owner marked)
 * approve purchases. Detached or departed members may do nothing.
 */
export type Permission =
  | 'view_own'
  | 'request_seats'
  | 'view_org'
  | 'invite'
  | 'assign'
  | 'offboard'
  | 'manage_settings'
  | 'manage_contract'
  | 'approve'
  | 'billing'
  | 'transfer_ownership'
  | 'delete_org'
  | 'link_workspace'
  | 'unlink_workspace';

const ADMIN: readonly Permission[] = [
  'view_own',
  'request_seats',
  'view_org',
  'invite',
  'assign',
  'offboard',
  'manage_settings',
  'manage_contract',
  'link_workspace',
];
const MEMBER: readonly Permission[] = ['view_own', 'request_seats'];
const OWNER_ONLY: readonly Permission[] = ['billing', 'transfer_ownership', 'delete_org', 'unlink_workspace'];

export const can = (m: Pick<Membership, 'role' | 'approver' | 'status'> | null, p: Permission): boolean => {
  if (m?.status !== 'active') return false;
  if (m.role === 'owner') return true;
  if (p === 'approve') return m.role === 'admin' && m.approver;
  if (OWNER_ONLY.includes(p)) return false;
  return (m.role === 'admin' ? ADMIN : MEMBER).includes(p);
};

export const isApprover = (m: Pick<Membership, 'role' | 'approver' | 'status'> | null): boolean =>
  can(m, 'approve');

/** What to do instead of an action one may not take, as the reader is told it. */
export const permissionHintSaid: Record<Permission, Said> = {
  view_own: { key: 'errors_support.permission.ask_invite' },
  request_seats: { key: 'errors_support.permission.ask_invite' },
  view_org: { key: 'errors_support.permission.view_org' },
  invite: { key: 'errors_support.permission.ask_admin' },
  assign: { key: 'errors_support.permission.ask_admin' },
  offboard: { key: 'errors_support.permission.ask_admin' },
  manage_settings: { key: 'errors_support.permission.ask_admin' },
  manage_contract: { key: 'errors_support.permission.ask_admin' },
  approve: { key: 'errors_support.permission.approve' },
  billing: { key: 'errors_support.permission.billing' },
  transfer_ownership: { key: 'errors_support.permission.transfer_ownership' },
  delete_org: { key: 'errors_support.permission.delete_org' },
  link_workspace: { key: 'errors_support.permission.link_workspace' },
  unlink_workspace: { key: 'errors_support.permission.unlink_workspace' },
};

/** The same hints in English (logs and callers not yet given the reader's words). */
export const permissionHint = Object.fromEntries(
  Object.entries(permissionHintSaid).map(([p, s]) => [p, english.t(s.key)]),
) as Record<Permission, string>;
