import { DEFAULT_PLANS } from '../domain/catalog.ts';

const NAMES = new Map(DEFAULT_PLANS.map((p) => [p.code, p.name]));

/**
 * A plan as prose names it ("Pro"), where only its code is at hand (notices, stored rows):
 * the catalog's name for the plans a database starts with, else the code capitalized. Commands
 * keep the code (`add 1 pro`); replies that have the plan row use its own name.
 */
export const planTitle = (code: string, name?: string | null) =>
  name || NAMES.get(code) || code.charAt(0).toUpperCase() + code.slice(1);

/** The recurring total's period in words. */
export const perPeriod = (period: 'month' | 'year' | undefined) =>
  period === 'year' ? 'per year' : period === 'month' ? 'per month' : 'per billing period';
