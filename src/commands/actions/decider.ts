import type { PurchaseRequest } from '../../domain/model.ts';
import { decidedBy } from '../../service/decided-by.ts';
import type { CommandContext } from '../context.ts';

/** Who decided a request, for "already decided by …". */
export const decider = (c: CommandContext, r: PurchaseRequest) => decidedBy(c.service, r);
