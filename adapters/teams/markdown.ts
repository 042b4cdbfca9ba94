/**
 * Core text made literal in an Adaptive Card TextBlock or Fact. Teams renders a markdown subset
 * there (`**bold**`, `_italic_`, `[text](url)` links, `- ` and `1. ` lists), so anything a person
 * supplied (an organization name, billing details, the echo of bad input) could otherwise turn
 * into formatting or a link. Core text is plain apart from `code` ticks, which cards have never
 * rendered: they are dropped, as before.
 */

/** Chat markup Adaptive Cards do not render (`code` ticks) becomes plain text. */
export const plain = (s: string) => s.replace(/`([^`]*)`/g, '$1');

/** The CommonMark punctuation Teams' renderer acts on, and the backslash itself. */
const PUNCTUATION = /[\\*_[\]()~#<>!|]/g;

/** A web address (a payment setup link, with its `#` fragment), ending before closing punctuation. */
const WEB = /https?:\/\/[^\s\\*~|()[\]<>!]*[^\s\\*~|()[\]<>!.,;:?'"_]/;
/**
 * An email address, from a letter or digit to a letter or digit. A `_` in it sits between letters
 * or digits (`first_last`), where CommonMark never emphasizes; one after punctuation (`1._x@…`)
 * could open emphasis, so the address starts after it and the `_` is escaped.
 */
const EMAIL =
  /[A-Za-z0-9](?:[A-Za-z0-9.%+-]|(?<=[A-Za-z0-9])_(?=[A-Za-z0-9]))*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z0-9]+/;

/**
 * Addresses are kept as written: Teams links them itself, and a backslash in one could end up in
 * the link (`first\_last@…`). The `_` left in them sit inside a word, where CommonMark does not
 * emphasize; everything around them is escaped as usual.
 */
const ADDRESS = new RegExp(`${WEB.source}|${EMAIL.source}`, 'g');

/** A list marker (`-`, `+`, `1.`) at the start of a line, after any indentation. */
const LIST_MARKER = /^([ \t]*)(?:([-+])|(\d+)\.)/gm;

const escaped = (s: string) => s.replace(PUNCTUATION, '\\$&');

export const markdown = (text: string): string => {
  const s = plain(text);
  let out = '';
  let last = 0;
  for (const m of s.matchAll(ADDRESS)) {
    out += escaped(s.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return (out + escaped(s.slice(last))).replace(
    LIST_MARKER,
    (_, indent: string, bullet?: string, digits?: string) =>
      bullet ? `${indent}\\${bullet}` : `${indent}${digits}\\.`,
  );
};

/** What a person reads from text `markdown` wrote: the backslash escapes undone. */
export const fromMarkdown = (s: string): string => s.replace(/\\([\\*_[\]()~#<>!|+.-])/g, '$1');
