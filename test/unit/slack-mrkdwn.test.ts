import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapedWithin } from '../../adapters/slack/blocks.ts';
import { fromMrkdwn, mrkdwn } from '../../adapters/slack/mrkdwn.ts';

const Z = '\u200B';

/**
 * What Slack could still act on in mrkdwn: a `<` that is not a kept bare mention, an `&` that is
 * not one of the three escapes, or a `*`, `_`, `~` outside code and addresses that is not wrapped
 * in zero-width spaces. Empty when the text can only show as written.
 */
const live = (s: string): string[] => {
  const found: string[] = [];
  const rest = s.replace(/<@[UW][A-Z0-9]+>/g, '');
  for (const m of rest.matchAll(/[<>]/g)) found.push(m[0]);
  for (const m of rest.matchAll(/&(?!amp;|lt;|gt;)/g)) found.push(m[0]);
  const outside = rest
    .replace(/`[^`\n]*`/g, '')
    .replace(/https?:\/\/[^\s<>`*~|()[\]\\\u200B]*/g, '')
    .replace(/[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9.-]*[A-Za-z0-9]/g, '');
  for (const m of outside.matchAll(/[*_~]/g)) {
    const i = m.index;
    if (outside[i - 1] !== Z || outside[i + 1] !== Z) found.push(m[0]);
  }
  return found;
};

describe('mrkdwn: core text shows as typed in Slack', () => {
  it('a channel ping, a here ping, a user group and a channel link become text', () => {
    expect(mrkdwn('Acme <!channel>')).toBe('Acme &lt;!channel&gt;');
    expect(mrkdwn('<!here> now')).toBe('&lt;!here&gt; now');
    expect(mrkdwn('<!subteam^S123>')).toBe('&lt;!subteam^S123&gt;');
    expect(mrkdwn('see <#C123>')).toBe('see &lt;#C123&gt;');
  });

  it('a labelled link is no link: its address stays a plain address, its label plain text', () => {
    const out = mrkdwn('<https://evil.example|Pay here>');
    expect(out).toBe('&lt;https://evil.example|Pay here&gt;');
    expect(out).not.toMatch(/<https?:/);
    expect(fromMrkdwn(out)).toBe('<https://evil.example|Pay here>');
  });

  it('an escape someone typed shows as typed, not as the character it stands for', () => {
    expect(mrkdwn('A &amp; B')).toBe('A &amp;amp; B');
    expect(mrkdwn('A & B')).toBe('A &amp; B');
    expect(fromMrkdwn(mrkdwn('A &amp; B &lt;'))).toBe('A &amp; B &lt;');
  });

  it('bold, italic and strike marks never format: each is wrapped in zero-width spaces', () => {
    expect(mrkdwn('*bold*')).toBe(`${Z}*${Z}bold${Z}*${Z}`);
    expect(mrkdwn('_x_')).toBe(`${Z}_${Z}x${Z}_${Z}`);
    expect(mrkdwn('~x~')).toBe(`${Z}~${Z}x${Z}~${Z}`);
    expect(fromMrkdwn(mrkdwn('Acme *now* _x_ ~y~'))).toBe('Acme *now* _x_ ~y~');
  });

  it("a quote mark at a line's start is no quote", () => {
    expect(mrkdwn('> quoted')).toBe('&gt; quoted');
  });

  it('code spans stay code, with their characters as they are (a token with _ copies as is)', () => {
    expect(mrkdwn('Type `help` for the list')).toBe('Type `help` for the list');
    expect(mrkdwn('bearer token `scim_ab*c~d`')).toBe('bearer token `scim_ab*c~d`');
    // nothing inside code may form a link either
    expect(mrkdwn('`<!channel>`')).toBe('`&lt;!channel&gt;`');
  });

  it('a tick on one line never pairs with a tick on another: the text between is escaped', () => {
    expect(mrkdwn('a `b\n*c*` d')).toBe(`a \`b\n${Z}*${Z}c${Z}*${Z}\` d`);
  });

  it('a bare user mention stays a mention; a labelled, lowercase or special one is text', () => {
    expect(mrkdwn('Moved <@U123> to Free')).toBe('Moved <@U123> to Free');
    expect(mrkdwn('<@W0ABC9>')).toBe('<@W0ABC9>');
    expect(mrkdwn('<@U123|alice>')).toBe('&lt;@U123|alice&gt;');
    expect(mrkdwn('<@u123>')).toBe('&lt;@u123&gt;');
    expect(mrkdwn('<!@U123>')).toBe('&lt;!@U123&gt;');
  });

  it('a web address keeps its characters, so Slack still links it (a payment setup link)', () => {
    const url = 'https://checkout.stripe.com/c/pay/cs_test_a1_b2#fid_x';
    expect(mrkdwn(`Add it here: ${url} — then wait.`)).toBe(`Add it here: ${url} — then wait.`);
    // the sentence's full stop and what follows are outside the address
    expect(mrkdwn('see https://a.example/x_y. _z_')).toBe(`see https://a.example/x_y. ${Z}_${Z}z${Z}_${Z}`);
    expect(mrkdwn('https://a.example/?a=1&b=2')).toBe('https://a.example/?a=1&amp;b=2');
  });

  it('an email address keeps its characters, so it links and copies into a command as it is', () => {
    expect(mrkdwn('Invited first_last@example.com, ok.')).toBe('Invited first_last@example.com, ok.');
    // marks around it are still escaped
    expect(mrkdwn('_a_b@example.com_')).toBe(`${Z}_${Z}a_b@example.com${Z}_${Z}`);
  });

  it('the organization name of issue 14 can only show as typed', () => {
    const name = 'Acme <!channel> <https://evil.example|Pay here> *now*';
    const out = mrkdwn(`You are invited to ${name}.`);
    expect(live(out)).toEqual([]);
    expect(fromMrkdwn(out)).toBe(`You are invited to ${name}.`);
  });

  // typed text never holds a zero-width space (the grammar reads it as a space), so the read-back
  // is exact for every other string
  const typed = fc.string({ unit: 'binary', maxLength: 80 }).map((s) => s.replaceAll(Z, ''));
  const marked = fc
    .array(
      fc.constantFrom(
        '<',
        '>',
        '&',
        '*',
        '_',
        '~',
        '`',
        '\n',
        '!',
        '|',
        '@',
        'U1',
        'amp;',
        'a',
        ' ',
        'https://',
        'x@y.z',
        '.',
      ),
      {
        maxLength: 40,
      },
    )
    .map((parts) => parts.join(''));

  it('property: reading the escaped text back gives what was typed', () => {
    fc.assert(
      fc.property(fc.oneof(typed, marked), (s) => {
        expect(fromMrkdwn(mrkdwn(s))).toBe(s);
      }),
      { numRuns: 500 },
    );
  });

  it('property: nothing in the escaped text is left for Slack to act on', () => {
    fc.assert(
      fc.property(fc.oneof(typed, marked), (s) => {
        expect(live(mrkdwn(s))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('property: text cut to fit a Slack limit stays within it and stays safe', () => {
    fc.assert(
      fc.property(fc.oneof(typed, marked), fc.integer({ min: 2, max: 60 }), (s, max) => {
        const out = escapedWithin(s, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(live(out)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
