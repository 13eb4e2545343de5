// The scheduler: a node-cron tick that hands due delivery jobs to the engine. It owns no state of its own:
// everything that must survive a crash (jobs, leases, per-recipient records) lives in Table storage, so
// any number of instances can tick against one storage account and each (job, conversation) is delivered
// once. `tick()` is the whole behaviour and is called directly by tests with an injected clock.
import cron, { type ScheduledTask, type Logger as CronLogger } from 'node-cron';
import type { DeliveryEngine, RunResult } from '../delivery/index.js';
import { defaultSchedulerSettings, type SchedulerSettings } from '../delivery/index.js';
import type { Logger } from '../shared/log.js';

export interface SchedulerDeps {
  engine: DeliveryEngine;
  logger: Logger;
  settings?: Partial<Pick<SchedulerSettings, 'tick' | 'timezone'>>;
  /** Runs before each tick claims jobs, e.g. re-planning announcements against the active program. */
  beforeTick?: () => Promise<void>;
}

export interface TickResult {
  started: string[];
  skipped: string[];
  results: RunResult[];
}

export interface Scheduler {
  /** Claims due jobs and waits until this instance's runs of them, and those its cron ticks started, have ended. */
  tick(): Promise<TickResult>;
  /** Starts the cron task; its ticks claim and start jobs without waiting for their fan-out. */
  start(): void;
  /** Stops ticking and lets runs in flight end gracefully (their leases are handed back). */
  stop(): Promise<void>;
  nextRuns(count: number): Date[];
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const settings = { ...defaultSchedulerSettings, ...deps.settings };
  if (!cron.validate(settings.tick)) throw new Error(`SCHEDULER_TICK is not a cron expression: ${settings.tick}`);
  const log = deps.logger.child({ component: 'scheduler', owner: deps.engine.ownerId });
  // node-cron writes warnings (missed executions, overlaps) to the console unless given a logger.
  const cronLogger: CronLogger = {
    info: (message) => log.debug({ event: 'cron.info' }, message),
    warn: (message) => log.debug({ event: 'cron.warn' }, message),
    error: (message) => log.warn({ event: 'cron.error' }, String(message)),
    debug: (message) => log.trace({ event: 'cron.debug' }, String(message)),
  };
  let task: ScheduledTask | undefined;
  // Runs that cron ticks of this instance started and that have not ended: a direct tick() waits for them too, so
  // that "tick and then look" never depends on whether a cron tick claimed the job a moment before.
  const cronRuns = new Set<Promise<unknown>>();
  // The claim of the cron tick in progress, which may hold a lease on a job that tick() then cannot claim.
  let cronClaim: Promise<unknown> = Promise.resolve();

  async function claim(fromCron = false): Promise<{ started: Awaited<ReturnType<DeliveryEngine['startDue']>>['started']; skipped: string[] }> {
    if (deps.beforeTick) await deps.beforeTick();
    const due = await deps.engine.startDue();
    if (fromCron) {
      for (const h of due.started) {
        const run: Promise<unknown> = h.done.catch(() => undefined).finally(() => cronRuns.delete(run));
        cronRuns.add(run);
      }
    }
    if (due.skipped.length) {
      // One line per tick, however many: at start-up with a past program every job is overdue.
      log.info({ event: 'scheduler.skipped_overdue', count: due.skipped.length, jobs: due.skipped.slice(0, 5).map((j) => j.jobId) }, 'overdue jobs skipped, not sent late');
    }
    if (due.started.length) log.info({ event: 'scheduler.claimed', jobs: due.started.map((h) => h.jobId) }, 'due jobs claimed');
    // After the due jobs are started, so that retention never delays a send; a failure waits for the next tick.
    await deps.engine.sweep().catch((error: unknown) => log.error({ event: 'scheduler.sweep_failed', message: (error as Error).message }, 'delivery retention sweep failed'));
    return { started: due.started, skipped: due.skipped.map((j) => j.jobId) };
  }

  return {
    async tick() {
      await cronClaim;
      const { started, skipped } = await claim();
      const results = await Promise.all(started.map((h) => h.done));
      await Promise.allSettled([...cronRuns]);
      return { started: started.map((h) => h.jobId), skipped, results };
    },
    start() {
      if (task) return;
      task = cron.schedule(
        settings.tick,
        async () => {
          try {
            const claiming = claim(true);
            cronClaim = claiming.catch(() => undefined);
            await claiming;
          } catch (error) {
            log.error({ event: 'scheduler.tick_failed', message: (error as Error).message }, 'scheduler tick failed');
          }
        },
        { timezone: settings.timezone, noOverlap: true, name: `delivery-${deps.engine.ownerId}`, logger: cronLogger },
      );
    },
    async stop() {
      if (task) {
        await task.destroy();
        task = undefined;
      }
      await deps.engine.stop();
    },
    nextRuns(count) {
      if (task) return task.getNextRuns(count);
      const probe = cron.createTask(settings.tick, () => undefined, { timezone: settings.timezone, logger: cronLogger });
      const runs = probe.getNextRuns(count);
      void probe.destroy();
      return runs;
    },
  };
}
