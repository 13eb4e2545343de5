// Public surface of the delivery capability: the engine, its ports and its reports.
export * from './types.js';
export * from './sender.js';
export * from './settings.js';
export { createDeliveryEngine, type DeliveryEngine, type DeliveryEngineDeps, type RunHandle, type RunResult, type RunOutcome } from './engine.js';
export { DeliveryJobRepository, DELIVERY_JOBS_TABLE, type JobPatch } from './job-repository.js';
export { DueIndex, DELIVERY_DUE_TABLE } from './due-index.js';
export { sweepDeliveries, type SweepResult } from './retention.js';
export { TableRecordStore, MemoryRecordStore, DELIVERY_RECORDS_TABLE, type DeliveryRecordStore, type NewRecord } from './record-repository.js';
export { DeliveryPacer, SlidingWindowLimiter, realPace, type Pace } from './rate-limit.js';
export { TenantLeaseRepository, DELIVERY_TENANTS_TABLE, type TenantLease } from './tenant-lease.js';
export { TenantGate, type TenantWindow } from './tenant-gate.js';
export { classifyFailure, backoffMs, type RetryVerdict } from './retry.js';
export { deliveryReport, countRecords, type JobReport } from './report.js';
export { MemoryAudience, audienceTargets, announcementTarget, isEligible } from './audience.js';
export { deliveryCliCommands, formatReportTable } from './cli.js';
