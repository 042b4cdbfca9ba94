import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Command, type ParseResult, parseCommand, SPECS } from '../../src/commands/grammar.ts';
import { COMMANDS } from '../../src/commands/registry.ts';
import { tokenize } from '../../src/commands/tokens.ts';

/**
 * Whatever people type, the grammar answers: a typed command of a known name, or one non-empty
 * line that names the problem. Nothing throws. (runCommand on a real database is fuzzed in
 * test/integration/commands.test.ts.)
 */

/** Line breaks in the Unicode sense: a refusal must not contain any. */
const LINE_BREAK = /[\n\r\v\f\u0085\u2028\u2029]/;

const KNOWN = new Set(Object.keys(COMMANDS));

const checkResult = (input: string, r: ParseResult) => {
  expect(r, `input ${JSON.stringify(input)}`).toBeTypeOf('object');
  if (r.ok) {
    expect(KNOWN.has((r.command as Command).name), `unknown command name for ${JSON.stringify(input)}`).toBe(
      true,
    );
    return;
  }
  expect(typeof r.error).toBe('string');
  expect(r.error.trim().length, `empty error for ${JSON.stringify(input)}`).toBeGreaterThan(0);
  expect(r.error, `error for ${JSON.stringify(input)} is not one line`).not.toMatch(LINE_BREAK);
  expect(r.suggestion === null || typeof r.suggestion === 'string').toBe(true);
};

/** Words the grammar knows, some near misses, and keys every JS object has. */
const WORDS = [
  ...new Set(SPECS.flatMap((s) => s.name.split(' '))),
  'seats',
  '/seats',
  'as',
  'admin',
  'member',
  'approver',
  'not-approver',
  'plan',
  'pro',
  'business',
  'free',
  'on',
  'off',
  'and',
  'undo',
  'create',
  'connect',
  'add',
  'remove',
  'sso',
  'plus',
  'standard',
  'yearly',
  'monthly',
  '--former',
  '—former',
  'former',
  'stats',
  'asign',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  'ck_abcdefghijklmnopqrstuvwxyz234567',
];

const SEPARATORS = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  '\u00a0',
  '\u3000',
  '\u202f',
  '\u2028',
  ',',
  ', ',
  ' and ',
];

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS).chain((w) => fc.mixedCase(fc.constant(w))) },
  { weight: 3, arbitrary: fc.emailAddress() },
  { weight: 2, arbitrary: fc.emailAddress().map((e) => `<mailto:${e}|${e}>`) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.stringMatching(/^[A-Z0-9]{1,11}$/), fc.option(fc.string({ maxLength: 12 })))
      .map(([id, label]) => (label === null ? `<@${id}>` : `<@${id}|${label}>`)),
  },
  {
    weight: 3,
    arbitrary: fc.oneof(
      fc.integer({ min: -5, max: 20_000 }).map(String),
      fc.constantFrom(
        '0',
        '1',
        '3',
        '500',
        '501',
        '10000',
        '10001',
        '1e3',
        '3.5',
        '+3',
        '99999999999999999999',
      ),
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom('"', "'", '“', '‘'), fc.string({ maxLength: 20 }), fc.boolean())
      .map(
        ([q, s, close]) => `${q}${s}${close ? ({ '"': '"', "'": "'", '“': '”', '‘': '’' } as const)[q] : ''}`,
      ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom('<', '>', '<@', '<mailto:', '@', '"', '""', '`', '|', '<@U1|', '<>'),
  },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
);

/** Lines built like commands: known words, people, numbers, quotes, odd separators. */
const commandLike = fc
  .tuple(
    fc.array(word, { minLength: 0, maxLength: 8 }),
    fc.array(fc.constantFrom(...SEPARATORS), { minLength: 8, maxLength: 8 }),
  )
  .map(([ws, seps]) => ws.map((w, i) => (i === 0 ? w : `${seps[i]}${w}`)).join(''));

describe('parseCommand on any input', () => {
  it('never throws on arbitrary short strings (printable ASCII)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        checkResult(s, parseCommand(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on arbitrary Unicode, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => {
        checkResult(s, parseCommand(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on grapheme strings (emoji, combining marks)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        checkResult(s, parseCommand(s));
      }),
      { numRuns: 1000 },
    );
  });

  it('answers strings built from command words, emails, mentions, quotes and numbers', () => {
    fc.assert(
      fc.property(commandLike, (s) => {
        checkResult(s, parseCommand(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('answers every spec name followed by fuzzed arguments', () => {
    const withArgs = fc
      .tuple(fc.constantFrom(...SPECS.map((s) => s.name)), fc.boolean(), fc.array(word, { maxLength: 6 }))
      .map(([name, prefix, args]) => `${prefix ? '/seats ' : ''}${name} ${args.join(' ')}`);
    fc.assert(
      fc.property(withArgs, (s) => {
        checkResult(s, parseCommand(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('answers very long inputs quickly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('add ', 'invite ', 'org create ', 'help ', '', '"', '<', 'audit '),
        fc.constantFrom('a', ' ', '<', '"', 'a@b.co ', '<@U1> ', '9'),
        fc.integer({ min: 1000, max: 20_000 }),
        (head, unit, n) => {
          const s = head + unit.repeat(n);
          const t0 = performance.now();
          checkResult(s.slice(0, 200), parseCommand(s));
          expect(performance.now() - t0).toBeLessThan(500);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is case-insensitive for command words', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SPECS.map((s) => s.example)), fc.context(), (example, ctx) => {
        // only the command words change case; arguments (names, keys) keep theirs
        const spec = SPECS.find((s) => s.example === example)!;
        const words = spec.name.split(' ').length;
        const parts = example.split(' ');
        const shouted = [...parts.slice(0, words).map((w) => w.toUpperCase()), ...parts.slice(words)].join(
          ' ',
        );
        ctx.log(shouted);
        expect(parseCommand(shouted)).toEqual(parseCommand(example));
      }),
      { numRuns: 200 },
    );
  });

  it('ignores extra spaces between words', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SPECS.map((s) => s.example).filter((e) => !e.includes('"'))),
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 10, maxLength: 10 }),
        (example, gaps) => {
          const spaced = `  ${example
            .split(' ')
            .map((w, i) => (i === 0 ? w : `${' '.repeat(gaps[i % gaps.length]!)}${w}`))
            .join('')}   `;
          expect(parseCommand(spaced)).toEqual(parseCommand(example));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('tokenize on any input', () => {
  it('never throws and never yields an empty word', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), commandLike), (s) => {
        const tokens = tokenize(s);
        for (const t of tokens) {
          if (t.kind === 'word') expect(t.text.length).toBeGreaterThan(0);
          if (t.kind === 'email') expect(t.email).toBe(t.email.toLowerCase());
        }
      }),
      { numRuns: 2000 },
    );
  });
});
