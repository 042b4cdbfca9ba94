import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { sendError } from './errors.ts';

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

/**
 * `Authorization: Bearer <API_TOKEN>` on every /api/v1 request. Both sides are hashed first, so
 * the comparison is constant-time and does not reveal the token's length either. A missing or
 * wrong token gets 401 with `WWW-Authenticate: Bearer` (RFC 6750).
 */
export const bearerAuth = (token: string): RequestHandler => {
  const expected = digest(token);
  return (req, res, next) => {
    const header = req.get('authorization');
    const presented = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) {
      next();
      return;
    }
    res.set(
      'WWW-Authenticate',
      header === undefined ? 'Bearer realm="seatkeeper"' : 'Bearer realm="seatkeeper", error="invalid_token"',
    );
    sendError(res, 401, {
      code: 'unauthorized',
      message: header === undefined ? 'This API needs a bearer token.' : 'That bearer token is not valid.',
      next: 'Send Authorization: Bearer <token>, with the API_TOKEN this server was configured with.',
    });
  };
};
