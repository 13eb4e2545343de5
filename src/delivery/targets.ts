// The audience step of a job run: who a job is for, as one entry per target key. A send job goes to the
// audience's conversations; an update job replaces what its source jobs sent, in conversations that are
// still reachable.
import type { StoredConversation } from '../registry/types.js';
import type { DeliveryRecordStore, NewRecord } from './record-repository.js';
import type { AudienceSource, DeliveryJob, DeliveryRecord, DeliveryTarget } from './types.js';

export interface ResolvedTarget {
  conversation: StoredConversation;
  /** Where to send instead when `conversation` (a team's announcement channel) answers 404. */
  fallback?: StoredConversation;
  /** The record to create for this target (its intent). */
  record: NewRecord;
  target: DeliveryTarget;
}

export type TargetMap = Map<string, ResolvedTarget>;

export async function resolveTargets(job: DeliveryJob, audience: AudienceSource, records: DeliveryRecordStore): Promise<TargetMap> {
  const out: TargetMap = new Map();
  if (job.action === 'send') {
    for (const conversation of await audience.list(job.audience)) {
      const { fallback, ...target } = conversation;
      out.set(conversation.conversationId, {
        conversation: target,
        ...(fallback ? { fallback } : {}),
        record: { targetKey: conversation.conversationId, conversationId: conversation.conversationId, tenantId: conversation.tenantId },
        target: {},
      });
    }
    return out;
  }
  const sent: DeliveryRecord[] = [];
  for (const source of job.updateOf ?? []) {
    for (const r of await records.list(source)) if (r.status === 'sent' && r.activityId) sent.push(r);
  }
  if (!sent.length) return out;
  const ids = [...new Set(sent.map((r) => r.conversationId))];
  // Every card that went out is corrected, also where the program has been unfollowed since: a card left
  // showing an old date would be a silent change.
  const { programId: _programId, ...addressed } = job.audience;
  const conversations = new Map((await audience.list({ ...addressed, conversationIds: ids })).map((c) => [c.conversationId, c]));
  for (const r of sent) {
    const conversation = conversations.get(r.conversationId);
    if (!conversation) continue;
    const targetKey = `${r.conversationId}|${r.activityId}`;
    out.set(targetKey, {
      conversation,
      record: { targetKey, conversationId: r.conversationId, tenantId: conversation.tenantId, targetActivityId: r.activityId!, sourceJobId: r.jobId },
      target: { activityId: r.activityId!, sourceJobId: r.jobId },
    });
  }
  return out;
}
