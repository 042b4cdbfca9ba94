import { z } from 'zod';
import { lockRequest } from '../../db/repositories/purchase-requests.ts';
import { DomainError } from '../domain/errors.ts';
import type { Actor, ServiceContext } from './context.ts';
import { sendHeldRequest } from './support/approval-request.ts';
import { parse, uuidField } from './support/input.ts';
import { actorAccount, requireOpen, requireOrganization } from './support/lookups.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ requestId: uuidField });

/**
 * "Buy anyway": the requester of a request held because seats of its plan are unused sends it
 * to the approvers as it is. Once: a request already with them (a second click, or asked back
 * meanwhile) changes nothing and says so (`already`).
 */
export const sendToApprovers = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    const r = await lockRequest(em, cmd.requestId);
    const me = await actorAccount(em, actor, now);
    // someone else's request is not theirs to send: told as if it did not exist
    if (!r || r.requestedById !== me.id)
      throw new DomainError(
        'not_found',
        { key: 'errors_service.purchase.not_found' },
        { key: 'errors_service.purchase.not_found_next' },
      );
    if (r.status !== 'pending')
      throw new DomainError(
        'conflict',
        { key: 'approvals.reuse.not_pending' },
        { key: 'approvals.reuse.not_pending_next' },
      );
    if (r.routedAt || r.needs !== 'approval') return { request: r, approvers: 0, already: true };
    const org = await requireOrganization(em, r.organizationId);
    requireOpen(org);
    const approvers = await sendHeldRequest(em, now, org, r, me.id, 'buy_anyway');
    return { request: r, approvers, already: false };
  });
};
