import type { Said } from '../domain/errors.ts';
import { english, type Words } from '../i18n/words.ts';
import { planCodeField } from '../service/support/input.ts';
import { type Token, tokenText } from './tokens.ts';
import { type Who, whoFrom } from './who.ts';

/**
 * A command's arguments could not be read: one line the person sees, a catalog message (a plain
 * string from a parser not moved to the catalogs yet). `message` stays English for logs.
 */
export class Refusal extends Error {
  constructor(readonly said: string | Said) {
    super(typeof said === 'string' ? said : english.t(said.key, said.args));
  }

  lineIn(w: Words): string {
    return typeof this.said === 'string' ? this.said : w.t(this.said.key, this.said.args);
  }
}

export const refuse = (msg: string | Said): never => {
  throw new Refusal(msg);
};

export const lower = (t: Token | undefined) => (t ? tokenText(t).toLowerCase() : undefined);

export const onOff = (t: Token | undefined, usage: string): boolean => {
  const v = lower(t);
  if (v === 'on' || v === 'off') return v === 'on';
  return refuse({ key: 'commands_core.args.on_off', args: { usage } });
};

export const oneWho = (t: Token | undefined, usage: string): Who =>
  (t && whoFrom(t)) ?? refuse({ key: 'commands_core.args.who', args: { usage } });

/** A plan code as the use cases take it; a token is never trimmed into one. */
export const planName = (t: Token | undefined, usage: string): string => {
  const text = t ? tokenText(t) : '';
  const r = text === text.trim() ? planCodeField.safeParse(text) : null;
  return r?.success ? r.data : refuse({ key: 'commands_core.args.plan', args: { usage } });
};

/** `--page <n>` (or `page <n>`) anywhere in a list command; page 1 when absent. */
export const takePage = (a: readonly Token[], usage: string): { page: number; rest: Token[] } => {
  const at = a.findIndex((t) => ['--page', 'page', '—page'].includes(lower(t)!));
  if (at < 0) return { page: 1, rest: [...a] };
  const n = a[at + 1] ? tokenText(a[at + 1]!) : '';
  if (!/^\d{1,6}$/.test(n) || Number(n) < 1) refuse({ key: 'commands_core.args.page', args: { usage } });
  return { page: Number(n), rest: [...a.slice(0, at), ...a.slice(at + 2)] };
};

export const noMore = (rest: readonly Token[], usage: string) => {
  if (rest.length > 0)
    refuse({ key: 'commands_core.args.unexpected', args: { word: tokenText(rest[0]!), usage } });
};

/** The parser of a command that takes one person and nothing else. */
export const justWho = (a: readonly Token[], usage: string): { who: Who } => {
  const who = oneWho(a[0], usage);
  noMore(a.slice(1), usage);
  return { who };
};

/** The parser of a command that takes no arguments. */
export const noArgs = (a: readonly Token[], usage: string): Record<never, never> => {
  noMore(a, usage);
  return {};
};
