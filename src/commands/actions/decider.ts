import { AccountSchema } from '../../../db/schemas/index.ts';
import type { PurchaseRequest } from '../../domain/model.ts';
import type { CommandContext } from '../context.ts';

/** Who decided a request, for "already decided by …". */
export const decider = async (c: CommandContext, r: PurchaseRequest) =>
  r.decidedById
    ? ((await c.service.em.fork().findOne(AccountSchema, { id: r.decidedById }))?.email ?? 'someone')
    : 'the policy';
