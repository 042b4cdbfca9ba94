/**
 * Splits chat text into tokens: words, quoted strings ("…", '…', “…”), chat mentions
 * (`<@U123>` or `<@U123|name>`, as Slack sends them and the Teams adapter rewrites them) and
 * email addresses (plain, or Slack's `<mailto:a@b.c|a@b.c>`). Never throws.
 */
export type Token =
  | { kind: 'word'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'mention'; id: string; label: string | null; text: string }
  | { kind: 'email'; email: string; text: string };

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '‘': '’' };

export const isEmail = (s: string) => EMAIL.test(s) && s.length <= 254;

const classify = (raw: string): Token => {
  const mention = /^<@([A-Za-z0-9._:-]+)(?:\|([^>]*))?>$/.exec(raw);
  if (mention) return { kind: 'mention', id: mention[1]!, label: mention[2] || null, text: raw };
  const mailto = /^<mailto:([^|>]+)(?:\|[^>]*)?>$/i.exec(raw);
  if (mailto && isEmail(mailto[1]!)) return { kind: 'email', email: mailto[1]!.toLowerCase(), text: raw };
  const link = /^<([^|>]+)\|([^>]+)>$/.exec(raw);
  const plain = link ? link[2]! : raw;
  if (isEmail(plain)) return { kind: 'email', email: plain.toLowerCase(), text: raw };
  return { kind: 'word', text: raw };
};

export const tokenize = (input: string): Token[] => {
  const tokens: Token[] = [];
  // every Unicode space and line break separates words (full-width, no-break, U+2028, …)
  const s = input.replace(/[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]/g, ' ');
  let i = 0;
  while (i < s.length) {
    const c = s[i]!;
    if (c === ' ') {
      i++;
      continue;
    }
    const close = QUOTES[c];
    if (close) {
      const end = s.indexOf(close, i + 1);
      if (end > i) {
        const text = s.slice(i + 1, end);
        tokens.push(
          isEmail(text.trim())
            ? { kind: 'email', email: text.trim().toLowerCase(), text }
            : { kind: 'quoted', text },
        );
        i = end + 1;
        continue;
      }
    }
    let j = i;
    if (c === '<') {
      const end = s.indexOf('>', i);
      j = end === -1 ? s.length : end + 1;
    } else {
      while (j < s.length && s[j] !== ' ') j++;
    }
    // trailing punctuation people type after a name ("invite a@b.c, c@d.e")
    const raw = s.slice(i, j).replace(/[,;]+$/, '');
    if (raw) {
      // an email at the end of a sentence: "invite ana@example.com."
      const dotless = raw.endsWith('.') ? classify(raw.replace(/\.+$/, '')) : null;
      tokens.push(dotless?.kind === 'email' ? dotless : classify(raw));
    }
    i = j;
  }
  return tokens;
};

export const tokenText = (t: Token) => (t.kind === 'email' ? t.email : t.text);
