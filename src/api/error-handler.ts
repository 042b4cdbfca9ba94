import { isUtf8 } from 'node:buffer';
import { randomUUID } from 'node:crypto';
import { ConnectionException, UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { DomainError, isDomainError } from '../domain/errors.ts';
import { HTTP_STATUS, sendError } from './errors.ts';

const FIX = 'Fix the request and send it again.';
const invalid = (message: string, next = FIX, field = 'body') =>
  new DomainError('invalid_input', `Invalid input: ${message}`, next, { field });

/** What body-parser (and http-errors) attach to the errors they throw. */
interface HttpError {
  type?: string;
  status?: number;
  expose?: boolean;
}
const httpError = (e: unknown): HttpError | null => {
  if (typeof e !== 'object' || e === null) return null;
  const status = (e as HttpError).status;
  return typeof status === 'number' && status >= 400 && status < 500 ? (e as HttpError) : null;
};

/** Network and server states in which the database cannot answer at all (not a bad query). */
const DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);
export const isDatabaseDown = (e: unknown): boolean => {
  if (e instanceof ConnectionException) return true;
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && (DOWN_CODES.has(code) || /^(08|57P0)/.test(code))) return true;
  return (
    e.name === 'KnexTimeoutError' ||
    /Connection terminated|Connection ended unexpectedly|connect ECONNREFUSED|Timeout acquiring a connection/.test(
      e.message,
    )
  );
};

/** Body parser and router failures as one `invalid_input` line each. */
const readFailure = (e: unknown): { status: number; error: DomainError } | null => {
  const h = httpError(e);
  if (!h) return null;
  switch (h.type) {
    case 'entity.parse.failed':
      return { status: 400, error: invalid('the body is not valid JSON.') };
    case 'entity.too.large':
      return { status: 413, error: invalid('the body is larger than 1 MB.', 'Send less at once.') };
    case 'encoding.invalid':
      return {
        status: 400,
        error: invalid('the body is not valid UTF-8.', 'Send the body encoded as UTF-8.'),
      };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return {
        status: 415,
        error: invalid('the body’s encoding is not supported.', 'Send it as UTF-8, uncompressed or gzip.'),
      };
  }
  if (e instanceof URIError) {
    return {
      status: 400,
      error: invalid(
        'the path is not valid percent-encoded UTF-8.',
        'Encode the path as UTF-8, then percent-encode it.',
        'path',
      ),
    };
  }
  // aborted, truncated or undecodable bodies and other client errors
  return { status: h.status!, error: invalid('the request could not be read.') };
};

/**
 * The last handler of every door (REST API, Slack, Teams, Stripe, health): domain errors by their
 * code, unreadable requests as `invalid_input`, a database that does not answer as 503
 * `unavailable`, anything else as a logged 500 with a request id. Always a short coded JSON
 * body, never a stack trace, whatever NODE_ENV says.
 */
export const errorHandler =
  (log: Logger): ErrorRequestHandler =>
  (err, req, res, next) => {
    if (res.headersSent) {
      // the answer is already under way: end it rather than append to it
      next(err);
      return;
    }
    const path = req.baseUrl + req.path;
    // a handler may have set its own type (text, HTML) before it failed
    res.removeHeader('Content-Type');
    if (isDomainError(err)) {
      sendError(res, HTTP_STATUS[err.code] ?? 400, err);
      return;
    }
    const unreadable = readFailure(err);
    if (unreadable) {
      log.info(
        { method: req.method, path, status: unreadable.status, type: (err as HttpError).type },
        'request refused',
      );
      sendError(res, unreadable.status, unreadable.error);
      return;
    }
    if (err instanceof UniqueConstraintViolationException) {
      // A concurrent request created the same record first; the caller can simply retry.
      log.warn({ err, method: req.method, path }, 'request lost a race');
      sendError(
        res,
        409,
        new DomainError(
          'conflict',
          'A concurrent request changed the same record.',
          'Send the request again.',
        ),
      );
      return;
    }
    if (isDatabaseDown(err)) {
      log.error({ err, method: req.method, path }, 'database unavailable');
      res.set('Retry-After', '5');
      sendError(res, 503, {
        code: 'unavailable',
        message: 'The database is not answering.',
        next: 'Try again in a minute.',
      });
      return;
    }
    const requestId = randomUUID();
    log.error({ err, requestId, method: req.method, path }, 'request failed');
    sendError(res, 500, {
      code: 'internal',
      message: 'Something went wrong on our side.',
      next: 'Try again later; if it keeps happening, contact support with the request id.',
      details: { requestId },
    });
  };

/** Any route no door knows. */
export const routeNotFound: RequestHandler = (req, res) => {
  sendError(
    res,
    404,
    new DomainError('not_found', `There is no ${req.method} ${req.path}.`, 'Check the method and path.'),
  );
};

/** `verify` for body parsers: bytes that are not UTF-8 are refused, not turned into U+FFFD. */
export const utf8Only = (_req: unknown, _res: unknown, buf: Buffer) => {
  if (!isUtf8(buf)) {
    throw Object.assign(new Error('The body is not valid UTF-8.'), { status: 400, type: 'encoding.invalid' });
  }
};
