import type { PurchaseRequest } from '../../domain/model.ts';
import { isWithdrawn } from '../../domain/quote.ts';
import type { Words } from '../../i18n/words.ts';
import { decidedBy } from '../../service/decided-by.ts';
import type { CommandContext } from '../context.ts';
import { planTitle } from '../plan-title.ts';

/** Who decided a request, for "already decided by …". */
export const decider = (c: CommandContext, r: PurchaseRequest) => decidedBy(c.service, r);

/** "3 Pro seats" in the reader's words. */
export const seatsOf = (w: Words, r: Pick<PurchaseRequest, 'quantity' | 'planCode'>) =>
  w.t('commands_core.purchase.seats', { count: r.quantity, plan: planTitle(r.planCode) });

/**
 * Where a request stands, as the catalog's `status` select names it (describeStatus's cases):
 * an approver's own request waits for their confirmation; one they cancelled was not "rejected".
 */
const statusOf = (r: PurchaseRequest): string =>
  r.status === 'pending' && r.needs === 'confirmation'
    ? 'unconfirmed'
    : isWithdrawn(r)
      ? 'withdrawn'
      : r.status;

/** "Already decided: 3 Pro seats approved and paid by ana@example.com. Nothing changed." */
export const alreadyDecided = async (c: CommandContext, w: Words, r: PurchaseRequest) =>
  w.t('commands_core.purchase.already_decided', {
    seats: seatsOf(w, r),
    status: statusOf(r),
    decider: await decider(c, r),
  });
