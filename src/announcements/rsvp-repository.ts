// RSVPs ("Ich nehme teil"): one row per person and session, so pressing the button twice counts once.
// Table "rsvps": PartitionKey = safeKey("<programId>|<sessionId>"), RowKey = safeKey(<Entra object id>).
// Only the object id and a timestamp are stored: no names.
import { deleteWhere, getEntityOrUndefined, isStatus, listAll, odataString, safeKey, type TableStore } from '../storage/tables.js';

export const RSVP_TABLE = 'rsvps';

export class RsvpRepository {
  constructor(private readonly store: TableStore) {}

  private partition(programId: string, sessionId: string): string {
    return safeKey(`${programId}|${sessionId}`);
  }

  async set(programId: string, sessionId: string, aadObjectId: string, attending: boolean, now: Date): Promise<void> {
    const client = await this.store.table(RSVP_TABLE);
    const key = { partitionKey: this.partition(programId, sessionId), rowKey: safeKey(aadObjectId) };
    if (attending) {
      await client.upsertEntity({ ...key, respondedAt: now.toISOString() }, 'Replace');
      return;
    }
    try {
      await client.deleteEntity(key.partitionKey, key.rowKey);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  async isAttending(programId: string, sessionId: string, aadObjectId: string): Promise<boolean> {
    const client = await this.store.table(RSVP_TABLE);
    return (await getEntityOrUndefined(client, this.partition(programId, sessionId), safeKey(aadObjectId))) !== undefined;
  }

  async count(programId: string, sessionId: string): Promise<number> {
    const client = await this.store.table(RSVP_TABLE);
    return (await listAll(client, `PartitionKey eq ${odataString(this.partition(programId, sessionId))}`)).length;
  }

  /** "Meine Daten löschen": every RSVP of this person, in all sessions. Returns how many were removed. */
  async deleteByUser(aadObjectId: string): Promise<number> {
    return deleteWhere(await this.store.table(RSVP_TABLE), `RowKey eq ${odataString(safeKey(aadObjectId))}`);
  }

  /** Purge of a removed program: the RSVPs of all its sessions. Returns how many were removed. */
  async deleteProgram(programId: string): Promise<number> {
    // safeKey("<programId>|") is "<programId>$7C"; "$7D" follows it, so no other program's partition is in range.
    const prefix = safeKey(`${programId}|`);
    const upper = `${prefix.slice(0, -1)}D`;
    return deleteWhere(await this.store.table(RSVP_TABLE), `PartitionKey ge ${odataString(prefix)} and PartitionKey lt ${odataString(upper)}`);
  }
}
