import type { TurnContext } from 'botbuilder';
import { DEFAULT_LOCALE, localeOf } from '../../src/i18n/locale.ts';
import { type Words, wordsFor } from '../../src/i18n/words.ts';

/**
 * The words of an activity's sender before (or without) identifying them: the language their
 * Teams client sends (`locale`). Once identified, `wordsOf(turn.c)` also honours their choice.
 */
export const activityWords = (context: TurnContext): Words =>
  wordsFor(localeOf(context.activity.locale) ?? DEFAULT_LOCALE);
