// Group commit for Table Storage writes: operations on one partition that arrive while a transaction is in
// flight are collected and sent as the next transaction (at most 100 operations, the service's limit).
// A lone write goes out at once as a plain request, so at low traffic it costs nothing; under a burst
// (delivery records at 1,000+/s, a poll's votes, questions after a reminder) it turns hundreds of single
// writes into a few transactions. Every caller's promise settles only when its own write is stored. A failed
// transaction is atomic, so its operations are retried one by one, and each caller gets its own answer
// (e.g. 409 for an existing row, 412 for a stale etag).
import type { TableClient, TableEntity, TransactionAction } from '@azure/data-tables';

export type BatchOp =
  | { type: 'create'; entity: TableEntity }
  | { type: 'merge'; entity: TableEntity; etag?: string }
  | { type: 'upsert'; entity: TableEntity; mode?: 'Merge' | 'Replace' };

interface Pending {
  op: BatchOp;
  resolve: (etag: string) => void;
  reject: (error: unknown) => void;
}

const MAX_BATCH = 100;

/** One partition's writes: those waiting, how many transactions are out, and the rows they touch. */
interface PartitionState {
  queue: Pending[];
  inFlight: number;
  /** A later write of a busy row waits, so the writes of one row keep their order. */
  busyRows: Set<string>;
}

export class TableBatcher {
  private readonly partitions = new Map<string, PartitionState>();

  constructor(
    private readonly client: TableClient,
    private readonly maxInFlightPerPartition = 2,
  ) {}

  /** Resolves with the entity's new etag. */
  write(op: BatchOp): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const pk = op.entity.partitionKey;
      let state = this.partitions.get(pk);
      if (!state) {
        state = { queue: [], inFlight: 0, busyRows: new Set() };
        this.partitions.set(pk, state);
      }
      state.queue.push({ op, resolve, reject });
      if (state.inFlight < this.maxInFlightPerPartition) setImmediate(() => this.flush(pk));
    });
  }

  private flush(pk: string): void {
    const state = this.partitions.get(pk);
    if (!state || state.queue.length === 0 || state.inFlight >= this.maxInFlightPerPartition) return;
    // A transaction may touch each entity once, and a row still being written must not be overtaken: stop at
    // the first row key that is repeated or busy. The in-flight write's completion flushes again.
    const { queue, busyRows } = state;
    const batch: Pending[] = [];
    while (queue.length && batch.length < MAX_BATCH && !busyRows.has(queue[0]!.op.entity.rowKey)) {
      const next = queue.shift()!;
      busyRows.add(next.op.entity.rowKey);
      batch.push(next);
    }
    if (!batch.length) return;
    state.inFlight++;
    void this.run(batch).finally(() => {
      for (const p of batch) busyRows.delete(p.op.entity.rowKey);
      state.inFlight--;
      if (queue.length) this.flush(pk);
      else if (state.inFlight === 0) this.partitions.delete(pk);
    });
  }

  private async run(batch: Pending[]): Promise<void> {
    if (batch.length === 1) return this.single(batch[0]!);
    try {
      const response = await this.client.submitTransaction(batch.map((p) => toAction(p.op)));
      batch.forEach((p, i) => p.resolve(response.subResponses[i]?.etag ?? ''));
    } catch {
      await Promise.all(batch.map((p) => this.single(p)));
    }
  }

  private async single(p: Pending): Promise<void> {
    try {
      const { op } = p;
      const response =
        op.type === 'create'
          ? await this.client.createEntity(op.entity)
          : op.type === 'merge'
            ? await this.client.updateEntity(op.entity, 'Merge', op.etag ? { etag: op.etag } : undefined)
            : await this.client.upsertEntity(op.entity, op.mode ?? 'Merge');
      p.resolve(response.etag ?? '');
    } catch (error) {
      p.reject(error);
    }
  }
}

function toAction(op: BatchOp): TransactionAction {
  if (op.type === 'create') return ['create', op.entity];
  if (op.type === 'merge') return ['update', op.entity, 'Merge', op.etag ? { etag: op.etag } : undefined] as TransactionAction;
  return ['upsert', op.entity, op.mode ?? 'Merge'];
}
