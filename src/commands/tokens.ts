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
  const s = input.replace(/[\u00a0\u2000-\u200b\t\r\n]/g, ' ');
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
        tokens.push({ kind: 'quoted', text: s.slice(i + 1, end) });
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
    if (raw) tokens.push(classify(raw));
    i = j;
  }
  return tokens;
};

export const tokenText = (t: Token) => (t.kind === 'email' ? t.email : t.text);
