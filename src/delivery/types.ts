// The delivery engine's vocabulary: jobs, per-recipient delivery records, the audience port and the
// message builders. Shared by announcements, polls, retrospectives and coordinator broadcasts.
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { ConversationKind, StoredConversation } from '../registry/types.js';

/**
 * Per (job, target) state. `sending` is the intent written before the connector call; a record found in
 * `sending` after its owner's lease expired becomes `uncertain` (the message may or may not have gone out)
 * and is never re-sent automatically.
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped' | 'unreachable' | 'uncertain';
export const TERMINAL_STATUSES: readonly DeliveryStatus[] = ['sent', 'failed', 'skipped', 'unreachable', 'uncertain'];

export type JobStatus = 'planned' | 'running' | 'done' | 'skipped' | 'cancelled';
/** `send` posts a new activity per conversation; `update` replaces activities sent by `updateOf` jobs. */
export type JobAction = 'send' | 'update';

export interface AudienceFilter {
  /** Which rule set the audience applies; `announcement` = subscribed personal chats, teams, group chats. */
  purpose: 'announcement' | 'broadcast';
  /** The program whose conversations receive it (teams linked to it, personal chats following it). */
  programId?: string;
  kinds?: ConversationKind[];
  tenantId?: string;
  /** Restrict to these conversations (update jobs, tests, targeted broadcasts). */
  conversationIds?: string[];
}

/** A conversation to deliver to. A team's announcement channel names its install channel as `fallback`. */
export type AudienceTarget = StoredConversation & { fallback?: StoredConversation };

/** Who receives deliveries. The lead implements it over the conversation registry. */
export interface AudienceSource {
  /** Active targets only: never removed, inactive or (for announcements) unsubscribed conversations. */
  list(filter: AudienceFilter): Promise<AudienceTarget[]>;
  /** Called on 403 MessageWritesBlocked or 404: the conversation must not be written to again. */
  markInactive(conversationId: string, reason: string): Promise<void>;
}

export interface JobSpec {
  jobId: string;
  kind: string;
  action?: JobAction;
  /** Input of the message builder for `kind`; JSON-compatible, stored with the job. */
  payload: Record<string, unknown>;
  audience: AudienceFilter;
  dueAt: Date;
  /** Never deliver after this instant: remaining recipients are skipped as overdue. */
  notAfter?: Date;
  /** For `update` jobs: the jobs whose sent activities are replaced. */
  updateOf?: string[];
  /** Free grouping key (e.g. "programId/sessionId") used by planners and reports. */
  group?: string;
}

export interface JobCounts {
  planned: number;
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  skipped: number;
  unreachable: number;
  uncertain: number;
}

export interface DeliveryJob extends Omit<JobSpec, 'dueAt' | 'notAfter' | 'action'> {
  action: JobAction;
  dueAt: string;
  notAfter?: string;
  status: JobStatus;
  /** Why a job was skipped or cancelled (e.g. "overdue", "session-cancelled"). */
  reason?: string;
  leaseOwner?: string;
  leaseUntil?: string;
  cancelRequested?: boolean;
  claims: number;
  /** Targets of the latest run (recipients not yet attempted have no record yet). */
  total?: number;
  createdAt: string;
  updatedAt: string;
  startedAt?: string;
  finishedAt?: string;
  counts?: JobCounts;
  /** Past the retention period: payload and per-recipient records deleted, `counts` kept as the report. */
  summarized?: boolean;
  etag: string;
}

export interface DeliveryRecord {
  jobId: string;
  /** Row identity: the conversation id, or "conversationId|activityId" for update jobs. */
  targetKey: string;
  conversationId: string;
  tenantId: string;
  status: DeliveryStatus;
  attempts: number;
  lastError?: string;
  /** The activity the connector created (send) or replaced (update). */
  activityId?: string;
  /** Update jobs: the activity to replace and the job that sent it. */
  targetActivityId?: string;
  sourceJobId?: string;
  /** Lease token of the run that wrote `sending`. */
  owner?: string;
  updatedAt: string;
  etag: string;
}

export interface DeliveryTarget {
  activityId?: string;
  sourceJobId?: string;
}

/** Builds the message for one conversation; the engine calls it right before sending. */
export type MessageBuilder = (
  job: DeliveryJob,
  conversation: StoredConversation,
  target: DeliveryTarget,
) => OutgoingMessage | Promise<OutgoingMessage>;

export interface DeliveryProgress {
  jobId: string;
  total: number;
  sent: number;
  failed: number;
  done: number;
}
