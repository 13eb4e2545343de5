// One run of one claimed job, in the order of a delivery: the job was claimed by the engine; the run resolves
// its audience, takes over what a previous run left, then for each recipient writes the intent, sends, and
// records the outcome; at the end it reports. Each step is a method, in that order, so a send reads top to
// bottom. Guarantee (docs/architecture.md, "The delivery guarantee"): at most once per (job, target); a crash between
// "sending" and "sent" surfaces as `uncertain`, never as a silent resend.
import type { Logger } from '../shared/log.js';
import type { Clock } from '../shared/clock.js';
import type { DeliveryJobRepository } from './job-repository.js';
import { byTenant, runLane, type Requeue } from './lanes.js';
import type { DeliveryPacer } from './rate-limit.js';
import type { DeliveryRecordStore } from './record-repository.js';
import { countRecords } from './report.js';
import { classifyFailure, errorCode, type RetryVerdict } from './retry.js';
import { SendFailure, type ConversationSender } from './sender.js';
import type { DeliverySettings } from './settings.js';
import { resolveTargets, type ResolvedTarget, type TargetMap } from './targets.js';
import type { AudienceSource, DeliveryJob, DeliveryProgress, DeliveryRecord, JobCounts, MessageBuilder } from './types.js';

export type RunOutcome = 'done' | 'skipped' | 'cancelled' | 'lost' | 'stopped' | 'halted' | 'error';

export interface RunResult {
  jobId: string;
  outcome: RunOutcome;
  counts: JobCounts;
}

/** Why a run stops early (set by lease renewal, cancellation, shutdown or a failed outcome write). */
export interface RunControl {
  stopReason: RunOutcome | undefined;
  readonly aborted: boolean;
}

/** What the engine lends every run: storage, ports, pacing, settings, and whether the process "crashed". */
export interface RunContext {
  jobs: DeliveryJobRepository;
  records: DeliveryRecordStore;
  sender: ConversationSender;
  audience: AudienceSource;
  builders: Record<string, MessageBuilder>;
  clock: Clock;
  settings: DeliverySettings;
  pacer: DeliveryPacer;
  random: () => number;
  logger: Logger;
  isHalted(): boolean;
  onProgress?: (progress: DeliveryProgress) => void;
}

export class Halted extends Error {
  constructor() {
    super('engine halted');
  }
}

/** One recipient to work on: a target never attempted (no record yet) or a record waiting for a retry. */
export interface WorkItem {
  targetKey: string;
  tenantId: string;
  record?: DeliveryRecord;
  /** The team's announcement channel answered 404: this recipient goes to the team's install channel. */
  viaFallback?: boolean;
}

export class JobRun {
  private readonly log: Logger;
  /** This run's view of each recipient's record. */
  private readonly latest = new Map<string, DeliveryRecord>();
  private targets: TargetMap = new Map();
  private total = 0;
  private readonly outcomeWrites = new Set<Promise<void>>();
  private outcomeFailure: unknown;

  constructor(
    private readonly ctx: RunContext,
    private readonly job: DeliveryJob,
    private readonly token: string,
    private readonly control: RunControl,
    private readonly onProgress?: (p: DeliveryProgress) => void,
  ) {
    this.log = ctx.logger.child({ jobId: job.jobId, kind: job.kind, run: token });
  }

  /** The whole run. Never throws: failures end as outcome `error` and the lease expires for another tick. */
  async execute(): Promise<RunResult> {
    const renewal = this.renewLeaseWhileRunning();
    try {
      if (!this.ctx.builders[this.job.kind]) throw new Error(`no message builder for kind ${this.job.kind}`);
      this.targets = await resolveTargets(this.job, this.ctx.audience, this.ctx.records);
      this.guard();
      const queue = await this.takeOver();
      await this.recordTotal(queue.length);
      await this.deliverAll(queue);
      return await this.report();
    } catch (error) {
      if (error instanceof Halted || this.ctx.isHalted()) return this.result('halted');
      this.log.error({ event: 'delivery.run_error', err: errorCode(error), message: (error as Error).message }, 'delivery run failed; the lease will expire and another tick resumes it');
      return this.result('error');
    } finally {
      clearInterval(renewal);
    }
  }

  // --- claim: the engine claimed the job; the run keeps its lease while it works ---

  private renewLeaseWhileRunning(): NodeJS.Timeout {
    const { jobs, clock, settings } = this.ctx;
    const timer = setInterval(() => {
      if (this.control.aborted) return;
      jobs
        .renew(this.job.jobId, this.token, clock.now(), settings.leaseMs)
        .then((current) => {
          if (!current) {
            this.log.warn({ event: 'delivery.lease_lost' }, 'lease lost; stopping this run');
            this.control.stopReason ??= 'lost';
          } else if (current.cancelRequested) this.control.stopReason ??= 'cancelled';
        })
        .catch((error: unknown) => this.log.error({ event: 'delivery.lease_renew_failed', err: errorCode(error) }, 'lease renewal failed'));
    }, Math.max(50, Math.floor(settings.leaseMs / 3)));
    timer.unref();
    return timer;
  }

  // --- audience: what earlier runs left, and what is still to do ---

  /** Reads the job's records and returns the work queue: never-attempted targets first, then retries. */
  private async takeOver(): Promise<WorkItem[]> {
    const { records, clock } = this.ctx;
    const existing = await records.list(this.job.jobId);
    for (const r of existing) this.latest.set(r.targetKey, r);
    if (this.job.cancelRequested) this.control.stopReason ??= 'cancelled';
    // Targets without a record have never been attempted; their record is created with the intent.
    const queue: WorkItem[] = [...this.targets.values()]
      .filter((t) => !this.latest.has(t.record.targetKey))
      .map((t) => ({ targetKey: t.record.targetKey, tenantId: t.record.tenantId }));
    let uncertain = 0;
    for (const r of existing) {
      if (r.status === 'sending' && this.job.action === 'send') {
        // The previous owner wrote its intent and died before recording the outcome: the message may have
        // been accepted. Never resend; report. Conditional, because a previous owner that is merely slow
        // (not dead) may record its real outcome first.
        this.guard();
        const marked = await records.transition(r, { status: 'uncertain', lastError: 'interrupted-after-intent' }, clock.now());
        if (marked) {
          this.latest.set(r.targetKey, marked);
          uncertain++;
        }
      } else if (r.status === 'pending' || r.status === 'sending') {
        // (`sending` here is an update job: replacing a card with the same content is idempotent.)
        const reason = !this.targets.has(r.targetKey) ? 'audience-left' : this.overdue() ? 'overdue' : this.control.stopReason === 'cancelled' ? 'cancelled' : undefined;
        if (reason) {
          this.guard();
          const skipped = await records.transition(r, { status: 'skipped', lastError: reason }, clock.now());
          if (skipped) this.latest.set(r.targetKey, skipped);
        } else queue.push({ targetKey: r.targetKey, tenantId: r.tenantId, record: r });
      }
    }
    if (uncertain) this.log.warn({ event: 'delivery.uncertain', count: uncertain }, 'recipients left in "sending" by a crashed run are marked uncertain, not resent');
    return queue;
  }

  private async recordTotal(queued: number): Promise<void> {
    const { job, token } = this;
    const total = new Set([...this.targets.keys(), ...this.latest.keys()]).size;
    this.total = total;
    this.guard();
    await this.ctx.jobs.mutate(job.jobId, (j) => (j.status === 'running' && j.leaseOwner === token && j.total !== total ? { total } : null), this.ctx.clock.now());
    this.log.info({ event: 'delivery.run_start', total, queued, claims: job.claims }, 'delivery run started');
  }

  private async deliverAll(queue: WorkItem[]): Promise<void> {
    const deliver = (item: WorkItem, requeue: Requeue<WorkItem>) => this.deliverOne(item, requeue);
    await Promise.all(byTenant(queue).map((items) => runLane(items, this.ctx.settings.concurrencyPerTenant, this.control, deliver)));
    await Promise.all([...this.outcomeWrites]);
    this.guard();
    if (this.outcomeFailure) throw this.outcomeFailure;
  }

  // --- per recipient: intent → send → outcome ---

  private async deliverOne(item: WorkItem, requeue: Requeue<WorkItem>): Promise<void> {
    if (this.control.aborted) return;
    const entry = this.targets.get(item.targetKey)!;
    if (this.overdue()) {
      await this.skipOverdue(item, entry);
      return;
    }
    const claimed = await this.writeIntent(item, entry);
    if (!claimed) return;
    const attempt = claimed.attempts + 1;
    try {
      const activityId = await this.send(entry, item.viaFallback === true);
      this.guard();
      if (activityId === undefined) {
        // The run stopped while waiting for a slot: nothing was sent.
        this.latest.set(item.targetKey, await this.ctx.records.update(claimed, { status: 'pending' }, this.ctx.clock.now()));
        return;
      }
      await this.recordSent(item, claimed, activityId, attempt);
    } catch (error) {
      if (error instanceof Halted || this.ctx.isHalted()) throw new Halted();
      const verdict = classifyFailure(error, attempt, this.ctx.settings, this.job.action, this.ctx.random);
      if (await this.recordFailure(item, entry, claimed, attempt, verdict, error, requeue)) return;
    }
    this.reportProgress();
  }

  private async skipOverdue(item: WorkItem, entry: ResolvedTarget): Promise<void> {
    const { records, clock } = this.ctx;
    this.guard();
    const skipped = item.record
      ? await records.transition(item.record, { status: 'skipped', lastError: 'overdue' }, clock.now())
      : await records.create(this.job.jobId, entry.record, { status: 'skipped', lastError: 'overdue' }, clock.now());
    if (skipped) this.latest.set(item.targetKey, skipped);
  }

  /** The at-most-once gate: `sending` written (conditionally) before the call. null when another run took it. */
  private async writeIntent(item: WorkItem, entry: ResolvedTarget): Promise<DeliveryRecord | null> {
    const { records, clock } = this.ctx;
    this.guard();
    const claimed = item.record
      ? await records.claim(item.record, this.token, clock.now())
      : await records.create(this.job.jobId, entry.record, { status: 'sending', owner: this.token }, clock.now());
    this.guard();
    if (!claimed) {
      this.log.warn({ event: 'delivery.record_taken', conversationId: entry.record.conversationId }, 'another run took this recipient');
      return null;
    }
    this.latest.set(item.targetKey, claimed);
    return claimed;
  }

  /** One paced connector call, bounded by the send timeout. undefined when the run stopped before a slot was free. */
  private async send(entry: ResolvedTarget, viaFallback: boolean): Promise<string | undefined> {
    const { job, ctx } = this;
    const conversation = viaFallback && entry.fallback ? entry.fallback : entry.conversation;
    // Built before the slot is taken: the connector call must start in the same turn as the stamp.
    const message = await ctx.builders[job.kind]!(job, conversation, entry.target);
    this.guard();
    let call: Promise<string> | undefined;
    const acquired = await ctx.pacer.acquire(conversation.conversationId, conversation.tenantId, this.control, () => {
      try {
        call = withTimeout(
          job.action === 'send'
            ? ctx.sender.send(conversation, message).then((r) => r.activityId)
            : ctx.sender.update(conversation, entry.target.activityId!, message).then(() => entry.target.activityId!),
          ctx.settings.sendTimeoutMs,
        );
      } catch (error) {
        call = Promise.reject(error);
      }
      // Awaited below; this only keeps a halted run's abandoned call from surfacing as unhandled.
      call.catch(() => undefined);
      return call;
    });
    this.guard();
    return acquired ? await call! : undefined;
  }

  private async recordSent(item: WorkItem, claimed: DeliveryRecord, activityId: string, attempt: number): Promise<void> {
    // The worker moves on while the outcome is written; the run awaits all such writes before it finishes.
    // Until it lands the record says `sending`, which a crash turns into `uncertain`.
    const sentAt = this.ctx.clock.now();
    this.latest.set(item.targetKey, { ...claimed, status: 'sent', activityId, attempts: attempt });
    this.track(
      this.ctx.records.update(claimed, { status: 'sent', activityId, attempts: attempt }, sentAt).then((written) => {
        if (!this.ctx.isHalted()) this.latest.set(item.targetKey, written);
      }),
    );
    // Bounded, so that a crash leaves at most this many sent-but-unconfirmed records (`uncertain`).
    while (this.outcomeWrites.size >= this.ctx.settings.concurrencyPerTenant) await Promise.race(this.outcomeWrites);
  }

  /** Writes a failed attempt's outcome; true when the recipient went back to the lane for a retry. */
  private async recordFailure(
    item: WorkItem,
    entry: ResolvedTarget,
    claimed: DeliveryRecord,
    attempt: number,
    verdict: RetryVerdict,
    error: unknown,
    requeue: Requeue<WorkItem>,
  ): Promise<boolean> {
    const { records, clock, pacer, audience } = this.ctx;
    const now = clock.now();
    const conversationId = entry.conversation.conversationId;
    if (verdict.kind === 'retry') {
      if (this.job.notAfter && new Date(now.getTime() + verdict.delayMs).toISOString() > this.job.notAfter) {
        this.latest.set(item.targetKey, await records.update(claimed, { status: 'failed', attempts: attempt, lastError: `${verdict.reason}-past-deadline` }, now));
        return false;
      }
      if ((error as { status?: number }).status === 429 && pacer.throttled(conversationId, item.tenantId, verdict.delayMs)) {
        this.log.warn({ event: 'delivery.tenant_throttled', tenantId: item.tenantId, waitMs: verdict.delayMs }, 'several 429s within a second: the whole tenant waits');
      }
      const pending = await records.update(claimed, { status: 'pending', attempts: attempt, lastError: verdict.reason }, now);
      this.latest.set(item.targetKey, pending);
      requeue({ ...item, record: pending }, verdict.delayMs);
      return true;
    }
    if (verdict.kind === 'unreachable' && entry.fallback && !item.viaFallback) {
      // A team's announcement channel is gone (deleted, or the bot lost access to it): the team is not.
      // Nothing was delivered, so the recipient goes to the team's install channel at once.
      const pending = await records.update(claimed, { status: 'pending', attempts: attempt, lastError: `${verdict.reason}-announcement-channel` }, now);
      this.latest.set(item.targetKey, pending);
      this.log.warn({ event: 'delivery.announcement_channel_gone', conversationId, fallback: entry.fallback.conversationId }, 'announcement channel unreachable; sending to the team\'s install channel');
      requeue({ ...item, record: pending, viaFallback: true }, 0);
      return true;
    }
    if (verdict.kind === 'uncertain') {
      this.latest.set(item.targetKey, await records.update(claimed, { status: 'uncertain', attempts: attempt, lastError: verdict.reason }, now));
      this.log.warn({ event: 'delivery.uncertain', conversationId, reason: verdict.reason }, 'the connector may have accepted this message; not resent');
      return false;
    }
    if (verdict.kind === 'unreachable') {
      const inactive = item.viaFallback && entry.fallback ? entry.fallback.conversationId : conversationId;
      this.latest.set(item.targetKey, await records.update(claimed, { status: 'unreachable', attempts: attempt, lastError: verdict.reason }, now));
      await audience.markInactive(inactive, verdict.reason);
      this.log.info({ event: 'delivery.unreachable', conversationId: inactive, reason: verdict.reason }, 'conversation marked inactive');
      return false;
    }
    this.latest.set(item.targetKey, await records.update(claimed, { status: 'failed', attempts: attempt, lastError: verdict.reason }, now));
    this.log.warn({ event: 'delivery.failed', conversationId, reason: verdict.reason }, 'delivery failed');
    return false;
  }

  // --- report ---

  private async report(): Promise<RunResult> {
    const { jobs, records, clock } = this.ctx;
    const { job, token, control } = this;
    if (control.stopReason === 'lost' || control.stopReason === 'stopped') {
      if (control.stopReason === 'stopped') await jobs.finishStopped(job.jobId, token, clock.now());
      return this.result(control.stopReason);
    }
    if (control.stopReason === 'cancelled') await this.skipRemaining();
    const outcome = control.stopReason === 'cancelled' ? 'cancelled' : 'done';
    // Counted from storage, not from this run's view: a slow earlier owner may have recorded outcomes too.
    const finalCounts = countRecords(await records.list(job.jobId), this.total);
    const held = await jobs.finish(job.jobId, token, outcome, clock.now(), finalCounts, outcome === 'cancelled' ? 'cancelled' : undefined);
    this.log.info({ event: 'delivery.run_end', outcome, held, ...finalCounts }, 'delivery run ended');
    if (finalCounts.uncertain) this.log.warn({ event: 'delivery.uncertain_total', count: finalCounts.uncertain }, 'job has uncertain recipients');
    return { jobId: job.jobId, outcome: held ? outcome : 'lost', counts: finalCounts };
  }

  private async skipRemaining(): Promise<void> {
    const { records, clock } = this.ctx;
    for (const r of this.latest.values()) {
      if (r.status === 'pending') await records.transition(r, { status: 'skipped', lastError: 'cancelled' }, clock.now());
    }
    for (const t of this.targets.values()) {
      if (!this.latest.has(t.record.targetKey)) await records.create(this.job.jobId, t.record, { status: 'skipped', lastError: 'cancelled' }, clock.now());
    }
  }

  private reportProgress(): void {
    const c = this.counts();
    const p: DeliveryProgress = { jobId: this.job.jobId, total: this.total, sent: c.sent, failed: c.failed + c.unreachable + c.uncertain, done: this.total - c.pending - c.sending };
    this.onProgress?.(p);
    this.ctx.onProgress?.(p);
  }

  // --- helpers ---

  private counts(): JobCounts {
    return countRecords([...this.latest.values()], this.total);
  }

  private result(outcome: RunOutcome): RunResult {
    return { jobId: this.job.jobId, outcome, counts: this.counts() };
  }

  private overdue(): boolean {
    return this.job.notAfter !== undefined && this.ctx.clock.now().toISOString() > this.job.notAfter;
  }

  private guard(): void {
    if (this.ctx.isHalted()) throw new Halted();
  }

  private track(write: Promise<void>): void {
    const tracked = write
      .catch((error: unknown) => {
        this.outcomeFailure ??= error;
        this.control.stopReason ??= 'error';
      })
      .finally(() => this.outcomeWrites.delete(tracked));
    this.outcomeWrites.add(tracked);
  }
}

/** The call's own answer, or an `uncertain`-class failure once `ms` have passed without one. */
export function withTimeout<T>(call: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendFailure(`no answer from the connector within ${ms} ms`, undefined, { cause: 'timeout' })), ms);
  });
  return Promise.race([call, timeout]).finally(() => clearTimeout(timer));
}
