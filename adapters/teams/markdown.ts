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

/**
 * A bare web address (a payment setup link, with its `#` fragment): Teams links it itself, and
 * a backslash in it could end up in the link. It stops before any character that could start
 * markup and before closing punctuation, so what surrounds it is escaped as usual.
 */
const ADDRESS = /https?:\/\/[^\s\\*~|()[\]<>!]*[^\s\\*~|()[\]<>!.,;:?'"]/g;

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
