// The due index: one small row per planned or running delivery job, so that a scheduler tick reads only the
// work that is due, however many finished jobs the job table holds.
// Table "deliverydue": PartitionKey = "due", RowKey = "<dueAt ISO>|<safeKey(jobId)>". A tick is one range
// query (RowKey < "<now>}"; "}" follows "|"), then one point read per due job. Its own table, not a partition
// of "deliveryjobs": the storage emulator scans a whole table for any query, whatever the partition.
// The rows are hints; the job row stays the truth. Every change writes the new hint before the job and
// deletes the old one after it, so a crash leaves at most a stale hint (dropped at the next read), never a
// due job without one. The marker row PartitionKey = "meta", RowKey = "layout" says the jobs stored before
// the indexes existed have been indexed: layout 2 = due hints (layout 1 scanned one partition every tick),
// layout 3 = also the program index (src/delivery/program-index.ts; layout 2 listed every job to plan).
import type { TableClient } from '@azure/data-tables';
import { getEntityOrUndefined, isStatus, listAll, odataString, safeKey, type TableStore } from '../storage/tables.js';
import type { JobStatus } from './types.js';

export const DELIVERY_DUE_TABLE = 'deliverydue';
const PK = 'due';
const META_PK = 'meta';
const LAYOUT_ROW = 'layout';
export const DUE_INDEX_LAYOUT = 3;

export interface DueHint {
  jobId: string;
  dueAt: string;
  /** When the hint was written: a hint without a job is dropped only once its job had time to be created. */
  writtenAt: string;
}

/** Statuses a job is indexed in. */
export function isActive(status: JobStatus): boolean {
  return status === 'planned' || status === 'running';
}

function rowKey(jobId: string, dueAt: string): string {
  return `${dueAt}|${safeKey(jobId)}`;
}

export class DueIndex {
  constructor(private readonly store: TableStore) {}

  private client(): Promise<TableClient> {
    return this.store.table(DELIVERY_DUE_TABLE);
  }

  async put(jobId: string, dueAt: string, now: Date): Promise<void> {
    const client = await this.client();
    await client.upsertEntity({ partitionKey: PK, rowKey: rowKey(jobId, dueAt), jobId, dueAt, writtenAt: now.toISOString() }, 'Replace');
  }

  async remove(jobId: string, dueAt: string): Promise<void> {
    const client = await this.client();
    try {
      await client.deleteEntity(PK, rowKey(jobId, dueAt));
    } catch (error) {
      if (!isStatus(error, 404)) throw error;
    }
  }

  /** Hints due at `now` or earlier (all hints without `now`), earliest first. */
  async list(now?: Date): Promise<DueHint[]> {
    const client = await this.client();
    const filter = `PartitionKey eq '${PK}'${now ? ` and RowKey lt ${odataString(`${now.toISOString()}}`)}` : ''}`;
    const rows = await listAll<DueHint>(client, filter);
    return rows.map((r) => ({ jobId: r.jobId, dueAt: r.dueAt, writtenAt: r.writtenAt })).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  async layout(): Promise<number> {
    const row = await getEntityOrUndefined<{ layout: number }>(await this.client(), META_PK, LAYOUT_ROW);
    return row ? row.layout : 1;
  }

  async setLayout(now: Date): Promise<void> {
    const client = await this.client();
    await client.upsertEntity({ partitionKey: META_PK, rowKey: LAYOUT_ROW, layout: DUE_INDEX_LAYOUT, at: now.toISOString() }, 'Replace');
  }
}
