// The delivery engine: fans one job out to its audience in the background, paced per conversation and per
// tenant, with a durable record per recipient. Guarantee (see the README, "The delivery guarantee"): at most once per
// (job, target), every target ends in exactly one final state, and a crash between "sending" and "sent"
// surfaces as `uncertain` instead of a silent resend.
import crypto from 'node:crypto';
import os from 'node:os';
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { StoredConversation } from '../registry/types.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';
import { DeliveryJobRepository } from './job-repository.js';
import { DeliveryPacer, type Pace } from './rate-limit.js';
import { TableRecordStore, type DeliveryRecordStore, type NewRecord } from './record-repository.js';
import { countRecords } from './report.js';
import { classifyFailure, errorCode } from './retry.js';
import type { ConversationSender } from './sender.js';
import { defaultDeliverySettings, type DeliverySettings } from './settings.js';
import type {
  AudienceSource,
  DeliveryJob,
  DeliveryProgress,
  DeliveryRecord,
  DeliveryTarget,
  JobCounts,
  JobSpec,
  MessageBuilder,
} from './types.js';

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

export type RunOutcome = 'done' | 'skipped' | 'cancelled' | 'lost' | 'stopped' | 'halted' | 'error';

export interface RunResult {
  jobId: string;
  outcome: RunOutcome;
  counts: JobCounts;
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
  /** Runs in progress in this process. */
  running(): string[];
  /** Waits until every run of this process has ended. */
  idle(): Promise<void>;
  /** Graceful shutdown: stop taking recipients, finish calls in flight, hand the leases back. */
  stop(): Promise<void>;
  /** Crash simulation for tests: stops at the next await without writing anything more. */
  halt(): void;
}

class Halted extends Error {
  constructor() {
    super('engine halted');
  }
}

/** One recipient to work on: a target never attempted (no record yet) or a record waiting for a retry. */
interface WorkItem {
  targetKey: string;
  tenantId: string;
  record?: DeliveryRecord;
}

interface RunControl {
  stopReason: RunOutcome | undefined;
  readonly aborted: boolean;
}

export function createDeliveryEngine(deps: DeliveryEngineDeps): DeliveryEngine {
  const settings: DeliverySettings = { ...defaultDeliverySettings, ...deps.settings };
  const ownerId = deps.ownerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const jobs = new DeliveryJobRepository(deps.store);
  const records = deps.records ?? new TableRecordStore(deps.store);
  const pacer = new DeliveryPacer({
    conversationLimits: settings.conversationLimits,
    maxRps: settings.maxRps,
    slackMs: settings.windowSlackMs,
    ...(deps.pace ? { pace: deps.pace } : {}),
  });
  const random = deps.random ?? Math.random;
  const log = deps.logger.child({ component: 'delivery', owner: ownerId });
  const runs = new Map<string, { control: RunControl; done: Promise<RunResult> }>();
  let halted = false;
  let runCounter = 0;
  // A halted (crashed) process never finishes its runs; this lets their `done` settle so tests can go on.
  let signalHalt: () => void = () => undefined;
  const haltSignal = new Promise<void>((resolve) => (signalHalt = resolve));

  const guard = () => {
    if (halted) throw new Halted();
  };

  async function resolveTargets(job: DeliveryJob): Promise<Map<string, { conversation: StoredConversation; record: NewRecord; target: DeliveryTarget }>> {
    const out = new Map<string, { conversation: StoredConversation; record: NewRecord; target: DeliveryTarget }>();
    if (job.action === 'send') {
      for (const conversation of await deps.audience.list(job.audience)) {
        out.set(conversation.conversationId, {
          conversation,
          record: { targetKey: conversation.conversationId, conversationId: conversation.conversationId, tenantId: conversation.tenantId },
          target: {},
        });
      }
      return out;
    }
    // Update jobs replace what their source jobs sent, in conversations that are still reachable.
    const sent: DeliveryRecord[] = [];
    for (const source of job.updateOf ?? []) {
      for (const r of await records.list(source)) if (r.status === 'sent' && r.activityId) sent.push(r);
    }
    if (!sent.length) return out;
    const ids = [...new Set(sent.map((r) => r.conversationId))];
    const conversations = new Map((await deps.audience.list({ ...job.audience, conversationIds: ids })).map((c) => [c.conversationId, c]));
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

  async function run(job: DeliveryJob, token: string, control: RunControl, onProgress?: (p: DeliveryProgress) => void): Promise<RunResult> {
    const jobLog = log.child({ jobId: job.jobId, kind: job.kind, run: token });
    const builder = deps.builders[job.kind];
    const latest = new Map<string, DeliveryRecord>();
    let runTotal = 0;
    const counts = () => countRecords([...latest.values()], runTotal);
    const renewal = setInterval(() => {
      if (control.aborted) return;
      jobs
        .renew(job.jobId, token, deps.clock.now(), settings.leaseMs)
        .then((current) => {
          if (!current) {
            jobLog.warn({ event: 'delivery.lease_lost' }, 'lease lost; stopping this run');
            control.stopReason ??= 'lost';
          } else if (current.cancelRequested) control.stopReason ??= 'cancelled';
        })
        .catch((error: unknown) => jobLog.error({ event: 'delivery.lease_renew_failed', err: errorCode(error) }, 'lease renewal failed'));
    }, Math.max(50, Math.floor(settings.leaseMs / 3)));
    renewal.unref();
    try {
      if (!builder) throw new Error(`no message builder for kind ${job.kind}`);
      const targets = await resolveTargets(job);
      guard();
      const existing = await records.list(job.jobId);
      for (const r of existing) latest.set(r.targetKey, r);
      const overdue = () => job.notAfter !== undefined && deps.clock.now().toISOString() > job.notAfter;
      if (job.cancelRequested) control.stopReason ??= 'cancelled';

      // Targets without a record have never been attempted; their record is created with the intent.
      const queue: WorkItem[] = [...targets.values()]
        .filter((t) => !latest.has(t.record.targetKey))
        .map((t) => ({ targetKey: t.record.targetKey, tenantId: t.record.tenantId }));
      let uncertain = 0;
      for (const r of existing) {
        if (r.status === 'sending' && job.action === 'send') {
          // The previous owner wrote its intent and died before recording the outcome: the message may
          // have been accepted. Never resend; report. Conditional, because a previous owner that is merely
          // slow (not dead) may record its real outcome first.
          guard();
          const marked = await records.transition(r, { status: 'uncertain', lastError: 'interrupted-after-intent' }, deps.clock.now());
          if (marked) {
            latest.set(r.targetKey, marked);
            uncertain++;
          }
        } else if (r.status === 'pending' || r.status === 'sending') {
          // (`sending` here is an update job: replacing a card with the same content is idempotent.)
          const reason = !targets.has(r.targetKey) ? 'audience-left' : overdue() ? 'overdue' : control.stopReason === 'cancelled' ? 'cancelled' : undefined;
          if (reason) {
            guard();
            const skipped = await records.transition(r, { status: 'skipped', lastError: reason }, deps.clock.now());
            if (skipped) latest.set(r.targetKey, skipped);
          } else queue.push({ targetKey: r.targetKey, tenantId: r.tenantId, record: r });
        }
      }
      if (uncertain) jobLog.warn({ event: 'delivery.uncertain', count: uncertain }, 'recipients left in "sending" by a crashed run are marked uncertain, not resent');

      const total = new Set([...targets.keys(), ...latest.keys()]).size;
      runTotal = total;
      guard();
      await jobs.mutate(job.jobId, (j) => (j.status === 'running' && j.leaseOwner === token && j.total !== total ? { total } : null), deps.clock.now());
      const progress = () => {
        const c = counts();
        const p: DeliveryProgress = { jobId: job.jobId, total, sent: c.sent, failed: c.failed + c.unreachable + c.uncertain, done: total - c.pending - c.sending };
        onProgress?.(p);
        deps.onProgress?.(p);
      };
      jobLog.info({ event: 'delivery.run_start', total, queued: queue.length, claims: job.claims }, 'delivery run started');

      const deliverOne = async (item: WorkItem, requeue: (item: WorkItem, delayMs: number) => void): Promise<void> => {
        if (control.aborted) return;
        const entry = targets.get(item.targetKey)!;
        const record = item.record;
        if (overdue()) {
          guard();
          const skipped = record
            ? await records.transition(record, { status: 'skipped', lastError: 'overdue' }, deps.clock.now())
            : await records.create(job.jobId, entry.record, { status: 'skipped', lastError: 'overdue' }, deps.clock.now());
          if (skipped) latest.set(item.targetKey, skipped);
          return;
        }
        guard();
        const claimed = record
          ? await records.claim(record, token, deps.clock.now())
          : await records.create(job.jobId, entry.record, { status: 'sending', owner: token }, deps.clock.now());
        guard();
        if (!claimed) {
          jobLog.warn({ event: 'delivery.record_taken', conversationId: entry.record.conversationId }, 'another run took this recipient');
          return;
        }
        latest.set(item.targetKey, claimed);
        const attempt = claimed.attempts + 1;
        try {
          // Built before the slot is taken: the connector call must start in the same turn as the stamp.
          const message = await builder(job, entry.conversation, entry.target);
          guard();
          let call: Promise<string> | undefined;
          const acquired = await pacer.acquire(entry.conversation.conversationId, entry.conversation.tenantId, control, () => {
            try {
              call =
                job.action === 'send'
                  ? deps.sender.send(entry.conversation, message).then((r) => r.activityId)
                  : deps.sender.update(entry.conversation, entry.target.activityId!, message).then(() => entry.target.activityId!);
            } catch (error) {
              call = Promise.reject(error);
            }
            // Awaited below; this only keeps a halted run's abandoned call from surfacing as unhandled.
            call.catch(() => undefined);
          });
          guard();
          if (!acquired) {
            latest.set(item.targetKey, await records.update(claimed, { status: 'pending' }, deps.clock.now()));
            return;
          }
          const activityId = await call!;
          guard();
          // The worker moves on while the outcome is written; the run awaits all such writes before it
          // finishes. Until it lands the record says `sending`, which a crash turns into `uncertain`.
          const sentAt = deps.clock.now();
          latest.set(item.targetKey, { ...claimed, status: 'sent', activityId, attempts: attempt });
          track(
            records.update(claimed, { status: 'sent', activityId, attempts: attempt }, sentAt).then(
              (written) => {
                if (!halted) latest.set(item.targetKey, written);
              },
            ),
          );
          // Bounded, so that a crash leaves at most this many sent-but-unconfirmed records (`uncertain`).
          while (outcomeWrites.size >= settings.concurrencyPerTenant) await Promise.race(outcomeWrites);
        } catch (error) {
          if (error instanceof Halted || halted) throw new Halted();
          const verdict = classifyFailure(error, attempt, settings, job.action, random);
          const now = deps.clock.now();
          if (verdict.kind === 'retry') {
            if (job.notAfter && new Date(now.getTime() + verdict.delayMs).toISOString() > job.notAfter) {
              latest.set(item.targetKey, await records.update(claimed, { status: 'failed', attempts: attempt, lastError: `${verdict.reason}-past-deadline` }, now));
            } else {
              if ((error as { status?: number }).status === 429) pacer.blockConversation(entry.conversation.conversationId, verdict.delayMs);
              const pending = await records.update(claimed, { status: 'pending', attempts: attempt, lastError: verdict.reason }, now);
              latest.set(item.targetKey, pending);
              requeue({ ...item, record: pending }, verdict.delayMs);
              return;
            }
          } else if (verdict.kind === 'unreachable') {
            latest.set(item.targetKey, await records.update(claimed, { status: 'unreachable', attempts: attempt, lastError: verdict.reason }, now));
            await deps.audience.markInactive(entry.conversation.conversationId, verdict.reason);
            jobLog.info({ event: 'delivery.unreachable', conversationId: entry.conversation.conversationId, reason: verdict.reason }, 'conversation marked inactive');
          } else {
            latest.set(item.targetKey, await records.update(claimed, { status: 'failed', attempts: attempt, lastError: verdict.reason }, now));
            jobLog.warn({ event: 'delivery.failed', conversationId: entry.conversation.conversationId, reason: verdict.reason }, 'delivery failed');
          }
        }
        progress();
      };

      const outcomeWrites = new Set<Promise<void>>();
      let outcomeFailure: unknown;
      function track(write: Promise<void>): void {
        const tracked = write
          .catch((error: unknown) => {
            outcomeFailure ??= error;
            control.stopReason ??= 'error';
          })
          .finally(() => outcomeWrites.delete(tracked));
        outcomeWrites.add(tracked);
      }

      const lanes = new Map<string, WorkItem[]>();
      for (const r of queue) {
        const lane = lanes.get(r.tenantId) ?? [];
        lane.push(r);
        lanes.set(r.tenantId, lane);
      }
      await Promise.all([...lanes.values()].map((items) => runLane(items, control, deliverOne)));
      await Promise.all([...outcomeWrites]);
      guard();
      if (outcomeFailure) throw outcomeFailure;

      if (control.stopReason === 'lost' || control.stopReason === 'stopped') {
        if (control.stopReason === 'stopped') await jobs.finishStopped(job.jobId, token, deps.clock.now());
        return { jobId: job.jobId, outcome: control.stopReason, counts: counts() };
      }
      if (control.stopReason === 'cancelled') {
        for (const r of latest.values()) {
          if (r.status === 'pending') await records.transition(r, { status: 'skipped', lastError: 'cancelled' }, deps.clock.now());
        }
        for (const t of targets.values()) {
          if (!latest.has(t.record.targetKey)) await records.create(job.jobId, t.record, { status: 'skipped', lastError: 'cancelled' }, deps.clock.now());
        }
      }
      const outcome = control.stopReason === 'cancelled' ? 'cancelled' : 'done';
      // Counted from storage, not from this run's view: a slow earlier owner may have recorded outcomes too.
      const finalCounts = countRecords(await records.list(job.jobId), total);
      const held = await jobs.finish(job.jobId, token, outcome, deps.clock.now(), finalCounts, outcome === 'cancelled' ? 'cancelled' : undefined);
      jobLog.info({ event: 'delivery.run_end', outcome, held, ...finalCounts }, 'delivery run ended');
      if (finalCounts.uncertain) jobLog.warn({ event: 'delivery.uncertain_total', count: finalCounts.uncertain }, 'job has uncertain recipients');
      return { jobId: job.jobId, outcome: held ? outcome : 'lost', counts: finalCounts };
    } catch (error) {
      if (error instanceof Halted || halted) return { jobId: job.jobId, outcome: 'halted', counts: counts() };
      jobLog.error({ event: 'delivery.run_error', err: errorCode(error), message: (error as Error).message }, 'delivery run failed; the lease will expire and another tick resumes it');
      return { jobId: job.jobId, outcome: 'error', counts: counts() };
    } finally {
      clearInterval(renewal);
    }
  }

  async function runLane(
    items: WorkItem[],
    control: RunControl,
    deliverOne: (item: WorkItem, requeue: (item: WorkItem, delayMs: number) => void) => Promise<void>,
  ): Promise<void> {
    const ready = [...items];
    const timers = new Set<NodeJS.Timeout>();
    let delayed = 0;
    let wake: (() => void) | undefined;
    const signal = () => {
      const w = wake;
      wake = undefined;
      w?.();
    };
    const requeue = (r: WorkItem, delayMs: number) => {
      delayed++;
      const timer = setTimeout(() => {
        timers.delete(timer);
        delayed--;
        // Retries go first: they have waited already, and finishing retry chains early keeps the tail short.
        ready.unshift(r);
        signal();
      }, delayMs);
      timers.add(timer);
    };
    let failure: unknown;
    const worker = async () => {
      for (;;) {
        if (control.aborted || failure) {
          signal();
          return;
        }
        const next = ready.shift();
        if (!next) {
          if (delayed === 0) {
            signal();
            return;
          }
          await new Promise<void>((resolve) => {
            const previous = wake;
            wake = () => {
              previous?.();
              resolve();
            };
          });
          continue;
        }
        try {
          await deliverOne(next, requeue);
        } catch (error) {
          failure ??= error;
        }
      }
    };
    const abortWatch = setInterval(() => {
      if (control.aborted) {
        for (const t of timers) clearTimeout(t);
        timers.clear();
        delayed = 0;
        signal();
      }
    }, 50);
    abortWatch.unref();
    try {
      await Promise.all(Array.from({ length: Math.min(settings.concurrencyPerTenant, items.length) }, worker));
    } finally {
      clearInterval(abortWatch);
      for (const t of timers) clearTimeout(t);
    }
    if (failure) throw failure;
  }

  function launch(job: DeliveryJob, token: string, onProgress?: (p: DeliveryProgress) => void): RunHandle {
    const control: RunControl = {
      stopReason: undefined,
      get aborted() {
        return halted || this.stopReason !== undefined;
      },
    };
    const done = Promise.race([
      run(job, token, control, onProgress),
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
    async updateActivity(conversation, activityId, message) {
      for (let attempt = 1; ; attempt++) {
        await pacer.acquire(conversation.conversationId, conversation.tenantId);
        try {
          await deps.sender.update(conversation, activityId, message);
          return;
        } catch (error) {
          const verdict = classifyFailure(error, attempt, settings, 'update', random);
          if (verdict.kind !== 'retry') throw error;
          await new Promise((resolve) => setTimeout(resolve, verdict.delayMs));
        }
      }
    },
    running() {
      return [...runs.keys()];
    },
    async idle() {
      while (runs.size) await Promise.all([...runs.values()].map((r) => r.done));
    },
    async stop() {
      for (const r of runs.values()) r.control.stopReason ??= 'stopped';
      await engine.idle();
    },
    halt() {
      halted = true;
      signalHalt();
    },
  };
  return engine;
}
