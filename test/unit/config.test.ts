import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const KEY = Buffer.alloc(32, 7).toString('base64');

/** The ConfigError thrown for `env` (fails the test if none is thrown). */
const errorOf = (env: NodeJS.ProcessEnv): ConfigError => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`expected loadConfig(${JSON.stringify(env)}) to throw`);
};

describe('loadConfig: defaults', () => {
  it('fills every default from an empty environment', () => {
    expect(loadConfig({})).toEqual({
      PORT: 3000,
      HOST: '0.0.0.0',
      DATA_DIR: './.data',
      PUBLIC_URL: 'http://localhost:3000',
      SLACK_API_URL: 'https://slack.com/api/',
      STRIPE_API_BASE: 'https://api.stripe.com',
      BOTFRAMEWORK_CLOUD: 'public',
      WORKER: 'on',
      SHUTDOWN_GRACE_MS: 10_000,
      LOG_LEVEL: 'info',
    });
  });

  it('reads SHUTDOWN_GRACE_MS in milliseconds', () => {
    expect(loadConfig({ SHUTDOWN_GRACE_MS: ' 2500 ' }).SHUTDOWN_GRACE_MS).toBe(2500);
    expect(loadConfig({ SHUTDOWN_GRACE_MS: '0' }).SHUTDOWN_GRACE_MS).toBe(0);
  });

  it('leaves optional integrations unset', () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.SLACK_BOT_TOKEN).toBeUndefined();
    expect(c.STRIPE_SECRET_KEY).toBeUndefined();
    expect(c.API_TOKEN).toBeUndefined();
    expect(c.ENCRYPTION_KEY).toBeUndefined();
    expect(c.TEAMS_APP_ID).toBeUndefined();
  });

  it('treats blank values as unset', () => {
    const c = loadConfig({ PORT: '  ', DATABASE_URL: '', API_TOKEN: ' ', PUBLIC_URL: '' });
    expect(c.PORT).toBe(3000);
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.API_TOKEN).toBeUndefined();
    expect(c.PUBLIC_URL).toBe('http://localhost:3000');
  });

  it('PUBLIC_URL defaults to localhost on the configured PORT, and an explicit one wins', () => {
    expect(loadConfig({ PORT: '8080' }).PUBLIC_URL).toBe('http://localhost:8080');
    expect(loadConfig({ PORT: '8080' }).PORT).toBe(8080);
    expect(loadConfig({ PORT: '8080', PUBLIC_URL: 'https://seats.example.com' }).PUBLIC_URL).toBe(
      'https://seats.example.com',
    );
  });

  it('reads explicit values and trims them', () => {
    const c = loadConfig({
      PORT: ' 4000 ',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://u:p@db:5432/seats',
      DATA_DIR: '/var/lib/seats',
      SLACK_CLIENT_ID: 'cid',
      ENCRYPTION_KEY: KEY,
      API_TOKEN: ' 0123456789abcdef ',
      STRIPE_API_BASE: 'http://localhost:12111',
      LOG_LEVEL: 'debug',
    });
    expect(c).toMatchObject({
      PORT: 4000,
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgresql://u:p@db:5432/seats',
      DATA_DIR: '/var/lib/seats',
      SLACK_CLIENT_ID: 'cid',
      ENCRYPTION_KEY: KEY,
      API_TOKEN: '0123456789abcdef',
      STRIPE_API_BASE: 'http://localhost:12111',
      LOG_LEVEL: 'debug',
    });
  });

  it('ignores unrelated environment variables', () => {
    expect(loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });
});

describe('loadConfig: one line naming the bad variable', () => {
  it.each([
    ['ten', 'SHUTDOWN_GRACE_MS must be a number of milliseconds such as 10000'],
    ['1.5', 'SHUTDOWN_GRACE_MS must be a whole number of milliseconds'],
    ['-1', 'SHUTDOWN_GRACE_MS must be 0 or more milliseconds'],
    ['99999999', 'SHUTDOWN_GRACE_MS must be at most 3600000 (an hour)'],
  ])('SHUTDOWN_GRACE_MS=%s', (value, message) => {
    expect(errorOf({ SHUTDOWN_GRACE_MS: value }).message).toBe(message);
  });

  it('PORT=abc', () => {
    const e = errorOf({ PORT: 'abc' });
    expect(e.name).toBe('ConfigError');
    expect(e.message.startsWith('PORT')).toBe(true);
    expect(e.message).toBe('PORT must be a port number');
  });

  it.each(['70000', '-1', '80.5'])('PORT=%s', (port) => {
    expect(errorOf({ PORT: port }).message.startsWith('PORT ')).toBe(true);
  });

  it('API_TOKEN shorter than 16 characters', () => {
    expect(errorOf({ API_TOKEN: 'short' }).message).toBe('API_TOKEN must be at least 16 characters');
    expect(errorOf({ API_TOKEN: '0123456789abcde' }).message.startsWith('API_TOKEN')).toBe(true); // 15
    expect(loadConfig({ API_TOKEN: '0123456789abcdef' }).API_TOKEN).toBe('0123456789abcdef'); // 16
  });

  it('SLACK_CLIENT_ID without ENCRYPTION_KEY names ENCRYPTION_KEY', () => {
    const e = errorOf({ SLACK_CLIENT_ID: 'cid', SLACK_CLIENT_SECRET: 's', SLACK_STATE_SECRET: 't' });
    expect(e.message.startsWith('ENCRYPTION_KEY')).toBe(true);
    expect(e.message).toContain('SLACK_CLIENT_ID');
    expect(loadConfig({ SLACK_CLIENT_ID: 'cid', ENCRYPTION_KEY: KEY }).SLACK_CLIENT_ID).toBe('cid');
  });

  it('SLACK_APP_TOKEN must be an app-level xapp- token, with a bot token and without OAuth', () => {
    expect(errorOf({ SLACK_APP_TOKEN: 'xoxb-123', SLACK_BOT_TOKEN: 'xoxb-1' }).message).toBe(
      'SLACK_APP_TOKEN must be an app-level token (xapp-…, Basic Information → App-Level Tokens)',
    );
    expect(errorOf({ SLACK_APP_TOKEN: 'xapp-1-A-1-x' }).message).toBe(
      'SLACK_BOT_TOKEN is required with SLACK_APP_TOKEN (Socket Mode serves one workspace: its xoxb- bot token)',
    );
    expect(
      errorOf({
        SLACK_APP_TOKEN: 'xapp-1-A-1-x',
        SLACK_BOT_TOKEN: 'xoxb-1',
        SLACK_CLIENT_ID: 'c',
        ENCRYPTION_KEY: KEY,
      }).message,
    ).toBe(
      'SLACK_APP_TOKEN cannot be used with SLACK_CLIENT_ID: Socket Mode serves one workspace; unset one of them',
    );
    expect(loadConfig({ SLACK_APP_TOKEN: ' xapp-1-A-1-x ', SLACK_BOT_TOKEN: 'xoxb-1' }).SLACK_APP_TOKEN).toBe(
      'xapp-1-A-1-x',
    );
  });

  it('ENCRYPTION_KEY must decode to 32 bytes', () => {
    expect(errorOf({ ENCRYPTION_KEY: 'short' }).message).toBe(
      'ENCRYPTION_KEY must be a base64-encoded 32-byte key',
    );
    expect(
      errorOf({ ENCRYPTION_KEY: Buffer.alloc(31).toString('base64') }).message.startsWith('ENCRYPTION_KEY'),
    ).toBe(true);
  });

  it('DATABASE_URL must be a postgres:// URL', () => {
    expect(errorOf({ DATABASE_URL: 'mysql://u@db/seats' }).message).toBe(
      'DATABASE_URL must be a postgres:// URL',
    );
    expect(errorOf({ DATABASE_URL: 'db:5432' }).message.startsWith('DATABASE_URL')).toBe(true);
    expect(loadConfig({ DATABASE_URL: 'postgres://db/seats' }).DATABASE_URL).toBe('postgres://db/seats');
  });

  it.each([
    'PUBLIC_URL',
    'SLACK_API_URL',
    'STRIPE_API_BASE',
    'BOTFRAMEWORK_OPENID_METADATA',
    'BOTFRAMEWORK_TOKEN_ISSUER',
    'BOTFRAMEWORK_LOGIN_URL',
    'BOTFRAMEWORK_OAUTH_SCOPE',
    'BOTFRAMEWORK_OAUTH_URL',
    'BOTFRAMEWORK_CHANNEL_SERVICE',
  ])('%s must be a URL', (name) => {
    expect(errorOf({ [name]: 'not a url' }).message).toBe(
      `${name} must be a URL such as https://example.com`,
    );
  });

  it('BOTFRAMEWORK_CLOUD must be one of the four clouds', () => {
    expect(errorOf({ BOTFRAMEWORK_CLOUD: 'gcc' }).message).toBe(
      'BOTFRAMEWORK_CLOUD must be one of public, usgov, usgov-dod, china',
    );
    expect(loadConfig({ BOTFRAMEWORK_CLOUD: ' usgov-dod ' }).BOTFRAMEWORK_CLOUD).toBe('usgov-dod');
  });

  it('LOG_LEVEL must be a pino level', () => {
    expect(errorOf({ LOG_LEVEL: 'loud' }).message.startsWith('LOG_LEVEL')).toBe(true);
  });

  it('is a single line', () => {
    for (const env of [{ PORT: 'abc' }, { SLACK_CLIENT_ID: 'x' }, { LOG_LEVEL: 'loud' }]) {
      expect(errorOf(env).message).not.toContain('\n');
    }
  });
});
