import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { z } from 'zod';

type Credentials = Awaited<ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']>>;
type Signable = Parameters<Credentials['signRequest']>[0];

const tokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

/**
 * How the bot gets its own token for the connector. At Microsoft's clouds, botbuilder's own way
 * (MSAL). At a login endpoint named by BOTFRAMEWORK_LOGIN_URL (a private cloud, or a stand-in on
 * loopback), an OAuth 2.0 client-credentials request straight to `<login URL>/oauth2/v2.0/token`:
 * MSAL would first ask Microsoft to vouch for an authority it does not know, and refuse it.
 * Tokens are kept until five minutes before they expire.
 */
export class BotCredentialsFactory extends ConfigurationServiceClientCredentialFactory {
  private readonly tokens = new Map<string, Promise<{ token: string; until: number }>>();

  constructor(
    private readonly app: { id: string; password: string; tenantId?: string },
    /** set: the login endpoint is asked directly */
    private readonly loginUrl: string | undefined,
  ) {
    super({
      MicrosoftAppId: app.id,
      MicrosoftAppPassword: app.password,
      MicrosoftAppType: app.tenantId ? 'SingleTenant' : 'MultiTenant',
      MicrosoftAppTenantId: app.tenantId,
    });
  }

  override async createCredentials(
    appId: string,
    audience: string,
    loginEndpoint: string,
    validateAuthority: boolean,
  ): Promise<Credentials> {
    if (!this.loginUrl || appId !== this.app.id)
      return super.createCredentials(appId, audience, loginEndpoint, validateAuthority);
    const token = () => this.token(audience);
    return {
      async signRequest(request: Signable) {
        request.headers.set('Authorization', `Bearer ${await token()}`);
        return request;
      },
    } as Credentials;
  }

  private async token(audience: string): Promise<string> {
    const cached = await this.tokens.get(audience)?.catch(() => null);
    if (cached && cached.until > Date.now()) return cached.token;
    const fresh = this.fetchToken(audience);
    this.tokens.set(audience, fresh);
    return (await fresh).token;
  }

  private async fetchToken(audience: string) {
    const url = `${this.loginUrl!.replace(/\/$/, '')}/oauth2/v2.0/token`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.app.id,
        client_secret: this.app.password,
        scope: `${audience.replace(/\/$/, '')}/.default`,
      }),
    });
    if (!res.ok) throw new Error(`the bot's token request to ${url} answered ${res.status}`);
    const answer = tokenAnswer.parse(await res.json());
    return { token: answer.access_token, until: Date.now() + (answer.expires_in - 300) * 1000 };
  }
}
