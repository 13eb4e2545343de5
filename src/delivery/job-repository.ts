// Delivery jobs and their leases.
// Table "deliveryjobs": PartitionKey = "job", RowKey = safeKey(jobId). Job ids are deterministic (the
// planner derives them from program, session and offset), so creating a job twice is a harmless 409.
// Lease protocol: an instance owns a job while leaseUntil > now; claiming and renewing are
// updateEntity(..., 'Merge', { etag }) calls, so of two instances racing for the same job exactly one wins
// and the other gets 412.
import type { TableClient } from '@azure/data-tables';
import { isStatus, listAll, odataString, safeKey, type TableStore } from '../storage/tables.js';
import type { AudienceFilter, DeliveryJob, JobCounts, JobSpec, JobStatus } from './types.js';

export const DELIVERY_JOBS_TABLE = 'deliveryjobs';
const PK = 'job';

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
}

type JobPatch = Partial<Omit<DeliveryJob, 'jobId' | 'etag' | 'payload' | 'audience' | 'updateOf' | 'counts'>> & {
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

export class DeliveryJobRepository {
  constructor(private readonly store: TableStore) {}

  private client(): Promise<TableClient> {
    return this.store.table(DELIVERY_JOBS_TABLE);
  }

  async get(jobId: string): Promise<DeliveryJob | undefined> {
    const client = await this.client();
    try {
      const e = await client.getEntity<JobEntity>(PK, safeKey(jobId));
      return fromEntity(e as JobEntity & { etag: string });
    } catch (error) {
      if (isStatus(error, 404)) return undefined;
      throw error;
    }
  }

  /** Creates a planned job; false when it exists already (another instance or an earlier plan). */
  async create(spec: JobSpec, now: Date): Promise<boolean> {
    const client = await this.client();
    const entity: JobEntity & { partitionKey: string; rowKey: string } = {
      partitionKey: PK,
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
    try {
      await client.createEntity(entity);
      return true;
    } catch (error) {
      if (isStatus(error, 409)) return false;
      throw error;
    }
  }

  async list(filter?: { group?: string; statuses?: JobStatus[] }): Promise<DeliveryJob[]> {
    const client = await this.client();
    const parts = [`PartitionKey eq '${PK}'`];
    if (filter?.group !== undefined) parts.push(`group eq ${odataString(filter.group)}`);
    if (filter?.statuses?.length) parts.push(`(${filter.statuses.map((s) => `status eq ${odataString(s)}`).join(' or ')})`);
    const rows = await listAll<JobEntity>(client, parts.join(' and '));
    return rows.map((r) => fromEntity(r as unknown as JobEntity & { etag: string })).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.jobId.localeCompare(b.jobId));
  }

  /** Planned jobs that are due and running jobs (whose lease may have expired). */
  async listDue(now: Date): Promise<DeliveryJob[]> {
    const client = await this.client();
    const filter = `PartitionKey eq '${PK}' and dueAt le ${odataString(now.toISOString())} and (status eq 'planned' or status eq 'running')`;
    const rows = await listAll<JobEntity>(client, filter);
    return rows.map((r) => fromEntity(r as unknown as JobEntity & { etag: string })).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  }

  /** One conditional write; null on 412 (someone else changed the job since it was read). */
  async write(job: DeliveryJob, patch: JobPatch, now: Date): Promise<DeliveryJob | null> {
    const client = await this.client();
    const full = { ...patch, updatedAt: now.toISOString() };
    try {
      const response = await client.updateEntity(
        { partitionKey: PK, rowKey: safeKey(job.jobId), ...toEntityPatch(full) },
        'Merge',
        { etag: job.etag },
      );
      return { ...job, ...full, etag: response.etag ?? '' } as DeliveryJob;
    } catch (error) {
      if (isStatus(error, 412)) return null;
      throw error;
    }
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
