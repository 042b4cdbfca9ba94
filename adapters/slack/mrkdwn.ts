/**
 * Core text as Slack mrkdwn that shows exactly what was typed. Core text is plain text with two
 * kinds of markup meant as such: `code` spans (command hints) and bare user mentions `<@U123>`
 * (from showWho). Anything else a person supplied (an organization name, billing details, the
 * echo of bad input) must never become a link, a ping, a channel or formatting.
 */

const ZWSP = '\u200B';

/** Core's code spans, on one line: a stray tick in typed text never pairs with one on another. */
const CODE = /`[^`\n]*`/;
/** A bare Slack user mention (showWho): uppercase id, no label, no `!`. */
const MENTION = /<@[UW][A-Z0-9]+>/;
/** A web address (a payment setup link), ending before closing punctuation or a mark. */
const WEB = /https?:\/\/[^\s<>`*~|()[\]\\\u200B]*[^\s<>`*~|()[\]\\\u200B.,;:!?'"_]/;
/** An email address, from a letter or digit to a letter or digit. */
const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z0-9]+/;

/**
 * Kept as written, entities aside. Slack links addresses itself; a zero-width space in one would
 * break the link and come along when it is copied into a command (`first_last@…`). The `_` left
 * in them sit inside a word, where Slack does not format; the marks around them are escaped.
 */
const KEPT = new RegExp([CODE, MENTION, WEB, EMAIL].map((r) => r.source).join('|'), 'g');

/** Slack's documented escapes: without a raw `<` no link, `<!channel>` or `<#C…>` can be formed. */
const entities = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Slack has no backslash escape. It formats `*x*`, `_x_` and `~x~` only where the character
 * sits at a word boundary; a zero-width space on both sides of it breaks that rule, so the
 * character shows as itself and the text still reads the same.
 */
const unformatted = (s: string) => entities(s).replace(/[*_~]/g, (c) => `${ZWSP}${c}${ZWSP}`);

/**
 * Core text → safe mrkdwn: code spans and addresses keep their characters (entities only), bare
 * mentions stay mentions, everything else shows as typed.
 */
export const mrkdwn = (text: string): string => {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(KEPT)) {
    out += unformatted(text.slice(last, m.index));
    // a token, link or email must copy without invisible characters; a mention is left as it is
    out += m[0].startsWith('<@') ? m[0] : entities(m[0]);
    last = m.index + m[0].length;
  }
  return out + unformatted(text.slice(last));
};

/**
 * What a person reads from mrkdwn this module wrote: the escapes undone (the markup, code ticks
 * and mentions, left as written). Tests read rendered Slack text through it.
 */
export const fromMrkdwn = (s: string): string => typedText(s.replace(/\u200B([*_~])\u200B/g, '$1'));

/**
 * What a person typed, from a slash command's text: Slack sends `&`, `<` and `>` that people
 * type as `&amp;`, `&lt;` and `&gt;` (its own mentions and links stay `<…>`), so `A & B` would
 * otherwise be stored as `A &amp; B`.
 */
export const typedText = (s: string): string =>
  s.replace(/&(amp|lt|gt);/g, (_, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>'));
