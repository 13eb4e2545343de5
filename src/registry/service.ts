// The conversation registry: where the bot may write proactively. Fed by install events and by every
// incoming activity (serviceUrl can change), read by the delivery engine's audience.
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { ConversationRepository } from './repository.js';
import { registryKey } from './repository.js';
import type { ConversationKind, StoredConversation } from './types.js';
import type { Locale } from '../i18n/locale.js';

/** What an incoming activity tells about its conversation (extracted by the Teams layer). */
export interface ConversationSighting {
  kind: ConversationKind;
  conversationId: string;
  tenantId: string;
  serviceUrl: string;
  reference: Record<string, unknown>;
  userAadObjectId?: string;
  userId?: string;
  /** Absent when the activity states no locale (some install events): the stored one is kept. */
  locale?: Locale;
  teamId?: string;
  channelId?: string;
}

export interface RegistryDeps {
  repository: ConversationRepository;
  clock: Clock;
  logger: Logger;
}

export class ConversationRegistry {
  /** serviceUrl and locale last written per registry key, so that a steady stream of messages costs no writes. */
  private readonly known = new Map<string, string>();

  constructor(private readonly deps: RegistryDeps) {}

  private cacheKey(kind: ConversationKind, conversationId: string, teamId?: string): string {
    const k = registryKey(kind, conversationId, teamId);
    return `${k.partitionKey}/${k.rowKey}`;
  }

  private fresh(s: ConversationSighting): StoredConversation {
    const now = this.deps.clock.now().toISOString();
    return {
      conversationId: s.conversationId,
      kind: s.kind,
      tenantId: s.tenantId,
      serviceUrl: s.serviceUrl,
      reference: s.reference,
      userAadObjectId: s.userAadObjectId,
      userId: s.userId,
      locale: s.locale ?? 'de',
      teamId: s.teamId,
      channelId: s.channelId,
      unsubscribed: false,
      removed: false,
      inactive: false,
      createdAt: now,
      updatedAt: now,
    };
  }

  /**
   * The app was installed (or the bot added) here. Returns true when this is a new (or re-)installation,
   * which is when the welcome message goes out: duplicate install events yield one welcome.
   */
  async install(s: ConversationSighting): Promise<boolean> {
    const { repository, logger } = this.deps;
    const created = await repository.create(this.fresh(s));
    if (created) {
      this.known.set(this.cacheKey(s.kind, s.conversationId, s.teamId), `${s.serviceUrl} ${s.locale ?? 'de'}`);
      logger.info({ event: 'registry.installed', kind: s.kind }, 'conversation registered');
      return true;
    }
    const existing = await repository.get(s.kind, s.conversationId, s.teamId);
    if (existing && (existing.removed || existing.inactive)) {
      await repository.put({
        ...existing,
        ...this.fresh(s),
        createdAt: existing.createdAt,
        unsubscribed: existing.unsubscribed,
        announcementChannelId: existing.announcementChannelId,
      });
      logger.info({ event: 'registry.reinstalled', kind: s.kind }, 'conversation registered again');
      return true;
    }
    await this.touch(s);
    return false;
  }

  async uninstall(kind: ConversationKind, conversationId: string, teamId?: string): Promise<void> {
    const existing = await this.deps.repository.get(kind, conversationId, teamId);
    if (!existing || existing.removed) return;
    await this.deps.repository.patch(kind, conversationId, teamId, { removed: true, updatedAt: this.deps.clock.now().toISOString() });
    this.known.delete(this.cacheKey(kind, conversationId, teamId));
    this.deps.logger.info({ event: 'registry.removed', kind }, 'conversation marked removed');
  }

  /**
   * Every incoming activity: keep serviceUrl and reference current; register conversations we have not seen
   * (a personal chat where the user writes first, a team whose install event we missed).
   */
  async touch(s: ConversationSighting): Promise<StoredConversation> {
    const key = this.cacheKey(s.kind, s.conversationId, s.teamId);
    const { repository } = this.deps;
    const existing = await repository.get(s.kind, s.conversationId, s.teamId);
    if (!existing) {
      const entry = this.fresh(s);
      if (!(await repository.create(entry))) return (await repository.get(s.kind, s.conversationId, s.teamId)) ?? entry;
      this.known.set(key, `${s.serviceUrl} ${entry.locale}`);
      return entry;
    }
    const localeChanged = s.locale !== undefined && existing.locale !== s.locale;
    if (existing.serviceUrl !== s.serviceUrl || localeChanged || existing.inactive) {
      const fields: Partial<StoredConversation> = {
        serviceUrl: s.serviceUrl,
        updatedAt: this.deps.clock.now().toISOString(),
      };
      if (s.locale !== undefined) fields.locale = s.locale;
      // A channel entry keeps the reference of the channel it was installed in.
      if (s.kind !== 'channel' || s.conversationId === existing.conversationId) fields.reference = s.reference;
      else fields.reference = { ...existing.reference, serviceUrl: s.serviceUrl };
      if (existing.inactive) Object.assign(fields, { inactive: false, inactiveReason: '' });
      await repository.patch(s.kind, existing.conversationId, existing.teamId, fields);
      Object.assign(existing, fields);
    }
    this.known.set(key, `${s.serviceUrl} ${existing.locale}`);
    return existing;
  }

  /** True when touch() would not write (fast path for the message path). */
  isCurrent(s: ConversationSighting): boolean {
    const known = this.known.get(this.cacheKey(s.kind, s.conversationId, s.teamId));
    if (!known) return false;
    const [serviceUrl, locale] = known.split(' ');
    return serviceUrl === s.serviceUrl && (s.locale === undefined || s.locale === locale);
  }

  get(kind: ConversationKind, conversationId: string, teamId?: string): Promise<StoredConversation | undefined> {
    return this.deps.repository.get(kind, conversationId, teamId);
  }

  async setSubscribed(s: ConversationSighting, subscribed: boolean): Promise<void> {
    const entry = await this.touch(s);
    if (entry.unsubscribed === !subscribed) return;
    await this.deps.repository.patch(entry.kind, entry.conversationId, entry.teamId, {
      unsubscribed: !subscribed,
      updatedAt: this.deps.clock.now().toISOString(),
    });
  }

  async setAnnouncementChannel(s: ConversationSighting): Promise<void> {
    if (s.kind !== 'channel' || !s.teamId || !s.channelId) throw new Error('announcement channel needs a team channel');
    const entry = await this.touch(s);
    await this.deps.repository.patch('channel', entry.conversationId, s.teamId, {
      announcementChannelId: s.channelId,
      updatedAt: this.deps.clock.now().toISOString(),
    });
  }

  /** A coordinator linked this meeting chat to a session ("<programId>/<sessionId>"). */
  async linkMeetingSession(s: ConversationSighting, meetingSession: string): Promise<void> {
    await this.touch(s);
    await this.deps.repository.patch(s.kind, s.conversationId, s.teamId, { meetingSession, updatedAt: this.deps.clock.now().toISOString() });
    this.deps.logger.info({ event: 'registry.meeting_linked' }, 'meeting chat linked to a session');
  }

  async markInactive(conversation: Pick<StoredConversation, 'kind' | 'conversationId' | 'teamId'>, reason: string): Promise<void> {
    await this.deps.repository.patch(conversation.kind, conversation.conversationId, conversation.teamId, {
      inactive: true,
      inactiveReason: reason,
      updatedAt: this.deps.clock.now().toISOString(),
    });
    this.known.delete(this.cacheKey(conversation.kind, conversation.conversationId, conversation.teamId));
  }

  list(kind?: ConversationKind): Promise<StoredConversation[]> {
    return this.deps.repository.list(kind);
  }

  /** Registered, not removed conversations. */
  countActive(): Promise<number> {
    return this.deps.repository.countActive();
  }

  /** "Meine Daten löschen": the user's personal-chat registrations. Returns how many were removed. */
  async deleteUser(aadObjectId: string): Promise<number> {
    const rows = await this.deps.repository.findPersonalByUser(aadObjectId);
    for (const row of rows) {
      await this.deps.repository.delete('personal', row.conversationId);
      this.known.delete(this.cacheKey('personal', row.conversationId));
    }
    return rows.length;
  }
}
