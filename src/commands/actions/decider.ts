import type { PurchaseRequest } from '../../domain/model.ts';
import { requestStage } from '../../domain/quote.ts';
import type { Words } from '../../i18n/words.ts';
import { decidedBy } from '../../service/decided-by.ts';
import type { CommandContext } from '../context.ts';
import { planTitle } from '../plan-title.ts';

/** Who decided a request, for "already decided by …". */
export const decider = (c: CommandContext, r: PurchaseRequest) => decidedBy(c.service, r);

/** "3 Pro seats" in the reader's words. */
export const seatsOf = (w: Words, r: Pick<PurchaseRequest, 'quantity' | 'planCode'>) =>
  w.t('commands_core.purchase.seats', { count: r.quantity, plan: planTitle(r.planCode) });

/** "Already decided: 3 Pro seats approved and paid by ana@example.com. Nothing changed." */
export const alreadyDecided = async (c: CommandContext, w: Words, r: PurchaseRequest) =>
  w.t('commands_core.purchase.already_decided', {
    seats: seatsOf(w, r),
    // the catalog's `status` select names each stage (domain_terms.request.stage's cases)
    status: requestStage(r),
    decider: await decider(c, r),
  });
