import type { MessageKey } from '../i18n/catalog.ts';
import { english, type MessageArgs, type Words } from '../i18n/words.ts';

/**
 * A catalog message and what fills it: said in the reader's language when it reaches them. A Date
 * argument is a calendar day, said the reader's way (`w.day`: ISO in English).
 */
export interface Said {
  key: MessageKey;
  args?: MessageArgs;
}

const argsIn = (w: Words, args: MessageArgs | undefined): MessageArgs | undefined =>
  args && Object.fromEntries(Object.entries(args).map(([k, v]) => [k, v instanceof Date ? w.day(v) : v]));

const inWords = (w: Words, s: string | Said): string =>
  typeof s === 'string' ? s : w.t(s.key, argsIn(w, s.args));

/**
 * The one error type of the domain. `code` is stable (tests, API clients and chat adapters rely
 * on it); `message` is one line for a person; `next` says what to do about it.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'needs_business_plan'
  | 'needs_payment_method'
  | 'no_free_seat'
  | 'already_has_seat'
  | 'contract_frozen'
  | 'no_contract'
  | 'owner_cannot_leave'
  | 'invitation_closed'
  | 'key_invalid'
  | 'request_closed'
  | 'quote_expired'
  | 'payment_failed'
  | 'billing_unavailable'
  | 'organization_closed'
  | 'detached'
  | 'workspace_not_linked'
  | 'email_unverified'
  | 'link_code_invalid';

export class DomainError extends Error {
  override readonly name = 'DomainError';
  /** what happened and what to do, as catalog messages (plain strings: not moved to a catalog yet) */
  readonly said: { message: string | Said; next: string | Said };

  constructor(
    readonly code: ErrorCode,
    message: string | Said,
    next: string | Said,
    readonly details?: Record<string, unknown>,
  ) {
    super(inWords(english, message));
    this.said = { message, next };
  }

  /** The next step in English (the REST API's `next`). */
  get next(): string {
    return inWords(english, this.said.next);
  }

  /** The line a person reads, in English: what happened, then what to do. */
  get line(): string {
    return this.lineIn(english);
  }

  /** The line in the reader's language. */
  lineIn(w: Words): string {
    return `${this.messageIn(w)} ${inWords(w, this.said.next)}`.trim();
  }

  messageIn(w: Words): string {
    return inWords(w, this.said.message);
  }

  toJSON() {
    return {
      code: this.code,
      message: this.message,
      next: this.next,
      ...(this.details ? { details: this.details } : {}),
    };
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
