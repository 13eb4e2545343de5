// Per-recipient delivery records.
// Table "deliveries": PartitionKey = "<safeKey(jobId)>|<bucket>", RowKey = safeKey(targetKey), where
// targetKey is the conversation id (send jobs) or "conversationId|activityId" (update jobs) and bucket is
// one of RECORD_BUCKETS two-digit hex values hashed from the targetKey. A job's records are one range query
// ("|" never occurs in safeKey output, so no other job's partitions fall in the range), and writes that
// arrive together are batched into one transaction per bucket. Why buckets: Azure serves one partition at up
// to ~2,000 entities/s, and the storage emulator finds a row by scanning its partition: 10,000 updates in a
// single 10,000-row partition cost it 10.9 s of CPU, in 8 buckets 2.75 s. Why only 8: at a few hundred
// writes/s more buckets mean smaller transactions and more requests (32 buckets were slower than one).
// The bucket count is part of the stored layout: changing it orphans the records of running jobs.
import type { TableClient } from '@azure/data-tables';
import { bucketOf, bucketRangeFilter, isStatus, listAll, safeKey, type TableStore } from '../storage/tables.js';
import type { TableBatcher } from '../storage/table-batcher.js';
import type { DeliveryRecord, DeliveryStatus } from './types.js';

export const DELIVERY_RECORDS_TABLE = 'deliveries';
const RECORD_BUCKETS = 8;

export function recordPartition(jobId: string, targetKey: string): string {
  return `${safeKey(jobId)}|${bucketOf(targetKey, RECORD_BUCKETS)}`;
}

/** Every partition of a job. */
function jobFilter(jobId: string): string {
  return bucketRangeFilter(safeKey(jobId));
}

export interface NewRecord {
  targetKey: string;
  conversationId: string;
  tenantId: string;
  targetActivityId?: string;
  sourceJobId?: string;
}

export type RecordPatch = Partial<Pick<DeliveryRecord, 'status' | 'attempts' | 'lastError' | 'activityId' | 'owner'>>;

/** Storage of delivery records; the Table implementation is the real one, the memory one serves benchmarks. */
export interface DeliveryRecordStore {
  list(jobId: string): Promise<DeliveryRecord[]>;
  /**
   * First write for a recipient: creates its record, normally directly as `sending` (the intent). null when
   * the record exists already (409): another run got there first. Creating instead of pre-writing
   * `pending` rows halves the writes per message and costs nothing at the start of a large job.
   */
  create(jobId: string, record: NewRecord, state: { status: DeliveryStatus; owner?: string; lastError?: string }, now: Date): Promise<DeliveryRecord | null>;
  /**
   * The at-most-once gate for an existing record (a retry): pending -> sending, conditional on the
   * record's etag. null when another writer changed the record first (412).
   */
  claim(record: DeliveryRecord, owner: string, now: Date): Promise<DeliveryRecord | null>;
  /** Conditional merge on the record's etag; null on 412. For decisions made on a possibly stale read. */
  transition(record: DeliveryRecord, patch: RecordPatch, now: Date): Promise<DeliveryRecord | null>;
  /** Unconditional merge: outcomes are facts and must be recorded even by a run that lost its lease. */
  update(record: DeliveryRecord, patch: RecordPatch, now: Date): Promise<DeliveryRecord>;
  /** Deletes every record of a job (retention); returns how many there were. */
  deleteJob(jobId: string): Promise<number>;
}

type RecordEntity = {
  jobId: string;
  conversationId: string;
  tenantId: string;
  status: DeliveryStatus;
  attempts: number;
  lastError?: string;
  activityId?: string;
  targetActivityId?: string;
  sourceJobId?: string;
  owner?: string;
  targetKey: string;
  updatedAt: string;
};

function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export class TableRecordStore implements DeliveryRecordStore {
  constructor(private readonly store: TableStore) {}

  private async writer(): Promise<{ client: TableClient; batcher: TableBatcher }> {
    const [client, batcher] = await Promise.all([this.store.table(DELIVERY_RECORDS_TABLE), this.store.batcher(DELIVERY_RECORDS_TABLE)]);
    return { client, batcher };
  }

  async list(jobId: string): Promise<DeliveryRecord[]> {
    const { client } = await this.writer();
    const rows = await listAll<RecordEntity>(client, jobFilter(jobId));
    return (rows as unknown as (RecordEntity & { etag: string })[]).map((row) => ({
      jobId: row.jobId,
      targetKey: row.targetKey,
      conversationId: row.conversationId,
      tenantId: row.tenantId,
      status: row.status,
      attempts: row.attempts,
      ...(row.lastError ? { lastError: row.lastError } : {}),
      ...(row.activityId ? { activityId: row.activityId } : {}),
      ...(row.targetActivityId ? { targetActivityId: row.targetActivityId } : {}),
      ...(row.sourceJobId ? { sourceJobId: row.sourceJobId } : {}),
      ...(row.owner ? { owner: row.owner } : {}),
      updatedAt: row.updatedAt,
      etag: row.etag,
    }));
  }

  async create(jobId: string, r: NewRecord, state: { status: DeliveryStatus; owner?: string; lastError?: string }, now: Date): Promise<DeliveryRecord | null> {
    const { batcher } = await this.writer();
    const updatedAt = now.toISOString();
    const entity: RecordEntity & { partitionKey: string; rowKey: string } = strip({
      partitionKey: recordPartition(jobId, r.targetKey),
      rowKey: safeKey(r.targetKey),
      jobId,
      targetKey: r.targetKey,
      conversationId: r.conversationId,
      tenantId: r.tenantId,
      targetActivityId: r.targetActivityId,
      sourceJobId: r.sourceJobId,
      status: state.status,
      owner: state.owner,
      lastError: state.lastError,
      attempts: 0,
      updatedAt,
    });
    try {
      const etag = await batcher.write({ type: 'create', entity });
      return strip({ ...r, jobId, status: state.status, owner: state.owner, lastError: state.lastError, attempts: 0, updatedAt, etag });
    } catch (error) {
      if (isStatus(error, 409)) return null;
      throw error;
    }
  }

  claim(record: DeliveryRecord, owner: string, now: Date): Promise<DeliveryRecord | null> {
    return this.transition(record, { status: 'sending', owner }, now);
  }

  async transition(record: DeliveryRecord, patch: RecordPatch, now: Date): Promise<DeliveryRecord | null> {
    const { batcher } = await this.writer();
    const updatedAt = now.toISOString();
    try {
      const etag = await batcher.write({
        type: 'merge',
        entity: strip({ partitionKey: recordPartition(record.jobId, record.targetKey), rowKey: safeKey(record.targetKey), ...patch, updatedAt }),
        etag: record.etag,
      });
      return { ...record, ...strip(patch), updatedAt, etag };
    } catch (error) {
      if (isStatus(error, 412)) return null;
      throw error;
    }
  }

  async update(record: DeliveryRecord, patch: RecordPatch, now: Date): Promise<DeliveryRecord> {
    const { batcher } = await this.writer();
    const updatedAt = now.toISOString();
    const etag = await batcher.write({
      type: 'merge',
      entity: strip({ partitionKey: recordPartition(record.jobId, record.targetKey), rowKey: safeKey(record.targetKey), ...patch, updatedAt }),
    });
    return { ...record, ...patch, updatedAt, etag };
  }

  async deleteJob(jobId: string): Promise<number> {
    const { client } = await this.writer();
    const rows = await listAll<{ partitionKey: string; rowKey: string }>(client, jobFilter(jobId));
    const byPartition = new Map<string, string[]>();
    for (const row of rows) byPartition.set(row.partitionKey!, [...(byPartition.get(row.partitionKey!) ?? []), row.rowKey!]);
    for (const [partition, keys] of byPartition) {
      // One transaction per 100 rows of a partition (the service's limit).
      for (let i = 0; i < keys.length; i += 100) {
        await client.submitTransaction(keys.slice(i, i + 100).map((rowKey) => ['delete', { partitionKey: partition, rowKey }]));
      }
    }
    return rows.length;
  }
}

/** Records in process memory: for benchmarks of the engine alone. Same semantics, including etags. */
export class MemoryRecordStore implements DeliveryRecordStore {
  private readonly jobs = new Map<string, Map<string, DeliveryRecord>>();
  private seq = 0;

  private job(jobId: string): Map<string, DeliveryRecord> {
    let map = this.jobs.get(jobId);
    if (!map) this.jobs.set(jobId, (map = new Map()));
    return map;
  }

  async list(jobId: string): Promise<DeliveryRecord[]> {
    return [...this.job(jobId).values()].map((r) => ({ ...r }));
  }

  async create(jobId: string, r: NewRecord, state: { status: DeliveryStatus; owner?: string; lastError?: string }, now: Date): Promise<DeliveryRecord | null> {
    const map = this.job(jobId);
    if (map.has(r.targetKey)) return null;
    const record: DeliveryRecord = strip({ jobId, ...r, ...state, attempts: 0, updatedAt: now.toISOString(), etag: String(++this.seq) });
    map.set(r.targetKey, record);
    return { ...record };
  }

  claim(record: DeliveryRecord, owner: string, now: Date): Promise<DeliveryRecord | null> {
    return this.transition(record, { status: 'sending', owner }, now);
  }

  async transition(record: DeliveryRecord, patch: RecordPatch, now: Date): Promise<DeliveryRecord | null> {
    const current = this.job(record.jobId).get(record.targetKey);
    if (!current || current.etag !== record.etag) return null;
    const next: DeliveryRecord = { ...current, ...strip(patch), updatedAt: now.toISOString(), etag: String(++this.seq) };
    this.job(record.jobId).set(record.targetKey, next);
    return { ...next };
  }

  async update(record: DeliveryRecord, patch: RecordPatch, now: Date): Promise<DeliveryRecord> {
    const current = this.job(record.jobId).get(record.targetKey) ?? record;
    const next: DeliveryRecord = { ...current, ...strip(patch), updatedAt: now.toISOString(), etag: String(++this.seq) };
    this.job(record.jobId).set(record.targetKey, next);
    return { ...next };
  }

  async deleteJob(jobId: string): Promise<number> {
    const count = this.job(jobId).size;
    this.jobs.delete(jobId);
    return count;
  }
}
