/**
 * Microsoft's Bot Framework endpoints per cloud, as Microsoft publishes them (botbuilder's
 * AuthenticationConstants and GovernmentConstants; "Configure Bot Framework bots for US Government
 * customers" for GCC High and DoD; "Deploy bots to Azure operated by 21Vianet" for China).
 * BOTFRAMEWORK_CLOUD picks one; each value can be overridden by its own variable.
 */
export interface BotFrameworkCloud {
  /** where the bot gets its own token: the prefix, then its tenant (or the cloud's default tenant) */
  loginUrlPrefix: string;
  defaultTenant: string;
  /** the audience of the bot's own token */
  oauthScope: string;
  /** the issuer of the channel's tokens to the bot */
  tokenIssuer: string;
  /** OpenID metadata (and through it the signing keys) of the channel's tokens */
  openIdMetadata: string;
  emulatorOpenIdMetadata: string;
  /** the Bot Framework token service (user sign-in) */
  oauthUrl: string;
  /** empty for the public cloud */
  channelService: string;
  callerId: string;
}

/** The clouds we know the endpoints of (config.ts validates BOTFRAMEWORK_CLOUD against the same names). */
export type CloudName = 'public' | 'usgov' | 'usgov-dod' | 'china';

const usgov: BotFrameworkCloud = {
  loginUrlPrefix: 'https://login.microsoftonline.us/',
  defaultTenant: 'MicrosoftServices.onmicrosoft.us',
  oauthScope: 'https://api.botframework.us',
  tokenIssuer: 'https://api.botframework.us',
  openIdMetadata: 'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
  emulatorOpenIdMetadata:
    'https://login.microsoftonline.us/cab8a31a-1906-4287-a0d8-4eef66b95f6e/v2.0/.well-known/openid-configuration',
  oauthUrl: 'https://tokengcch.botframework.azure.us',
  channelService: 'https://botframework.azure.us',
  callerId: 'urn:botframework:azureusgov',
};

export const CLOUDS: Record<CloudName, BotFrameworkCloud> = {
  public: {
    loginUrlPrefix: 'https://login.microsoftonline.com/',
    defaultTenant: 'botframework.com',
    oauthScope: 'https://api.botframework.com',
    tokenIssuer: 'https://api.botframework.com',
    openIdMetadata: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
    emulatorOpenIdMetadata:
      'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
    oauthUrl: 'https://api.botframework.com',
    channelService: '',
    callerId: 'urn:botframework:azure',
  },
  /** Azure Government with Office 365 GCC High */
  usgov,
  /** Azure Government with Office 365 DoD: GCC High's endpoints but its own token service */
  'usgov-dod': { ...usgov, oauthUrl: 'https://apiDoD.botframework.azure.us' },
  /** Azure operated by 21Vianet */
  china: {
    loginUrlPrefix: 'https://login.partner.microsoftonline.cn/',
    defaultTenant: 'microsoftservices.partner.onmschina.cn',
    oauthScope: 'https://api.botframework.azure.cn',
    tokenIssuer: 'https://api.botframework.azure.cn',
    openIdMetadata: 'https://login.botframework.azure.cn/v1/.well-known/openidconfiguration',
    emulatorOpenIdMetadata:
      'https://login.partner.microsoftonline.cn/a55a4d5b-9241-49b1-b4ff-befa8db00269/v2.0/.well-known/openid-configuration',
    oauthUrl: 'https://token.botframework.azure.cn',
    channelService: 'https://botframework.azure.cn',
    callerId: 'urn:botframework:azurechina',
  },
};
