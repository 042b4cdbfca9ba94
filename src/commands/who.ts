import type { Token } from './tokens.ts';

/** A person named in a command: an email, or a chat mention the adapter resolves to an email. */
export type Who = { email: string } | { mention: string; label: string | null };

export const whoFrom = (t: Token): Who | null =>
  t.kind === 'email' ? { email: t.email } : t.kind === 'mention' ? { mention: t.id, label: t.label } : null;

export const isWho = (t: Token) => t.kind === 'email' || t.kind === 'mention';

export const showWho = (w: Who) => ('email' in w ? w.email : w.label ? `@${w.label}` : `<@${w.mention}>`);
