import { problem } from './input-problems.ts';

/**
 * Text PostgreSQL can store and people can read back: no NUL or other control character (a tab
 * or line break is allowed), no lone surrogate (broken UTF-16), no U+FFFD (what undecodable bytes
 * turn into). PostgreSQL refuses NUL outright, so without this check it would be a 500.
 */
export const isStorableText = (s: string) =>
  !/\p{Cc}/u.test(s.replace(/[\t\n\r]/g, '')) && !/\p{Cs}/u.test(s) && !s.includes('\ufffd');

export const UNSTORABLE_TEXT = problem('errors_support.input.unstorable');

/**
 * A name people read in a line of chat (an organization, a person, a company): storable text
 * without line breaks or tabs, and without the invisible direction overrides (U+202A–U+202E,
 * U+2066–U+2069) that make a name display as something other than what it is.
 */
export const isOneLineName = (s: string) =>
  isStorableText(s) && !/[\t\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(s);

export const NOT_ONE_LINE_NAME = problem('errors_support.input.not_one_line');
