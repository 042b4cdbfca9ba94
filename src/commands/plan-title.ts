import { DEFAULT_PLANS } from '../domain/catalog.ts';
import type { Words } from '../i18n/words.ts';

const NAMES = new Map(DEFAULT_PLANS.map((p) => [p.code, p.name]));

/**
 * A plan as prose names it ("Pro"), where only its code is at hand (notices, stored rows):
 * the catalog's name for the plans a database starts with, else the code capitalized. Commands
 * keep the code (`add 1 pro`); replies that have the plan row use its own name.
 */
export const planTitle = (code: string, name?: string | null) =>
  name || NAMES.get(code) || code.charAt(0).toUpperCase() + code.slice(1);

/** The recurring total's period in words (plan names above are product names, not words). */
export const perPeriod = (period: 'month' | 'year' | undefined, w: Words) =>
  w.t('commands_core.plan.per_period', { period: period ?? 'unknown' });
