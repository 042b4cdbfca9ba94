import type { Server } from 'node:http';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { buildHttp, listen } from '../../src/server.ts';
import { freshDb, type TestDb } from '../support/db.ts';
import { SECRET_KEY, STRIPE_BASE } from './support.ts';

let db: TestDb;

const serve = async (env: Record<string, string>) => {
  const app: App = await buildApp(
    loadConfig({ LOG_LEVEL: 'silent', ...(db.url ? { DATABASE_URL: db.url } : {}), ...env }),
    { clock: db.clock, orm: db.orm },
  );
  const server: Server = await listen(buildHttp(app), 0, '127.0.0.1');
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return { base, close: () => new Promise((r) => server.close(r)) };
};

const stripeEnv = {
  STRIPE_SECRET_KEY: SECRET_KEY,
  STRIPE_API_BASE: STRIPE_BASE,
  PUBLIC_URL: 'https://bot.example.com',
};

/** The visible words of a page (tags dropped, entities of the page decoded, spaces squeezed). */
const words = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  db = await freshDb();
  // Stripe is not reached by these pages: any call to it would fail the request
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterAll(async () => {
  nock.enableNetConnect();
  await db?.close();
});

describe('Checkout return pages', () => {
  it('setup done: a plain page that says the organization is being activated, and changes nothing', async () => {
    const { base, close } = await serve(stripeEnv);
    try {
      const before = { ...(await db.counts()), stripe_event: await db.count('stripe_event') };
      const res = await fetch(`${base}/stripe/setup-done`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'unsafe-inline'",
      );
      const html = await res.text();
      expect(html).not.toContain('<script');
      expect(words(html)).toBe(
        'Payment method saved · Seatkeeper Payment method saved Payment method saved. Your organization is being activated; go back to Slack or Teams. The bot tells you there as soon as it is ready. You can close this page.',
      );
      // query parameters are not trusted for anything: same page, nothing activated or recorded
      const forged = await fetch(
        `${base}/stripe/setup-done?session_id=cs_forged&organization_id=00000000-0000-0000-0000-000000000000`,
      );
      expect(forged.status).toBe(200);
      expect(await forged.text()).toBe(html);
      expect({ ...(await db.counts()), stripe_event: await db.count('stripe_event') }).toEqual(before);
    } finally {
      await close();
    }
  });

  it('setup cancelled: says nothing was saved and how to get a new link', async () => {
    const { base, close } = await serve(stripeEnv);
    try {
      const res = await fetch(`${base}/stripe/setup-cancelled`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(words(await res.text())).toBe(
        'No payment method saved · Seatkeeper No payment method saved Checkout was cancelled: no payment method was saved and nothing was charged. To get a new link, go back to Slack or Teams and type org create <name> again with the same name; the bot shows the link again.',
      );
    } finally {
      await close();
    }
  });

  it('only exist when billing goes through Stripe', async () => {
    const { base, close } = await serve({});
    try {
      expect((await fetch(`${base}/stripe/setup-done`)).status).toBe(404);
      expect((await fetch(`${base}/stripe/setup-cancelled`)).status).toBe(404);
    } finally {
      await close();
    }
  });
});
