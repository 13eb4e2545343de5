// Planned coordinator announcements ("ankündigen") tied to a session follow that session: a cancelled or
// removed session cancels them, a moved or renamed one gets its new date, time and link into the payload
// before the send, so an announcement never shows a date the session no longer has. Payloads planned
// before programId was recorded belong to the deployment's program when it has exactly one (`adoptLegacy`).
import type { DeliveryJob } from '../delivery/index.js';
import { BROADCAST_KIND, broadcastPayloadSchema, broadcastSession } from '../coordination/broadcast.js';
import type { Program } from '../program/model.js';

export type BroadcastAction =
  | { type: 'cancel'; jobId: string; reason: string }
  /** The payload of a planned job is replaced (its due time stays). */
  | { type: 'repayload'; jobId: string; payload: Record<string, unknown> };

export function reconcileBroadcasts(program: Program, existing: DeliveryJob[], options: { adoptLegacy: boolean } = { adoptLegacy: true }): BroadcastAction[] {
  const sessions = new Map(program.sessions.map((s) => [s.id, s]));
  const actions: BroadcastAction[] = [];
  for (const job of existing) {
    if (job.kind !== BROADCAST_KIND || job.status !== 'planned') continue;
    const parsed = broadcastPayloadSchema.safeParse(job.payload);
    if (!parsed.success || !parsed.data.session) continue;
    const payload = parsed.data;
    if (payload.programId === undefined ? !options.adoptLegacy : payload.programId !== program.program.id) continue;
    const session = sessions.get(payload.session!.id);
    if (!session || session.status === 'cancelled') {
      actions.push({ type: 'cancel', jobId: job.jobId, reason: session ? 'session-cancelled' : 'session-removed' });
      continue;
    }
    const next = {
      ...payload,
      programId: program.program.id,
      programTitle: program.program.title,
      timezone: program.program.timezone,
      session: broadcastSession(session),
    };
    if (JSON.stringify(next) !== JSON.stringify(payload)) actions.push({ type: 'repayload', jobId: job.jobId, payload: next });
  }
  return actions;
}
