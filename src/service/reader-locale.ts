import { accountLanguages } from '../../db/repositories/languages.ts';
import { type Locale, pickLocale } from '../i18n/locale.ts';
import type { ServiceContext } from './context.ts';
import { rowsOnly } from './support/rows-only.ts';

/**
 * The language to write to an account in when no platform request says it (the shell, notices):
 * their choice, else the locale their platform last reported, else the organization's default
 * (when the message is about one), else `fallback` (the terminal's), else English.
 */
export const readerLocale = async (
  ctx: ServiceContext,
  who: { accountId: string } | { email: string },
  organizationId?: string | null,
  fallback?: string,
): Promise<Locale> => {
  const r = await rowsOnly(ctx, (em) => accountLanguages(em, who, organizationId ?? null));
  return pickLocale(r.language, r.platformLocale, r.organizationLanguage, fallback);
};
