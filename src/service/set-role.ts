import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import { can, permissionHintSaid } from '../domain/permissions.ts';
import type { Actor, ServiceContext } from './context.ts';
import { emailField, parse, uuidField } from './support/input.ts';
import {
  actorAccount,
  requireMemberByEmail,
  requireOrganization,
  requirePermission,
} from './support/lookups.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  member: emailField,
  role: z.enum(['admin', 'member', 'approver', 'not-approver']),
});

/**
 * `role <who> admin|member` (admins and the owner) and `approver|not-approver` (the owner only:
 * approvers spend the organization's money). Only admins can be approvers.
 */
export const setRole = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const org = await requireOrganization(em, cmd.organizationId);
    const me = await actorAccount(em, actor, now);
    const approverChange = cmd.role === 'approver' || cmd.role === 'not-approver';
    const mine = await requirePermission(em, org, me, approverChange ? 'billing' : 'manage_settings');
    const { account, membership } = await requireMemberByEmail(em, org, cmd.member);
    if (membership.status !== 'active') {
      throw new DomainError(
        'detached',
        { key: 'errors_service.common.offboarded', args: { email: account.email } },
        { key: 'errors_service.role.invite_again' },
      );
    }
    if (membership.role === 'owner') {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.role.owner', args: { email: account.email } },
        { key: 'errors_service.role.owner_next' },
      );
    }
    if (membership.approver && cmd.role === 'member' && !can(mine, 'billing')) {
      // demoting an approver takes their billing right away, which only the owner may do
      throw new DomainError(
        'forbidden',
        { key: 'errors_service.role.approver', args: { email: account.email } },
        permissionHintSaid.billing,
      );
    }
    const before = { role: membership.role, approver: membership.approver };
    if (cmd.role === 'approver') {
      if (membership.role !== 'admin') {
        throw new DomainError(
          'conflict',
          { key: 'errors_service.role.not_admin', args: { email: account.email } },
          { key: 'errors_service.role.not_admin_next', args: { email: account.email } },
        );
      }
      membership.approver = true;
    } else if (cmd.role === 'not-approver') {
      membership.approver = false;
    } else {
      membership.role = cmd.role;
      if (cmd.role === 'member') membership.approver = false;
    }
    const after = { role: membership.role, approver: membership.approver };
    if (JSON.stringify(before) === JSON.stringify(after)) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.role.same', args: { email: account.email } },
        { key: 'errors_service.common.nothing_to_do' },
      );
    }
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'member.role',
      subject: { type: 'membership', id: membership.id },
      before,
      after: { ...after, email: account.email },
    });
    return { member: account, membership };
  });
};
