// Audience rules, as pure functions over registry records, plus an in-memory AudienceSource for tests and
// benchmarks. The lead's registry-backed AudienceSource should apply the same `audienceTargets`.
import type { StoredConversation } from '../registry/types.js';
import type { AudienceFilter, AudienceSource, AudienceTarget } from './types.js';

/**
 * The conversation a registry record is announced in: personal and group chats as they are; a team in its
 * announcement channel ("hier ankündigen") if one was chosen, else the channel it was installed in. A team's
 * announcement channel carries the install channel as its `fallback`, for when the channel is gone.
 */
export function announcementTarget(conversation: StoredConversation): AudienceTarget {
  const channel = conversation.announcementChannelId;
  if (conversation.kind !== 'channel' || !channel || channel === conversation.conversationId) return conversation;
  const reference = conversation.reference as { conversation?: Record<string, unknown> };
  return {
    ...conversation,
    fallback: conversation,
    conversationId: channel,
    channelId: channel,
    reference: { ...conversation.reference, conversation: { ...(reference.conversation ?? {}), id: channel } },
  };
}

/** Who may receive a delivery: never removed or inactive conversations, never unsubscribed personal chats, only the program's. */
export function isEligible(conversation: StoredConversation, filter: AudienceFilter): boolean {
  if (conversation.removed || conversation.inactive) return false;
  if (conversation.kind === 'personal' && conversation.unsubscribed) return false;
  if (filter.kinds && !filter.kinds.includes(conversation.kind)) return false;
  if (filter.tenantId && conversation.tenantId !== filter.tenantId) return false;
  // Entries without a program list (stored before programs were chosen) are not excluded here; the
  // registry assigns them at start, and the registry audience reads a program's followers only.
  if (filter.programId && conversation.programIds && !conversation.programIds.includes(filter.programId)) return false;
  return true;
}

export function audienceTargets(conversations: Iterable<StoredConversation>, filter: AudienceFilter): AudienceTarget[] {
  const wanted = filter.conversationIds ? new Set(filter.conversationIds) : undefined;
  const out = new Map<string, AudienceTarget>();
  for (const c of conversations) {
    if (!isEligible(c, filter)) continue;
    const target = announcementTarget(c);
    if (wanted && !wanted.has(target.conversationId)) continue;
    out.set(target.conversationId, target);
  }
  return [...out.values()];
}

/** An AudienceSource over an in-memory list of registry records. */
export class MemoryAudience implements AudienceSource {
  readonly conversations = new Map<string, StoredConversation>();
  readonly inactivated: { conversationId: string; reason: string }[] = [];

  constructor(conversations: StoredConversation[] = []) {
    for (const c of conversations) this.conversations.set(c.conversationId, c);
  }

  async list(filter: AudienceFilter): Promise<AudienceTarget[]> {
    return audienceTargets(this.conversations.values(), filter);
  }

  async markInactive(conversationId: string, reason: string): Promise<void> {
    this.inactivated.push({ conversationId, reason });
    for (const c of this.conversations.values()) {
      if (c.conversationId === conversationId || announcementTarget(c).conversationId === conversationId) {
        this.conversations.set(c.conversationId, { ...c, inactive: true, inactiveReason: reason });
      }
    }
  }
}
