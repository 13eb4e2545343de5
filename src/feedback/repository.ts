// Table Storage of the feedback feature. Responses carry no names and no ids: a person is a pseudonymous
// responder key, HMAC-SHA256 of their Entra object id with FEEDBACK_KEY (src/privacy/feedback-key.ts), a key
// kept outside table storage. So the same person always lands on the same row (one response per person and
// session, editable) and "delete my data" finds their rows again, while a reader of the tables cannot tell
// whose row is whose.
//
// Tables and keys:
//   feedbackResponses  PK = "<programId>.<sessionId>"   RK = responder key (64 hex)
//                      rating (1..5), good?, better?, submittedAt (Edm.DateTime)
//   feedbackPolls      PK = "<programId>"               RK = "<sessionId>"  poll state: trigger, openedAt,
//                      closesAt, closedAt?, resultsPostedAt?;  RK = "~series": the series retrospective claim
// Program and session ids are [a-z0-9-], so "." and "~" cannot collide with them.
// (Earlier versions also had feedbackVoters with Bot Framework ids and the secret in `settings`; both are
// cleared at start, see feedback-key.ts.)
import crypto from 'node:crypto';
import type { TableClient, TableEntityResult } from '@azure/data-tables';
import { getEntityOrUndefined, isStatus, listAll, odataString, type TableStore } from '../storage/tables.js';
import type { ResponseRecord } from './retrospective.js';

export const FEEDBACK_TABLES = {
  responses: 'feedbackResponses',
  polls: 'feedbackPolls',
} as const;

const SERIES_ROW = '~series';

export type PollTrigger = 'timer' | 'meetingEnd';

export interface PollState {
  sessionId: string;
  trigger: PollTrigger;
  openedAt: Date;
  closesAt: Date;
  closedAt?: Date;
  resultsPostedAt?: Date;
  etag: string;
}

interface ResponseEntity {
  rating: number;
  good?: string;
  better?: string;
  submittedAt: Date | string;
}

interface PollEntity {
  trigger: string;
  openedAt: Date | string;
  closesAt: Date | string;
  closedAt?: Date | string;
  resultsPostedAt?: Date | string;
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function sessionPartition(programId: string, sessionId: string): string {
  return `${programId}.${sessionId}`;
}

/** The inverse of sessionPartition (program ids have no dot). */
export function parseSessionPartition(partitionKey: string): { programId: string; sessionId: string } {
  const dot = partitionKey.indexOf('.');
  return { programId: partitionKey.slice(0, dot), sessionId: partitionKey.slice(dot + 1) };
}

function toRecord(e: ResponseEntity): ResponseRecord {
  return {
    rating: Number(e.rating),
    ...(e.good ? { good: e.good } : {}),
    ...(e.better ? { better: e.better } : {}),
    submittedAt: toDate(e.submittedAt),
  };
}

function toPollState(sessionId: string, e: PollEntity & { etag?: string }): PollState {
  return {
    sessionId,
    trigger: e.trigger === 'meetingEnd' ? 'meetingEnd' : 'timer',
    openedAt: toDate(e.openedAt),
    closesAt: toDate(e.closesAt),
    ...(e.closedAt ? { closedAt: toDate(e.closedAt) } : {}),
    ...(e.resultsPostedAt ? { resultsPostedAt: toDate(e.resultsPostedAt) } : {}),
    etag: e.etag ?? '',
  };
}

export class FeedbackRepository {
  private readonly key: Buffer;

  /**
   * `key`: FEEDBACK_KEY. Without one (tests, benchmarks), a random key for this object's lifetime: answers then
   * cannot be matched to their author after a restart, so the service always passes the configured key.
   */
  constructor(
    private readonly store: TableStore,
    key?: Buffer,
  ) {
    this.key = key ?? crypto.randomBytes(32);
  }

  private table(name: keyof typeof FEEDBACK_TABLES): Promise<TableClient> {
    return this.store.table(FEEDBACK_TABLES[name]);
  }

  /** The pseudonym of a person: stable under one key, not reversible or recomputable without it. */
  responderKey(aadObjectId: string): string {
    return crypto.createHmac('sha256', this.key).update(aadObjectId.trim().toLowerCase()).digest('hex');
  }

  /**
   * Stores (or replaces) one person's answer; a row per person, so concurrent voters never collide. Votes
   * that arrive together are written in one transaction; each call returns once its own vote is stored.
   */
  async putResponse(programId: string, sessionId: string, responderKey: string, answer: Omit<ResponseRecord, 'submittedAt'>, submittedAt: Date): Promise<void> {
    const batcher = await this.store.batcher(FEEDBACK_TABLES.responses);
    const entity: ResponseEntity & { partitionKey: string; rowKey: string } = {
      partitionKey: sessionPartition(programId, sessionId),
      rowKey: responderKey,
      rating: answer.rating,
      ...(answer.good ? { good: answer.good } : {}),
      ...(answer.better ? { better: answer.better } : {}),
      submittedAt,
    };
    await batcher.write({ type: 'upsert', mode: 'Replace', entity: { ...entity } });
  }

  async getResponse(programId: string, sessionId: string, responderKey: string): Promise<ResponseRecord | undefined> {
    const e = await getEntityOrUndefined<ResponseEntity>(await this.table('responses'), sessionPartition(programId, sessionId), responderKey);
    return e && toRecord(e);
  }

  async listResponses(programId: string, sessionId: string): Promise<ResponseRecord[]> {
    const table = await this.table('responses');
    const rows = await listAll<ResponseEntity>(table, `PartitionKey eq ${odataString(sessionPartition(programId, sessionId))}`);
    return rows.map(toRecord);
  }

  /**
   * A session's responses by responder key (for the live view, which merges its own later votes by key).
   * With `since`, only rows stored or changed from then on (by the table's Timestamp); `newest` is the latest
   * Timestamp among the rows read.
   */
  async listResponsesByResponder(programId: string, sessionId: string, since?: Date): Promise<{ responses: Map<string, ResponseRecord>; newest?: Date }> {
    const table = await this.table('responses');
    const partition = `PartitionKey eq ${odataString(sessionPartition(programId, sessionId))}`;
    const filter = since ? `${partition} and Timestamp ge datetime'${since.toISOString()}'` : partition;
    // Small pages: a burst's rescan then never holds up storage (or this process) for long in one piece.
    const rows: TableEntityResult<ResponseEntity>[] = [];
    for await (const page of table.listEntities<ResponseEntity>({ queryOptions: { filter } }).byPage({ maxPageSize: 200 })) rows.push(...page);
    let newest: number | undefined;
    for (const row of rows) {
      const t = Date.parse(String((row as { timestamp?: unknown }).timestamp ?? ''));
      if (Number.isFinite(t) && (newest === undefined || t > newest)) newest = t;
    }
    return { responses: new Map(rows.map((row) => [row.rowKey!, toRecord(row)])), ...(newest !== undefined ? { newest: new Date(newest) } : {}) };
  }

  /** Every response of a program, grouped by session id. */
  async listProgramResponses(programId: string): Promise<Map<string, ResponseRecord[]>> {
    const table = await this.table('responses');
    // Partitions "<programId>.<sessionId>" sort between "<programId>." and "<programId>/" ("/" follows ".").
    const rows = await listAll<ResponseEntity>(
      table,
      `PartitionKey ge ${odataString(`${programId}.`)} and PartitionKey lt ${odataString(`${programId}/`)}`,
    );
    const out = new Map<string, ResponseRecord[]>();
    for (const row of rows) {
      const sessionId = parseSessionPartition(row.partitionKey!).sessionId;
      const list = out.get(sessionId) ?? [];
      list.push(toRecord(row));
      out.set(sessionId, list);
    }
    return out;
  }

  /** Removes every response of one person; counts them per session partition. */
  async deleteByResponderKey(responderKey: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const filter = `RowKey eq ${odataString(responderKey)}`;
    const responses = await this.table('responses');
    for (const row of await listAll<ResponseEntity>(responses, filter)) {
      await deleteIgnoringMissing(responses, row.partitionKey!, row.rowKey!);
      counts.set(row.partitionKey!, (counts.get(row.partitionKey!) ?? 0) + 1);
    }
    return counts;
  }

  /** Deletes responses last written before the cutoff; returns how many. */
  async purgeBefore(cutoff: Date): Promise<number> {
    const responses = await this.table('responses');
    const old = await listAll<ResponseEntity>(responses, `submittedAt lt datetime'${cutoff.toISOString()}'`);
    for (const row of old) await deleteIgnoringMissing(responses, row.partitionKey!, row.rowKey!);
    return old.length;
  }

  /** Purge of a removed program: its responses (every session) and its poll states. Returns the rows removed. */
  async deleteProgram(programId: string): Promise<number> {
    const responses = await this.table('responses');
    const polls = await this.table('polls');
    // "<programId>." up to "<programId>/": every session partition of the program and no other program's.
    const answered = await listAll(responses, `PartitionKey ge ${odataString(`${programId}.`)} and PartitionKey lt ${odataString(`${programId}/`)}`);
    for (const row of answered) await deleteIgnoringMissing(responses, row.partitionKey!, row.rowKey!);
    const states = await listAll(polls, `PartitionKey eq ${odataString(programId)}`);
    for (const row of states) await deleteIgnoringMissing(polls, row.partitionKey!, row.rowKey!);
    return answered.length + states.length;
  }

  // Poll state

  /** Creates the poll state; false when it exists already (another trigger or instance opened the poll). */
  async createPoll(programId: string, sessionId: string, trigger: PollTrigger, openedAt: Date, closesAt: Date): Promise<boolean> {
    const table = await this.table('polls');
    try {
      await table.createEntity({ partitionKey: programId, rowKey: sessionId, trigger, openedAt, closesAt });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async getPoll(programId: string, sessionId: string): Promise<PollState | undefined> {
    const e = await getEntityOrUndefined<PollEntity>(await this.table('polls'), programId, sessionId);
    return e && toPollState(sessionId, e);
  }

  async listPolls(programId: string): Promise<PollState[]> {
    const table = await this.table('polls');
    const rows = await listAll<PollEntity>(table, `PartitionKey eq ${odataString(programId)}`);
    return rows.filter((r) => r.rowKey !== SERIES_ROW).map((r) => toPollState(r.rowKey!, r));
  }

  /**
   * Marks a poll closed if nobody else did: a conditional merge on the ETag read before. True means this
   * caller holds the claim to post the results; 412 means another instance got there first.
   */
  async claimClose(programId: string, poll: PollState, closedAt: Date): Promise<boolean> {
    const table = await this.table('polls');
    try {
      await table.updateEntity({ partitionKey: programId, rowKey: poll.sessionId, closedAt }, 'Merge', { etag: poll.etag });
      return true;
    } catch (error) {
      if (isStatus(error, 412) || isStatus(error, 404)) return false;
      throw error;
    }
  }

  async markResultsPosted(programId: string, sessionId: string, at: Date): Promise<void> {
    const table = await this.table('polls');
    await table.updateEntity({ partitionKey: programId, rowKey: sessionId, resultsPostedAt: at }, 'Merge');
  }

  /** Claims the series retrospective; exactly one caller ever gets true. */
  async claimSeries(programId: string, at: Date): Promise<boolean> {
    const table = await this.table('polls');
    try {
      await table.createEntity({ partitionKey: programId, rowKey: SERIES_ROW, claimedAt: at });
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async seriesClaimed(programId: string): Promise<boolean> {
    return (await getEntityOrUndefined(await this.table('polls'), programId, SERIES_ROW)) !== undefined;
  }
}

async function deleteIgnoringMissing(table: TableClient, partitionKey: string, rowKey: string): Promise<void> {
  try {
    await table.deleteEntity(partitionKey, rowKey);
  } catch (error) {
    if (!isStatus(error, 404)) throw error;
  }
}
