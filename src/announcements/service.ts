// The announcement service: keeps the delivery jobs in step with every active program of the catalog (plan,
// re-time, cancel, replace sent cards, cancel what a removed program still had planned, keep planned
// coordinator announcements in step with their session), builds the cards the engine sends, and answers
// "Ich nehme teil". A plan made from a program that is no longer the stored one is dropped, not applied.
// Cost: a program is re-planned when it changed (or at start); a scheduler tick where no program changed
// reads no jobs at all, and planning reads the planned and running jobs and the planned programs' own jobs
// (indexes of the job repository), never the finished jobs of other programs. Each program's jobs leave only the program's own audience.
import { z } from 'zod';
import type { AdaptiveCard } from '../cards/adaptive.js';
import type { DeliveryEngine, JobReport, MessageBuilder } from '../delivery/index.js';
import { deliveryReport } from '../delivery/index.js';
import type { Locale } from '../i18n/locale.js';
import type { Program } from '../program/model.js';
import type { Clock } from '../shared/clock.js';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';
import { announcementMessage, buildAnnouncementCard } from './cards.js';
import { announcementPayload, announcementPayloadSchema } from './payload.js';
import { ANNOUNCEMENT_KIND, ANNOUNCEMENT_UPDATE_KIND, DEFAULT_GRACE_MS, reconcile, retireInactivePrograms, sessionGroup, type PlanAction } from './planning.js';
import { RsvpRepository } from './rsvp-repository.js';
import { reconcileBroadcasts, type BroadcastAction } from './broadcasts.js';
import { directoryOf, type ProgramDirectory, type ProgramSource } from './programs.js';

/** The engine's builders for announcement jobs; pass them to createDeliveryEngine. */
export function announcementBuilders(options: { publicBaseUrl: string }): Record<string, MessageBuilder> {
  return {
    [ANNOUNCEMENT_KIND]: (job, conversation) =>
      announcementMessage(announcementPayloadSchema.parse(job.payload), conversation.locale, { publicBaseUrl: options.publicBaseUrl }),
    [ANNOUNCEMENT_UPDATE_KIND]: (job, conversation) => {
      const payload = announcementPayloadSchema.parse(job.payload);
      return announcementMessage(payload, conversation.locale, { publicBaseUrl: options.publicBaseUrl, variant: payload.change ?? 'moved' });
    },
  };
}

export interface SyncSummary {
  created: number;
  retimed: number;
  revived: number;
  cancelled: number;
  updates: number;
}

/** Card action data of "Ich nehme teil"; anything else is answered with a clear error. */
export const rsvpActionSchema = z.object({
  sessionId: z.string().min(1).max(64),
  programId: z.string().min(1).max(64).optional(),
  attending: z.boolean().default(true),
});
export type RsvpAction = z.infer<typeof rsvpActionSchema>;

export function parseRsvpAction(data: unknown): RsvpAction {
  const parsed = rsvpActionSchema.safeParse(data);
  if (!parsed.success) throw new AppError('announcement.invalidAction', 'invalid RSVP action data');
  return parsed.data;
}

export interface AnnouncementServiceDeps {
  engine: DeliveryEngine;
  store: TableStore;
  clock: Clock;
  logger: Logger;
  publicBaseUrl: string;
  /** The catalog (every active program), or one program source. */
  programs?: ProgramDirectory | ProgramSource;
  graceMs?: number;
}

export interface AnnouncementService {
  /**
   * Brings the jobs in line with one program, or (without one) with every active program that changed since
   * this instance last planned it. Either way planned sends of inactive programs are cancelled. Idempotent
   * across instances.
   */
  sync(program?: Program, revision?: number): Promise<SyncSummary>;
  /** Re-plans on every program change and retires a removed program; returns the unsubscribe function. */
  watch(): () => void;
  /** "Ich nehme teil": counts once per person and returns the card as that person should now see it. */
  rsvp(input: { sessionId: string; aadObjectId: string | undefined; locale: Locale; attending?: boolean; programId?: string }): Promise<AdaptiveCard>;
  /** Delivery report of the announcement jobs (for `status`): one program's, or every program's. */
  report(program?: Program): Promise<JobReport[]>;
}

export function createAnnouncementService(deps: AnnouncementServiceDeps): AnnouncementService {
  const log = deps.logger.child({ component: 'announcements' });
  const rsvps = new RsvpRepository(deps.store);
  const jobs = deps.engine.jobs;
  const programs = directoryOf(deps.programs);
  /** The program object each program was last planned from: an unchanged program is not planned again. */
  const planned = new Map<string, Program>();
  let retiredAtStart = false;
  let queue: Promise<unknown> = Promise.resolve();

  async function apply(action: PlanAction | BroadcastAction, summary: SyncSummary): Promise<void> {
    const now = deps.clock.now();
    switch (action.type) {
      case 'create':
        if (await jobs.create(action.spec, now)) {
          if (action.spec.kind === ANNOUNCEMENT_UPDATE_KIND) summary.updates++;
          else summary.created++;
        }
        return;
      case 'retime':
      case 'revive': {
        const wanted = action.type === 'retime' ? ['planned'] : ['skipped', 'cancelled'];
        const done = await jobs.mutate(
          action.jobId,
          (job) =>
            wanted.includes(job.status) && !job.startedAt
              ? { status: 'planned', dueAt: action.dueAt.toISOString(), notAfter: action.notAfter.toISOString(), payload: action.payload, reason: '' }
              : null,
          now,
        );
        if (done?.status === 'planned') summary[action.type === 'retime' ? 'retimed' : 'revived']++;
        return;
      }
      case 'repayload': {
        const done = await jobs.mutate(action.jobId, (job) => (job.status === 'planned' ? { payload: action.payload } : null), now);
        if (done?.status === 'planned') summary.retimed++;
        return;
      }
      case 'cancel':
        await jobs.mutate(action.jobId, (job) => (job.status === 'planned' ? { status: 'cancelled', reason: action.reason, finishedAt: now.toISOString() } : null), now);
        summary.cancelled++;
        return;
      case 'requestCancel':
        await jobs.mutate(action.jobId, (job) => (job.status === 'running' ? { cancelRequested: true } : null), now);
        summary.cancelled++;
        return;
    }
  }

  /**
   * Whether another instance stored a different program (or a newer version) since `target` was read: its
   * plan would revive what that instance cancelled and cancel what it planned. The batch is dropped; the
   * instance picks up the stored program at its next refresh and plans from that.
   */
  async function outdated(target: Program, revision: number | undefined): Promise<boolean> {
    const stored = await programs.service(target.program.id)?.stored?.();
    if (!stored) return false;
    const otherProgram = stored.programId !== undefined && stored.programId !== target.program.id;
    const newer = revision !== undefined && stored.version > revision;
    if (!otherProgram && !newer) return false;
    log.warn(
      { event: 'announcements.plan-outdated', programId: target.program.id, revision, storedProgramId: stored.programId, storedVersion: stored.version },
      'the stored program changed since this plan was made; plan dropped',
    );
    return true;
  }

  const emptySummary = (): SyncSummary => ({ created: 0, retimed: 0, revived: 0, cancelled: 0, updates: 0 });

  /** Plans the given programs and retires inactive ones, over one read of the live and the programs' jobs. */
  async function plan(targets: Array<{ program: Program; revision: number | undefined }>): Promise<SyncSummary> {
    const summary = emptySummary();
    const all = await jobs.listLiveAndPrograms(targets.map((t) => t.program.program.id));
    const active = new Set([...programs.ids(), ...targets.map((t) => t.program.program.id)]);
    const retire = retireInactivePrograms(active, all);
    for (const action of retire) await apply(action, summary);
    if (retire.length) log.info({ event: 'announcements.retired', cancelled: retire.length }, 'planned sends of removed programs cancelled');
    for (const { program, revision } of targets) {
      const programId = program.program.id;
      const existing = all.filter((j) => (j.kind === ANNOUNCEMENT_KIND || j.kind === ANNOUNCEMENT_UPDATE_KIND) && j.payload.programId === programId);
      const actions = [
        ...reconcile(program, existing, { now: deps.clock.now(), graceMs: deps.graceMs ?? DEFAULT_GRACE_MS, ...(revision !== undefined ? { revision } : {}) }),
        ...reconcileBroadcasts(program, all, { adoptLegacy: programs.ids().length <= 1 }),
      ];
      if (actions.length && (await outdated(program, revision))) continue;
      const own = emptySummary();
      for (const action of actions) await apply(action, own);
      for (const key of Object.keys(own) as Array<keyof SyncSummary>) summary[key] += own[key];
      planned.set(programId, program);
      if (actions.length) log.info({ event: 'announcements.planned', programId, ...own }, 'announcement jobs re-planned');
    }
    return summary;
  }

  async function sync(program?: Program, revision?: number): Promise<SyncSummary> {
    if (program) return plan([{ program, revision: revision ?? programs.service(program.program.id)?.version?.() }]);
    const changed = programs.ids().flatMap((id) => {
      const current = programs.get(id);
      return current && planned.get(id) !== current ? [{ program: current, revision: programs.service(id)?.version?.() }] : [];
    });
    // The first pass also cancels what programs removed while no instance ran had planned.
    if (!changed.length && retiredAtStart) return emptySummary();
    const summary = await plan(changed);
    retiredAtStart = true;
    return summary;
  }

  /** A program's folder is gone: its planned sends are cancelled now, not at its next change. */
  async function retire(programId: string): Promise<SyncSummary> {
    planned.delete(programId);
    if (programs.ids().includes(programId)) return emptySummary();
    return plan([]);
  }

  const serialised = <T>(run: () => Promise<T>): Promise<T> => {
    // Two program changes in quick succession must not interleave their read-modify-writes.
    const next = queue.then(run);
    queue = next.catch(() => undefined);
    return next;
  };
  const logFailure = (error: unknown) => log.error({ event: 'announcements.sync_failed', message: (error as Error).message }, 'announcement planning failed');

  const service: AnnouncementService = {
    sync(program, revision) {
      return serialised(() => sync(program, revision));
    },
    watch() {
      const changes = programs.onChange((program, change) => void service.sync(program, change.version).catch(logFailure));
      const removals = programs.onRemoved((programId) => void serialised(() => retire(programId)).catch(logFailure));
      return () => {
        changes();
        removals();
      };
    },
    async rsvp(input) {
      // Cards carry their program; a card from before that is the only program's.
      const ids = programs.ids();
      const programId = input.programId ?? (ids.length === 1 ? ids[0] : undefined);
      const program = programId ? programs.get(programId) : undefined;
      if (!program) {
        if (input.programId) throw new AppError('announcement.unknownSession', 'RSVP for a program that is not active', { programId: input.programId });
        throw new AppError('announcement.noProgram', 'no active program');
      }
      if (!input.aadObjectId) throw new AppError('announcement.noUser', 'RSVP without an Entra object id');
      const session = program.sessions.find((s) => s.id === input.sessionId);
      if (!session) throw new AppError('announcement.unknownSession', 'RSVP for an unknown session', { sessionId: input.sessionId });
      const payload = announcementPayload(program, session);
      if (session.status === 'cancelled') return buildAnnouncementCard(payload, input.locale, { publicBaseUrl: deps.publicBaseUrl, variant: 'cancelled' });
      const attending = input.attending ?? true;
      await rsvps.set(program.program.id, session.id, input.aadObjectId, attending, deps.clock.now());
      const count = await rsvps.count(program.program.id, session.id);
      return buildAnnouncementCard(payload, input.locale, { publicBaseUrl: deps.publicBaseUrl, rsvp: { attending, count } });
    },
    async report(program) {
      const all = await deliveryReport(deps.engine);
      return all.filter((r) => (r.kind === ANNOUNCEMENT_KIND || r.kind === ANNOUNCEMENT_UPDATE_KIND) && (!program || r.group?.startsWith(sessionGroup(program.program.id, ''))));
    },
  };
  return service;
}
