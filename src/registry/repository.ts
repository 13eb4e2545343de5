// Conversation registry storage.
// Table "conversations":
//   PartitionKey = kind ("personal" | "channel" | "groupChat")
//   RowKey       = safeKey(teamId) for channels (one entry per team: where it was installed, plus the
//                  announcement channel chosen with "hier ankündigen"), else safeKey(conversationId)
//   reference    = the whole ConversationReference as JSON
import type { TableClient } from '@azure/data-tables';
import { TableStore, getEntityOrUndefined, isStatus, listAll, safeKey, odataString } from '../storage/tables.js';
import type { ConversationKind, StoredConversation } from './types.js';
import type { Locale } from '../i18n/locale.js';

const TABLE = 'conversations';

interface ConversationEntity {
  partitionKey: string;
  rowKey: string;
  conversationId: string;
  tenantId: string;
  serviceUrl: string;
  reference: string;
  userAadObjectId?: string;
  userId?: string;
  locale: string;
  teamId?: string;
  channelId?: string;
  announcementChannelId?: string;
  meetingSession?: string;
  /** JSON array of program ids; absent on entries stored before programs were chosen. */
  programIds?: string;
  catchUpOff?: boolean;
  welcomePending?: boolean;
  unsubscribed: boolean;
  removed: boolean;
  inactive: boolean;
  inactiveReason?: string;
  createdAt: string;
  updatedAt: string;
}

export function registryKey(kind: ConversationKind, conversationId: string, teamId?: string): { partitionKey: string; rowKey: string } {
  return { partitionKey: kind, rowKey: safeKey(kind === 'channel' && teamId ? teamId : conversationId) };
}

function toEntity(c: StoredConversation): ConversationEntity {
  const { partitionKey, rowKey } = registryKey(c.kind, c.conversationId, c.teamId);
  const e: ConversationEntity = {
    partitionKey,
    rowKey,
    conversationId: c.conversationId,
    tenantId: c.tenantId,
    serviceUrl: c.serviceUrl,
    reference: JSON.stringify(c.reference),
    locale: c.locale,
    unsubscribed: c.unsubscribed,
    removed: c.removed,
    inactive: c.inactive,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
  for (const key of ['userAadObjectId', 'userId', 'teamId', 'channelId', 'announcementChannelId', 'meetingSession', 'inactiveReason'] as const) {
    if (c[key] !== undefined) e[key] = c[key];
  }
  if (c.programIds !== undefined) e.programIds = JSON.stringify(c.programIds);
  if (c.catchUpOff) e.catchUpOff = true;
  if (c.welcomePending) e.welcomePending = true;
  return e;
}

function fromEntity(e: ConversationEntity): StoredConversation {
  return {
    conversationId: e.conversationId,
    kind: e.partitionKey as ConversationKind,
    tenantId: e.tenantId,
    serviceUrl: e.serviceUrl,
    reference: JSON.parse(e.reference) as Record<string, unknown>,
    userAadObjectId: e.userAadObjectId || undefined,
    userId: e.userId || undefined,
    locale: (e.locale === 'en' ? 'en' : 'de') as Locale,
    teamId: e.teamId || undefined,
    channelId: e.channelId || undefined,
    announcementChannelId: e.announcementChannelId || undefined,
    meetingSession: e.meetingSession || undefined,
    ...(typeof e.programIds === 'string' && e.programIds ? { programIds: parseProgramIds(e.programIds) } : {}),
    ...(e.catchUpOff ? { catchUpOff: true } : {}),
    ...(e.welcomePending ? { welcomePending: true } : {}),
    unsubscribed: Boolean(e.unsubscribed),
    removed: Boolean(e.removed),
    inactive: Boolean(e.inactive),
    inactiveReason: e.inactiveReason || undefined,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
  };
}

function parseProgramIds(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

export class ConversationRepository {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(TABLE);
  }

  async get(kind: ConversationKind, conversationId: string, teamId?: string): Promise<StoredConversation | undefined> {
    const { partitionKey, rowKey } = registryKey(kind, conversationId, teamId);
    const e = await getEntityOrUndefined<ConversationEntity>(await this.table(), partitionKey, rowKey);
    return e && fromEntity(e as unknown as ConversationEntity);
  }

  /** Creates the entry; false when it already exists (another turn or instance was first). */
  async create(c: StoredConversation): Promise<boolean> {
    try {
      await (await this.table()).createEntity(toEntity(c));
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  /**
   * Takes the pending welcome of an entry (see StoredConversation.welcomePending): true for exactly one caller,
   * across instances (the flag is cleared under the entry's ETag).
   */
  async claimWelcome(kind: ConversationKind, conversationId: string, teamId?: string): Promise<boolean> {
    const { partitionKey, rowKey } = registryKey(kind, conversationId, teamId);
    const table = await this.table();
    try {
      const e = await table.getEntity<ConversationEntity>(partitionKey, rowKey);
      if (!e.welcomePending) return false;
      await table.updateEntity({ partitionKey, rowKey, welcomePending: false }, 'Merge', { etag: e.etag });
      return true;
    } catch (error) {
      if (isStatus(error, 404) || isStatus(error, 412)) return false;
      throw error;
    }
  }

  async put(c: StoredConversation): Promise<void> {
    await (await this.table()).upsertEntity(toEntity(c), 'Replace');
  }

  /** Merges a few fields into an existing entry. */
  async patch(kind: ConversationKind, conversationId: string, teamId: string | undefined, fields: Partial<Omit<StoredConversation, 'kind' | 'conversationId'>>): Promise<void> {
    const key = registryKey(kind, conversationId, teamId);
    const entity: Record<string, unknown> = { ...key };
    for (const [k, v] of Object.entries(fields)) {
      if (v === undefined) continue;
      entity[k] = k === 'reference' || k === 'programIds' ? JSON.stringify(v) : v;
    }
    await (await this.table()).updateEntity(entity as { partitionKey: string; rowKey: string }, 'Merge');
  }

  async list(kind?: ConversationKind): Promise<StoredConversation[]> {
    const filter = kind ? `PartitionKey eq ${odataString(kind)}` : undefined;
    const rows = await listAll<ConversationEntity>(await this.table(), filter);
    return rows.map((r) => fromEntity(r as unknown as ConversationEntity));
  }

  async findPersonalByUser(aadObjectId: string): Promise<StoredConversation[]> {
    const rows = await listAll<ConversationEntity>(
      await this.table(),
      `PartitionKey eq 'personal' and userAadObjectId eq ${odataString(aadObjectId)}`,
    );
    return rows.map((r) => fromEntity(r as unknown as ConversationEntity));
  }

  async delete(kind: ConversationKind, conversationId: string, teamId?: string): Promise<boolean> {
    const { partitionKey, rowKey } = registryKey(kind, conversationId, teamId);
    try {
      await (await this.table()).deleteEntity(partitionKey, rowKey);
      return true;
    } catch (error) {
      if (isStatus(error, 404)) return false;
      throw error;
    }
  }

  /** Point reads of several entries (bounded parallelism); missing ones are left out. */
  async getMany(keys: ReadonlyArray<{ kind: ConversationKind; conversationId: string; teamId?: string }>, parallel = 16): Promise<StoredConversation[]> {
    const out: Array<StoredConversation | undefined> = new Array(keys.length);
    let next = 0;
    const worker = async () => {
      while (next < keys.length) {
        const i = next++;
        const k = keys[i]!;
        out[i] = await this.get(k.kind, k.conversationId, k.teamId);
      }
    };
    await Promise.all(Array.from({ length: Math.min(parallel, keys.length) }, worker));
    return out.filter((c): c is StoredConversation => c !== undefined);
  }

  async countActive(): Promise<number> {
    const rows = await listAll<ConversationEntity>(await this.table(), 'removed eq false');
    return rows.length;
  }
}
