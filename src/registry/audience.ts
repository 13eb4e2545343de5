// The delivery engine's audience over the conversation registry: the same rules as the engine's own
// audienceTargets (never removed, inactive or unsubscribed; teams in their announcement channel).
import { audienceTargets, announcementTarget, type AudienceFilter, type AudienceSource } from '../delivery/index.js';
import type { StoredConversation } from './types.js';
import type { ConversationRegistry } from './service.js';

export class RegistryAudience implements AudienceSource {
  constructor(private readonly registry: ConversationRegistry) {}

  async list(filter: AudienceFilter): Promise<StoredConversation[]> {
    return audienceTargets(await this.registry.list(), filter);
  }

  /** Rare (403 MessageWritesBlocked / 404), so a scan to find the registry entry behind the target is fine. */
  async markInactive(conversationId: string, reason: string): Promise<void> {
    for (const entry of await this.registry.list()) {
      if (entry.conversationId === conversationId || announcementTarget(entry).conversationId === conversationId) {
        await this.registry.markInactive(entry, reason);
      }
    }
  }
}
