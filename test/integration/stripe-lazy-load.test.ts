import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDb, type TestDb } from '../support/db.ts';

const root = path.resolve(import.meta.dirname, '../..');

let db: TestDb;
beforeAll(async () => {
  db = await freshDb();
});
afterAll(() => db?.close());

// the Stripe SDK is ESM (not in require.cache): a resolve hook reports each of its files
const REPORT_STRIPE = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
   register('data:text/javascript,' + encodeURIComponent("export async function resolve(s, c, n) { const r = await n(s, c); if (r.url.includes('/node_modules/stripe/')) process.stderr.write('stripe sdk loaded\\\\n'); return r; }"));`,
)}`;

/** Whether a fresh process evaluated the Stripe SDK while building the app, and its billing. */
const afterBuild = (env: Record<string, string>) => {
  const script = `
    import { buildApp } from './src/app.ts';
    import { loadConfig } from './src/config.ts';
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', ...(process.env.T_DB ? { DATABASE_URL: process.env.T_DB } : { DATA_DIR: process.env.T_DIR }), ...JSON.parse(process.env.T_ENV) }));
    console.log(JSON.stringify({ billing: app.ctx.billing.name }));
    await app.close();`;
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', REPORT_STRIPE, '--input-type=module', '-e', script],
    {
      cwd: root,
      env: {
        ...process.env,
        T_ENV: JSON.stringify(env),
        T_DB: db.url ?? '',
        T_DIR: mkdtempSync(path.join(tmpdir(), 'sk-lazy-')),
      },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no answer: ${r.stderr}`);
  return { ...(JSON.parse(line) as { billing: string }), sdk: r.stderr.includes('stripe sdk loaded') };
};

describe('the Stripe SDK is loaded only when Stripe is configured', () => {
  it('no key: the ledger, and the SDK is never evaluated; a key: the Stripe gateway', () => {
    expect(afterBuild({})).toEqual({ billing: 'ledger', sdk: false });
    expect(afterBuild({ STRIPE_SECRET_KEY: 'sk_test_lazy' })).toEqual({ billing: 'stripe', sdk: true });
  }, 120_000);
});
