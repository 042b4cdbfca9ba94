import { z } from 'zod';
import { lockRequestFor } from './approve-purchase.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, textField, uuidField } from './support/input.ts';
import { notifyOutcome } from './support/purchase.ts';
import { audit } from './support/records.ts';
import { inTransaction } from './support/tx.ts';

const input = z.object({ requestId: uuidField, reason: textField.trim().max(300).nullish() });

/**
 * An approver turns a pending request down; deciding an already-decided request changes nothing.
 * The requester turning down their own (an approver's Cancel on their quote) is a cancellation:
 * audited as such, and nobody else is told of a quote only they ever saw.
 * Async so bad input rejects the promise like every other refusal (a sync throw escapes `.catch`).
 */
export const rejectPurchase = async (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return inTransaction(ctx, async (em) => {
    const { request, org, me, now, onBehalfOf } = await lockRequestFor(em, ctx, actor, cmd.requestId);
    if (request.status !== 'pending') return { request, outcome: 'already_decided' as const };
    request.status = 'rejected';
    request.decidedById = me!.id;
    request.onBehalfOfId = onBehalfOf?.id ?? null;
    request.decidedAt = now;
    request.updatedAt = now;
    const withdrawn = request.requestedById === me!.id;
    audit(em, now, {
      organizationId: org.id,
      actorId: me!.id,
      action: withdrawn ? 'purchase.cancelled' : 'purchase.rejected',
      subject: { type: 'purchase_request', id: request.id },
      before: { status: 'pending' },
      after: {
        status: 'rejected',
        reason: cmd.reason ?? null,
        ...(withdrawn ? { withdrawn } : {}),
        ...(onBehalfOf ? { onBehalfOf: onBehalfOf.email } : {}),
      },
    });
    // approvers were asked only when the request needed their approval
    if (!withdrawn || request.needs === 'approval') {
      await notifyOutcome(em, now, org, request, {
        reason: cmd.reason ?? null,
        decidedBy: me!.email,
        ...(withdrawn ? { withdrawn } : {}),
        ...(onBehalfOf ? { onBehalfOf: onBehalfOf.email } : {}),
      });
    }
    return {
      request,
      outcome: withdrawn ? ('cancelled' as const) : ('rejected' as const),
      onBehalfOf: onBehalfOf?.email ?? null,
    };
  });
};
