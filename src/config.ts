import { z } from 'zod';

const blank = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
const optional = z.string().optional().transform(blank);
/** Microsoft clouds with their own Bot Framework endpoints (the values: adapters/teams/clouds.ts) */
export const BOTFRAMEWORK_CLOUDS = ['public', 'usgov', 'usgov-dod', 'china'] as const;
const url = optional.pipe(z.url('must be a URL such as https://example.com').optional());

/**
 * The shell's own embedded database, apart from `npm start`'s `./.data`: a running server's
 * worker would otherwise deliver the shell's direct messages to its own log.
 */
export const SHELL_DATA_DIR = './.data/shell';

/** Every setting comes from the environment and is checked here, once, at start. */
export const configSchema = z
  .object({
    PORT: optional
      .transform((s) => (s === undefined ? 3000 : Number(s)))
      .pipe(z.number('must be a port number').int('must be a port number').min(0).max(65535)),
    HOST: optional.transform((s) => s ?? '0.0.0.0'),
    DATABASE_URL: optional.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
        .optional(),
    ),
    DATA_DIR: optional.transform((s) => s ?? './.data'),
    PUBLIC_URL: url,
    SLACK_SIGNING_SECRET: optional,
    SLACK_BOT_TOKEN: optional,
    SLACK_CLIENT_ID: optional,
    SLACK_CLIENT_SECRET: optional,
    SLACK_STATE_SECRET: optional,
    SLACK_API_URL: url.transform((u) => u ?? 'https://slack.com/api/'),
    /** app-level token: Slack over Socket Mode instead of POST /slack/events */
    SLACK_APP_TOKEN: optional.pipe(
      z
        .string()
        .startsWith('xapp-', 'must be an app-level token (xapp-…, Basic Information → App-Level Tokens)')
        .optional(),
    ),
    TEAMS_APP_ID: optional,
    TEAMS_APP_PASSWORD: optional,
    TEAMS_APP_TENANT_ID: optional,
    /** Microsoft's cloud for Teams, which picks its Bot Framework endpoints */
    BOTFRAMEWORK_CLOUD: optional
      .pipe(z.enum(BOTFRAMEWORK_CLOUDS, `must be one of ${BOTFRAMEWORK_CLOUDS.join(', ')}`).optional())
      .transform((v) => v ?? 'public'),
    // each endpoint of that cloud, overridden (unset: the cloud's own)
    BOTFRAMEWORK_OPENID_METADATA: url,
    BOTFRAMEWORK_TOKEN_ISSUER: url,
    BOTFRAMEWORK_LOGIN_URL: url,
    BOTFRAMEWORK_OAUTH_SCOPE: url,
    BOTFRAMEWORK_OAUTH_URL: url,
    BOTFRAMEWORK_CHANNEL_SERVICE: url,
    STRIPE_SECRET_KEY: optional,
    STRIPE_WEBHOOK_SECRET: optional,
    STRIPE_API_BASE: url.transform((u) => u ?? 'https://api.stripe.com'),
    API_TOKEN: optional.pipe(z.string().min(16, 'must be at least 16 characters').optional()),
    ENCRYPTION_KEY: optional.pipe(
      z
        .string()
        .refine((s) => Buffer.from(s, 'base64').length === 32, 'must be a base64-encoded 32-byte key')
        .optional(),
    ),
    /** run the background worker inside `npm start` (off: run `npm run worker` separately) */
    WORKER: optional.pipe(z.enum(['on', 'off'], 'must be on or off').optional()).transform((v) => v ?? 'on'),
    /** how long SIGTERM waits for in-flight requests, their work after the ack, and the worker's current job */
    SHUTDOWN_GRACE_MS: optional
      .transform((s) => (s === undefined ? 10_000 : Number(s)))
      .pipe(
        z
          .number('must be a number of milliseconds such as 10000')
          .int('must be a whole number of milliseconds')
          .min(0, 'must be 0 or more milliseconds')
          .max(3_600_000, 'must be at most 3600000 (an hour)'),
      ),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  })
  .transform((c) => ({ ...c, PUBLIC_URL: c.PUBLIC_URL ?? `http://localhost:${c.PORT}` }))
  .superRefine((c, ctx) => {
    if (c.TEAMS_APP_ID && !c.TEAMS_APP_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['TEAMS_APP_PASSWORD'],
        message: 'is required with TEAMS_APP_ID (the bot’s client secret)',
      });
    }
    if (c.SLACK_APP_TOKEN && !c.SLACK_BOT_TOKEN) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: 'is required with SLACK_APP_TOKEN (Socket Mode serves one workspace: its xoxb- bot token)',
      });
    }
    if (c.SLACK_APP_TOKEN && c.SLACK_CLIENT_ID) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_APP_TOKEN'],
        message: 'cannot be used with SLACK_CLIENT_ID: Socket Mode serves one workspace; unset one of them',
      });
    }
    if (c.SLACK_CLIENT_ID && !c.ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEY'],
        message: 'is required with SLACK_CLIENT_ID (OAuth install)',
      });
    }
  });

export type Config = z.output<typeof configSchema>;

/** Reads the configuration, or throws one line naming the bad variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const r = configSchema.safeParse(env);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  throw new ConfigError(`${issue.path.join('.') || 'configuration'} ${issue.message}`);
};

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
