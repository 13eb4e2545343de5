// Attendance per session: who was in the meeting and when, from Teams' participant events.
//
// Table "attendance":
//   PartitionKey "<safeKey(programId)>|<safeKey(sessionId)>"  one session ("|" never occurs in safeKey output,
//                                                              so a program's sessions are one range query)
//   RowKey safeKey(<Entra object id, lower case>)   one person: aadObjectId, events (the set of joins and
//                                                   leaves, see presence.ts), lastAt (latest event, epoch ms).
//                                                   Nothing else: no name, no Teams user id, no role.
//   RowKey "|meeting"                               the meeting's window: startedAt (earliest meetingStart),
//                                                   lastStartedAt (latest meetingStart), endedAt (latest
//                                                   meetingEnd), lastAt, catchUpPlannedAt (when the
//                                                   "Verpasst?" catch-up was queued); all epoch ms. "|" keeps
//                                                   it apart from every person's key.
// Every write is a read-modify-write, conditional on the row's ETag and repeated when another writer got there
// first. Each write only adds to a set (events) or moves a minimum or maximum, so two instances applying the
// same events in any order end with the same row.
// deleteByUser and deleteOlderThan scan the whole table (a person's rows and the old sessions are spread over
// every partition); both are rare, and the table holds one row per person and session.
import type { TableClient } from '@azure/data-tables';
import { AppError } from '../shared/errors.js';
import { bucketRangeFilter, deleteWhere, getEntityOrUndefined, isStatus, listAll, odataString, safeKey, type TableStore } from '../storage/tables.js';
import { decodeEvents, encodeEvents, mergeEvents, type PresenceEvent } from './presence.js';

export const ATTENDANCE_TABLE = 'attendance';
const MEETING_ROW = '|meeting';
/** Conditional writes per change before giving up; each failed one means another writer's change landed. */
const MAX_ATTEMPTS = 30;

export interface StoredMeeting {
  startedAt?: number;
  lastStartedAt?: number;
  endedAt?: number;
  /** When the catch-up for those who missed the session was queued (once per session). */
  catchUpPlannedAt?: number;
}

export interface StoredPerson {
  aadObjectId: string;
  events: PresenceEvent[];
}

export interface StoredSession {
  meeting: StoredMeeting;
  people: StoredPerson[];
  /** The latest instant any row of the session records (epoch ms); undefined for a session without rows. */
  lastAt?: number;
}

/** Another writer kept changing the row; the event was not stored. */
export class AttendanceConflictError extends AppError {
  constructor() {
    super('attendance-conflict', 'attendance row changed on every attempt');
    this.name = 'AttendanceConflictError';
  }
}

type Row = Record<string, unknown>;

function partitionOf(programId: string, sessionId: string): string {
  return `${safeKey(programId)}|${safeKey(sessionId)}`;
}

function personKey(aadObjectId: string): string {
  return safeKey(aadObjectId.toLowerCase());
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function meetingOf(row: Row): StoredMeeting {
  const out: StoredMeeting = {};
  for (const key of ['startedAt', 'lastStartedAt', 'endedAt', 'catchUpPlannedAt'] as const) {
    const value = num(row[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** attempt)));

export class AttendanceRepository {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(ATTENDANCE_TABLE);
  }

  /**
   * Read-modify-write of one row until the ETag-conditional write lands. `apply` returns the properties to
   * merge, or undefined when the row already holds everything (then nothing is written). Returns whether it wrote.
   */
  private async mutate(partitionKey: string, rowKey: string, apply: (current: Row | undefined) => Row | undefined): Promise<boolean> {
    const client = await this.table();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (attempt > 0) await pause(attempt);
      const current: (Row & { etag: string }) | undefined = await getEntityOrUndefined<Row>(client, partitionKey, rowKey);
      const next = apply(current);
      if (!next) return false;
      try {
        if (current) await client.updateEntity({ partitionKey, rowKey, ...next }, 'Merge', { etag: current.etag });
        else await client.createEntity({ partitionKey, rowKey, ...next });
        return true;
      } catch (error) {
        // 412: changed since read; 409: created since read; 404: deleted since read. Read again.
        if (!isStatus(error, 412) && !isStatus(error, 409) && !isStatus(error, 404)) throw error;
      }
    }
    throw new AttendanceConflictError();
  }

  /** Adds joins and leaves to a person's set. `overflow` counts events beyond the per-person cap. */
  async addEvents(programId: string, sessionId: string, aadObjectId: string, added: readonly PresenceEvent[]): Promise<{ changed: boolean; overflow: number }> {
    let overflow = 0;
    const changed = await this.mutate(partitionOf(programId, sessionId), personKey(aadObjectId), (row) => {
      const merged = mergeEvents(decodeEvents(row?.events as string | undefined), added);
      overflow = merged.overflow;
      if (!merged.changed) return undefined;
      return {
        aadObjectId: aadObjectId.toLowerCase(),
        events: encodeEvents(merged.events),
        lastAt: merged.events.at(-1)?.at ?? 0,
      };
    });
    return { changed, overflow };
  }

  async addMeetingStart(programId: string, sessionId: string, at: number): Promise<void> {
    await this.mutate(partitionOf(programId, sessionId), MEETING_ROW, (row) => {
      const startedAt = Math.min(num(row?.startedAt) ?? at, at);
      const lastStartedAt = Math.max(num(row?.lastStartedAt) ?? at, at);
      if (startedAt === num(row?.startedAt) && lastStartedAt === num(row?.lastStartedAt)) return undefined;
      return { startedAt, lastStartedAt, lastAt: Math.max(num(row?.lastAt) ?? at, lastStartedAt) };
    });
  }

  async addMeetingEnd(programId: string, sessionId: string, at: number): Promise<void> {
    await this.mutate(partitionOf(programId, sessionId), MEETING_ROW, (row) => {
      const endedAt = Math.max(num(row?.endedAt) ?? at, at);
      if (endedAt === num(row?.endedAt)) return undefined;
      return { endedAt, lastAt: Math.max(num(row?.lastAt) ?? at, endedAt) };
    });
  }

  /**
   * The catch-up of this session is queued; later ticks leave the session alone. `lastAt` stays: it closes
   * presences while no meetingEnd is known, and the planning instant says nothing about the meeting.
   */
  async markCatchUpPlanned(programId: string, sessionId: string, at: number): Promise<void> {
    await this.mutate(partitionOf(programId, sessionId), MEETING_ROW, (row) => (num(row?.catchUpPlannedAt) !== undefined ? undefined : { catchUpPlannedAt: at }));
  }

  /** The meeting row alone (one point read); empty when the session has none. */
  async getMeeting(programId: string, sessionId: string): Promise<StoredMeeting> {
    const row = await getEntityOrUndefined<Row>(await this.table(), partitionOf(programId, sessionId), MEETING_ROW);
    return row ? meetingOf(row) : {};
  }

  async getSession(programId: string, sessionId: string): Promise<StoredSession> {
    const client = await this.table();
    const rows = await listAll<Row>(client, `PartitionKey eq ${odataString(partitionOf(programId, sessionId))}`);
    const out: StoredSession = { meeting: {}, people: [] };
    for (const row of rows) {
      const lastAt = num(row.lastAt);
      if (lastAt !== undefined) out.lastAt = Math.max(out.lastAt ?? lastAt, lastAt);
      if (row.rowKey === MEETING_ROW) out.meeting = meetingOf(row);
      else if (typeof row.aadObjectId === 'string') {
        out.people.push({ aadObjectId: row.aadObjectId, events: decodeEvents(row.events as string | undefined) });
      }
    }
    return out;
  }

  /** Removes a person from every session of every program (a table scan); returns how many rows. */
  async deleteByUser(aadObjectId: string): Promise<number> {
    return deleteWhere(await this.table(), `RowKey eq ${odataString(personKey(aadObjectId))}`);
  }

  /** Deletes every session whose latest row is older than `cutoff` (a table scan); returns how many sessions. */
  async deleteSessionsBefore(cutoff: Date): Promise<number> {
    const client = await this.table();
    const rows = client.listEntities<Row>({ queryOptions: { select: ['PartitionKey', 'RowKey', 'lastAt'] } });
    const sessions = new Map<string, { keys: string[]; lastAt: number }>();
    for await (const row of rows) {
      const session = sessions.get(row.partitionKey!) ?? { keys: [], lastAt: 0 };
      session.keys.push(row.rowKey!);
      session.lastAt = Math.max(session.lastAt, num(row.lastAt) ?? 0);
      sessions.set(row.partitionKey!, session);
    }
    let deleted = 0;
    for (const [partitionKey, session] of sessions) {
      if (session.lastAt >= cutoff.getTime()) continue;
      await this.deleteRows(client, partitionKey, session.keys);
      deleted++;
    }
    return deleted;
  }

  /** Deletes every session of a program; returns how many rows. */
  async deleteProgram(programId: string): Promise<number> {
    const client = await this.table();
    const rows = await listAll<Row>(client, bucketRangeFilter(safeKey(programId)));
    const byPartition = new Map<string, string[]>();
    for (const row of rows) byPartition.set(row.partitionKey!, [...(byPartition.get(row.partitionKey!) ?? []), row.rowKey!]);
    for (const [partitionKey, keys] of byPartition) await this.deleteRows(client, partitionKey, keys);
    return rows.length;
  }

  private async deleteRows(client: TableClient, partitionKey: string, rowKeys: string[]): Promise<void> {
    // One transaction per 100 rows of a partition (the service's limit). A row gone already (a concurrent
    // deletion) fails the whole transaction; then each row is deleted on its own.
    for (let i = 0; i < rowKeys.length; i += 100) {
      const chunk = rowKeys.slice(i, i + 100);
      try {
        await client.submitTransaction(chunk.map((rowKey) => ['delete', { partitionKey, rowKey }]));
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
        for (const rowKey of chunk) {
          await client.deleteEntity(partitionKey, rowKey).catch((e: unknown) => {
            if (!isStatus(e, 404)) throw e;
          });
        }
      }
    }
  }
}
