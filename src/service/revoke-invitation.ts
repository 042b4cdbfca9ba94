import { z } from 'zod';
import { lockInvitationOf } from '../../db/repositories/invitations.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField, invitationId: uuidField });

/** An admin withdraws a pending invitation. */
export const revokeInvitation = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'invite');
    const inv = await lockInvitationOf(em, org.id, cmd.invitationId);
    if (!inv)
      throw new DomainError(
        'not_found',
        { key: 'errors_service.invitation.not_found' },
        { key: 'errors_service.invitation.not_found_next' },
      );
    if (inv.status !== 'pending') {
      throw new DomainError(
        'invitation_closed',
        { key: 'errors_service.invitation.already_closed', args: { state: inv.status } },
        { key: 'errors_service.common.nothing_to_do' },
      );
    }
    inv.status = 'revoked';
    inv.decidedAt = now;
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'invitation.revoked',
      subject: { type: 'invitation', id: inv.id },
      before: { status: 'pending' },
      after: { status: 'revoked', email: inv.email },
    });
    return { invitation: inv };
  });
};
