import { z } from 'zod';
import { delegationOf, removeDelegation } from '../../db/repositories/approval-delegates.ts';
import { lastDelegatedDay } from '../domain/approval-timing.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { authorize } from './support/lookups.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ organizationId: uuidField });

/** `delegate off`: the approver is back; their delegate decides nothing more for them. */
export const endDelegation = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const now = ctx.clock.now();
    // anyone who could name a delegate may end theirs; one who lost the approver role too
    const { org, me } = await authorize(em, cmd.organizationId, actor, 'view_own');
    const before = await delegationOf(em, org.id, me.id);
    if (!before) return { organization: org, ended: null };
    await removeDelegation(em, org.id, me.id);
    audit(em, now, {
      organizationId: org.id,
      actorId: me.id,
      action: 'approval.delegation_ended',
      subject: { type: 'account', id: before.delegateId },
      before: { email: before.delegateEmail, until: lastDelegatedDay(before.until) },
      after: null,
    });
    return { organization: org, ended: { email: before.delegateEmail } };
  });
};
