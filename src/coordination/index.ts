// Public surface of the coordinator workflows: the feature (commands and card actions for the
// conversation core), the broadcast job kind and its builder for the delivery engine, the audit trail
// and its CLI command.
export { createCoordinationFeature, type CoordinationDeps, type CoordinationFeature, type CoordinationTurn } from './feature.js';
export {
  BROADCAST_KIND,
  BROADCAST_GROUP,
  BROADCAST_GRACE_MS,
  coordinationBuilders,
  broadcastMessage,
  buildBroadcastCard,
  countRecipients,
  audienceFilter,
  broadcastPayloadSchema,
  announcementZone,
  type BroadcastPayload,
  type RecipientCount,
} from './broadcast.js';
export { AuditRepository, AUDIT_TABLE, truncateJson, auditRowKey, auditPartition, type AuditEntry, type AuditInput, type AuditOutcome } from './audit-repository.js';
export { coordinationCliCommands, formatAuditTable } from './cli.js';
export { parseReminderOffset, formatReminderOffset, REMINDER_CHOICES } from './durations.js';
export { VERBS, type CoordinationVerb } from './verbs.js';
export { PROGRESS_INTERVAL_MS, ProgressWatcher, loadProgressView } from './progress.js';
