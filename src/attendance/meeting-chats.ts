// Which session each meetingStart of a meeting was given, so that the joins, leaves and the meetingEnd that follow
// go to the same session on every instance. A recurring meeting keeps one chat and one meeting id for all its
// occurrences; each occurrence's meetingStart adds one row here. The key is Teams' meeting id
// (channelData.meeting.id), or the chat's conversation id for an event without one: the meetings of a team
// channel all arrive in the channel's conversation, and only their meeting ids tell them apart.
//
// Table "attendanceChats":
//   PartitionKey safeKey(<the meeting id, else the chat's conversation id>)
//   RowKey       the meetingStart instant, epoch ms as 15 digits (rows sort by time)
//   programId, sessionId   the session that meetingStart belongs to; nothing about people.
// The session a meetingStart belongs to follows from the program and the instant alone, so two instances that
// receive the same meetingStart write the same row (an upsert). A chat holds one row per occurrence.
import type { TableClient } from '@azure/data-tables';
import { deleteWhere, listAll, odataString, safeKey, type TableStore } from '../storage/tables.js';

export const ATTENDANCE_CHATS_TABLE = 'attendanceChats';

export interface MeetingChoice {
  programId: string;
  sessionId: string;
  /** The meetingStart's instant. */
  startedAt: Date;
}

type Row = { programId?: unknown; sessionId?: unknown };

const instantKey = (ms: number) => String(Math.max(0, Math.round(ms))).padStart(15, '0');

export class MeetingChatRepository {
  constructor(private readonly store: TableStore) {}

  private table(): Promise<TableClient> {
    return this.store.table(ATTENDANCE_CHATS_TABLE);
  }

  async recordStart(meetingKey: string, choice: MeetingChoice): Promise<void> {
    await (await this.table()).upsertEntity(
      { partitionKey: safeKey(meetingKey), rowKey: instantKey(choice.startedAt.getTime()), programId: choice.programId, sessionId: choice.sessionId },
      'Replace',
    );
  }

  /** The choice of the meeting's latest meetingStart at or before `at`; undefined when there is none. */
  async choiceAt(meetingKey: string, at: Date): Promise<MeetingChoice | undefined> {
    const filter = `PartitionKey eq ${odataString(safeKey(meetingKey))} and RowKey le ${odataString(instantKey(at.getTime()))}`;
    const rows = await listAll<Row>(await this.table(), filter);
    const latest = rows.at(-1);
    if (!latest || typeof latest.programId !== 'string' || typeof latest.sessionId !== 'string') return undefined;
    return { programId: latest.programId, sessionId: latest.sessionId, startedAt: new Date(Number(latest.rowKey)) };
  }

  /** Retention: rows of meetingStarts before `cutoff`; returns how many. */
  async deleteBefore(cutoff: Date): Promise<number> {
    return this.deleteWhere(`RowKey lt ${odataString(instantKey(cutoff.getTime()))}`);
  }

  /** A program's rows (purge); returns how many. */
  async deleteProgram(programId: string): Promise<number> {
    return this.deleteWhere(`programId eq ${odataString(programId)}`);
  }

  private async deleteWhere(filter: string): Promise<number> {
    return deleteWhere(await this.table(), filter);
  }
}
