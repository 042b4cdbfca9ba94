import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from '../../src/config.ts';

/**
 * botbuilder's authentication settings. Giving the OpenID metadata URL switches botbuilder to its
 * parameterized mode, where every endpoint must be named or every token is refused; so all of
 * them are given here, with Microsoft's public-cloud values.
 */
export const authOptions = (config: Config): ConfigurationBotFrameworkAuthenticationOptions => {
  const tenant = config.TEAMS_APP_TENANT_ID;
  return {
    MicrosoftAppId: config.TEAMS_APP_ID,
    MicrosoftAppPassword: config.TEAMS_APP_PASSWORD ?? '',
    MicrosoftAppType: tenant ? 'SingleTenant' : 'MultiTenant',
    MicrosoftAppTenantId: tenant,
    ToBotFromChannelOpenIdMetadataUrl: config.BOTFRAMEWORK_OPENID_METADATA,
    ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
    ToBotFromEmulatorOpenIdMetadataUrl:
      'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
    ToChannelFromBotLoginUrl: `https://login.microsoftonline.com/${tenant ?? 'botframework.com'}`,
    ToChannelFromBotOAuthScope: 'https://api.botframework.com',
    OAuthUrl: 'https://api.botframework.com',
    CallerId: 'urn:botframework:azure',
    ValidateAuthority: true,
  };
};
