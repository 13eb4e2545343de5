// The program index: for each program, the ids of its delivery jobs that planning may still need, so that
// planning a program reads that program's jobs by point reads, however many jobs other programs left in the
// job table.
// Table "deliveryprogramjobs": PartitionKey = "prog|<bucket>", RowKey = safeKey(programId), bucket = one of
// 16 hex values hashed from the program id; the ids are JSON in columns ids0, ids1, … of at most
// CHUNK_CHARS characters each (an Azure string property holds 32K characters, one entity 1 MiB counted in
// UTF-16, so at most MAX_CHUNKS columns: about 10,000 ids of 45 characters).
// Why not a query over the job table: the storage emulator scans a whole table for any query, and even in
// Azure the job table's partitions are buckets of job ids, not programs. Why point reads of one row and not
// a partition of one row per job: a partition query in the emulator scans the whole table too.
// The rows are hints, like the due index: an id is added before its job row is written (so a crash leaves
// at most an id without a job, which reads as nothing). An id is removed only when the retention sweep has
// read its job as retired (see `retired`): a summary of a job that started, which nothing can plan, revive
// or send again; its row stays in the job table and keeps the id taken. An id without a job row is never
// removed (its job may be being written), nor is a summarized job that never started (planning may revive it).
// Every write is conditional (etag) and replaces the whole row, recomputed from the row just read; on 412
// it reads again, so two instances adding ids while the sweep removes others all land.
// A row that would exceed its capacity refuses the id with AppError "delivery.program_index_full" before
// the job is written: the job is not created and the caller sees the error.

import type { TableClient } from '@azure/data-tables';
import { AppError } from '../shared/errors.js';
import { bucketOf, getEntityOrUndefined, isStatus, safeKey, type TableStore } from '../storage/tables.js';

export const DELIVERY_PROGRAM_JOBS_TABLE = 'deliveryprogramjobs';
export const PROGRAM_INDEX_FULL = 'delivery.program_index_full';
const BUCKETS = 16;
const CHUNK_CHARS = 30_000;
/** 16 × 30,000 characters × 2 bytes (UTF-16) leaves room under Azure's 1 MiB per entity for keys and names. */
const MAX_CHUNKS = 16;
const MAX_ATTEMPTS = 20;

interface Row {
  partitionKey: string;
  rowKey: string;
  etag?: string;
  [column: string]: unknown;
}

function keyOf(programId: string): { partitionKey: string; rowKey: string } {
  return { partitionKey: `prog|${bucketOf(programId, BUCKETS)}`, rowKey: safeKey(programId) };
}

function idsOf(row: Row | undefined): string[] {
  if (!row) return [];
  let json = '';
  for (let i = 0; typeof row[`ids${i}`] === 'string'; i++) json += row[`ids${i}`] as string;
  return json ? (JSON.parse(json) as string[]) : [];
}

function columnsOf(json: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i * CHUNK_CHARS < json.length; i++) out[`ids${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  return out;
}

export interface ProgramIndexChange {
  added: number;
  removed: number;
}

export class ProgramJobIndex {
  /** Characters of JSON one row holds; smaller only where a test needs a row to fill up. */
  readonly capacityChars: number;

  constructor(
    private readonly store: TableStore,
    options: { capacityChars?: number } = {},
  ) {
    this.capacityChars = Math.min(options.capacityChars ?? Infinity, CHUNK_CHARS * MAX_CHUNKS);
  }

  private client(): Promise<TableClient> {
    return this.store.table(DELIVERY_PROGRAM_JOBS_TABLE);
  }

  private async read(programId: string): Promise<Row | undefined> {
    const key = keyOf(programId);
    return (await getEntityOrUndefined<Row>(await this.client(), key.partitionKey, key.rowKey)) as Row | undefined;
  }

  /** Every job id recorded for the program (one point read). */
  async list(programId: string): Promise<string[]> {
    return idsOf(await this.read(programId));
  }

  /** The purge of a removed program: its row goes after its jobs (an id without a job reads as nothing). */
  async remove(programId: string): Promise<void> {
    const client = await this.client();
    const key = keyOf(programId);
    try {
      await client.deleteEntity(key.partitionKey, key.rowKey);
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  /** Adds ids to the program's row; reads once and writes only when an id is missing. */
  async add(programId: string, jobIds: string[]): Promise<void> {
    await this.change(programId, jobIds, []);
  }

  /**
   * Adds `jobIds` and removes `retiredIds` in one conditional write, recomputed from a fresh read after
   * every 412, so ids another instance added in between stay. The caller vouches that each retired id's job
   * was read as retired (see the header); ids it does not name are kept. Throws PROGRAM_INDEX_FULL when the
   * ids to add do not fit even after the removals; then nothing is written.
   */
  async change(programId: string, jobIds: string[], retiredIds: string[]): Promise<ProgramIndexChange> {
    const client = await this.client();
    const retired = new Set(retiredIds);
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const row = await this.read(programId);
      const known = idsOf(row);
      const kept = known.filter((id) => !retired.has(id));
      const have = new Set(known);
      const missing = [...new Set(jobIds)].filter((id) => !have.has(id) && !retired.has(id));
      if (!missing.length && kept.length === known.length) return { added: 0, removed: 0 };
      const json = JSON.stringify([...kept, ...missing]);
      if (missing.length && json.length > this.capacityChars) {
        throw new AppError(PROGRAM_INDEX_FULL, `program index of ${programId} full: ${kept.length} job ids kept, ${missing.length} more do not fit`, {
          programId,
          ids: kept.length,
          adding: missing.length,
          capacityChars: this.capacityChars,
        });
      }
      // Replace, not Merge: a shorter list needs fewer columns, and a stale column would corrupt the JSON.
      const entity = { ...keyOf(programId), programId, ...columnsOf(json) };
      try {
        if (row) await client.updateEntity(entity, 'Replace', { etag: row.etag! });
        else await client.createEntity(entity);
        return { added: missing.length, removed: known.length - kept.length };
      } catch (error) {
        // Another instance changed (or created, or the purge deleted) the row in between: read again.
        if (!isStatus(error, 412) && !isStatus(error, 409) && !isStatus(error, 404)) throw error;
      }
    }
    throw new Error(`program index ${programId}: too many concurrent changes`);
  }
}
