import type { MessageKey } from '../i18n/catalog.ts';
import type { CommandContext } from './context.ts';
import type { Reply } from './reply.ts';
import type { Token } from './tokens.ts';

/** What `help` and "did you mean" read of a command. */
export interface CommandInfo {
  /** one or two words, as typed: `add`, `contract key` */
  readonly name: string;
  /** also the usage line a refusal quotes */
  readonly syntax: string;
  /** a catalog key: `help` says it in the reader's language */
  readonly summary: MessageKey;
  /** must parse to this command (checked by test/unit/grammar.test.ts) */
  readonly example: string;
}

/**
 * One chat command, all of it: how people read it, how its arguments are read and what it does.
 * `C` is the parsed command; its handler receives exactly that.
 */
export interface CommandSpec<C extends { name: string }> extends CommandInfo {
  readonly name: C['name'];
  /**
   * The arguments after the name → the command's fields; a bad argument throws a Refusal (see
   * args.ts) whose one line is the error. `syntax` is the spec's own, for the usage in errors.
   */
  readonly parse: (args: readonly Token[], syntax: string) => Omit<C, 'name'>;
  readonly run: (c: CommandContext, cmd: C) => Promise<Reply>;
}

/** Types a command spec by its parsed command: `defineCommand<AddCommand>({ … })`. */
export const defineCommand = <C extends { name: string }>(spec: CommandSpec<C>): CommandSpec<C> => spec;

/** The parsed command type of a spec. */
export type CommandOf<S> = S extends CommandSpec<infer C> ? C : never;

/** A name, or else the first command of a two-word group by its first word (`contract`). */
export const specIn = <S extends CommandInfo>(specs: readonly S[], name: string): S | undefined =>
  specs.find((s) => s.name === name) ?? specs.find((s) => s.name.startsWith(`${name} `));

/** Edit distance, for "did you mean". */
const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
};

/** The first word of a command closest to `word`, if close enough; the earliest listed wins a tie. */
export const nearestIn = (specs: readonly CommandInfo[], word: string): string | null => {
  const names = [...new Set(specs.map((s) => s.name.split(' ')[0]!))];
  let best: string | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const n of names) {
    const d = distance(word.toLowerCase().slice(0, 40), n);
    if (d < bestD) {
      best = n;
      bestD = d;
    }
  }
  return best && bestD <= Math.max(2, Math.floor(best.length / 2)) ? best : null;
};
