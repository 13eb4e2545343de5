// The Bot Framework adapter. Without MicrosoftAppId it runs in local mode: no token checks in or out.
import { TeamsAdapter } from '@microsoft/teams-ai';
import { CallerIdConstants } from 'botbuilder';
import type { AppConfig } from '../config/config.js';

export type BotAdapter = TeamsAdapter;

/** For tests only; never read from the environment or the configuration file. */
export interface AdapterTestOptions {
  /**
   * Where the OpenID metadata for tokens from the Bot Framework channel is read, instead of
   * login.botframework.com: lets a test serve its own signing keys and sign valid tokens offline.
   */
  channelOpenIdMetadataUrl?: string;
}

export function createAdapter(
  config: Pick<AppConfig, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppTenantId' | 'MicrosoftAppType'>,
  testOptions: AdapterTestOptions = {},
): TeamsAdapter {
  if (!config.MicrosoftAppId) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
    // Setting any one endpoint makes botbuilder take every endpoint from these options (an unset issuer would
    // then accept no channel token at all), so the rest are the public cloud's, the values botbuilder uses by
    // default (AuthenticationConstants of botframework-connector, which is not a dependency of ours).
    ...(testOptions.channelOpenIdMetadataUrl
      ? {
          ToBotFromChannelOpenIdMetadataUrl: testOptions.channelOpenIdMetadataUrl,
          ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
          ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
          ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
          ToChannelFromBotOAuthScope: 'https://api.botframework.com',
          OAuthUrl: 'https://api.botframework.com',
          CallerId: CallerIdConstants.PublicAzureChannel,
        }
      : {}),
  });
}
