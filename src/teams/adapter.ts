// The Bot Framework adapter. Without MicrosoftAppId it runs in local mode: no token checks in or out.
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { AppConfig } from '../config/config.js';

export type BotAdapter = TeamsAdapter;

export function createAdapter(config: Pick<AppConfig, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppTenantId' | 'MicrosoftAppType'>): TeamsAdapter {
  if (!config.MicrosoftAppId) return new TeamsAdapter({});
  return new TeamsAdapter({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
    MicrosoftAppType: config.MicrosoftAppType,
  });
}
