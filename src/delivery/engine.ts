// The delivery engine: claims jobs and runs each in the background (src/delivery/job-run.ts holds one run,
// step by step), paced per conversation and per tenant, with a durable record per recipient. Guarantee (see
// docs/architecture.md, "The delivery guarantee"): at most once per (job, target), every target ends in exactly one
// final state, and a crash between "sending" and "sent" surfaces as `uncertain` instead of a silent resend.
import crypto from 'node:crypto';
import os from 'node:os';
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { StoredConversation } from '../registry/types.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';
import { DeliveryJobRepository } from './job-repository.js';
import { JobRun, withTimeout, type RunContext, type RunControl, type RunResult } from './job-run.js';
import { DeliveryPacer, type Pace } from './rate-limit.js';
import { TenantGate } from './tenant-gate.js';
import { TenantLeaseRepository } from './tenant-lease.js';
import { TableRecordStore, type DeliveryRecordStore } from './record-repository.js';
import { countRecords } from './report.js';
import { sweepDeliveries, type SweepResult } from './retention.js';
import { classifyFailure } from './retry.js';
import type { ConversationSender } from './sender.js';
import { defaultDeliverySettings, type DeliverySettings } from './settings.js';
import type { AudienceSource, DeliveryJob, DeliveryProgress, JobSpec, MessageBuilder } from './types.js';

export type { RunOutcome, RunResult } from './job-run.js';

export interface DeliveryEngineDeps {
  store: TableStore;
  sender: ConversationSender;
  audience: AudienceSource;
  /** One builder per job kind ("announcement", "announcement.update", "poll", ...). */
  builders: Record<string, MessageBuilder>;
  clock: Clock;
  logger: Logger;
  /** Unique per process; defaults to host:pid:random. */
  ownerId?: string;
  settings?: Partial<DeliverySettings>;
  /** Defaults to Table storage; benchmarks may pass a MemoryRecordStore. */
  records?: DeliveryRecordStore;
  pace?: Pace;
  random?: () => number;
  onProgress?: (progress: DeliveryProgress) => void;
}

export interface RunHandle {
  jobId: string;
  done: Promise<RunResult>;
}

export interface DeliveryEngine {
  readonly ownerId: string;
  readonly jobs: DeliveryJobRepository;
  readonly records: DeliveryRecordStore;
  readonly settings: DeliverySettings;
  /** Stores a planned job; false when a job with this id exists. */
  enqueue(spec: JobSpec): Promise<boolean>;
  /** Claims one job now and runs it in the background (coordinator broadcasts). null when not claimable. */
  start(jobId: string, options?: { onProgress?: (p: DeliveryProgress) => void }): Promise<RunHandle | null>;
  /** Claims every due job it can and starts them; jobs overdue before they started are skipped. */
  startDue(): Promise<{ started: RunHandle[]; skipped: DeliveryJob[] }>;
  /** Replaces one already-sent activity, paced and retried like a delivery (no record). */
  updateActivity(conversation: StoredConversation, activityId: string, message: OutgoingMessage): Promise<void>;
  /**
   * Retention and due-index upkeep (src/delivery/retention.ts), at most once per `sweepIntervalMs` per
   * process unless forced; null when it was not due.
   */
  sweep(options?: { force?: boolean }): Promise<SweepResult | null>;
  /** Runs in progress in this process. */
  running(): string[];
  /** Waits until every run of this process has ended. */
  idle(): Promise<void>;
  /** Graceful shutdown: stop taking recipients, finish calls in flight, hand the leases back. */
  stop(): Promise<void>;
  /** Crash simulation for tests: stops at the next await without writing anything more. */
  halt(): void;
}

export function createDeliveryEngine(deps: DeliveryEngineDeps): DeliveryEngine {
  const settings: DeliverySettings = { ...defaultDeliverySettings, ...deps.settings };
  const ownerId = deps.ownerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const logger = deps.logger.child({ component: 'delivery', owner: ownerId });
  const jobs = new DeliveryJobRepository(deps.store, { logger });
  const records = deps.records ?? new TableRecordStore(deps.store);
  // Teams' tenant limit holds across instances only if one instance at a time sends for a tenant.
  const gate = new TenantGate({ leases: new TenantLeaseRepository(deps.store), owner: ownerId, leaseMs: Math.min(settings.tenantLeaseMs, settings.leaseMs), logger });
  const pacer = new DeliveryPacer({
    conversationLimits: settings.conversationLimits,
    maxRps: settings.maxRps,
    gate,
    ...(deps.pace ? { pace: deps.pace } : {}),
  });
  const runs = new Map<string, { control: RunControl; done: Promise<RunResult> }>();
  let halted = false;
  let runCounter = 0;
  let lastSweep: number | undefined;
  // A halted (crashed) process never finishes its runs; this lets their `done` settle so tests can go on.
  let signalHalt: () => void = () => undefined;
  const haltSignal = new Promise<void>((resolve) => (signalHalt = resolve));
  const context: RunContext = {
    jobs,
    records,
    sender: deps.sender,
    audience: deps.audience,
    builders: deps.builders,
    clock: deps.clock,
    settings,
    pacer,
    random: deps.random ?? Math.random,
    logger,
    isHalted: () => halted,
    ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
  };

  function launch(job: DeliveryJob, token: string, onProgress?: (p: DeliveryProgress) => void): RunHandle {
    const control: RunControl = {
      stopReason: undefined,
      get aborted() {
        return halted || this.stopReason !== undefined;
      },
    };
    const done = Promise.race([
      new JobRun(context, job, token, control, onProgress).execute(),
      haltSignal.then((): RunResult => ({ jobId: job.jobId, outcome: 'halted', counts: countRecords([]) })),
    ]).finally(() => runs.delete(job.jobId));
    runs.set(job.jobId, { control, done });
    return { jobId: job.jobId, done };
  }

  async function claimAndLaunch(job: DeliveryJob, onProgress?: (p: DeliveryProgress) => void): Promise<RunHandle | null> {
    if (halted || runs.has(job.jobId)) return null;
    // A fresh token per run: a later run of the same process must not mistake its own earlier, crashed
    // run's "sending" records for its own.
    const token = `${ownerId}#${++runCounter}`;
    const claimed = await jobs.claim(job, token, deps.clock.now(), settings.leaseMs);
    if (!claimed || halted) return null;
    return launch(claimed, token, onProgress);
  }

  /** An update job waits until the jobs whose cards it replaces have finished sending them. */
  async function sourcesStillRunning(job: DeliveryJob): Promise<boolean> {
    for (const source of job.updateOf ?? []) if ((await jobs.get(source))?.status === 'running') return true;
    return false;
  }

  /** Card updates under way (updateActivity); stop() waits for them. */
  const updates = new Set<Promise<void>>();
  let stopping = false;

  /** One in-place card update, retried like a send; once the engine is stopping, a failed call is not retried. */
  async function updateOnce(conversation: StoredConversation, activityId: string, message: OutgoingMessage): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      let call!: Promise<void>;
      await pacer.acquire(conversation.conversationId, conversation.tenantId, undefined, () => {
        try {
          call = withTimeout(deps.sender.update(conversation, activityId, message), settings.sendTimeoutMs);
        } catch (error) {
          call = Promise.reject(error);
        }
        call.catch(() => undefined);
        return call;
      });
      try {
        await call;
        return;
      } catch (error) {
        const verdict = classifyFailure(error, attempt, settings, 'update', context.random);
        if (verdict.kind !== 'retry' || stopping) throw error;
        if ((error as { status?: number }).status === 429) pacer.throttled(conversation.conversationId, conversation.tenantId, verdict.delayMs);
        await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
        if (stopping) throw error;
      }
    }
  }

  const engine: DeliveryEngine = {
    ownerId,
    jobs,
    records,
    settings,
    async enqueue(spec) {
      return jobs.create(spec, deps.clock.now());
    },
    async start(jobId, options) {
      const job = await jobs.get(jobId);
      if (!job) return null;
      return claimAndLaunch(job, options?.onProgress);
    },
    async startDue() {
      const now = deps.clock.now();
      const started: RunHandle[] = [];
      const skipped: DeliveryJob[] = [];
      for (const job of await jobs.listDue(now)) {
        if (halted) break;
        if (job.status === 'planned' && job.notAfter && job.notAfter < now.toISOString()) {
          // Never started and already past its deadline: skip the whole job, never send late.
          const written = await jobs.write(job, { status: 'skipped', reason: 'overdue', finishedAt: now.toISOString() }, now);
          if (written) skipped.push(written);
          continue;
        }
        if (job.action === 'update' && (await sourcesStillRunning(job))) continue;
        const handle = await claimAndLaunch(job);
        if (handle) started.push(handle);
      }
      return { started, skipped };
    },
    updateActivity(conversation, activityId, message) {
      // stop() waits for the updates under way before it hands the tenants' leases on.
      const update = updateOnce(conversation, activityId, message);
      updates.add(update);
      void update.finally(() => updates.delete(update)).catch(() => undefined);
      return update;
    },
    async sweep(options) {
      const now = deps.clock.now();
      if (!options?.force && lastSweep !== undefined && now.getTime() - lastSweep < settings.sweepIntervalMs) return null;
      lastSweep = now.getTime();
      const result = await sweepDeliveries({ jobs, records }, now, settings.retentionMs);
      if (result.summarized || result.hintsRepaired || result.programIdsRemoved) context.logger.info({ event: 'delivery.sweep', ...result }, 'old deliveries summarized');
      return result;
    },
    running() {
      return [...runs.keys()];
    },
    async idle() {
      while (runs.size) await Promise.all([...runs.values()].map((r) => r.done));
    },
    async stop() {
      stopping = true;
      for (const r of runs.values()) r.control.stopReason ??= 'stopped';
      await engine.idle();
      // A card update under way still holds its tenant's pace: the lease goes on when it has settled.
      while (updates.size) await Promise.allSettled([...updates]);
      await gate.releaseAll((tenantId) => pacer.tenantWindow(tenantId));
    },
    halt() {
      halted = true;
      gate.halt();
      signalHalt();
    },
  };
  return engine;
}
