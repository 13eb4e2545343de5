// Delivery reports: per job planned / sent / failed / skipped / unreachable / uncertain, for the CLI
// (`deliveries`) and the coordinator's `status` command.
import type { DeliveryJobRepository } from './job-repository.js';
import type { DeliveryRecordStore } from './record-repository.js';
import type { DeliveryJob, DeliveryRecord, JobCounts, JobStatus } from './types.js';
import { jobProgramId } from './job-program.js';

/** `total`: the run's target count; targets not attempted yet have no record and count as pending. */
export function countRecords(records: DeliveryRecord[], total = 0): JobCounts {
  const planned = Math.max(total, records.length);
  const counts: JobCounts = { planned, pending: planned - records.length, sending: 0, sent: 0, failed: 0, skipped: 0, unreachable: 0, uncertain: 0 };
  for (const r of records) counts[r.status]++;
  return counts;
}

export interface JobReport extends JobCounts {
  jobId: string;
  kind: string;
  action: DeliveryJob['action'];
  group?: string;
  status: JobStatus;
  reason?: string;
  dueAt: string;
  finishedAt?: string;
}

export async function deliveryReport(
  deps: { jobs: DeliveryJobRepository; records: DeliveryRecordStore },
  filter: { group?: string; jobId?: string; programId?: string } = {},
): Promise<JobReport[]> {
  const found = filter.jobId
    ? [await deps.jobs.get(filter.jobId)].filter((j): j is DeliveryJob => j !== undefined)
    : await deps.jobs.list(filter.group !== undefined ? { group: filter.group } : undefined);
  const jobs = filter.programId ? found.filter((j) => jobProgramId(j) === filter.programId) : found;
  const out: JobReport[] = [];
  for (const job of jobs) {
    // Planned, skipped and cancelled-before-start jobs have no records; the rest are counted from records,
    // which are the truth even while a run is in progress.
    // A summarized job's records are gone; its counts, taken before they were deleted, are its report.
    const counts = job.status === 'planned' ? countRecords([]) : job.summarized ? (job.counts ?? countRecords([])) : countRecords(await deps.records.list(job.jobId), job.total);
    out.push({
      jobId: job.jobId,
      kind: job.kind,
      action: job.action,
      ...(job.group ? { group: job.group } : {}),
      status: job.status,
      ...(job.reason ? { reason: job.reason } : {}),
      dueAt: job.dueAt,
      ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
      ...counts,
    });
  }
  return out;
}
