import { describe, expect, it } from 'vitest';
import { isEmail, type Token, tokenize, tokenText } from '../../src/commands/tokens.ts';

const kinds = (s: string) => tokenize(s).map((t) => t.kind);
const texts = (s: string) => tokenize(s).map(tokenText);

describe('tokenize: words and spaces', () => {
  it('gives nothing for empty or blank input', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('   \t \r\n  ')).toEqual([]);
  });

  it('splits on any run of spaces, tabs and newlines, keeping case', () => {
    expect(tokenize('  Add   3\tPRO\r\n')).toEqual([
      { kind: 'word', text: 'Add' },
      { kind: 'word', text: '3' },
      { kind: 'word', text: 'PRO' },
    ]);
  });

  it('treats no-break and typographic spaces (U+00A0, U+2000–U+200B) as spaces', () => {
    expect(texts('add\u00a03\u2009pro\u200bnow')).toEqual(['add', '3', 'pro', 'now']);
  });

  // Japanese and Chinese keyboards type U+3000, French typography uses U+202F, and U+2028 /
  // U+2029 are line breaks: each separates words like any other space, or "add　3 pro" is an
  // unknown command and the refusal carries a line break.
  it('treats every other Unicode space and line break as a space too', () => {
    const spaces = {
      'ideographic space U+3000': '\u3000',
      'narrow no-break space U+202F': '\u202f',
      'medium mathematical space U+205F': '\u205f',
      'line separator U+2028': '\u2028',
      'paragraph separator U+2029': '\u2029',
      'vertical tab': '\u000b',
      'form feed': '\u000c',
      'next line U+0085': '\u0085',
      'byte order mark U+FEFF': '\ufeff',
    };
    const glued = Object.entries(spaces)
      .filter(([, sp]) => texts(`add${sp}3${sp}pro`).length !== 3)
      .map(([name]) => name);
    expect(glued, 'these characters glue words together').toEqual([]);
  });

  it('drops commas and semicolons people type after a name', () => {
    expect(texts('invite a@b.co, c@d.co; e@f.co,,')).toEqual(['invite', 'a@b.co', 'c@d.co', 'e@f.co']);
    expect(tokenize(',')).toEqual([]);
  });

  it('keeps commas inside a word', () => {
    expect(texts('a,b c')).toEqual(['a,b', 'c']);
  });
});

describe('tokenize: quoting', () => {
  it('keeps a double-quoted string as one token, without its quotes', () => {
    expect(tokenize('org create "Acme  Sales" yearly')).toEqual([
      { kind: 'word', text: 'org' },
      { kind: 'word', text: 'create' },
      { kind: 'quoted', text: 'Acme  Sales' },
      { kind: 'word', text: 'yearly' },
    ]);
  });

  it('accepts single quotes and typographic quotes', () => {
    expect(tokenize("'Acme Sales'")).toEqual([{ kind: 'quoted', text: 'Acme Sales' }]);
    expect(tokenize('“Acme Sales”')).toEqual([{ kind: 'quoted', text: 'Acme Sales' }]);
    expect(tokenize('‘Acme Sales’')).toEqual([{ kind: 'quoted', text: 'Acme Sales' }]);
  });

  it('gives an empty quoted token for ""', () => {
    expect(tokenize('""')).toEqual([{ kind: 'quoted', text: '' }]);
  });

  it('reads an unclosed quote as an ordinary word', () => {
    expect(tokenize('"Acme Sales')).toEqual([
      { kind: 'word', text: '"Acme' },
      { kind: 'word', text: 'Sales' },
    ]);
  });

  it('leaves an apostrophe inside a word alone', () => {
    expect(texts("Bob's shop")).toEqual(["Bob's", 'shop']);
  });

  it('reads an email inside quotes as an email', () => {
    expect(kinds('"ana@example.com"')).toEqual(['email']);
    expect(tokenize('"Ana@Example.com"')[0]).toMatchObject({ kind: 'email', email: 'ana@example.com' });
  });

  it('drops the full stop after an email at the end of a sentence', () => {
    expect(tokenize('invite ana@example.com.')[1]).toMatchObject({ kind: 'email', email: 'ana@example.com' });
  });

  it('starts a new token right after the closing quote', () => {
    expect(tokenize('"Acme"yearly')).toEqual([
      { kind: 'quoted', text: 'Acme' },
      { kind: 'word', text: 'yearly' },
    ]);
  });
});

describe('tokenize: mentions', () => {
  it('reads a Slack mention with and without a label', () => {
    expect(tokenize('<@U123|ana> <@W9ABC>')).toEqual([
      { kind: 'mention', id: 'U123', label: 'ana', text: '<@U123|ana>' },
      { kind: 'mention', id: 'W9ABC', label: null, text: '<@W9ABC>' },
    ]);
  });

  it('reads an empty label as no label', () => {
    expect(tokenize('<@U123|>')).toEqual([{ kind: 'mention', id: 'U123', label: null, text: '<@U123|>' }]);
  });

  it('reads a Teams-style id (AAD object id with dashes and colons)', () => {
    const [t] = tokenize('<@29:1a-b_c.d|Ana Lopez>');
    expect(t).toEqual({
      kind: 'mention',
      id: '29:1a-b_c.d',
      label: 'Ana Lopez',
      text: '<@29:1a-b_c.d|Ana Lopez>',
    });
  });

  it('keeps a label with spaces in one token', () => {
    expect(texts('<@U1|Ana Lopez> <@U2|Bo>')).toEqual(['<@U1|Ana Lopez>', '<@U2|Bo>']);
  });

  it('drops a comma after a mention', () => {
    expect(kinds('<@U1|ana>, <@U2|bo>')).toEqual(['mention', 'mention']);
  });

  it('reads a malformed mention as a word, not a person', () => {
    expect(kinds('<@U 1|ana>')).toEqual(['word']);
    expect(kinds('<@U1')).toEqual(['word']);
    expect(kinds('@ana')).toEqual(['word']);
  });

  it('swallows the rest of the line into an unclosed <…', () => {
    expect(tokenize('<@U1 bob@x.co')).toEqual([{ kind: 'word', text: '<@U1 bob@x.co' }]);
  });
});

describe('tokenize: emails', () => {
  it('reads a plain email, lowercased, and keeps what was typed', () => {
    expect(tokenize('Ana.Lopez@Example.COM')).toEqual([
      { kind: 'email', email: 'ana.lopez@example.com', text: 'Ana.Lopez@Example.COM' },
    ]);
  });

  it("reads Slack's mailto link, lowercased", () => {
    expect(tokenize('<mailto:Ana@Example.com|Ana@Example.com>')).toEqual([
      { kind: 'email', email: 'ana@example.com', text: '<mailto:Ana@Example.com|Ana@Example.com>' },
    ]);
    expect(tokenize('<MAILTO:bo@x.co>')).toEqual([
      { kind: 'email', email: 'bo@x.co', text: '<MAILTO:bo@x.co>' },
    ]);
  });

  it('reads a Slack link whose label is an email as that email', () => {
    expect(tokenize('<http://x.co|bo@x.co>')).toEqual([
      { kind: 'email', email: 'bo@x.co', text: '<http://x.co|bo@x.co>' },
    ]);
  });

  it('reads a mailto link with a broken address as a word', () => {
    expect(kinds('<mailto:not-an-email|x>')).toEqual(['word']);
  });

  it.each([
    'ana@example',
    'ana@',
    '@example.com',
    'ana',
    'ana@@example.com',
    'a@b@c.co',
  ])('does not take %s for an email', (s) => {
    expect(kinds(s)).toEqual(['word']);
  });

  it('isEmail caps the length at 254 characters', () => {
    const local = 'a'.repeat(64);
    const ok = `${local}@${'b'.repeat(254 - 64 - 1 - 3)}.co`;
    expect(ok).toHaveLength(254);
    expect(isEmail(ok)).toBe(true);
    expect(isEmail(`a${ok}`)).toBe(false);
  });

  it('tokenText gives the lowercased address for emails and the raw text otherwise', () => {
    const [e, m, w] = tokenize('Bo@X.co <@U1|bo> Word') as [Token, Token, Token];
    expect([tokenText(e), tokenText(m), tokenText(w)]).toEqual(['bo@x.co', '<@U1|bo>', 'Word']);
  });
});

describe('tokenize never throws', () => {
  it.each([
    '<',
    '>',
    '<>',
    '<@>',
    '<@|>',
    '<mailto:>',
    '"',
    "'",
    '“',
    '‘',
    '\ud800',
    '\udfff x',
    'x'.repeat(100_000),
    '<'.repeat(1000),
    '"'.repeat(1001),
  ])('on %j', (s) => {
    expect(Array.isArray(tokenize(s))).toBe(true);
  });
});
