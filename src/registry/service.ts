// The conversation registry: where the bot may write proactively. Fed by install events and by every
// incoming activity (serviceUrl can change), read by the delivery engine's audience.
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { ConversationRepository } from './repository.js';
import { registryKey } from './repository.js';
import { follows, type FollowerIndex } from './followers.js';
import { isMeetingChat, type ConversationKind, type StoredConversation } from './types.js';
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
  followers: FollowerIndex;
  clock: Clock;
  logger: Logger;
  /**
   * The program a new conversation joins by itself: the only one of a one-program deployment, else none
   * (a person chooses with `anmelden`, a coordinator links a team with `verknüpfen`).
   */
  defaultProgram?: () => string | undefined;
  /** Milliseconds on a monotonic clock, for how long recent() may reuse an entry (tests move it). */
  monotonicMs?: () => number;
}

/** What a change of a conversation's programs did. */
export interface ProgramLinkChange {
  entry: StoredConversation;
  /** The programs the conversation belonged to before. */
  before: string[];
  changed: boolean;
}

/**
 * How long an entry read for answering may be reused (recent()). Instances share the storage and do not tell
 * each other about changes, so a program link changed on another instance reaches this one's answers at most
 * this late; this instance's own writes take effect at once.
 */
export const RECENT_ENTRY_TTL_MS = 10_000;
const RECENT_MAX = 10_000;

export class ConversationRegistry {
  /** serviceUrl and locale last written per registry key, so that a steady stream of messages costs no writes. */
  private readonly known = new Map<string, string>();
  /** Entries as last read or written here, for recent(); monotonic time, not the (injectable) clock. */
  private readonly recentEntries = new Map<string, { entry: StoredConversation | undefined; until: number }>();
  /** Counts writes begun and ended here: a read for recent() during which this moved is not kept. */
  private writes = 0;

  constructor(private readonly deps: RegistryDeps) {}

  private cacheKey(kind: ConversationKind, conversationId: string, teamId?: string): string {
    const k = registryKey(kind, conversationId, teamId);
    return `${k.partitionKey}/${k.rowKey}`;
  }

  private monotonicMs(): number {
    return this.deps.monotonicMs?.() ?? performance.now();
  }

  private remember(key: string, entry: StoredConversation | undefined): void {
    if (this.recentEntries.size >= RECENT_MAX) this.recentEntries.delete(this.recentEntries.keys().next().value!);
    this.recentEntries.set(key, { entry: entry && structuredClone(entry), until: this.monotonicMs() + RECENT_ENTRY_TTL_MS });
  }

  /**
   * Every write here drops the entry from recent(), before and after it, and a read that overlaps a write is
   * not kept: the next read goes to the storage.
   */
  private async writing<T>(kind: ConversationKind, conversationId: string, teamId: string | undefined, write: () => Promise<T>): Promise<T> {
    const key = this.cacheKey(kind, conversationId, teamId);
    this.writes++;
    this.recentEntries.delete(key);
    try {
      return await write();
    } finally {
      this.writes++;
      this.recentEntries.delete(key);
    }
  }

  private fresh(s: ConversationSighting): StoredConversation {
    const now = this.deps.clock.now().toISOString();
    // A meeting's own chat belongs to its session, never to a whole program's audience.
    const initial = isMeetingChat(s) ? undefined : this.deps.defaultProgram?.();
    return {
      programIds: initial ? [initial] : [],
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
    const entry = this.fresh(s);
    if (!s.locale) entry.welcomePending = true;
    await this.indexNew(entry);
    const created = await this.writing(s.kind, s.conversationId, s.teamId, () => repository.create(entry));
    if (created) {
      // A pending welcome is taken by the next activity here, which must then read the entry (see touch()).
      if (!entry.welcomePending) this.known.set(this.cacheKey(s.kind, s.conversationId, s.teamId), `${s.serviceUrl} ${s.locale ?? 'de'}`);
      logger.info({ event: 'registry.installed', kind: s.kind }, 'conversation registered');
      return true;
    }
    const existing = await repository.get(s.kind, s.conversationId, s.teamId);
    if (existing && (existing.removed || existing.inactive)) {
      await this.writing(s.kind, s.conversationId, s.teamId, () => repository.put({
        ...existing,
        ...this.fresh(s),
        welcomePending: !s.locale,
        createdAt: existing.createdAt,
        unsubscribed: existing.unsubscribed,
        announcementChannelId: existing.announcementChannelId,
        ...(existing.programIds !== undefined ? { programIds: existing.programIds } : {}),
      }));
      logger.info({ event: 'registry.reinstalled', kind: s.kind }, 'conversation registered again');
      return true;
    }
    await this.touch(s);
    return false;
  }

  /**
   * An install event: whether it sends the welcome and in which language. A new installation is welcomed in
   * the event's language; when the event states none, the welcome waits (welcomePending) for the next event
   * of this chat, usually the other of the two install events Teams sends, and goes out once, in that one's
   * language (German when it states none either). Never twice, also across instances (claimWelcome).
   */
  async installWelcome(s: ConversationSighting): Promise<Locale | undefined> {
    if (await this.install(s)) return s.locale;
    return (await this.claimWelcome(s)) ? (s.locale ?? 'de') : undefined;
  }

  /** Takes a pending welcome (see installWelcome): true for exactly one caller. */
  async claimWelcome(s: ConversationSighting): Promise<boolean> {
    return this.writing(s.kind, s.conversationId, s.teamId, () => this.deps.repository.claimWelcome(s.kind, s.conversationId, s.teamId));
  }

  async uninstall(kind: ConversationKind, conversationId: string, teamId?: string): Promise<void> {
    const existing = await this.deps.repository.get(kind, conversationId, teamId);
    if (!existing || existing.removed) return;
    await this.writing(kind, conversationId, teamId, () =>
      this.deps.repository.patch(kind, conversationId, teamId, { removed: true, updatedAt: this.deps.clock.now().toISOString() }),
    );
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
    const writes = this.writes;
    const existing = await repository.get(s.kind, s.conversationId, s.teamId);
    if (!existing) {
      const entry = this.fresh(s);
      await this.indexNew(entry);
      if (!(await this.writing(s.kind, s.conversationId, s.teamId, () => repository.create(entry)))) return (await repository.get(s.kind, s.conversationId, s.teamId)) ?? entry;
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
      await this.writing(s.kind, s.conversationId, s.teamId, () => repository.patch(s.kind, existing.conversationId, existing.teamId, fields));
      Object.assign(existing, fields);
    }
    if (writes === this.writes) this.remember(key, existing);
    if (!existing.welcomePending) this.known.set(key, `${s.serviceUrl} ${existing.locale}`);
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

  /**
   * The entry as read at most RECENT_ENTRY_TTL_MS ago (see there), for reading only: which programs a question
   * is answered from. Decisions that write or check permissions read with get().
   */
  async recent(kind: ConversationKind, conversationId: string, teamId?: string): Promise<StoredConversation | undefined> {
    const key = this.cacheKey(kind, conversationId, teamId);
    const hit = this.recentEntries.get(key);
    if (hit && hit.until > this.monotonicMs()) return hit.entry;
    const writes = this.writes;
    const entry = await this.deps.repository.get(kind, conversationId, teamId);
    if (writes === this.writes) this.remember(key, entry);
    return entry;
  }

  /** Index rows of a conversation about to be created (index first: see followers.ts). */
  private async indexNew(entry: StoredConversation): Promise<void> {
    for (const programId of entry.programIds ?? []) await this.deps.followers.add(programId, entry);
  }

  /** Writes a conversation's new program list: index rows added first, the entry, then stale rows removed. */
  private async writePrograms(entry: StoredConversation, programIds: string[]): Promise<ProgramLinkChange> {
    const before = entry.programIds ?? [];
    const same = before.length === programIds.length && before.every((id) => programIds.includes(id));
    if (same && entry.programIds !== undefined) return { entry, before, changed: false };
    for (const id of programIds) if (!before.includes(id)) await this.deps.followers.add(id, entry);
    const fields: Partial<StoredConversation> = { programIds, updatedAt: this.deps.clock.now().toISOString() };
    if (entry.kind === 'personal') fields.unsubscribed = programIds.length === 0;
    await this.writing(entry.kind, entry.conversationId, entry.teamId, () =>
      this.deps.repository.patch(entry.kind, entry.conversationId, entry.teamId, fields),
    );
    for (const id of before) if (!programIds.includes(id)) await this.deps.followers.remove(id, entry);
    const updated = { ...entry, ...fields };
    this.deps.logger.info({ event: 'registry.programs', kind: entry.kind, programs: programIds.length }, 'conversation programs changed');
    return { entry: updated, before, changed: true };
  }

  /** A personal chat follows a program as well (`anmelden <program>`). */
  async follow(s: ConversationSighting, programId: string): Promise<ProgramLinkChange> {
    const entry = await this.touch(s);
    const current = entry.programIds ?? [];
    return this.writePrograms(entry, current.includes(programId) ? current : [...current, programId]);
  }

  /** A personal chat stops following a program (`abmelden <program>`). */
  async unfollow(s: ConversationSighting, programId: string): Promise<ProgramLinkChange> {
    const entry = await this.touch(s);
    return this.writePrograms(entry, (entry.programIds ?? []).filter((id) => id !== programId));
  }

  /** A team or group chat belongs to exactly this program from now on (`verknüpfen <program>`). */
  async link(s: ConversationSighting, programId: string): Promise<ProgramLinkChange> {
    const entry = await this.touch(s);
    return this.writePrograms(entry, [programId]);
  }

  /** The programs of a conversation as stored (without registering it). */
  async programsOf(kind: ConversationSighting['kind'], conversationId: string, teamId?: string): Promise<string[]> {
    return (await this.deps.repository.get(kind, conversationId, teamId))?.programIds ?? [];
  }

  /**
   * A program's conversations: its index partition and one point read per entry, nothing else. Entries
   * that no longer list the program (a half-written change) are left out.
   */
  async followers(programId: string): Promise<StoredConversation[]> {
    const keys = await this.deps.followers.list(programId);
    return (await this.deps.repository.getMany(keys)).filter((c) => follows(c, programId));
  }

  /**
   * Entries stored before programs were chosen join the only program, once per deployment (they were
   * that program's audience before). Personal chats that had unsubscribed stay without a program. With
   * several programs nothing is assigned: people choose, coordinators link.
   */
  async assignUndecided(onlyProgramId: string | undefined): Promise<number> {
    if (!onlyProgramId || (await this.deps.followers.undecidedAssigned())) return 0;
    let assigned = 0;
    for (const entry of await this.deps.repository.list()) {
      if (entry.programIds !== undefined || isMeetingChat(entry)) continue;
      const ids = entry.kind === 'personal' && entry.unsubscribed ? [] : [onlyProgramId];
      await this.writePrograms(entry, ids);
      assigned++;
    }
    await this.deps.followers.markUndecidedAssigned(onlyProgramId, this.deps.clock.now());
    if (assigned) this.deps.logger.info({ event: 'registry.undecided-assigned', programId: onlyProgramId, count: assigned }, 'existing conversations joined the only program');
    return assigned;
  }

  async setAnnouncementChannel(s: ConversationSighting): Promise<void> {
    if (s.kind !== 'channel' || !s.teamId || !s.channelId) throw new Error('announcement channel needs a team channel');
    const entry = await this.touch(s);
    await this.writing('channel', entry.conversationId, s.teamId, () =>
      this.deps.repository.patch('channel', entry.conversationId, s.teamId, {
      announcementChannelId: s.channelId,
      updatedAt: this.deps.clock.now().toISOString(),
    }),
    );
  }

  /** A coordinator linked this meeting chat to a session ("<programId>/<sessionId>"). */
  async linkMeetingSession(s: ConversationSighting, meetingSession: string): Promise<void> {
    await this.touch(s);
    await this.writing(s.kind, s.conversationId, s.teamId, () =>
      this.deps.repository.patch(s.kind, s.conversationId, s.teamId, { meetingSession, updatedAt: this.deps.clock.now().toISOString() }),
    );
    this.deps.logger.info({ event: 'registry.meeting_linked' }, 'meeting chat linked to a session');
  }

  /** A personal chat turns the "Verpasst?" catch-up messages off (`keine nachholhinweise`) or on again. */
  async setCatchUpOff(s: ConversationSighting, off: boolean): Promise<void> {
    const entry = await this.touch(s);
    await this.writing(entry.kind, entry.conversationId, entry.teamId, () =>
      this.deps.repository.patch(entry.kind, entry.conversationId, entry.teamId, { catchUpOff: off, updatedAt: this.deps.clock.now().toISOString() }),
    );
  }

  /** A person's personal chats with the bot (any state); empty for someone the bot has never met. */
  personalChatsOf(aadObjectId: string): Promise<StoredConversation[]> {
    return this.deps.repository.findPersonalByUser(aadObjectId);
  }

  async markInactive(conversation: Pick<StoredConversation, 'kind' | 'conversationId' | 'teamId'>, reason: string): Promise<void> {
    await this.writing(conversation.kind, conversation.conversationId, conversation.teamId, () =>
      this.deps.repository.patch(conversation.kind, conversation.conversationId, conversation.teamId, {
      inactive: true,
      inactiveReason: reason,
      updatedAt: this.deps.clock.now().toISOString(),
    }),
    );
    this.known.delete(this.cacheKey(conversation.kind, conversation.conversationId, conversation.teamId));
  }

  list(kind?: ConversationKind): Promise<StoredConversation[]> {
    return this.deps.repository.list(kind);
  }

  /** Registered, not removed conversations. */
  countActive(): Promise<number> {
    return this.deps.repository.countActive();
  }

  /**
   * Purge of a removed program: every conversation that lists it stops listing it (a personal chat left
   * without programs counts as unsubscribed, as after `abmelden`), then the program's index goes. Returns how
   * many conversations listed it.
   */
  async removeProgram(programId: string): Promise<number> {
    const keys = await this.deps.followers.list(programId);
    let changed = 0;
    for (const entry of await this.deps.repository.getMany(keys)) {
      if (!follows(entry, programId)) continue;
      await this.writePrograms(entry, (entry.programIds ?? []).filter((id) => id !== programId));
      this.known.delete(this.cacheKey(entry.kind, entry.conversationId, entry.teamId));
      changed++;
    }
    await this.deps.followers.removeProgram(programId);
    return changed;
  }

  /** "Meine Daten löschen": the user's personal-chat registrations. Returns how many were removed. */
  async deleteUser(aadObjectId: string): Promise<number> {
    const rows = await this.deps.repository.findPersonalByUser(aadObjectId);
    for (const row of rows) {
      for (const programId of row.programIds ?? []) await this.deps.followers.remove(programId, row);
      await this.writing('personal', row.conversationId, undefined, () =>
        this.deps.repository.delete('personal', row.conversationId),
      );
      this.known.delete(this.cacheKey('personal', row.conversationId));
    }
    return rows.length;
  }
}
