import type { Words } from '../i18n/words.ts';
import type { ReuseFacts } from '../service/support/unused-seats.ts';
import { someNames } from './for-people.ts';
import { planTitle } from './plan-title.ts';
import type { Button } from './reply.ts';

/** "2 Pro seats are not in use (…): Dan, Eve." — said before buying, to the requester and the approvers. */
export const reuseLine = (facts: ReuseFacts, plan: string, w: Words): string =>
  w.t('approvals.reuse.facts', {
    count: facts.count,
    plan: planTitle(plan),
    ...someNames(facts, w),
  });

/** Asks the holders of those seats to give them back; each one given back shrinks the request. */
export const askGiveBackButton = (requestId: string, w: Words): Button => ({
  label: w.t('approvals.reuse.ask'),
  action: 'purchase.ask_give_back',
  payload: { requestId },
});

/** "Buy anyway": a request held while its requester chose goes to the approvers as it is. */
export const buyAnywayButton = (requestId: string, w: Words): Button => ({
  label: w.t('approvals.reuse.buy_anyway'),
  action: 'purchase.send',
  payload: { requestId },
  style: 'primary',
});
