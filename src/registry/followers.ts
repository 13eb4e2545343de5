// Which conversations belong to a program: an index beside the registry, so that one program's reminder
// reads that program's conversations and nothing else (a tick's cost grows with the due work, not with
// programs x conversations).
//
// Table "programFollowers":
//   PartitionKey = programId
//   RowKey       = "<kind>|<registry row key>"   kind, conversationId, teamId: the registry entry's key
//   PartitionKey = "_", RowKey = "undecided-assigned"   entries stored before programs were chosen were
//                                                       assigned to the only program (once per deployment)
// The registry entry's `programIds` is the truth for one conversation; this index answers "who follows
// program P". Writes go index first, entry second, and readers drop index rows whose entry does not list
// the program, so a crash between the two writes never sends to a conversation that did not choose it.
import type { TableClient } from '@azure/data-tables';
import { deleteWhere, getEntityOrUndefined, isStatus, listAll, odataString, type TableStore } from '../storage/tables.js';
import { registryKey } from './repository.js';
import type { ConversationKind, StoredConversation } from './types.js';

export const FOLLOWERS_TABLE = 'programFollowers';
const META_PARTITION = '_';

export interface FollowerKey {
  kind: ConversationKind;
  conversationId: string;
  teamId?: string;
}

interface FollowerEntity {
  partitionKey: string;
  rowKey: string;
  kind: ConversationKind;
  conversationId: string;
  teamId?: string;
}

function followerRow(programId: string, c: FollowerKey): FollowerEntity {
  const key = registryKey(c.kind, c.conversationId, c.teamId);
  return {
    partitionKey: programId,
    rowKey: `${key.partitionKey}|${key.rowKey}`,
    kind: c.kind,
    conversationId: c.conversationId,
    ...(c.teamId ? { teamId: c.teamId } : {}),
  };
}

export class FollowerIndex {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(FOLLOWERS_TABLE);
  }

  async add(programId: string, conversation: FollowerKey): Promise<void> {
    await (await this.table()).upsertEntity(followerRow(programId, conversation), 'Replace');
  }

  async remove(programId: string, conversation: FollowerKey): Promise<void> {
    const row = followerRow(programId, conversation);
    try {
      await (await this.table()).deleteEntity(row.partitionKey, row.rowKey);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  /** The registry keys of a program's conversations (one partition query). */
  async list(programId: string): Promise<FollowerKey[]> {
    const rows = await listAll<FollowerEntity>(await this.table(), `PartitionKey eq ${odataString(programId)}`);
    return rows.map((r) => ({ kind: r.kind as ConversationKind, conversationId: r.conversationId as string, ...(r.teamId ? { teamId: r.teamId as string } : {}) }));
  }

  async count(programId: string): Promise<number> {
    const client = await this.table();
    let n = 0;
    for await (const _ of client.listEntities({ queryOptions: { filter: `PartitionKey eq ${odataString(programId)}`, select: ['RowKey'] } })) n++;
    return n;
  }

  /** Drops a whole program's index (purge). */
  async removeProgram(programId: string): Promise<number> {
    return deleteWhere(await this.table(), `PartitionKey eq ${odataString(programId)}`);
  }

  async undecidedAssigned(): Promise<boolean> {
    return (await getEntityOrUndefined(await this.table(), META_PARTITION, 'undecided-assigned')) !== undefined;
  }

  async markUndecidedAssigned(programId: string, at: Date): Promise<void> {
    await (await this.table()).upsertEntity({ partitionKey: META_PARTITION, rowKey: 'undecided-assigned', programId, at: at.toISOString() }, 'Replace');
  }
}

/** Whether an entry follows (or is linked to) a program. */
export function follows(conversation: Pick<StoredConversation, 'programIds'>, programId: string): boolean {
  return conversation.programIds?.includes(programId) ?? false;
}
