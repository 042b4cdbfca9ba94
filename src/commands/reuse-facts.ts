import type { Words } from '../i18n/words.ts';
import type { ReuseFacts } from '../service/support/reuse.ts';
import { planTitle } from './plan-title.ts';
import type { Button } from './reply.ts';

/** "2 Pro seats are not in use (…): Dan, Eve." — said before buying, to the requester and the approvers. */
export const reuseLine = (facts: ReuseFacts, plan: string, w: Words): string =>
  w.t('approvals.reuse.facts', {
    count: facts.count,
    plan: planTitle(plan),
    // "Dan, Eve and 5 more": the list's own "and" only when every name is shown
    names: facts.count > facts.names.length ? facts.names.join(', ') : w.list(facts.names),
    more: facts.count > facts.names.length ? 'yes' : 'no',
    others: facts.count - facts.names.length,
  });

/** Asks the holders of those seats to give them back; each one given back shrinks the request. */
export const askGiveBackButton = (requestId: string, w: Words): Button => ({
  label: w.t('approvals.reuse.ask'),
  action: 'purchase.ask_give_back',
  payload: { requestId },
});
