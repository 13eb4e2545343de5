// Runs inside the bot processes of the message benchmarks (the service's entry ./service-main.ts and
// bench/echo-bot.ts call it before their adapter exists), so that the Bot Framework authentication works
// without the internet, with everything else as in production:
// - incoming tokens are checked against the keys of the local OpenID stand-in (BENCH_OPENID_METADATA_URL)
//   instead of login.botframework.com: botbuilder's public-cloud settings, read when an adapter is made,
//   with this one URL changed;
// - replies carry BENCH_CONNECTOR_TOKEN: it is put where MSAL's token lands after a fetch, the process-wide
//   token cache of botframework-connector that every outgoing call reads (see ./channel-auth.ts for why).
// botframework-connector is loaded through botbuilder, so it is the very module instance the adapter uses.
import { createRequire } from 'node:module';

interface BotframeworkConnector {
  AuthenticationConstants: { ToBotFromChannelOpenIdMetadataUrl: string; ToChannelFromBotOAuthScope: string };
  AppCredentials: { cache: Map<string, { accessToken: string; expiresOn: Date }> };
}

export function useLocalChannel(env: NodeJS.ProcessEnv = process.env): void {
  const { MicrosoftAppId: appId, BENCH_OPENID_METADATA_URL: metadataUrl, BENCH_CONNECTOR_TOKEN: token } = env;
  if (!appId || !metadataUrl || !token) throw new Error('MicrosoftAppId, BENCH_OPENID_METADATA_URL and BENCH_CONNECTOR_TOKEN must be set');
  const botbuilder = createRequire(import.meta.url).resolve('botbuilder');
  const connector = createRequire(botbuilder)('botframework-connector') as BotframeworkConnector;
  connector.AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl = metadataUrl;
  // The key botframework-connector's AppCredentials files a token under: app id and OAuth scope.
  const scope = connector.AuthenticationConstants.ToChannelFromBotOAuthScope;
  connector.AppCredentials.cache.set(`${appId}${scope}-cache`, { accessToken: token, expiresOn: new Date(Date.now() + 24 * 3600_000) });
}
