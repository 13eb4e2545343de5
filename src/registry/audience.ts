// The delivery engine's audience over the conversation registry: the same rules as the engine's own
// audienceTargets (never removed, inactive or unsubscribed; teams in their announcement channel). A meeting's
// own chat is never part of a general audience: the bot is there because of one meeting, so it gets only what
// is addressed to it by id (its session's poll), never every reminder and announcement.
import { audienceTargets, announcementTarget, type AudienceFilter, type AudienceSource } from '../delivery/index.js';
import { isMeetingChat, type StoredConversation } from './types.js';
import type { ConversationRegistry } from './service.js';

export class RegistryAudience implements AudienceSource {
  constructor(private readonly registry: ConversationRegistry) {}

  async list(filter: AudienceFilter): Promise<StoredConversation[]> {
    // A program's audience is read from its followers index: its conversations only, never a scan of all.
    // Addressed jobs of a program (attendee polls, catch-ups) are narrowed the same way.
    const candidates = filter.programId ? await this.registry.followers(filter.programId) : await this.registry.list();
    return audienceTargets(filter.conversationIds ? candidates : candidates.filter((c) => !isMeetingChat(c)), filter);
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
