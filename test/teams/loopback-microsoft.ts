import { createPrivateKey, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Member, type Posted, signJwt } from './fake-microsoft.ts';

/** One token request the bot made at the login endpoint. */
export interface TokenRequest {
  tenant: string;
  form: Record<string, string>;
}

/**
 * Microsoft's side of Teams as a real HTTP server on loopback, for the bot's endpoints pointed at
 * it (BOTFRAMEWORK_LOGIN_URL, _OPENID_METADATA, _TOKEN_ISSUER, and the activities' serviceUrl):
 * the Bot Framework OpenID metadata and signing keys (a key generated here), the login endpoint
 * that issues the bot its own token (client credentials), and the connector: the roster (a
 * member's email, only with the issued bot token) and the messages the bot posts and updates.
 * The same surface as FakeMicrosoft, so the Teams harness drives either.
 */
export class LoopbackMicrosoft {
  readonly kid = `loopback-${randomUUID()}`;
  readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  /** a key Microsoft never published */
  readonly strangerKey = createPrivateKey(
    generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
  );
  readonly roster = new Map<string, Member>();
  readonly posted: Posted[] = [];
  /** answers the next N proactive posts with 429 and this Retry-After (seconds) */
  throttle = { times: 0, retryAfter: 7 };
  /** conversations whose user blocked the bot: posts answer 403 */
  readonly blocked = new Set<string>();
  readonly tokenRequests: TokenRequest[] = [];
  /** the bot tokens this login endpoint issued; the connector accepts only these */
  readonly issued = new Set<string>();
  /** connector calls refused for a missing or unknown bot token */
  refused = 0;
  /** the roster look-ups the bot made (member ids) */
  readonly memberLookups: string[] = [];
  private server!: Server;
  base = '';

  constructor(readonly appId: string) {}

  async start() {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((e) => this.json(res, 500, { error: String(e) }));
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  get openIdUrl() {
    return `${this.base}/botframework/v1/.well-known/openidconfiguration`;
  }
  get issuer() {
    return `${this.base}/botframework`;
  }
  get loginUrl() {
    return `${this.base}/login/botframework.com`;
  }
  get serviceUrl() {
    return `${this.base}/connector/emea/`;
  }
  /** the bot's settings that point it here */
  get env() {
    return {
      BOTFRAMEWORK_OPENID_METADATA: this.openIdUrl,
      BOTFRAMEWORK_TOKEN_ISSUER: this.issuer,
      BOTFRAMEWORK_LOGIN_URL: this.loginUrl,
      BOTFRAMEWORK_OAUTH_SCOPE: this.issuer,
    };
  }

  /** A Bot Framework channel token, as Teams sends it (override any claim, or the key). */
  token(claims: Record<string, unknown> = {}, key: KeyObject = this.key.privateKey, kid = this.kid) {
    const now = Math.floor(Date.now() / 1000);
    return signJwt(key, kid, {
      iss: this.issuer,
      aud: this.appId,
      serviceurl: this.serviceUrl,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
      ...claims,
    });
  }

  postedTo(conversationId: string) {
    return this.posted.filter((p) => p.conversationId === conversationId);
  }

  close() {
    this.server.closeAllConnections();
    return new Promise<void>((r) => this.server.close(() => r()));
  }

  private json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const path = new URL(req.url ?? '/', this.base).pathname;
    const method = req.method ?? 'GET';

    if (method === 'GET' && path === '/botframework/v1/.well-known/openidconfiguration')
      return this.json(res, 200, {
        issuer: this.issuer,
        authorization_endpoint: `${this.base}/botframework/authorize`,
        jwks_uri: `${this.base}/botframework/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    if (method === 'GET' && path === '/botframework/v1/.well-known/keys')
      return this.json(res, 200, {
        keys: [
          {
            ...this.key.publicKey.export({ format: 'jwk' }),
            kid: this.kid,
            use: 'sig',
            endorsements: ['msteams'],
          },
        ],
      });

    const login = /^\/login\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(path);
    if (method === 'POST' && login) {
      const form = Object.fromEntries(new URLSearchParams(raw));
      this.tokenRequests.push({ tenant: login[1]!, form });
      if (form.grant_type !== 'client_credentials' || form.client_id !== this.appId || !form.client_secret)
        return this.json(res, 401, { error: 'invalid_client' });
      const token = `bot-token-${randomUUID()}`;
      this.issued.add(token);
      return this.json(res, 200, { token_type: 'Bearer', expires_in: 3600, access_token: token });
    }

    const connector =
      /^\/connector\/emea\/v3\/conversations\/([^/]+)\/(members|activities)(?:\/([^/]+))?$/.exec(path);
    if (!connector) return this.json(res, 404, { error: { code: 'NotFound', message: path } });
    const bearer = req.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!this.issued.has(bearer)) {
      this.refused++;
      return this.json(res, 401, { error: { code: 'Unauthorized', message: 'no valid bot token' } });
    }
    const conversationId = decodeURIComponent(connector[1]!);
    const id = connector[3] ? decodeURIComponent(connector[3]) : undefined;
    if (connector[2] === 'members' && method === 'GET' && id) {
      this.memberLookups.push(id);
      const m = this.roster.get(id);
      if (!m)
        return this.json(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } });
      return this.json(res, 200, {
        id: m.id,
        aadObjectId: m.aadObjectId,
        email: m.email,
        userPrincipalName: m.email,
        name: m.name,
        tenantId: m.tenantId,
      });
    }
    const body = raw ? JSON.parse(raw) : {};
    if (connector[2] === 'activities' && method === 'POST') {
      if (this.throttle.times > 0) {
        this.throttle.times--;
        return this.json(
          res,
          429,
          { error: { code: 'Throttled' } },
          { 'Retry-After': String(this.throttle.retryAfter) },
        );
      }
      if (this.blocked.has(conversationId))
        return this.json(res, 403, {
          error: {
            code: 'ConversationBlockedByUser',
            message: 'User blocked the conversation with the bot.',
          },
        });
      const newId = `msg-${this.posted.length + 1}`;
      this.posted.push({ conversationId, id: newId, activity: body, updates: 0 });
      return this.json(res, 201, { id: newId });
    }
    if (connector[2] === 'activities' && method === 'PUT' && id) {
      const p = this.posted.find((x) => x.id === id);
      if (!p) return this.json(res, 404, { error: { code: 'NotFound' } });
      p.activity = body;
      p.updates++;
      return this.json(res, 200, { id });
    }
    return this.json(res, 405, { error: { code: 'MethodNotAllowed' } });
  }
}
