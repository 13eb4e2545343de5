// Delivery jobs and their leases.
// Table "deliveryjobs": PartitionKey = "job|<bucket>", RowKey = safeKey(jobId), bucket = one of JOB_BUCKETS
// two-digit hex values hashed from the job id. Job ids are deterministic (the planner derives them from
// program, session and offset), so creating a job twice is a harmless 409. Why buckets: every claim, lease
// renewal and finish is a point operation on a job row, and the storage emulator finds a row by scanning its
// partition (see record-repository.ts), so in one partition each of them would cost more with every finished
// job kept; bench/ticks.ts times a tick with 100,000 finished jobs against none.
// Rows written before the buckets (layout 1) stay in PartitionKey = "job" and are read and written there:
// get() and write() fall back to it, create() refuses an id that exists there. The bucket count is part of
// the stored layout. A job
// is never deleted: after the retention period it shrinks to its summary (`summarized`, no payload), which
// keeps its id taken, so a re-plan cannot send it again. Which jobs are due is read from the due index
// (src/delivery/due-index.ts, its own table), which every write here keeps in step. Which jobs a program has
// (for planning it) is read from the program index (src/delivery/program-index.ts), which create() fills and
// repairIndex() (run by the retention sweep) empties of retired jobs.
// Neither a tick nor planning lists the job table: finished jobs cost them nothing. Only the retention
// sweep, the upgrade and reports (`deliveries`, `status`, purge) list it.
// Lease protocol: an instance owns a job while leaseUntil > now; claiming and renewing are
// updateEntity(..., 'Merge', { etag }) calls, so of two instances racing for the same job exactly one wins
// and the other gets 412.
import type { TableClient } from '@azure/data-tables';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/log.js';
import { bucketOf, getEntityOrUndefined, isStatus, listAll, odataString, safeKey, type TableStore } from '../storage/tables.js';
import { DUE_INDEX_LAYOUT, DueIndex, isActive } from './due-index.js';
import { jobProgramId } from './job-program.js';
import { PROGRAM_INDEX_FULL, ProgramJobIndex } from './program-index.js';
import type { AudienceFilter, DeliveryJob, JobCounts, JobSpec, JobStatus } from './types.js';

export const DELIVERY_JOBS_TABLE = 'deliveryjobs';
/** Layout 1 (before the due index): every job in this one partition. */
const LEGACY_PK = 'job';
const JOB_BUCKETS = 256;
/** Both layouts: "job" and "job|00".."job|ff" ("}" follows "|"). */
const ALL_JOBS = `PartitionKey ge '${LEGACY_PK}' and PartitionKey lt '${LEGACY_PK}}'`;

function partitionOf(jobId: string): string {
  return `${LEGACY_PK}|${bucketOf(jobId, JOB_BUCKETS)}`;
}

interface JobEntity {
  jobId: string;
  kind: string;
  action: string;
  payload: string;
  audience: string;
  dueAt: string;
  notAfter?: string;
  updateOf?: string;
  group?: string;
  status: JobStatus;
  reason?: string;
  leaseOwner?: string;
  leaseUntil?: string;
  cancelRequested?: boolean;
  claims: number;
  total?: number;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
  counts?: string;
  summarized?: boolean;
}

export type JobPatch = Partial<Omit<DeliveryJob, 'jobId' | 'etag' | 'payload' | 'audience' | 'updateOf' | 'counts'>> & {
  payload?: Record<string, unknown>;
  counts?: JobCounts;
};

function fromEntity(e: JobEntity & { etag: string }): DeliveryJob {
  return {
    jobId: e.jobId,
    kind: e.kind,
    action: e.action === 'update' ? 'update' : 'send',
    payload: JSON.parse(e.payload) as Record<string, unknown>,
    audience: JSON.parse(e.audience) as AudienceFilter,
    dueAt: e.dueAt,
    ...(e.notAfter ? { notAfter: e.notAfter } : {}),
    ...(e.updateOf ? { updateOf: JSON.parse(e.updateOf) as string[] } : {}),
    ...(e.group ? { group: e.group } : {}),
    status: e.status,
    ...(e.reason ? { reason: e.reason } : {}),
    ...(e.leaseOwner ? { leaseOwner: e.leaseOwner } : {}),
    ...(e.leaseUntil ? { leaseUntil: e.leaseUntil } : {}),
    ...(e.cancelRequested ? { cancelRequested: true } : {}),
    claims: e.claims ?? 0,
    ...(e.total !== undefined && e.total !== null ? { total: e.total } : {}),
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    ...(e.startedAt ? { startedAt: e.startedAt } : {}),
    ...(e.finishedAt ? { finishedAt: e.finishedAt } : {}),
    ...(e.counts ? { counts: JSON.parse(e.counts) as JobCounts } : {}),
    ...(e.summarized ? { summarized: true } : {}),
    etag: e.etag,
  };
}

function toEntityPatch(patch: JobPatch): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    out[key] = key === 'payload' || key === 'counts' ? JSON.stringify(value) : value;
  }
  return out;
}

/**
 * A job nothing can plan, revive or send again: a summary (after the retention period) of a job that started.
 * Planning revives only jobs that never started, and only planned or running jobs change otherwise; its row
 * stays and keeps the id taken, so the program index may forget it.
 */
export function isRetired(job: Pick<DeliveryJob, 'status' | 'summarized' | 'startedAt'>): boolean {
  return job.summarized === true && job.startedAt !== undefined && !isActive(job.status);
}

function isIndexFull(error: unknown): error is AppError {
  return error instanceof AppError && error.code === PROGRAM_INDEX_FULL;
}

/** A hint that does not match its job is dropped only after this: the change that wrote it may be in flight. */
const STALE_HINT_MS = 5 * 60_000;
const READ_PARALLELISM = 16;

export class DeliveryJobRepository {
  readonly due: DueIndex;
  readonly programs: ProgramJobIndex;
  private indexed: Promise<void> | undefined;

  private readonly logger: Logger | undefined;

  constructor(
    private readonly store: TableStore,
    options: { logger?: Logger; programIndexCapacityChars?: number } = {},
  ) {
    this.logger = options.logger;
    this.due = new DueIndex(store);
    this.programs = new ProgramJobIndex(store, options.programIndexCapacityChars !== undefined ? { capacityChars: options.programIndexCapacityChars } : {});
  }

  private logIndexFull(error: AppError, jobIds: string[]): void {
    this.logger?.error({ event: 'delivery.program_index_full', ...error.details, jobs: jobIds.length, firstJobId: jobIds[0] }, 'program index full: jobs not indexed');
  }

  private client(): Promise<TableClient> {
    return this.store.table(DELIVERY_JOBS_TABLE);
  }

  async get(jobId: string): Promise<DeliveryJob | undefined> {
    return (await this.getIn(partitionOf(jobId), jobId)) ?? this.getIn(LEGACY_PK, jobId);
  }

  private async getIn(partition: string, jobId: string): Promise<DeliveryJob | undefined> {
    const e = await getEntityOrUndefined<JobEntity>(await this.client(), partition, safeKey(jobId));
    return e && fromEntity(e as JobEntity & { etag: string });
  }

  /** Creates a planned job; false when it exists already (another instance or an earlier plan). */
  async create(spec: JobSpec, now: Date): Promise<boolean> {
    const client = await this.client();
    // A taken id is refused before any hint is written: an id taken in the old layout would not answer 409
    // in the bucket partition, and a retired job's id, gone from the program index, must not come back there.
    if (await this.get(spec.jobId)) return false;
    const entity: JobEntity & { partitionKey: string; rowKey: string } = {
      partitionKey: partitionOf(spec.jobId),
      rowKey: safeKey(spec.jobId),
      jobId: spec.jobId,
      kind: spec.kind,
      action: spec.action ?? 'send',
      payload: JSON.stringify(spec.payload),
      audience: JSON.stringify(spec.audience),
      dueAt: spec.dueAt.toISOString(),
      ...(spec.notAfter ? { notAfter: spec.notAfter.toISOString() } : {}),
      ...(spec.updateOf ? { updateOf: JSON.stringify(spec.updateOf) } : {}),
      ...(spec.group ? { group: spec.group } : {}),
      status: 'planned',
      claims: 0,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    // The hints first: a crash between them and the job leaves a hint without a job (dropped later, or read
    // as nothing), never a job that no tick or plan finds.
    const programId = jobProgramId({ jobId: spec.jobId, audience: spec.audience, payload: spec.payload, ...(spec.group ? { group: spec.group } : {}) });
    if (programId !== undefined) {
      try {
        await this.programs.add(programId, [spec.jobId]);
      } catch (error) {
        // Nothing is written yet: the job is refused, loudly, rather than stored where planning cannot see it.
        if (isIndexFull(error)) this.logIndexFull(error, [spec.jobId]);
        throw error;
      }
    }
    await this.due.put(spec.jobId, entity.dueAt, now);
    try {
      await client.createEntity(entity);
      return true;
    } catch (error) {
      if (!isStatus(error, 409)) throw error;
      // The job exists; if the hint does not match it, the next tick drops it once it is old.
      return false;
    }
  }

  /**
   * Jobs, earliest due first. Planned and running jobs alone (`statuses` within those two) are read through
   * the due index; any other filter reads the whole job table.
   */
  async list(filter?: { group?: string; statuses?: JobStatus[] }): Promise<DeliveryJob[]> {
    let jobs: DeliveryJob[];
    if (filter?.statuses?.length && filter.statuses.every(isActive)) {
      await this.ensureIndexed(new Date());
      jobs = await this.readAll((await this.due.list()).map((h) => h.jobId));
    } else {
      const client = await this.client();
      const rows = await listAll<JobEntity>(client, ALL_JOBS);
      jobs = rows.map((r) => fromEntity(r as unknown as JobEntity & { etag: string }));
    }
    return jobs
      .filter((j) => (filter?.group === undefined || j.group === filter.group) && (!filter?.statuses?.length || filter.statuses.includes(j.status)))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.jobId.localeCompare(b.jobId));
  }

  /**
   * What planning needs, without listing the job table: every planned or running job (due index) and every
   * job ever created for the given programs (program index), earliest due first.
   */
  async listLiveAndPrograms(programIds: string[]): Promise<DeliveryJob[]> {
    await this.ensureIndexed(new Date());
    const ids = (await this.due.list()).map((h) => h.jobId);
    for (const programId of new Set(programIds)) ids.push(...(await this.programs.list(programId)));
    const jobs = await this.readAll(ids);
    return jobs.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.jobId.localeCompare(b.jobId));
  }

  /**
   * Planned jobs that are due and running jobs (whose lease may have expired), from the due index: the
   * tick's cost grows with the due work, not with the jobs stored. Stale hints are dropped on the way.
   */
  async listDue(now: Date): Promise<DeliveryJob[]> {
    await this.ensureIndexed(now);
    const hints = await this.due.list(now);
    const jobs = await this.readAll(hints.map((h) => h.jobId));
    const byId = new Map(jobs.map((j) => [j.jobId, j]));
    const due = new Map<string, DeliveryJob>();
    for (const hint of hints) {
      const job = byId.get(hint.jobId);
      // A hint that does not match its job is dropped only once it is old: a young one may belong to a
      // change in flight (hint written, job not yet), and dropping it would leave that job without one.
      const stale = !job || !isActive(job.status) || job.dueAt !== hint.dueAt;
      if (stale && now.getTime() - Date.parse(hint.writtenAt) > STALE_HINT_MS) await this.due.remove(hint.jobId, hint.dueAt);
      if (job && isActive(job.status) && job.dueAt <= now.toISOString()) due.set(job.jobId, job);
    }
    return [...due.values()].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /**
   * Gives every planned or running job its due hint and every job of a program its place in the program
   * index, and takes retired jobs (isRetired) out of the program index: once when the stored layout predates
   * the indexes (an upgrade), and from the retention sweep, so a job written by an instance of an older
   * release is found too and the program index shrinks as jobs retire. Reads the whole job table. A program
   * whose row is full is logged and skipped, and the first such error thrown after every other program is
   * done. Returns the hints added and the retired ids taken out of program rows.
   */
  async repairIndex(now: Date): Promise<{ hintsAdded: number; programIdsRemoved: number }> {
    const client = await this.client();
    const rows = await listAll<JobEntity>(client, ALL_JOBS);
    const hinted = new Set((await this.due.list()).map((h) => `${h.jobId}|${h.dueAt}`));
    let added = 0;
    const byProgram = new Map<string, { live: string[]; retired: string[] }>();
    for (const row of rows) {
      const job = fromEntity(row as unknown as JobEntity & { etag: string });
      const programId = jobProgramId(job);
      if (programId !== undefined) {
        const entry = byProgram.get(programId) ?? { live: [], retired: [] };
        (isRetired(job) ? entry.retired : entry.live).push(job.jobId);
        byProgram.set(programId, entry);
      }
      if (!isActive(job.status) || hinted.has(`${row.jobId}|${row.dueAt}`)) continue;
      await this.due.put(row.jobId, row.dueAt, now);
      added++;
    }
    let removed = 0;
    let full: AppError | undefined;
    // In program order, so a sweep that meets a full row does the same work every time.
    for (const [programId, { live, retired }] of [...byProgram].sort(([a], [b]) => a.localeCompare(b))) {
      try {
        removed += (await this.programs.change(programId, live, retired)).removed;
      } catch (error) {
        if (!isIndexFull(error)) throw error;
        this.logIndexFull(error, live);
        full ??= error;
      }
    }
    if (full) throw full;
    return { hintsAdded: added, programIdsRemoved: removed };
  }

  /** Finished jobs (done, skipped, cancelled) that finished before `cutoff` and are not yet summaries. */
  async listFinishedBefore(cutoff: Date): Promise<DeliveryJob[]> {
    const client = await this.client();
    const filter = `${ALL_JOBS} and finishedAt lt ${odataString(cutoff.toISOString())} and (status eq 'done' or status eq 'skipped' or status eq 'cancelled')`;
    const rows = await listAll<JobEntity>(client, filter);
    return rows.map((r) => fromEntity(r as unknown as JobEntity & { etag: string })).filter((j) => !j.summarized);
  }

  private ensureIndexed(now: Date): Promise<void> {
    this.indexed ??= (async () => {
      if ((await this.due.layout()) >= DUE_INDEX_LAYOUT) return;
      await this.repairIndex(now);
      await this.due.setLayout(now);
    })();
    this.indexed.catch(() => (this.indexed = undefined));
    return this.indexed;
  }

  private async readAll(jobIds: string[]): Promise<DeliveryJob[]> {
    const ids = [...new Set(jobIds)];
    const out: DeliveryJob[] = [];
    for (let i = 0; i < ids.length; i += READ_PARALLELISM) {
      const batch = await Promise.all(ids.slice(i, i + READ_PARALLELISM).map((id) => this.get(id)));
      for (const job of batch) if (job) out.push(job);
    }
    return out;
  }

  /**
   * Deletes a job and its due hint: only for the purge of a removed program, whose jobs must not stay behind
   * (its records are deleted by the record store). The row goes first: a hint without its job is dropped later.
   */
  async deleteJob(job: DeliveryJob): Promise<void> {
    const client = await this.client();
    for (const partition of [partitionOf(job.jobId), LEGACY_PK]) {
      try {
        await client.deleteEntity(partition, safeKey(job.jobId));
      } catch (error) {
        if (!isStatus(error, 404)) throw error;
      }
    }
    await this.due.remove(job.jobId, job.dueAt);
  }

  /** One conditional write; null on 412 (someone else changed the job since it was read). */
  async write(job: DeliveryJob, patch: JobPatch, now: Date): Promise<DeliveryJob | null> {
    const client = await this.client();
    // A revived job is no longer a summary (its payload comes back with the patch).
    const full = { ...patch, ...(job.summarized && isActive(patch.status ?? job.status) ? { summarized: false } : {}), updatedAt: now.toISOString() };
    const before = { active: isActive(job.status), dueAt: job.dueAt };
    const after = { active: isActive(patch.status ?? job.status), dueAt: patch.dueAt ?? job.dueAt };
    const moved = before.active !== after.active || before.dueAt !== after.dueAt;
    // The new hint before the job, the old one removed after it (see due-index.ts).
    if (moved && after.active) await this.due.put(job.jobId, after.dueAt, now);
    let written: DeliveryJob;
    const merge = (partitionKey: string) =>
      client.updateEntity({ partitionKey, rowKey: safeKey(job.jobId), ...toEntityPatch(full) }, 'Merge', { etag: job.etag });
    try {
      // A job of the old layout answers 404 in its bucket: it is written where it is.
      const response = await merge(partitionOf(job.jobId)).catch((error: unknown) => {
        if (isStatus(error, 404)) return merge(LEGACY_PK);
        throw error;
      });
      written = { ...job, ...full, etag: response.etag ?? '' } as DeliveryJob;
    } catch (error) {
      if (isStatus(error, 412)) return null;
      throw error;
    }
    if (moved && before.active) await this.due.remove(job.jobId, before.dueAt);
    return written;
  }

  /**
   * Read-modify-write until the conditional write lands. `decide` sees the current job and returns the
   * patch, or null to leave the job unchanged.
   */
  async mutate(jobId: string, decide: (job: DeliveryJob) => JobPatch | null, now: Date): Promise<DeliveryJob | undefined> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const job = await this.get(jobId);
      if (!job) return undefined;
      const patch = decide(job);
      if (!patch) return job;
      const written = await this.write(job, patch, now);
      if (written) return written;
    }
    throw new Error(`job ${jobId}: too many concurrent changes`);
  }

  /** Takes the lease when the job is planned, or running with an expired lease. null when another instance won. */
  async claim(job: DeliveryJob, owner: string, now: Date, leaseMs: number): Promise<DeliveryJob | null> {
    const claimable = job.status === 'planned' || (job.status === 'running' && (!job.leaseUntil || job.leaseUntil <= now.toISOString()));
    if (!claimable) return null;
    return this.write(
      job,
      {
        status: 'running',
        leaseOwner: owner,
        leaseUntil: new Date(now.getTime() + leaseMs).toISOString(),
        claims: job.claims + 1,
        startedAt: job.startedAt ?? now.toISOString(),
      },
      now,
    );
  }

  /** Extends the lease; undefined when the lease was lost (another owner, or the job left `running`). */
  async renew(jobId: string, owner: string, now: Date, leaseMs: number): Promise<DeliveryJob | undefined> {
    let lost = false;
    const job = await this.mutate(
      jobId,
      (current) => {
        if (current.status !== 'running' || current.leaseOwner !== owner) {
          lost = true;
          return null;
        }
        return { leaseUntil: new Date(now.getTime() + leaseMs).toISOString() };
      },
      now,
    );
    return lost ? undefined : job;
  }

  /** Ends a run this owner holds. false when the lease had been lost. */
  async finish(jobId: string, owner: string, status: JobStatus, now: Date, counts?: JobCounts, reason?: string): Promise<boolean> {
    let held = true;
    await this.mutate(
      jobId,
      (current) => {
        if (current.status !== 'running' || current.leaseOwner !== owner) {
          held = false;
          return null;
        }
        return { status, finishedAt: now.toISOString(), leaseUntil: now.toISOString(), ...(counts ? { counts } : {}), ...(reason ? { reason } : {}) };
      },
      now,
    );
    return held;
  }

  /** Graceful stop: the job stays running but its lease ends now, so any instance resumes it at once. */
  async finishStopped(jobId: string, owner: string, now: Date): Promise<void> {
    await this.mutate(
      jobId,
      (current) => (current.status === 'running' && current.leaseOwner === owner ? { leaseUntil: now.toISOString() } : null),
      now,
    );
  }
}
