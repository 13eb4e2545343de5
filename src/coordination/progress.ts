// Delivery progress of a coordinator broadcast: the view read from storage (for "Aktualisieren" and the
// card's automatic refresh) and the in-place updates of the coordinator's confirmation card while this
// process runs the broadcast: at most one update per interval, then the final report.
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { DeliveryEngine, DeliveryProgress, RunHandle } from '../delivery/index.js';
import { countRecords } from '../delivery/index.js';
import type { Locale } from '../i18n/locale.js';
import type { StoredConversation } from '../registry/index.js';
import type { Logger } from '../shared/log.js';
import { progressCard, type ProgressView } from './announce-cards.js';
import { stampProgram } from './program-choice.js';

/** Default spacing of in-place progress updates: Teams allows about 7 writes per second per conversation. */
export const PROGRESS_INTERVAL_MS = 3000;

export async function loadProgressView(engine: Pick<DeliveryEngine, 'jobs' | 'records'>, jobId: string, zone: string, userId?: string): Promise<ProgressView | undefined> {
  const job = await engine.jobs.get(jobId);
  if (!job) return undefined;
  const records = job.status === 'planned' ? [] : await engine.records.list(jobId);
  const counts = job.counts && job.status !== 'running' ? job.counts : countRecords(records, job.total);
  const reasons = new Map<string, number>();
  for (const r of records) {
    if (r.status === 'failed' || r.status === 'unreachable' || r.status === 'uncertain' || r.status === 'skipped') {
      const code = r.lastError ?? r.status;
      reasons.set(code, (reasons.get(code) ?? 0) + 1);
    }
  }
  return {
    jobId,
    status: job.status,
    dueAt: job.dueAt,
    zone,
    counts,
    reasons: [...reasons].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code)),
    ...(job.reason ? { skipReason: job.reason } : {}),
    ...(userId ? { userId } : {}),
  };
}

export interface ProgressTarget {
  /** The coordinator's conversation and the activity that holds the confirmation card. */
  conversation: StoredConversation;
  activityId: string;
  locale: Locale;
  userId?: string;
  zone: string;
  /** The broadcast's program: its id goes on the card's buttons, like on every coordinator card. */
  programId: string;
}

export interface ProgressWatcherDeps {
  engine: Pick<DeliveryEngine, 'jobs' | 'records' | 'updateActivity'>;
  logger: Logger;
  intervalMs?: number;
}

/**
 * Follows one run: `onProgress` goes to engine.start(); `follow` takes the run handle. Updates never
 * overlap, at most one per interval, and the final report always goes out last.
 */
export class ProgressWatcher {
  private latest: DeliveryProgress | undefined;
  private dirty = false;
  private inFlight: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;
  /** How many in-place updates were sent (tests and logs). */
  updates = 0;

  constructor(
    private readonly deps: ProgressWatcherDeps,
    private readonly jobId: string,
    private readonly target: ProgressTarget,
  ) {}

  readonly onProgress = (p: DeliveryProgress): void => {
    this.latest = p;
    this.dirty = true;
  };

  /** Resolves after the final report was pushed (or its push failed and was logged). */
  follow(handle: RunHandle): Promise<void> {
    this.timer = setInterval(() => this.tick(), this.deps.intervalMs ?? PROGRESS_INTERVAL_MS);
    this.timer.unref();
    return handle.done
      .catch(() => undefined)
      .then(async () => {
        clearInterval(this.timer);
        await this.inFlight;
        const view = await loadProgressView(this.deps.engine, this.jobId, this.target.zone, this.target.userId);
        if (view) await this.push(view);
      })
      .catch((error: unknown) => this.fail(error));
  }

  private tick(): void {
    if (!this.dirty || !this.latest) return;
    this.dirty = false;
    const p = this.latest;
    const view: ProgressView = {
      jobId: this.jobId,
      status: 'running',
      dueAt: '',
      zone: this.target.zone,
      counts: { ...countRecords([], p.total), pending: p.total - p.done, sent: p.sent, failed: p.failed },
      reasons: [],
      ...(this.target.userId ? { userId: this.target.userId } : {}),
    };
    this.inFlight = this.inFlight.then(() => this.push(view)).catch((error: unknown) => this.fail(error));
  }

  private async push(view: ProgressView): Promise<void> {
    const message: OutgoingMessage = { card: stampProgram(progressCard(view, this.target.locale), this.target.programId) };
    await this.deps.engine.updateActivity(this.target.conversation, this.target.activityId, message);
    this.updates++;
  }

  private fail(error: unknown): void {
    this.deps.logger.warn({ event: 'coordination.progress_update_failed', jobId: this.jobId, err: (error as Error).message }, 'progress card update failed');
  }
}
