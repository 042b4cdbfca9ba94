import type { PurchaseRequest } from '../domain/model.ts';
import type { ServiceContext } from './context.ts';
import { accountsById } from './support/lookups.ts';
import { reading } from './support/tx.ts';

/** Who decided a purchase request, for "already decided by …": an email, or the policy. */
export const decidedBy = (ctx: ServiceContext, r: Pick<PurchaseRequest, 'decidedById'>): Promise<string> =>
  r.decidedById
    ? reading(
        ctx,
        async (em) => (await accountsById(em, [r.decidedById!])).get(r.decidedById!)?.email ?? 'someone',
      )
    : Promise.resolve('the policy');
