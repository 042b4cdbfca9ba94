import { createPrivateKey, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import nock from 'nock';

/**
 * Microsoft's side of Teams, as nock serves it: the Bot Framework OpenID metadata and signing
 * keys (a key this file generates), the login endpoint the bot gets its own token from, and the
 * connector at `serviceUrl` (the roster, and every message the bot posts or updates, recorded).
 */
export const OPENID_URL = 'https://login.botframework.test/v1/.well-known/openidconfiguration';
export const SERVICE_URL = 'https://smba.teams.test/emea/';
const JWKS_URL = 'https://login.botframework.test/v1/.well-known/keys';

export interface Member {
  id: string;
  aadObjectId: string;
  email: string;
  name: string;
  tenantId: string;
}

export interface Posted {
  conversationId: string;
  id: string;
  // biome-ignore lint/suspicious/noExplicitAny: the bot's activities are read loosely
  activity: any;
  updates: number;
  /** the activity it was posted as a reply to (POST …/activities/<id>), if any */
  inReplyTo?: string;
}

const b64url = (b: Buffer | string) => Buffer.from(b).toString('base64url');

export const signJwt = (key: KeyObject, kid: string, claims: Record<string, unknown>) => {
  const head = b64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }));
  const body = b64url(JSON.stringify(claims));
  const sig = sign('sha256', Buffer.from(`${head}.${body}`), key);
  return `${head}.${body}.${b64url(sig)}`;
};

export class FakeMicrosoft {
  readonly kid = `test-${randomUUID()}`;
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
  /** activities deleted in Teams: a reply to one answers 404 */
  readonly deleted = new Set<string>();
  tokenRequests = 0;
  /**
   * Teams' published limits, enforced when on: per conversation 7 posts in 1 s, 8 in 2 s, 60 in
   * 30 s, 1,800 in an hour; 50 a second across the tenant (the fake serves one). A post beyond
   * them is answered 429 with Retry-After and counted in `beyondLimits`.
   */
  enforceLimits = false;
  beyondLimits = 0;
  private postTimes = new Map<string, number[]>();
  private allPosts: number[] = [];

  constructor(readonly appId: string) {
    nock.disableNetConnect();
    nock.enableNetConnect(/127\.0\.0\.1|localhost/);
    const jwk = {
      ...this.key.publicKey.export({ format: 'jwk' }),
      kid: this.kid,
      use: 'sig',
      endorsements: ['msteams'],
    };
    nock('https://login.botframework.test')
      .persist()
      .get('/v1/.well-known/openidconfiguration')
      .reply(200, {
        issuer: 'https://api.botframework.com',
        authorization_endpoint: 'https://invalid.botframework.com',
        jwks_uri: JWKS_URL,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      })
      .get('/v1/.well-known/keys')
      .reply(200, { keys: [jwk] });
    this.login();
    this.connector();
  }

  /** A Bot Framework channel token, as Teams sends it (override any claim, or the key). */
  token(claims: Record<string, unknown> = {}, key: KeyObject = this.key.privateKey, kid = this.kid) {
    const now = Math.floor(Date.now() / 1000);
    return signJwt(key, kid, {
      iss: 'https://api.botframework.com',
      aud: this.appId,
      serviceurl: SERVICE_URL,
      nbf: now - 60,
      iat: now - 60,
      exp: now + 3600,
      ...claims,
    });
  }

  /** The bot's own token for calling the connector (client credentials at Azure AD). */
  private login() {
    const tenantMeta = (tenant: string) => ({
      token_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`,
      issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
      authorization_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/authorize`,
      end_session_endpoint: `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/logout`,
      jwks_uri: `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
    });
    nock('https://login.microsoftonline.com')
      .persist()
      .get(/\/common\/discovery\/instance/)
      .reply(200, {
        tenant_discovery_endpoint:
          'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: 'login.microsoftonline.com',
            preferred_cache: 'login.windows.net',
            aliases: [
              'login.microsoftonline.com',
              'login.windows.net',
              'login.microsoft.com',
              'sts.windows.net',
            ],
          },
        ],
      })
      .get(/\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration/)
      .reply((uri) => [200, tenantMeta(uri.split('/')[1]!)])
      .post(/\/oauth2\/v2\.0\/token/)
      .reply(() => {
        this.tokenRequests++;
        return [
          200,
          { token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: 'bot-token' },
        ];
      });
  }

  private connector() {
    const base = new URL(SERVICE_URL);
    const prefix = base.pathname.replace(/\/$/, '');
    nock(base.origin)
      .persist()
      .get(new RegExp(`^${prefix}/v3/conversations/[^/]+/members/[^/]+$`))
      .reply((uri) => {
        const id = decodeURIComponent(uri.split('/').at(-1)!);
        const m = this.roster.get(id);
        if (!m) return [404, { error: { code: 'MemberNotFoundInConversation', message: 'not found' } }];
        return [
          200,
          {
            id: m.id,
            aadObjectId: m.aadObjectId,
            email: m.email,
            userPrincipalName: m.email,
            name: m.name,
            tenantId: m.tenantId,
          },
        ];
      })
      .post(new RegExp(`^${prefix}/v3/conversations/[^/]+/activities(/[^/]+)?$`))
      .reply((uri, body) => {
        if (this.throttle.times > 0) {
          this.throttle.times--;
          return [429, { error: { code: 'Throttled' } }, { 'Retry-After': String(this.throttle.retryAfter) }];
        }
        const conversationId = decodeURIComponent(uri.split('/')[prefix.split('/').length + 2]!);
        if (this.enforceLimits && this.overLimit(conversationId)) {
          this.beyondLimits++;
          return [429, { error: { code: 'Throttled' } }, { 'Retry-After': '1' }];
        }
        if (this.blocked.has(conversationId))
          return [
            403,
            {
              error: {
                code: 'ConversationBlockedByUser',
                message: 'User blocked the conversation with the bot.',
              },
            },
          ];
        const parts = uri.split('?')[0]!.split('/');
        const inReplyTo = parts.at(-1) === 'activities' ? undefined : decodeURIComponent(parts.at(-1)!);
        if (inReplyTo && this.deleted.has(inReplyTo))
          return [404, { error: { code: 'NotFound', message: 'activity not found' } }];
        const id = `msg-${this.posted.length + 1}`;
        this.posted.push({
          conversationId,
          id,
          activity: body,
          updates: 0,
          ...(inReplyTo ? { inReplyTo } : {}),
        });
        return [201, { id }];
      })
      .put(new RegExp(`^${prefix}/v3/conversations/[^/]+/activities/[^/]+$`))
      .reply((uri, body) => {
        const id = decodeURIComponent(uri.split('/').at(-1)!);
        const p = this.posted.find((x) => x.id === id);
        if (!p) return [404, { error: { code: 'NotFound' } }];
        p.activity = body;
        p.updates++;
        return [200, { id }];
      });
  }

  private overLimit(conversationId: string): boolean {
    const now = Date.now();
    const mine = (this.postTimes.get(conversationId) ?? []).filter((t) => now - t < 3_600_000);
    const within = (ms: number) => mine.filter((t) => now - t < ms).length;
    this.allPosts = this.allPosts.filter((t) => now - t < 1000);
    if (within(1000) >= 7 || within(2000) >= 8 || within(30_000) >= 60 || mine.length >= 1800) return true;
    if (this.allPosts.length >= 50) return true;
    mine.push(now);
    this.postTimes.set(conversationId, mine);
    this.allPosts.push(now);
    return false;
  }

  /** What the bot posted into a conversation, oldest first. */
  postedTo(conversationId: string) {
    return this.posted.filter((p) => p.conversationId === conversationId);
  }

  close() {
    nock.cleanAll();
    nock.enableNetConnect();
  }
}
