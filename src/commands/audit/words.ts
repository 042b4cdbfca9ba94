import type { AuditAction } from '../../domain/audit-actions.ts';
import { MODULES } from '../../domain/catalog.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { english, type MessageArgs, type Words } from '../../i18n/words.ts';
import type { AuditPurchase } from '../../service/list-audit.ts';

type Obj = Record<string, unknown>;

/** One event as its sentence reads it: people already named, before/after as stored. */
export interface AuditFacts {
  action: string;
  /** who made the change (name, else email); null: nobody typed it */
  actor: string | null;
  /** who it is about (name, else email), when known */
  subject: string | null;
  before: Obj;
  after: Obj;
  /** the currency of the event's amounts, when known */
  currency: string | null;
  purchase: AuditPurchase | null;
}

/** What a sentence may look up: names of people and plans, money, and times in the reader's zone. */
export interface AuditWords {
  /** a person by email: their account's name, else the email */
  person: (email: string) => string;
  /** a plan's display name by code */
  plan: (code: string) => string;
  /** a moment in the reader's zone */
  at: (d: Date) => string;
  /** the reader's language (money, messages); unset: English */
  words?: Words;
}

/**
 * A sentence for one kind of event; undefined when the event lacks what it needs (an old or
 * malformed row), and the generic sentence is shown instead.
 */
export type Sentence = (e: AuditFacts, w: AuditWords) => string | undefined;
/** The sentences of the kinds matching `P` (e.g. `seat.${string}`): one for each, none more. */
export type SentencesFor<P extends string> = Record<Extract<AuditAction, P>, Sentence>;

// Readers of before/after that answer undefined for anything not of the expected type.
export const str = (o: Obj, k: string) => {
  const v = o[k];
  return typeof v === 'string' && v !== '' ? v : undefined;
};
export const int = (o: Obj, k: string) => {
  const v = o[k];
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : undefined;
};
export const bool = (o: Obj, k: string) => {
  const v = o[k];
  return typeof v === 'boolean' ? v : undefined;
};
export const list = (o: Obj, k: string) => {
  const v = o[k];
  return Array.isArray(v) ? v : undefined;
};
export const record = (o: Obj, k: string): Obj | undefined => {
  const v = o[k];
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
};

/** A stored moment (ISO text) in the reader's zone; undefined when it is not one. */
export const moment = (w: AuditWords, v: unknown) => {
  if (typeof v !== 'string') return undefined;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? undefined : w.at(d);
};

/** A catalog message in the reader's language. */
export const say = (w: AuditWords, key: MessageKey, args?: MessageArgs) => (w.words ?? english).t(key, args);

/** ICU selects on it: an optional part of a sentence shows or not. */
export const has = (v: unknown) => (v ? 'yes' : 'no');

export const money = (w: AuditWords, e: AuditFacts, amount: number | undefined, currency = e.currency) =>
  amount !== undefined && currency ? (w.words ?? english).money(amount, currency) : undefined;

/** The one who acted: the person, the identity provider for SCIM, else Seatkeeper itself. */
export const by = (e: AuditFacts, w: AuditWords) =>
  e.actor ??
  say(
    w,
    e.after.actor === 'scim' || e.before.actor === 'scim' ? 'notices.audit.by_scim' : 'notices.audit.by_us',
  );

/** The person an event is about; "someone" when the row no longer says. */
export const who = (e: AuditFacts, w: AuditWords) => e.subject ?? say(w, 'notices.audit.someone');
/** the same, opening a sentence */
export const Who = (e: AuditFacts, w: AuditWords) => e.subject ?? say(w, 'notices.audit.someone_first');

/** "a Pro seat" (English picks a or an by the plan's name; other languages ignore it). */
export const aSeat = (w: AuditWords, code: string) => {
  const plan = w.plan(code);
  return say(w, 'notices.audit.a_seat', { article: /^[aeiou]/i.test(plan) ? 'an' : 'a', plan });
};
export const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** snake_case codes (reasons, kinds) as words */
export const words = (s: string) => s.replace(/[_.]+/g, ' ');

export const platformName = (p: string | undefined) =>
  p === 'slack' ? 'Slack' : p === 'teams' ? 'Teams' : undefined;
export const moduleName = (code: string) => (MODULES as Record<string, { name: string }>)[code]?.name ?? code;

/** "3 Pro seats" from the purchase request, else from what the event stored. */
export const seatsOf = (e: AuditFacts, w: AuditWords, o: Obj = e.after): string | undefined => {
  const quantity = e.purchase?.quantity ?? int(o, 'quantity') ?? int(o, 'seatsAdded') ?? int(o, 'seats');
  const plan = e.purchase?.plan ?? str(o, 'plan');
  if (quantity === undefined || !plan) return undefined;
  return say(w, 'notices.seats.count', { count: quantity, plan: w.plan(plan) });
};

/** "a member", "an admin and approver", "the owner" */
export const roleWords = (w: AuditWords, o: Obj) => {
  const role = str(o, 'role');
  if (!role) return undefined;
  return say(w, 'notices.audit.role_words', {
    role,
    approver: has(bool(o, 'approver') && role !== 'owner'),
    article: /^[aeiou]/i.test(role) ? 'an' : 'a',
  });
};
