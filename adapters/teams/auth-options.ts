import type { ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import { CLOUDS } from './clouds.ts';
import type { TeamsSettings } from './settings.ts';

type AuthConfig = TeamsSettings;

/**
 * botbuilder's authentication settings for the configured cloud (BOTFRAMEWORK_CLOUD), each
 * endpoint overridable. Naming the OpenID metadata URL switches botbuilder to its parameterized
 * mode, where every endpoint must be named or every token is refused; so all of them are given.
 */
export const authOptions = (config: AuthConfig): ConfigurationBotFrameworkAuthenticationOptions => {
  const tenant = config.TEAMS_APP_TENANT_ID;
  const cloud = CLOUDS[config.BOTFRAMEWORK_CLOUD];
  return {
    MicrosoftAppId: config.TEAMS_APP_ID,
    MicrosoftAppPassword: config.TEAMS_APP_PASSWORD ?? '',
    MicrosoftAppType: tenant ? 'SingleTenant' : 'MultiTenant',
    MicrosoftAppTenantId: tenant,
    ChannelService: config.BOTFRAMEWORK_CHANNEL_SERVICE ?? cloud.channelService,
    ToBotFromChannelOpenIdMetadataUrl: config.BOTFRAMEWORK_OPENID_METADATA ?? cloud.openIdMetadata,
    ToBotFromChannelTokenIssuer: config.BOTFRAMEWORK_TOKEN_ISSUER ?? cloud.tokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: cloud.emulatorOpenIdMetadata,
    ToChannelFromBotLoginUrl:
      config.BOTFRAMEWORK_LOGIN_URL ?? `${cloud.loginUrlPrefix}${tenant ?? cloud.defaultTenant}`,
    ToChannelFromBotOAuthScope: config.BOTFRAMEWORK_OAUTH_SCOPE ?? cloud.oauthScope,
    OAuthUrl: config.BOTFRAMEWORK_OAUTH_URL ?? cloud.oauthUrl,
    CallerId: cloud.callerId,
    ValidateAuthority: true,
  };
};
