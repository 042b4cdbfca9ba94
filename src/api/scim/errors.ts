import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { ScimError } from 'scim-patch';
import { isDomainError } from '../../domain/errors.ts';
import { HTTP_STATUS } from '../errors.ts';

export const SCIM_ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_JSON = 'application/scim+json; charset=utf-8';

/** scimType values of RFC 7644 §3.12 that we send. */
export type ScimType =
  | 'invalidFilter'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue';

/** Sends a SCIM resource or message as application/scim+json. */
export const sendScim = (res: Response, status: number, body: object) => {
  res.status(status).type(SCIM_JSON).send(JSON.stringify(body));
};

/** A SCIM error (RFC 7644 §3.12): status as a string, an optional scimType, one-line detail. */
export const sendScimError = (res: Response, status: number, detail: string, scimType?: ScimType) =>
  sendScim(res, status, {
    schemas: [SCIM_ERROR],
    status: String(status),
    ...(scimType ? { scimType } : {}),
    detail,
  });

/** A request the SCIM layer refuses before calling the core. */
export class ScimRequestError extends Error {
  constructor(
    readonly status: number,
    readonly scimType: ScimType | undefined,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (scimType: ScimType, detail: string) => new ScimRequestError(400, scimType, detail);

export const scimNotFound: RequestHandler = (req, res) =>
  sendScimError(
    res,
    404,
    /\/groups(\/|$)/i.test(req.path)
      ? 'Groups are not supported: only Users are provisioned. Turn group push off in the identity provider.'
      : `There is no ${req.method} ${req.baseUrl}${req.path}. Endpoints: /Users, /ServiceProviderConfig, /ResourceTypes, /Schemas.`,
  );

interface BodyParserError {
  type?: string;
  status?: number;
}

/**
 * The SCIM router's own last handler, so every answer under /scim/v2 is a SCIM error whatever
 * the server's other handlers do: domain errors by code, protocol errors as 400, the rest a
 * logged 500 with a request id.
 */
export const scimErrorHandler =
  (log: Logger): ErrorRequestHandler =>
  (err, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    if (err instanceof ScimRequestError) {
      sendScimError(res, err.status, err.message, err.scimType);
      return;
    }
    if (isDomainError(err)) {
      // the owner cannot be deactivated: an attribute that cannot change for them, not a clash
      const status = err.code === 'owner_cannot_leave' ? 400 : (HTTP_STATUS[err.code] ?? 400);
      const given = err.details?.scimType as ScimType | undefined;
      const scimType =
        given ??
        (err.code === 'owner_cannot_leave' ? 'mutability' : status === 400 ? 'invalidValue' : undefined);
      sendScimError(res, status, `${err.message} ${err.next}`, scimType);
      return;
    }
    if (err instanceof ScimError) {
      sendScimError(res, 400, `Invalid PATCH: ${err.message}`, (err.scimCode as ScimType) ?? 'invalidValue');
      return;
    }
    const parser = typeof err === 'object' && err !== null ? (err as BodyParserError) : null;
    if (parser?.type === 'entity.parse.failed') {
      sendScimError(res, 400, 'The body is not valid JSON.', 'invalidSyntax');
      return;
    }
    if (parser?.type === 'entity.too.large') {
      sendScimError(res, 413, 'The body is larger than 1 MB. Send less at once.');
      return;
    }
    if (typeof parser?.type === 'string' && parser.status !== undefined && parser.status < 500) {
      sendScimError(res, parser.status, 'The body could not be read.', 'invalidSyntax');
      return;
    }
    if (err instanceof UniqueConstraintViolationException) {
      // two requests created the same user at once: the loser is told it exists
      sendScimError(
        res,
        409,
        'A concurrent request created the same user. Look it up and retry.',
        'uniqueness',
      );
      return;
    }
    const requestId = randomUUID();
    log.error({ err, requestId, method: req.method, path: req.baseUrl + req.path }, 'scim request failed');
    sendScimError(res, 500, `Something went wrong on our side (request id ${requestId}). Try again later.`);
  };
