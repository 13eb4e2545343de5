// Delivery and scheduler settings with the Teams limits as defaults (the service fills them from src/config).
// Microsoft says its numbers may change, so every limit here is configurable.

export interface WindowLimit {
  limit: number;
  windowMs: number;
}

/** Teams' published per-bot, per-conversation limits (sending messages). */
export const TEAMS_CONVERSATION_LIMITS: readonly WindowLimit[] = [
  { limit: 7, windowMs: 1_000 },
  { limit: 8, windowMs: 2_000 },
  { limit: 60, windowMs: 30_000 },
  { limit: 1800, windowMs: 3_600_000 },
];

export interface DeliverySettings {
  /** Requests per second per tenant (Teams: per app per tenant, 50 in the newest revision, 30 in an older one). */
  maxRps: number;
  conversationLimits: readonly WindowLimit[];
  /** Attempts per recipient, including the first. */
  maxAttempts: number;
  /** First retry after a server or network error (412/502/503/504); with jitter, half of it to all of it. */
  firstRetryMs: number;
  /** Exponential backoff: the first delay after a throttled request, and the base of every later delay. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Concurrent connector calls per tenant lane. */
  concurrencyPerTenant: number;
  /**
   * The longest a connector call may take. A send without an answer by then is `uncertain` (it may have
   * been accepted), never resent; an update is retried. Without it, a hung socket holds a worker for good.
   */
  sendTimeoutMs: number;
  /** Finished jobs older than this lose their records and payload; their counts stay as the report. */
  retentionMs: number;
  /** How often each instance runs the retention sweep (and checks the due index), from its scheduler tick. */
  sweepIntervalMs: number;
  /** Job lease; renewed every leaseMs/3 while the fan-out runs. */
  leaseMs: number;
  /**
   * A tenant's send lease (src/delivery/tenant-lease.ts): renewed every third of it while this instance
   * sends for the tenant; how long a dead instance keeps others from sending for its tenants. At most
   * `leaseMs`, so a resumed job never waits longer for its tenants than it waited for the job.
   */
  tenantLeaseMs: number;
}

export const defaultDeliverySettings: DeliverySettings = {
  maxRps: 30,
  conversationLimits: TEAMS_CONVERSATION_LIMITS,
  maxAttempts: 7,
  firstRetryMs: 100,
  baseBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  concurrencyPerTenant: 64,
  sendTimeoutMs: 30_000,
  retentionMs: 90 * 86_400_000,
  sweepIntervalMs: 6 * 3_600_000,
  leaseMs: 120_000,
  tenantLeaseMs: 15_000,
};

export interface SchedulerSettings {
  /** node-cron expression (5 or 6 fields). */
  tick: string;
  timezone: string;
  /** Announcements overdue by more than this are skipped, never sent late. */
  graceMs: number;
}

export const defaultSchedulerSettings: SchedulerSettings = {
  tick: '* * * * *',
  timezone: 'Europe/Berlin',
  graceMs: 30 * 60_000,
};
