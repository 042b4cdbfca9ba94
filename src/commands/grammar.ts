import { english, type Words } from '../i18n/words.ts';
import { lower, Refusal } from './args.ts';
import { type Command, SPECS } from './registry.ts';
import { type CommandInfo, nearestIn, specIn } from './spec.ts';
import { type Token, tokenize, tokenText } from './tokens.ts';

export type { Command, CommandName } from './registry.ts';
export type { CommandSpec } from './spec.ts';
/** The grammar as people read it in `help`; order is the order `help` lists. */
export { SPECS };

export type ParseResult =
  | { ok: true; command: Command }
  | { ok: false; error: string; suggestion: string | null };

/** Any spec as parseCommand reads it: its name plus its parser's fields make its command. */
type Parsing = CommandInfo & { parse: (args: readonly Token[], syntax: string) => object };

/** Commands by the one or two words people type. */
const BY_NAME = new Map<string, Parsing>(SPECS.map((s) => [s.name, s]));

/** First words that only begin commands (`contract`, `org`, `scim`), with what may follow. */
const GROUPS = new Map<string, CommandInfo[]>();
for (const s of SPECS) {
  const [first, second] = s.name.split(' ');
  if (!second || BY_NAME.has(first!)) continue;
  GROUPS.set(first!, [...(GROUPS.get(first!) ?? []), s]);
}

export const nearestCommand = (word: string): string | null => nearestIn(SPECS, word);

/** A command by name, or the first of a two-word group by its first word (`contract`). */
export const specOf = (name: string) => specIn(SPECS, name);

/** Text → typed command, or one line in the reader's words that names the problem. Never throws. */
export const parseCommand = (text: string, w: Words = english): ParseResult => {
  try {
    let tokens = tokenize(text.slice(0, 4000));
    // "/seats add 3 pro", "seats add 3 pro" (Teams) and "add 3 pro" are the same command
    if (tokens[0] && /^\/?seats$/i.test(tokenText(tokens[0]))) tokens = tokens.slice(1);
    if (tokens.length === 0) return { ok: true, command: { name: 'help', topic: null } };
    const first = lower(tokens[0])!;
    const second = lower(tokens[1]);
    const pair = second ? BY_NAME.get(`${first} ${second}`) : undefined;
    // a quoted "contract key" is one word, not the command
    const single = first.includes(' ') ? undefined : BY_NAME.get(first);
    const spec = pair ?? single;
    if (spec) {
      const args: Token[] = tokens.slice(pair ? 2 : 1);
      const command = { name: spec.name, ...spec.parse(args, spec.syntax) } as Command;
      return { ok: true, command };
    }
    const group = GROUPS.get(first);
    if (group) {
      return {
        ok: false,
        error: w.t('commands_core.grammar.group', {
          group: first,
          commands: group.map((s) => `\`${s.syntax}\``).join(', '),
        }),
        suggestion: null,
      };
    }
    const suggestion = nearestCommand(first);
    return {
      ok: false,
      error: suggestion
        ? w.t('commands_core.grammar.unknown_did_you_mean', { word: first.slice(0, 40), suggestion })
        : w.t('commands_core.grammar.unknown', { word: first.slice(0, 40) }),
      suggestion,
    };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.lineIn(w), suggestion: null };
    return {
      ok: false,
      error: w.t('commands_core.grammar.unreadable'),
      suggestion: null,
    };
  }
};
