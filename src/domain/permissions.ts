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

export const permissionHint: Record<Permission, string> = {
  view_own: 'Ask an admin of the organization to invite you.',
  request_seats: 'Ask an admin of the organization to invite you.',
  view_org: 'Ask an admin; members can see their own plan with `status`.',
  invite: 'Ask an admin or the owner to do it.',
  assign: 'Ask an admin or the owner to do it.',
  offboard: 'Ask an admin or the owner to do it.',
  manage_settings: 'Ask an admin or the owner to do it.',
  manage_contract: 'Ask an admin or the owner to do it.',
  approve: 'Ask the owner or a billing approver to decide.',
  billing: 'Only the owner manages billing; ask them.',
  transfer_ownership: 'Only the owner can hand ownership over.',
  delete_org: 'Only the owner can delete the organization.',
  link_workspace: 'Ask an admin or the owner to link this workspace.',
  unlink_workspace: 'Only the owner can unlink a workspace.',
};
