import { z } from 'zod';
import { pageOfRequests } from '../../db/repositories/purchase-requests.ts';
import { isApprover } from '../domain/permissions.ts';
import type { Actor, ServiceContext } from './context.ts';
import { parse, uuidField } from './support/input.ts';
import { accountsById, authorize } from './support/lookups.ts';
import { reading } from './support/tx.ts';

const input = z.object({
  organizationId: uuidField,
  limit: z.number().int().min(1).max(200).default(20),
  offset: z.number().int().min(0).default(0),
});

/** `requests`: approvers and admins see the organization's requests; members their own. */
export const listRequests = (ctx: ServiceContext, actor: Actor, raw: z.input<typeof input>) => {
  const cmd = parse(input, raw);
  return reading(ctx, async (em) => {
    const { org, me, membership: m } = await authorize(em, cmd.organizationId, actor, 'request_seats');
    const everyone = isApprover(m) || m.role === 'admin';
    const [requests, total] = await pageOfRequests(
      em,
      everyone ? { organizationId: org.id } : { organizationId: org.id, requestedById: me.id },
      { limit: cmd.limit, offset: cmd.offset },
    );
    const people = await accountsById(
      em,
      requests.flatMap((r) => [r.requestedById, ...(r.decidedById ? [r.decidedById] : [])]),
    );
    return {
      total,
      canDecide: isApprover(m),
      requests: requests.map((r) => ({
        ...r,
        /** the reader asked for it: their own unconfirmed quote is theirs to confirm or cancel */
        mine: r.requestedById === me.id,
        requestedBy: people.get(r.requestedById)?.email ?? null,
        decidedBy: r.decidedById ? (people.get(r.decidedById)?.email ?? null) : null,
      })),
    };
  });
};
