import { describe, expect, it } from 'vitest';
import { authOptions } from '../../adapters/teams/auth-options.ts';
import { loadConfig } from '../../src/config.ts';

const APP = { TEAMS_APP_ID: 'app-id', TEAMS_APP_PASSWORD: 'secret' };
const options = (env: Record<string, string> = {}) => authOptions(loadConfig({ ...APP, ...env }));

describe('Bot Framework endpoints per Microsoft cloud', () => {
  it('public (the default): Microsoft’s public-cloud endpoints', () => {
    expect(options()).toEqual({
      MicrosoftAppId: 'app-id',
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppTenantId: undefined,
      ChannelService: '',
      ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToBotFromEmulatorOpenIdMetadataUrl:
        'https://login.microsoftonline.com/botframework.com/v2.0/.well-known/openid-configuration',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      OAuthUrl: 'https://api.botframework.com',
      CallerId: 'urn:botframework:azure',
      ValidateAuthority: true,
    });
  });

  it('a single-tenant bot gets its token from its own tenant', () => {
    const o = options({ TEAMS_APP_TENANT_ID: 'tenant-1' });
    expect(o.MicrosoftAppType).toBe('SingleTenant');
    expect(o.ToChannelFromBotLoginUrl).toBe('https://login.microsoftonline.com/tenant-1');
    expect(options({ TEAMS_APP_TENANT_ID: 't', BOTFRAMEWORK_CLOUD: 'usgov' }).ToChannelFromBotLoginUrl).toBe(
      'https://login.microsoftonline.us/t',
    );
  });

  it('usgov (GCC High): the Azure Government channel service and its issuer, metadata and login', () => {
    expect(options({ BOTFRAMEWORK_CLOUD: 'usgov' })).toMatchObject({
      ChannelService: 'https://botframework.azure.us',
      ToBotFromChannelOpenIdMetadataUrl:
        'https://login.botframework.azure.us/v1/.well-known/openidconfiguration',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.us',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.us/MicrosoftServices.onmicrosoft.us',
      ToChannelFromBotOAuthScope: 'https://api.botframework.us',
      OAuthUrl: 'https://tokengcch.botframework.azure.us',
      CallerId: 'urn:botframework:azureusgov',
    });
  });

  it('usgov-dod: the same as GCC High but the DoD token service', () => {
    const dod = options({ BOTFRAMEWORK_CLOUD: 'usgov-dod' });
    expect(dod.OAuthUrl).toBe('https://apiDoD.botframework.azure.us');
    expect({ ...dod, OAuthUrl: '' }).toEqual({ ...options({ BOTFRAMEWORK_CLOUD: 'usgov' }), OAuthUrl: '' });
  });

  it('china: Azure operated by 21Vianet', () => {
    expect(options({ BOTFRAMEWORK_CLOUD: 'china' })).toMatchObject({
      ChannelService: 'https://botframework.azure.cn',
      ToBotFromChannelOpenIdMetadataUrl:
        'https://login.botframework.azure.cn/v1/.well-known/openidconfiguration',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.azure.cn',
      ToChannelFromBotLoginUrl:
        'https://login.partner.microsoftonline.cn/microsoftservices.partner.onmschina.cn',
      ToChannelFromBotOAuthScope: 'https://api.botframework.azure.cn',
      OAuthUrl: 'https://token.botframework.azure.cn',
    });
  });

  it('each endpoint has its own override, which wins over the cloud', () => {
    expect(
      options({
        BOTFRAMEWORK_CLOUD: 'usgov',
        BOTFRAMEWORK_OPENID_METADATA: 'https://meta.example/openid',
        BOTFRAMEWORK_TOKEN_ISSUER: 'https://issuer.example',
        BOTFRAMEWORK_LOGIN_URL: 'https://login.example/tenant-x',
        BOTFRAMEWORK_OAUTH_SCOPE: 'https://scope.example',
        BOTFRAMEWORK_OAUTH_URL: 'https://token.example',
        BOTFRAMEWORK_CHANNEL_SERVICE: 'https://channel.example',
      }),
    ).toMatchObject({
      ToBotFromChannelOpenIdMetadataUrl: 'https://meta.example/openid',
      ToBotFromChannelTokenIssuer: 'https://issuer.example',
      ToChannelFromBotLoginUrl: 'https://login.example/tenant-x',
      ToChannelFromBotOAuthScope: 'https://scope.example',
      OAuthUrl: 'https://token.example',
      ChannelService: 'https://channel.example',
      CallerId: 'urn:botframework:azureusgov',
    });
  });
});
