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

/** Which of the Teams SDK's packages a fresh process has loaded after building the app. */
const loadedAfterBuild = (env: Record<string, string>) => {
  const script = `
    import { createRequire } from 'node:module';
    import { buildApp } from './src/app.ts';
    import { loadConfig } from './src/config.ts';
    import { chatNotifier } from './src/jobs/chat-notifier.ts';
    const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', ...(process.env.T_DB ? { DATABASE_URL: process.env.T_DB } : { DATA_DIR: process.env.T_DIR }), ...JSON.parse(process.env.T_ENV) }));
    await chatNotifier(app);
    const loaded = Object.keys(createRequire(import.meta.url).cache);
    console.log(JSON.stringify({ teamsAi: loaded.some((f) => f.includes('/@microsoft/teams-ai/')), botbuilder: loaded.some((f) => f.includes('/node_modules/botbuilder/')), bot: app.teams !== null }));
    await app.close();`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env: {
      ...process.env,
      T_ENV: JSON.stringify(env),
      T_DB: db.url ?? '',
      T_DIR: mkdtempSync(path.join(tmpdir(), 'sk-lazy-')),
    },
    encoding: 'utf8',
    timeout: 60_000,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`no answer: ${r.stderr}`);
  return JSON.parse(line) as { teamsAi: boolean; botbuilder: boolean; bot: boolean };
};

describe('the Teams SDK is loaded only when Teams is on', () => {
  it('off: neither @microsoft/teams-ai nor botbuilder is evaluated (app and notifier); on: the bot is built', () => {
    expect(loadedAfterBuild({})).toEqual({ teamsAi: false, botbuilder: false, bot: false });
    expect(
      loadedAfterBuild({ TEAMS_APP_ID: '00000000-0000-4000-8000-000000000001', TEAMS_APP_PASSWORD: 'p' }),
    ).toEqual({ teamsAi: true, botbuilder: true, bot: true });
  }, 120_000);
});
