// Which program a delivery job belongs to, for the per-program report (`deliveries --program`) and the purge
// of a removed program. Jobs planned for a program carry it in their audience; jobs addressed to
// conversations (meeting chats) and jobs written before audiences named programs carry it in their id
// (ann|<programId>|…, upd|<programId>|…, feedback-poll:<programId>:…), their group ("<programId>/<sessionId>")
// or their payload.
import type { DeliveryJob } from './types.js';

const KEYED_ID = /^(?:ann|upd)\|([a-z0-9-]+)\|/;
const FEEDBACK_ID = /^feedback-[a-z]+:([a-z0-9-]+)(?::|$)/;

/** The job's program id, or undefined for a job of no program (e.g. a broadcast of the single-program era). */
export function jobProgramId(job: Pick<DeliveryJob, 'jobId' | 'audience' | 'group' | 'payload'>): string | undefined {
  if (job.audience.programId) return job.audience.programId;
  const fromId = KEYED_ID.exec(job.jobId)?.[1] ?? FEEDBACK_ID.exec(job.jobId)?.[1];
  if (fromId) return fromId;
  if (job.group?.includes('/')) return job.group.slice(0, job.group.indexOf('/'));
  const payloadProgram = (job.payload as { programId?: unknown } | undefined)?.programId;
  return typeof payloadProgram === 'string' ? payloadProgram : undefined;
}
