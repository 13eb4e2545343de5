// Conversations with a role, set by coordinators: where forwarded questions go ("hier eskalieren").
// Table "conversationRoles": PartitionKey = "role", RowKey = the role name; the row points at a registry
// entry (kind, conversationId, teamId) so the stored reference stays the registry's.
import { getEntityOrUndefined, type TableStore } from '../storage/tables.js';
import type { ConversationKind, StoredConversation } from './types.js';
import type { ConversationRegistry } from './service.js';

export type ConversationRole = 'escalation';

interface RoleEntity {
  partitionKey: 'role';
  rowKey: ConversationRole;
  kind: ConversationKind;
  conversationId: string;
  teamId?: string;
  setBy: string;
  setAt: string;
}

export class ConversationRoles {
  constructor(
    private readonly store: TableStore,
    private readonly registry: ConversationRegistry,
  ) {}

  async set(role: ConversationRole, conversation: Pick<StoredConversation, 'kind' | 'conversationId' | 'teamId'>, setBy: string, at: Date): Promise<void> {
    const entity: RoleEntity = {
      partitionKey: 'role',
      rowKey: role,
      kind: conversation.kind,
      conversationId: conversation.conversationId,
      setBy,
      setAt: at.toISOString(),
      ...(conversation.teamId ? { teamId: conversation.teamId } : {}),
    };
    await (await this.store.table('conversationRoles')).upsertEntity(entity, 'Replace');
  }

  async get(role: ConversationRole): Promise<StoredConversation | undefined> {
    const e = (await getEntityOrUndefined<RoleEntity>(await this.store.table('conversationRoles'), 'role', role)) as RoleEntity | undefined;
    if (!e) return undefined;
    const entry = await this.registry.get(e.kind, e.conversationId, e.teamId);
    if (!entry || entry.removed) return undefined;
    // A team entry stands for the team; the role names the exact channel where it was set.
    if (entry.kind === 'channel' && entry.conversationId !== e.conversationId) {
      return { ...entry, conversationId: e.conversationId, reference: { ...entry.reference, conversation: { ...(entry.reference.conversation as object), id: e.conversationId } } };
    }
    return entry;
  }
}
