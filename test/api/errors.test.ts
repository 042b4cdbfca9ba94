import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/api/error-handler.ts';
import { HTTP_STATUS } from '../../src/api/errors.ts';
import { DomainError, type ErrorCode } from '../../src/domain/errors.ts';
import { listen } from '../../src/server.ts';

/** The error handler behind a tiny express app whose routes throw, over real HTTP. */
const logged: Record<string, unknown>[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  const log = pino({ level: 'warn' }, { write: (line: string) => logged.push(JSON.parse(line)) });
  const http = express();
  for (const code of Object.keys(HTTP_STATUS) as ErrorCode[]) {
    http.get(`/code/${code}`, () => {
      throw new DomainError(code, `A ${code} happened.`, 'Do the next thing.', { hint: code });
    });
  }
  http.get('/boom', async () => {
    throw new Error('connection to 10.0.0.7 refused: secret detail');
  });
  http.get('/race', async () => {
    throw new UniqueConstraintViolationException(new Error('duplicate key value violates unique constraint'));
  });
  http.use(errorHandler(log));
  server = await listen(http, 0, '127.0.0.1');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(
  () =>
    new Promise<void>((resolve) => {
      server?.closeAllConnections();
      server?.close(() => resolve());
    }),
);

describe('error mapping', () => {
  it('gives every domain error code a status, and the body is DomainError.toJSON()', async () => {
    const expected: Record<ErrorCode, number> = {
      invalid_input: 400,
      key_invalid: 400,
      link_code_invalid: 400,
      workspace_not_linked: 403,
      email_unverified: 403,
      needs_business_plan: 402,
      needs_payment_method: 402,
      payment_failed: 402,
      billing_unavailable: 503,
      forbidden: 403,
      detached: 403,
      not_found: 404,
      conflict: 409,
      already_has_seat: 409,
      no_free_seat: 409,
      contract_frozen: 409,
      no_contract: 409,
      invitation_closed: 409,
      request_closed: 409,
      quote_expired: 409,
      organization_closed: 409,
      owner_cannot_leave: 409,
    };
    expect(HTTP_STATUS).toEqual(expected);
    for (const [code, status] of Object.entries(expected)) {
      const res = await fetch(`${base}/code/${code}`);
      expect(res.status, code).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual({
        error: { code, message: `A ${code} happened.`, next: 'Do the next thing.', details: { hint: code } },
      });
    }
  });

  it('answers an unknown error with a generic 500 and logs it with the same request id', async () => {
    const res = await fetch(`${base}/boom`);
    expect(res.status).toBe(500);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: 'internal', message: 'Something went wrong on our side.' });
    expect(typeof body.error.next).toBe('string');
    expect(JSON.stringify(body)).not.toContain('secret');
    const entry = logged.find((l) => l.msg === 'request failed');
    expect(entry).toMatchObject({ level: 50, requestId: body.error.details.requestId, path: '/boom' });
    expect(JSON.stringify(entry)).toContain('secret detail');
  });

  it('answers a lost unique-constraint race with 409 conflict', async () => {
    const res = await fetch(`${base}/race`);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('conflict');
  });
});
