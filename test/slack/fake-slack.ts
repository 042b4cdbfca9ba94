import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One Web API call as Slack would have received it. */
export interface ApiCall {
  method: string;
  token: string | null;
  args: Record<string, unknown>;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  /** the message it replies under (chat.postMessage's thread_ts), if any */
  threadTs?: string;
  /** every version, oldest first (chat.update adds one) */
  versions: { text: string; blocks: unknown[] }[];
}

/** A file shared with files.completeUploadExternal: the bytes POSTed to its upload_url. */
export interface UploadedFile {
  id: string;
  filename: string;
  /** the length files.getUploadURLExternal was told */
  length: number;
  bytes: Buffer;
  contentType: string | undefined;
  /** set once files.completeUploadExternal shared it */
  channel: string | null;
  title: string | null;
  initialComment: string | null;
}

interface FakeUser {
  id: string;
  teamId: string;
  email: string | null;
  /** Slack's is_email_confirmed: the person proved they own the email */
  confirmed: boolean;
  tz?: string | undefined;
  /** users.info's `locale` (asked with include_locale), e.g. `fr-FR` */
  locale?: string | undefined;
}

const readBytes = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** Slack sends nested arguments as JSON strings inside a form body; decode them back. */
const decodeArgs = (raw: string, type: string | undefined): Record<string, unknown> => {
  if (type?.includes('application/json')) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
};
const safeJson = (v: string) => {
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
};

/**
 * A local stand-in for Slack's Web API and response_urls (the only things tests replace): it
 * records every call, keeps the DMs it was asked to post (and their updates), knows a few users
 * per team and their emails, and can answer one call with a 429.
 */
export class FakeSlack {
  calls: ApiCall[] = [];
  messages: PostedMessage[] = [];
  /** response_url posts, by the id in the URL */
  responses = new Map<string, Record<string, unknown>[]>();
  users = new Map<string, FakeUser>();
  /** files by id, from files.getUploadURLExternal on (bytes once POSTed, channel once completed) */
  files = new Map<string, UploadedFile>();
  /** bot token → team, for users.lookupByEmail */
  tokens = new Map<string, string>();
  oauthAccess: Record<string, unknown> | null = null;
  /** what apps.connections.open hands an app-level token (Socket Mode): a WebSocket URL */
  socketUrl: (() => string) | null = null;
  /** answer this method only after so many milliseconds (a slow Slack) */
  delays = new Map<string, number>();
  private rateLimited = new Map<string, number>();
  /**
   * Slack's published limits, enforced when set: calls per method per minute (sliding window)
   * and one chat.postMessage per channel per `perChannelMs`. A call beyond them is answered 429
   * with Retry-After and counted in `beyondLimits`.
   */
  limits: { perChannelMs: number; perMinute: Record<string, number>; defaultPerMinute: number } | null = null;
  beyondLimits = 0;
  private recent = new Map<string, number[]>();
  private lastPost = new Map<string, number>();
  private server!: Server;
  private seq = 0;
  private responseSeq = 0;
  base = '';

  async start() {
    this.server = createServer((req, res) => {
      void this.handle(req)
        .then(({ status, body, headers }) => {
          res.writeHead(status, { 'content-type': 'application/json', ...headers });
          res.end(JSON.stringify(body));
        })
        .catch((e) => {
          res.writeHead(500);
          res.end(String(e));
        });
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get apiUrl() {
    return `${this.base}/api/`;
  }

  /** A fresh response_url; what is posted to it lands in `responses`. */
  responseUrl() {
    const id = `r${++this.responseSeq}`;
    this.responses.set(id, []);
    return { id, url: `${this.base}/respond/${id}` };
  }

  /** `tz`: the IANA zone users.info reports for the user (Slack always sends one; unset: none) */
  addUser(
    teamId: string,
    id: string,
    email: string | null,
    o: { confirmed?: boolean; tz?: string; locale?: string } = {},
  ) {
    this.users.set(`${teamId}:${id}`, {
      id,
      teamId,
      email,
      confirmed: o.confirmed ?? true,
      tz: o.tz,
      locale: o.locale,
    });
  }

  rateLimitNext(method: string, retryAfterSeconds: number) {
    this.rateLimited.set(method, retryAfterSeconds);
  }

  /** Files shared into a channel (completed), oldest first. */
  sharedFiles(channel?: string) {
    return [...this.files.values()].filter((f) => f.channel && (!channel || f.channel === channel));
  }

  /** A message deleted in Slack (by its reader, or a retention policy): replies under it fail. */
  deleteMessage(channel: string, ts: string) {
    this.messages = this.messages.filter((m) => !(m.channel === channel && m.ts === ts));
  }

  callsTo(method: string) {
    return this.calls.filter((c) => c.method === method);
  }

  /** Waits until `check` returns something truthy (or fails after `ms`). */
  async waitFor<T>(check: () => T | undefined | null | false, ms = 5000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const v = check();
      if (v) return v;
      if (Date.now() > until) throw new Error('timed out waiting for Slack to receive a call');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  close() {
    return new Promise<void>((r) => this.server.close(() => r()));
  }

  private async handle(
    req: IncomingMessage,
  ): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const bytes = await readBytes(req);
    const raw = bytes.toString('utf8');
    const url = new URL(req.url ?? '/', this.base);
    // files.getUploadURLExternal's upload_url (files.slack.com in real life): the raw bytes
    const upload = /^\/upload\/(\w+)$/.exec(url.pathname);
    if (upload) {
      const f = this.files.get(upload[1]!);
      if (!f || req.method !== 'POST' || f.channel) return { status: 404, body: { ok: false } };
      f.bytes = bytes;
      f.contentType = req.headers['content-type'];
      return { status: 200, body: { ok: true } };
    }
    const respond = /^\/respond\/(\w+)$/.exec(url.pathname);
    if (respond) {
      const list = this.responses.get(respond[1]!);
      if (!list) return { status: 404, body: { ok: false } };
      list.push(decodeArgs(raw, req.headers['content-type']));
      return { status: 200, body: { ok: true } };
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const args = decodeArgs(raw, req.headers['content-type']);
    const auth =
      req.headers.authorization?.replace(/^Bearer /, '') ?? (args.token as string | undefined) ?? null;
    this.calls.push({ method, token: auth, args });
    const delay = this.delays.get(method);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    const over = this.overLimit(method, args);
    if (over !== null) {
      this.beyondLimits++;
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(Math.max(1, Math.ceil(over / 1000))) },
      };
    }
    const limited = this.rateLimited.get(method);
    if (limited !== undefined) {
      this.rateLimited.delete(method);
      return {
        status: 429,
        body: { ok: false, error: 'ratelimited' },
        headers: { 'retry-after': String(limited) },
      };
    }
    return { status: 200, body: this.answer(method, args, auth) };
  }

  /** How long until this call would be within the limits (null: it is now). */
  private overLimit(method: string, args: Record<string, unknown>): number | null {
    if (!this.limits) return null;
    const now = Date.now();
    if (method === 'chat.postMessage') {
      const channel = String(args.channel);
      const last = this.lastPost.get(channel);
      if (last !== undefined && now - last < this.limits.perChannelMs)
        return this.limits.perChannelMs - (now - last);
      this.lastPost.set(channel, now);
      return null;
    }
    const max = this.limits.perMinute[method] ?? this.limits.defaultPerMinute;
    const window = (this.recent.get(method) ?? []).filter((t) => now - t < 60_000);
    if (window.length >= max) return 60_000 - (now - window[0]!);
    window.push(now);
    this.recent.set(method, window);
    return null;
  }

  private answer(
    method: string,
    args: Record<string, unknown>,
    token: string | null,
  ): Record<string, unknown> {
    const team = token ? this.tokens.get(token) : undefined;
    switch (method) {
      case 'users.info': {
        const u = [...this.users.values()].find((x) => x.id === args.user && (!team || x.teamId === team));
        if (!u) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            id: u.id,
            team_id: u.teamId,
            is_email_confirmed: u.email ? u.confirmed : false,
            profile: u.email ? { email: u.email } : {},
            ...(u.tz ? { tz: u.tz } : {}),
            ...(u.locale && args.include_locale ? { locale: u.locale } : {}),
          },
        };
      }
      case 'users.lookupByEmail': {
        const u = [...this.users.values()].find(
          (x) => x.email === args.email && (!team || x.teamId === team),
        );
        return u
          ? { ok: true, user: { id: u.id, team_id: u.teamId } }
          : { ok: false, error: 'users_not_found' };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(args.users)}` } };
      case 'chat.postMessage': {
        const channel = String(args.channel).replace(/^U/, 'DU');
        const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : undefined;
        if (threadTs && !this.messages.some((m) => m.channel === channel && m.ts === threadTs))
          return { ok: false, error: 'thread_not_found' };
        const ts = `${1700000000 + ++this.seq}.000100`;
        this.messages.push({
          channel,
          ts,
          ...(threadTs ? { threadTs } : {}),
          versions: [{ text: String(args.text ?? ''), blocks: (args.blocks as unknown[]) ?? [] }],
        });
        return { ok: true, channel, ts };
      }
      case 'chat.update': {
        const m = this.messages.find((x) => x.channel === args.channel && x.ts === args.ts);
        if (!m) return { ok: false, error: 'message_not_found' };
        m.versions.push({ text: String(args.text ?? ''), blocks: (args.blocks as unknown[]) ?? [] });
        return { ok: true, channel: m.channel, ts: m.ts };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: `V${++this.seq}`, ...(args.view as object) } };
      case 'oauth.v2.access':
        return this.oauthAccess ?? { ok: false, error: 'invalid_code' };
      case 'apps.connections.open':
        return token?.startsWith('xapp-') && this.socketUrl
          ? { ok: true, url: this.socketUrl() }
          : { ok: false, error: 'invalid_auth' };
      case 'files.getUploadURLExternal': {
        const length = Number(args.length);
        if (!args.filename || !Number.isInteger(length) || length < 1)
          return { ok: false, error: 'invalid_arguments' };
        const id = `F${++this.seq}`;
        this.files.set(id, {
          id,
          filename: String(args.filename),
          length,
          bytes: Buffer.alloc(0),
          contentType: undefined,
          channel: null,
          title: null,
          initialComment: null,
        });
        return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const list = args.files as { id: string; title?: string }[] | undefined;
        if (!Array.isArray(list) || list.length === 0 || !args.channel_id)
          return { ok: false, error: 'invalid_arguments' };
        for (const x of list) {
          const f = this.files.get(x.id);
          // Slack refuses a file whose bytes did not all arrive
          if (!f || f.bytes.length !== f.length) return { ok: false, error: 'file_not_found' };
        }
        for (const x of list) {
          const f = this.files.get(x.id)!;
          f.channel = String(args.channel_id);
          f.title = x.title ?? null;
          f.initialComment = typeof args.initial_comment === 'string' ? args.initial_comment : null;
        }
        return { ok: true, files: list.map((x) => ({ id: x.id, title: x.title })) };
      }
      case 'auth.test':
        return { ok: true, team_id: team ?? 'T1', user_id: 'UBOT', bot_id: 'BBOT' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
