// Retention of delivery data: finished jobs older than the retention period keep only their summary (status,
// times, counts); their payload and per-recipient records are deleted. The job row itself stays, so its
// deterministic id stays taken and a re-plan cannot send it again. After the summaries, the same sweep
// takes the retired jobs' ids out of their program's index (src/delivery/program-index.ts), so it shrinks,
// and gives any planned or running job without a due hint its hint (jobs written by an older release).
// Order per job, each step safe to repeat after a crash: counts first (only if missing), then the records,
// then the summary mark.
import type { DeliveryJobRepository } from './job-repository.js';
import type { DeliveryRecordStore } from './record-repository.js';
import { countRecords } from './report.js';

export interface SweepResult {
  summarized: number;
  recordsDeleted: number;
  hintsRepaired: number;
  /** Ids of retired jobs taken out of their program's index row. */
  programIdsRemoved: number;
}

export async function sweepDeliveries(
  deps: { jobs: DeliveryJobRepository; records: DeliveryRecordStore },
  now: Date,
  retentionMs: number,
): Promise<SweepResult> {
  const { jobs, records } = deps;
  const result: SweepResult = { summarized: 0, recordsDeleted: 0, hintsRepaired: 0, programIdsRemoved: 0 };
  for (const job of await jobs.listFinishedBefore(new Date(now.getTime() - retentionMs))) {
    if (!job.counts) {
      const counts = countRecords(await records.list(job.jobId), job.total);
      await jobs.mutate(job.jobId, (j) => (j.counts ? null : { counts }), now);
    }
    result.recordsDeleted += await records.deleteJob(job.jobId);
    const marked = await jobs.mutate(job.jobId, (j) => (j.summarized || j.status !== job.status ? null : { summarized: true, payload: {} }), now);
    if (marked?.summarized) result.summarized++;
  }
  // After the summaries, so the ids of jobs retired just now leave the program index in this sweep.
  const repaired = await jobs.repairIndex(now);
  result.hintsRepaired = repaired.hintsAdded;
  result.programIdsRemoved = repaired.programIdsRemoved;
  return result;
}
