import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { buildHttp, listen } from '../../src/server.ts';
import { createOrganization } from '../../src/service/create-organization.ts';
import { upsertAccount } from '../../src/service/upsert-account.ts';
import type { TestDb } from '../support/db.ts';

export const TOKEN = 'test-token-0123456789';

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely
type Json = any;

export interface Api {
  base: string;
  server: Server;
  /** an HTTP call with the right token unless `token` says otherwise (null: no Authorization header) */
  call(
    method: string,
    path: string,
    opts?: { body?: unknown; raw?: string; token?: string | null; headers?: Record<string, string> },
  ): Promise<{ status: number; headers: Headers; body: Json }>;
  close(): Promise<void>;
}

/** The real HTTP server on an ephemeral loopback port, on the test's database and clock. */
export const startApi = async (
  db: TestDb,
  env: Record<string, string> = { API_TOKEN: TOKEN },
): Promise<Api> => {
  const config = loadConfig({
    ...env,
    ...(db.url ? { DATABASE_URL: db.url } : {}),
    LOG_LEVEL: 'silent',
  });
  // The app shares db.orm: close the server, then db.close(); never app.close() (it would close the ORM twice).
  const app = await buildApp(config, { orm: db.orm, clock: db.clock });
  const server = await listen(buildHttp(app), 0, '127.0.0.1');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    server,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      const token = opts.token === undefined ? TOKEN : opts.token;
      if (token !== null) headers.authorization ??= `Bearer ${token}`;
      let body: string | undefined;
      if (opts.raw !== undefined) body = opts.raw;
      else if (opts.body !== undefined) body = JSON.stringify(opts.body);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(`${base}${path}`, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
      return { status: res.status, headers: res.headers, body: parsed };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
};

/** An owner on the business plan with a card, and their organization (one business seat, theirs). */
export const organizationOf = async (db: TestDb, ownerEmail: string, name: string) => {
  await upsertAccount(db.ctx, { email: ownerEmail, personalPlan: 'business', paymentMethod: 'pm_card_visa' });
  const r = await createOrganization(db.ctx, { email: ownerEmail }, { name });
  return r.organization;
};

export const enc = encodeURIComponent;
