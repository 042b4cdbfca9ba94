import type { Words } from '../i18n/words.ts';
import { planTitle } from './plan-title.ts';

/** Whom a request's seats are for, as its messages show them (a few emails, the rest counted). */
export interface ForPeople {
  count: number;
  names: string[];
}

/** A few names of many, as a message's arguments: "Dan, Eve and 5 more" (`more`, `others`). */
export const someNames = (p: ForPeople, w: Words) => ({
  // the list's own "and" only when every name is shown
  names: p.count > p.names.length ? p.names.join(', ') : w.list(p.names),
  more: p.count > p.names.length ? 'yes' : 'no',
  others: p.count - p.names.length,
});

/** "For ana@example.com, ben@example.com and 3 more." */
export const forLine = (p: ForPeople, w: Words): string => w.t('approvals.for.line', someNames(p, w));

/** "ana@example.com, ben@example.com and 3 more": the value of a field labelled "For". */
export const forNames = (p: ForPeople, w: Words): string => w.t('approvals.for.names', someNames(p, w));

/** "ana@example.com has a Pro seat now." — said when seats went to the people a request named. */
export const seatedLine = (emails: readonly string[], plan: string, w: Words): string =>
  w.t('approvals.for.seated', { count: emails.length, names: w.list([...emails]), plan: planTitle(plan) });
