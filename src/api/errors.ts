import type { RequestHandler, Response } from 'express';
import { z } from 'zod';
import { DomainError, type ErrorCode, isDomainError } from '../domain/errors.ts';
import { isStorableText, UNSTORABLE_TEXT } from '../domain/text.ts';
import { shownValue } from '../service/support/input.ts';

/**
 * HTTP status per domain error code. A `Record` over `ErrorCode`, so a new code does not
 * compile until it is given a status here.
 *
 * - 400: the request itself is wrong (`invalid_input`, `key_invalid`).
 * - 402: money is needed before this can happen: `payment_failed`, and the two `needs_*`
 *   codes (the fix is to pay: upgrade the personal plan, or add a payment method). They are
 *   402 rather than 409 so a client can tell "pay first" apart from "the state forbids it".
 * - 403: `forbidden` (not the caller's to do), `detached` (access was removed).
 * - 404: `not_found`.
 * - 409: the request is well formed but the current state refuses it.
 * - 503: `billing_unavailable` (the payment provider is unreachable or rate limiting: try later).
 */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_input: 400,
  key_invalid: 400,
  link_code_invalid: 400,
  workspace_not_linked: 403,
  email_unverified: 403,
  needs_business_plan: 402,
  needs_payment_method: 402,
  payment_failed: 402,
  forbidden: 403,
  detached: 403,
  not_found: 404,
  conflict: 409,
  no_free_seat: 409,
  already_has_seat: 409,
  contract_frozen: 409,
  no_contract: 409,
  owner_cannot_leave: 409,
  invitation_closed: 409,
  request_closed: 409,
  quote_expired: 409,
  organization_closed: 409,
  billing_unavailable: 503,
};

/** The JSON body of every API error: `{ error: { code, message, next, details? } }`. */
export const sendError = (res: Response, status: number, error: DomainError | Record<string, unknown>) => {
  res.status(status).json({ error: isDomainError(error) ? error.toJSON() : error });
};

const FIX = 'Fix the request and send it again.';

/** One query parameter, given once (a repeated parameter arrives as an array). */
export const queryParam = z
  .string({
    error: (issue) => (issue.input === undefined ? 'is required' : 'must be given once, as text'),
  })
  .refine(isStorableText, UNSTORABLE_TEXT);

/** Plain messages for zod's generic issues (schemas' own messages win). */
const messages: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'is required';
    return `must be ${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`;
  }
  if (issue.code === 'unrecognized_keys') {
    return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
  }
  return undefined;
};

/** Validates a query or body with zod; the first problem becomes one `invalid_input` line naming the field. */
export const validate = <S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'query' | 'body' | 'path',
) => {
  const r = schema.safeParse(input, { error: messages });
  if (r.success) return r.data as z.output<S>;
  const issue = r.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  const got = field ? valueAt(input, issue.path) : undefined;
  const shown = got === undefined ? '' : ` ${shownValue(got)}`;
  const what = field ? `${where} field ${field}${shown} ${issue.message}` : `the ${where} ${issue.message}`;
  throw new DomainError('invalid_input', `Invalid input: ${what}.`, FIX, { field: field || where });
};

const valueAt = (input: unknown, path: readonly PropertyKey[]): unknown => {
  let v: unknown = input;
  for (const k of path) {
    if (v == null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return typeof v === 'object' ? undefined : v;
};

/** Requests that carry a body must send JSON (bodies of other types would be silently ignored). */
export const requireJsonBody: RequestHandler = (req, res, next) => {
  const empty = req.get('content-length') === '0';
  if (req.is('application/json') === false && !empty) {
    sendError(
      res,
      415,
      new DomainError(
        'invalid_input',
        'Invalid input: the body must be JSON.',
        'Send it with Content-Type: application/json.',
        {
          field: 'body',
        },
      ),
    );
    return;
  }
  next();
};

/** Unknown routes under /api/v1. */
export const notFound: RequestHandler = (req, res) => {
  sendError(
    res,
    404,
    new DomainError(
      'not_found',
      `There is no ${req.method} ${req.baseUrl}${req.path}.`,
      'Check the method and path against the API reference.',
    ),
  );
};
