import { DEFAULT_LOCALE, localeOf } from '../../src/i18n/locale.ts';
import { type Words, wordsFor } from '../../src/i18n/words.ts';

/**
 * The words of a Slack request's sender before they are identified (a broken button or form, a
 * press turned away as busy): the locale Slack put on the request, if it did, else English. Once
 * identified (users.info's locale, their own choice), `wordsOf(c)` says it in their language.
 */
export const sentWords = (body: unknown): Words => {
  const b = body as { user?: { locale?: unknown } | null; locale?: unknown } | null | undefined;
  const tag = [b?.user?.locale, b?.locale].find((l): l is string => typeof l === 'string');
  return wordsFor(localeOf(tag) ?? DEFAULT_LOCALE);
};
