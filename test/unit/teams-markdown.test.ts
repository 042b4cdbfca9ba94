import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardText } from '../../adapters/teams/card-text.ts';
import { fromMarkdown, markdown, plain } from '../../adapters/teams/markdown.ts';
import { renderCard } from '../../adapters/teams/render-card.ts';

const ADDRESS = /https?:\/\/[^\s\\*~|()[\]<>!]*/g;
const EMAIL = /[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9.-]*[A-Za-z0-9]/g;

/**
 * What Teams' markdown could still act on: a special character (or a backslash) not escaped, or
 * a list marker at a line's start, outside web addresses. Empty when it can only show as written.
 */
const live = (s: string): string[] => {
  const found: string[] = [];
  for (const line of s.split('\n')) {
    if (/^[ \t]*([-+*]|\d+[.)])(\s|$)/.test(line)) found.push(line);
    const unescaped = line
      .replace(ADDRESS, '')
      .replace(EMAIL, '')
      .replace(/\\[\s\S]/g, '');
    for (const m of unescaped.matchAll(/[\\*_[\]()~#<>!|]/g)) found.push(m[0]);
  }
  return found;
};

describe('markdown: core text shows as typed in a Teams card', () => {
  it('bold, italic and strike marks are escaped', () => {
    expect(markdown('**x**')).toBe('\\*\\*x\\*\\*');
    expect(markdown('_x_')).toBe('\\_x\\_');
    expect(markdown('~x~')).toBe('\\~x\\~');
  });

  it('a link is no link: brackets and parentheses are escaped', () => {
    expect(markdown('[x](https://evil)')).toBe('\\[x\\]\\(https://evil\\)');
    expect(markdown('![img](https://evil/i.png)')).toBe('\\!\\[img\\]\\(https://evil/i.png\\)');
  });

  it('Slack-style and HTML-ish markup is escaped too', () => {
    expect(markdown('<!channel> <https://evil.example|Pay here>')).toBe(
      '\\<\\!channel\\> \\<https://evil.example\\|Pay here\\>',
    );
    expect(markdown('# heading')).toBe('\\# heading');
  });

  it('a list marker at the start of a line is escaped; in the middle of one it is left', () => {
    expect(markdown('- item')).toBe('\\- item');
    expect(markdown('+ item')).toBe('\\+ item');
    expect(markdown('1. item')).toBe('1\\. item');
    expect(markdown('Acme\n  12. item\n- two')).toBe('Acme\n  12\\. item\n\\- two');
    expect(markdown('EUR 30.00 - 2 seats + 1')).toBe('EUR 30.00 - 2 seats + 1');
  });

  it('code ticks are dropped as before, their content shown as plain text', () => {
    expect(markdown('Type `help` for the list')).toBe('Type help for the list');
    expect(markdown('token `scim_a*b`')).toBe('token scim\\_a\\*b');
  });

  it('a web address keeps its characters, so Teams still links it (a payment setup link)', () => {
    const url = 'https://checkout.stripe.com/c/pay/cs_test_a1_b2#fid_x';
    expect(markdown(`Add it here: ${url} — then wait.`)).toBe(`Add it here: ${url} — then wait.`);
    expect(markdown('(see https://a.example/x_y) _z_')).toBe('\\(see https://a.example/x_y\\) \\_z\\_');
  });

  it('an email address keeps its characters, so Teams links it as it is', () => {
    expect(markdown('Invited first_last@example.com.')).toBe('Invited first_last@example.com.');
    expect(markdown('_a_b@example.com_')).toBe('\\_a_b@example.com\\_');
    // a `_` after punctuation could open emphasis: the address starts after it (a case fast-check found)
    expect(markdown('1._x@y.z')).toBe('1\\.\\_x@y.z');
  });

  it('a mention the core could not name shows as typed', () => {
    expect(markdown('<@29:abc>')).toBe('\\<@29:abc\\>');
  });

  it("a card's text, facts and lists are escaped; its buttons are not; cardText reads what people see", () => {
    const name = 'Acme <!channel> <https://evil.example|Pay here> *now*';
    const card = renderCard({
      tone: 'ok',
      text: `Welcome to ${name}`,
      fields: [{ label: 'Billing (details)', value: '**ACME** [BV](https://evil)' }],
      sections: [{ title: '_Members_', lines: ['- a@example.com', '1. b@example.com'] }],
      buttons: [{ label: 'Pay *now*', action: 'noop', payload: {} }],
    });
    expect(JSON.stringify(card.body)).not.toMatch(/[^\\]\*\*ACME|[^\\]\[BV\]|[^\\]<!channel>/);
    expect(card.body[0]!.text).toBe(`✓ ${markdown(`Welcome to ${name}`)}`);
    expect((card.actions as { title: string }[])[0]!.title).toBe('Pay *now*');
    expect(cardText(card)).toBe(
      [
        `✓ Welcome to ${name}`,
        'Billing (details): **ACME** [BV](https://evil)',
        '_Members_',
        '- - a@example.com\n- 1. b@example.com',
      ].join('\n'),
    );
  });

  const typed = fc.string({ unit: 'binary', maxLength: 80 });
  const marked = fc
    .array(
      fc.constantFrom(
        '*',
        '_',
        '[',
        ']',
        '(',
        ')',
        '~',
        '#',
        '<',
        '>',
        '!',
        '|',
        '\\',
        '`',
        '-',
        '+',
        '1.',
        '\n',
        ' ',
        'a',
        'https://',
        'x@y.z',
        '.',
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('property: reading the escaped text back gives the text as typed (code ticks dropped)', () => {
    fc.assert(
      fc.property(fc.oneof(typed, marked), (s) => {
        expect(fromMarkdown(markdown(s))).toBe(plain(s));
      }),
      { numRuns: 500 },
    );
  });

  it('property: nothing in the escaped text is left for Teams to act on', () => {
    fc.assert(
      fc.property(fc.oneof(typed, marked), (s) => {
        expect(live(markdown(s))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
