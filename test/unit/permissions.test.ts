import { describe, expect, it } from 'vitest';
import type { MembershipStatus, Role } from '../../src/domain/model.ts';
import { can, isApprover, type Permission, permissionHint } from '../../src/domain/permissions.ts';

/**
 * The expected rules, written out by hand (not derived from the code's lists):
 * true / false, or 'flag' = only with the approver flag. Applies to active members;
 * detached or departed members may do nothing.
 */
type Rule = boolean | 'flag';
const EXPECTED = {
  view_own: { owner: true, admin: true, member: true },
  request_seats: { owner: true, admin: true, member: true },
  view_org: { owner: true, admin: true, member: false },
  invite: { owner: true, admin: true, member: false },
  assign: { owner: true, admin: true, member: false },
  offboard: { owner: true, admin: true, member: false },
  manage_settings: { owner: true, admin: true, member: false },
  manage_contract: { owner: true, admin: true, member: false },
  link_workspace: { owner: true, admin: true, member: false },
  unlink_workspace: { owner: true, admin: false, member: false },
  // approvers are the owner, or admins the owner marked; a stray flag on a member grants nothing
  approve: { owner: true, admin: 'flag', member: false },
  billing: { owner: true, admin: false, member: false },
  transfer_ownership: { owner: true, admin: false, member: false },
  delete_org: { owner: true, admin: false, member: false },
} satisfies Record<Permission, Record<Role, Rule>>;

const PERMISSIONS = Object.keys(EXPECTED) as Permission[];
const ROLES: readonly Role[] = ['owner', 'admin', 'member'];
const STATUSES: readonly MembershipStatus[] = ['active', 'detached', 'left'];

const cells = PERMISSIONS.flatMap((p) =>
  ROLES.flatMap((role) =>
    [false, true].flatMap((approver) =>
      STATUSES.map((status) => {
        const rule: Rule = EXPECTED[p][role];
        const expected = status === 'active' && (rule === 'flag' ? approver : rule);
        return [role, approver ? 'approver' : 'not approver', status, p, expected, approver] as const;
      }),
    ),
  ),
);

describe('can', () => {
  it('the table covers 14 permissions × 3 roles × 2 approver flags × 3 statuses', () => {
    expect(PERMISSIONS).toHaveLength(14);
    expect(cells).toHaveLength(252);
    expect(cells.filter((c) => c[4])).toHaveLength(
      // owner: 14 × 2 flags; admin: 9 × 2 + approve with flag; member: 2 × 2
      28 + 19 + 4,
    );
  });

  it.each(cells)('%s (%s, %s) may %s: %s', (role, _flag, status, p, expected, approver) => {
    expect(can({ role, approver, status }, p)).toBe(expected);
  });

  it('a null membership (not in the organization) can do nothing', () => {
    for (const p of PERMISSIONS) expect(can(null, p)).toBe(false);
  });

  it('a plain member with the approver flag may not approve (only the owner and marked admins)', () => {
    expect(can({ role: 'member', approver: true, status: 'active' }, 'approve')).toBe(false);
  });
});

describe('isApprover', () => {
  it.each([
    [{ role: 'owner', approver: false, status: 'active' }, true],
    [{ role: 'owner', approver: true, status: 'detached' }, false],
    [{ role: 'admin', approver: true, status: 'active' }, true],
    [{ role: 'admin', approver: false, status: 'active' }, false],
    [{ role: 'admin', approver: true, status: 'left' }, false],
    [{ role: 'member', approver: false, status: 'active' }, false],
    [null, false],
  ] as const)('%o → %s', (m, expected) => {
    expect(isApprover(m)).toBe(expected);
  });
});

describe('permissionHint', () => {
  it('has a one-line hint for every permission', () => {
    expect(Object.keys(permissionHint).sort()).toEqual([...PERMISSIONS].sort());
    for (const p of PERMISSIONS) {
      expect(permissionHint[p].length).toBeGreaterThan(10);
      expect(permissionHint[p]).not.toContain('\n');
    }
    expect(permissionHint.billing).toBe('Only the owner manages billing; ask them.');
  });
});
