// The program index: for each program, the ids of every delivery job ever created for it, so that planning a
// program reads that program's jobs by point reads, however many jobs other programs (or this program's
// retired ids of other programs) left in the job table.
// Table "deliveryprogramjobs": PartitionKey = "prog|<bucket>", RowKey = safeKey(programId), bucket = one of
// 16 hex values hashed from the program id; the ids are JSON in columns ids0, ids1, … of at most
// CHUNK_CHARS characters each (an Azure string property holds 32K characters, one entity 1 MB).
// Why not a query over the job table: the storage emulator scans a whole table for any query, and even in
// Azure the job table's partitions are buckets of job ids, not programs. Why point reads of one row and not
// a partition of one row per job: a partition query in the emulator scans the whole table too.
// The rows are hints, like the due index: an id is added before its job row is written (so a crash leaves
// at most an id without a job, which reads as nothing), and never removed (a summarized job keeps its row).
// Appends are conditional writes (etag), so two instances adding ids to one program both land.
import type { TableClient } from '@azure/data-tables';
import { bucketOf, getEntityOrUndefined, isStatus, safeKey, type TableStore } from '../storage/tables.js';

export const DELIVERY_PROGRAM_JOBS_TABLE = 'deliveryprogramjobs';
const BUCKETS = 16;
const CHUNK_CHARS = 30_000;
const MAX_CHUNKS = 30;

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

function columnsOf(ids: string[]): Record<string, string> {
  const json = JSON.stringify(ids);
  const out: Record<string, string> = {};
  for (let i = 0; i * CHUNK_CHARS < json.length; i++) out[`ids${i}`] = json.slice(i * CHUNK_CHARS, (i + 1) * CHUNK_CHARS);
  if (Object.keys(out).length > MAX_CHUNKS) throw new Error('program index row full');
  return out;
}

export class ProgramJobIndex {
  constructor(private readonly store: TableStore) {}

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
    const client = await this.client();
    for (let attempt = 0; attempt < 20; attempt++) {
      const row = await this.read(programId);
      const known = idsOf(row);
      const have = new Set(known);
      const missing = [...new Set(jobIds)].filter((id) => !have.has(id));
      if (!missing.length) return;
      const entity = { ...keyOf(programId), programId, ...columnsOf([...known, ...missing]) };
      try {
        if (row) await client.updateEntity(entity, 'Merge', { etag: row.etag! });
        else await client.createEntity(entity);
        return;
      } catch (error) {
        // Another instance added ids in between: read again.
        if (!isStatus(error, 412) && !isStatus(error, 409)) throw error;
      }
    }
    throw new Error(`program index ${programId}: too many concurrent changes`);
  }
}
