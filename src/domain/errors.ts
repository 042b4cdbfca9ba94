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
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly next: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  /** The line a person reads: what happened, then what to do. */
  get line(): string {
    return `${this.message} ${this.next}`.trim();
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
