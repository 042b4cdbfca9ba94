import { type DestinationStream, type Logger, pino, stdSerializers } from 'pino';

/** Keys whose values never reach the log, at any of the first three levels of a log object. */
const SECRET_KEYS = [
  // payment method references (ours, Stripe's)
  'paymentMethod',
  'payment_method',
  'default_payment_method',
  // tokens and credentials
  'token',
  'botToken',
  'bot_token',
  'userToken',
  'accessToken',
  'access_token',
  'refreshToken',
  'authorization',
  'cookie',
  'password',
  'secret',
  'client_secret',
  // what people wrote and what we wrote to them
  'text',
  'blocks',
  'attachments',
];
const paths = SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]);

/** Fields of driver errors that carry SQL, bound parameters or row values. */
const QUERY_FIELDS = [
  'sql',
  'query',
  'bindings',
  'params',
  'parameters',
  'detail',
  'hint',
  'where',
  'internalQuery',
  'position',
  'internalPosition',
];
/** Fields of HTTP client errors (Stripe, Slack) that echo requests and responses. */
const ECHO_FIELDS = ['raw', 'headers', 'request', 'response', 'config', 'data', 'original'];

const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * MikroORM puts the query, with its parameters written in, before the database's message
 * (`<sql> - <message>\n - detail: <row values>`), and PostgreSQL quotes the offending value after
 * a colon (`invalid input syntax for type integer: "…"`). Keep only the database's words.
 */
const withoutQuery = (message: string) => {
  const head = message.split('\n - detail: ')[0]!.split('\n - hint: ')[0]!;
  const own = head.slice(head.lastIndexOf(' - ') + 3);
  return own.split(': ')[0]!;
};

/** Errors as pino would log them, minus SQL, parameters and echoed HTTP exchanges. */
export const errSerializer = (e: unknown) => {
  if (!(e instanceof Error)) return e;
  const s = stdSerializers.err(e) as unknown as Record<string, unknown>;
  const code = (e as { code?: unknown }).code;
  const fromDatabase = typeof code === 'string' && SQLSTATE.test(code) && / - /.test(e.message);
  if (fromDatabase) {
    const message = withoutQuery(e.message);
    s.message = message;
    s.stack = [`${e.name}: ${message}`, ...(e.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l))].join(
      '\n',
    );
  }
  for (const k of [...QUERY_FIELDS, ...ECHO_FIELDS]) delete s[k];
  return s;
};

/**
 * The one logger of a process. Secrets and message texts are redacted by key, errors lose their
 * SQL and parameters; the level comes from LOG_LEVEL.
 */
export const createLogger = (level: string, stream?: DestinationStream): Logger => {
  const options = {
    level,
    redact: { paths, censor: '[redacted]' },
    serializers: { err: errSerializer, error: errSerializer },
  };
  return stream ? pino(options, stream) : pino(options);
};
