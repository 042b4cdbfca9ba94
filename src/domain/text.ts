/**
 * Text PostgreSQL can store and people can read back: no NUL or other control character (a tab
 * or line break is allowed), no lone surrogate (broken UTF-16), no U+FFFD (what undecodable bytes
 * turn into). PostgreSQL refuses NUL outright, so without this check it would be a 500.
 */
export const isStorableText = (s: string) =>
  !/\p{Cc}/u.test(s.replace(/[\t\n\r]/g, '')) && !/\p{Cs}/u.test(s) && !s.includes('\ufffd');

export const UNSTORABLE_TEXT = 'contains a control character (such as NUL) or broken text; remove it';
