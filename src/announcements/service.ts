// The announcement service: keeps the delivery jobs in step with the active program (plan, re-time, cancel,
// replace sent cards, cancel what a replaced program still had planned, keep planned coordinator
// announcements in step with their session), builds the cards the engine sends, and answers "Ich nehme
// teil". A plan made from a program that is no longer the stored one is dropped, not applied.
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
import { ANNOUNCEMENT_KIND, ANNOUNCEMENT_UPDATE_KIND, DEFAULT_GRACE_MS, reconcile, retireOtherPrograms, sessionGroup, type PlanAction } from './planning.js';
import { RsvpRepository } from './rsvp-repository.js';
import { reconcileBroadcasts, type BroadcastAction } from './broadcasts.js';

/** The part of the program service announcements need (src/program/service.ts ProgramService fits). */
export interface ProgramSource {
  active(): Program | undefined;
  onChange(listener: (program: Program, change: { version: number }) => void): () => void;
  version?(): number;
  /** A fresh read of what is stored now (not the cached program), to drop a plan made from an outdated one. */
  stored?(): Promise<{ programId?: string; version: number } | undefined>;
}

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
  programs?: ProgramSource;
  graceMs?: number;
}

export interface AnnouncementService {
  /** Brings the jobs in line with the program (default: the active one). Idempotent across instances. */
  sync(program?: Program, revision?: number): Promise<SyncSummary>;
  /** Re-plans on every program change; returns the unsubscribe function. */
  watch(): () => void;
  /** "Ich nehme teil": counts once per person and returns the card as that person should now see it. */
  rsvp(input: { sessionId: string; aadObjectId: string | undefined; locale: Locale; attending?: boolean; programId?: string }): Promise<AdaptiveCard>;
  /** Delivery report of the announcement jobs (for `status`). */
  report(program?: Program): Promise<JobReport[]>;
}

export function createAnnouncementService(deps: AnnouncementServiceDeps): AnnouncementService {
  const log = deps.logger.child({ component: 'announcements' });
  const rsvps = new RsvpRepository(deps.store);
  const jobs = deps.engine.jobs;
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
    const stored = await deps.programs?.stored?.();
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

  async function sync(program?: Program, revision?: number): Promise<SyncSummary> {
    const target = program ?? deps.programs?.active();
    const summary: SyncSummary = { created: 0, retimed: 0, revived: 0, cancelled: 0, updates: 0 };
    if (!target) return summary;
    const all = await jobs.list();
    const existing = all.filter((j) => j.kind === ANNOUNCEMENT_KIND || j.kind === ANNOUNCEMENT_UPDATE_KIND);
    const actions = [
      ...reconcile(target, existing, {
        now: deps.clock.now(),
        graceMs: deps.graceMs ?? DEFAULT_GRACE_MS,
        ...(revision !== undefined ? { revision } : {}),
      }),
      ...retireOtherPrograms(target.program.id, all),
      ...reconcileBroadcasts(target, all),
    ];
    if (actions.length && (await outdated(target, revision))) return summary;
    for (const action of actions) await apply(action, summary);
    if (actions.length) log.info({ event: 'announcements.planned', programId: target.program.id, ...summary }, 'announcement jobs re-planned');
    return summary;
  }

  const service: AnnouncementService = {
    sync(program, revision) {
      // Serialised: two program changes in quick succession must not interleave their read-modify-writes.
      const next = queue.then(() => sync(program, revision ?? deps.programs?.version?.()));
      queue = next.catch(() => undefined);
      return next;
    },
    watch() {
      if (!deps.programs) return () => undefined;
      return deps.programs.onChange((program, change) => {
        service.sync(program, change.version).catch((error: unknown) =>
          log.error({ event: 'announcements.sync_failed', message: (error as Error).message }, 'announcement planning failed'),
        );
      });
    },
    async rsvp(input) {
      const program = deps.programs?.active();
      if (!program) throw new AppError('announcement.noProgram', 'no active program');
      if (!input.aadObjectId) throw new AppError('announcement.noUser', 'RSVP without an Entra object id');
      if (input.programId && input.programId !== program.program.id) throw new AppError('announcement.unknownSession', 'RSVP for another program');
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
      const target = program ?? deps.programs?.active();
      const all = await deliveryReport(deps.engine);
      return all.filter((r) => (r.kind === ANNOUNCEMENT_KIND || r.kind === ANNOUNCEMENT_UPDATE_KIND) && (!target || r.group?.startsWith(`${sessionGroup(target.program.id, '')}`)));
    },
  };
  return service;
}
