import { z } from 'zod';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { emailField, parse, uuidField } from './support/input.ts';
import { authorize, requireMemberByEmail } from './support/lookups.ts';
import { audit, notify } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField, to: emailField });

/** The owner hands the organization to an active member; the old owner stays as an approver admin. */
export const transferOwnership = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const {
      org,
      me,
      membership: mine,
    } = await authorize(em, cmd.organizationId, actor, 'transfer_ownership');
    const { account, membership } = await requireMemberByEmail(em, org, cmd.to);
    if (membership.id === mine.id) {
      throw new DomainError(
        'conflict',
        { key: 'errors_service.owner.already' },
        { key: 'errors_service.common.nothing_to_do' },
      );
    }
    if (membership.status !== 'active') {
      throw new DomainError(
        'detached',
        { key: 'errors_service.common.offboarded', args: { email: account.email } },
        { key: 'errors_service.owner.pick_active' },
      );
    }
    mine.role = 'admin';
    mine.approver = true;
    // one owner per organization is a unique index: demote before promoting
    await em.flush();
    const before = { role: membership.role };
    membership.role = 'owner';
    membership.approver = true;
    org.ownerId = account.id;
    org.updatedAt = now;
    await em.flush();
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'organization.owner',
      subject: { type: 'organization', id: org.id },
      before: { owner: me.email, newOwnerRole: before.role },
      after: { owner: account.email },
    });
    for (const recipientId of [account.id, me.id]) {
      notify(em, now, {
        organizationId: org.id,
        recipientId,
        kind: 'ownership_transferred',
        payload: { organizationName: org.name, from: me.email, to: account.email },
      });
    }
    return { organization: org, owner: account };
  });
};
