// The coordinator's announcement flow for one program: compose, preview with the recipient count (the
// program's conversations), send now (with the confirmation card updated in place while the broadcast
// runs) or at a time, withdraw a scheduled one of the program before it starts, and refresh the progress card.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { CardActionResult, TurnInput } from '../conversation/index.js';
import type { DeliveryJob } from '../delivery/index.js';
import type { Locale } from '../i18n/locale.js';
import type { Program } from '../program/model.js';
import type { StoredConversation } from '../registry/index.js';
import { composeCard, previewCard, progressCard, type ComposeValues, type ScheduledBroadcast } from './announce-cards.js';
import { announcementZone, BROADCAST_KIND, broadcastJobSpec, broadcastPayload, broadcastPayloadSchema, countRecipients, newDraftId } from './broadcast.js';
import { invalidAction, str, unknownJob, type ActionScope, type FlowContext, type Handler } from './context.js';
import { announceFormSchema, parseForm, type Audience, type FieldErrors } from './forms.js';
import { loadProgressView, ProgressWatcher } from './progress.js';

const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3_600_000;
const COMPOSE_FIELDS = ['text', 'sessionId', 'audience', 'when', 'sendDate', 'sendTime'] as const;

const jobIdSchema = z.object({ jobId: z.string().min(1).max(200) });
const draftSchema = z.object({ draftId: z.string().regex(/^[a-f0-9]{16}$/) });

type Draft = { ok: false; errors: FieldErrors } | { ok: true; text: string; sessionId?: string; audience: Audience; sendAt?: Date; zone: string };

/** The zone a broadcast was scheduled in (its payload's), for its progress card. */
function jobZone(job: DeliveryJob | undefined): string {
  const parsed = broadcastPayloadSchema.safeParse(job?.payload);
  return parsed.success ? parsed.data.timezone : 'UTC';
}

export interface AnnounceFlow {
  /** The compose card, optionally pre-filled (the `ankündigen <Text>` command). */
  compose(scope: Pick<ActionScope, 'programId' | 'service'>, locale: Locale, values?: ComposeValues, extra?: { errors?: FieldErrors; notice?: string }): Promise<CardActionResult>;
  composeAgain: Handler;
  preview: Handler;
  send: Handler;
  abort: Handler;
  withdraw: Handler;
  refresh: Handler;
  /** Resolves when the progress updates of the broadcasts this process started are done. */
  idle(): Promise<void>;
}

function composeValues(data: Record<string, unknown>): ComposeValues {
  const out: ComposeValues = {};
  for (const key of COMPOSE_FIELDS) {
    const v = str(data[key]);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

function conversationOf(turn: TurnInput, now: Date): StoredConversation {
  const c = turn.conversation;
  return {
    conversationId: c.conversationId,
    kind: c.kind,
    tenantId: c.tenantId,
    serviceUrl: c.serviceUrl,
    reference: c.reference,
    locale: c.locale ?? 'de',
    ...(c.teamId ? { teamId: c.teamId } : {}),
    ...(c.channelId ? { channelId: c.channelId } : {}),
    unsubscribed: false,
    removed: false,
    inactive: false,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

function formatSendTime(at: Date, zone: string, locale: Locale): string {
  return DateTime.fromJSDate(at).setZone(zone).setLocale(locale).toFormat(locale === 'de' ? "dd.MM.yyyy, HH:mm 'Uhr'" : 'd LLL yyyy, HH:mm');
}

/** A broadcast's program; one planned before programs were recorded belongs to whichever program looks at it. */
function ofProgram(job: DeliveryJob, programId: string): boolean {
  const p = broadcastPayloadSchema.safeParse(job.payload);
  return !p.success || p.data.programId === undefined || p.data.programId === programId;
}

async function scheduledBroadcasts({ deps }: FlowContext, programId: string): Promise<ScheduledBroadcast[]> {
  const planned = await deps.engine.jobs.list({ statuses: ['planned'] });
  return planned
    .filter((j) => j.kind === BROADCAST_KIND && ofProgram(j, programId))
    .map((j) => {
      const p = broadcastPayloadSchema.safeParse(j.payload);
      return { jobId: j.jobId, dueAt: j.dueAt, text: p.success ? p.data.text : '' };
    });
}

/** Validates a draft (preview and send alike); a send time, read in the program's zone, must still be ahead. */
function validateDraft({ deps }: FlowContext, program: Program, data: Record<string, unknown>): Draft {
  const parsed = parseForm(announceFormSchema, data);
  if (!parsed.ok) return parsed;
  const form = parsed.value;
  const errors: FieldErrors = {};
  const zone = announcementZone(program);
  if (form.sessionId && !program.sessions.some((s) => s.id === form.sessionId)) errors.sessionId = 'errSession';
  let sendAt: Date | undefined;
  if (form.when === 'later') {
    const at = DateTime.fromISO(`${form.sendDate}T${form.sendTime!.slice(0, 5)}`, { zone });
    const now = deps.clock.now().getTime();
    if (!at.isValid) errors.sendDate = 'errWhen';
    else if (at.toMillis() <= now) errors.sendDate = 'errWhenPast';
    else if (at.toMillis() - now > MAX_SCHEDULE_AHEAD_MS) errors.sendDate = 'errWhenFar';
    else sendAt = at.toJSDate();
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, text: form.text, ...(form.sessionId ? { sessionId: form.sessionId } : {}), audience: form.audience, ...(sendAt ? { sendAt } : {}), zone };
}

/**
 * The coordinator broadcast of the program a card action names; reminders and card updates are the
 * planner's, not withdrawable by hand, and another program's broadcast is not this coordinator's.
 */
async function broadcastJob({ deps }: FlowContext, data: Record<string, unknown>, { t, programId }: Pick<ActionScope, 't' | 'programId'>): Promise<DeliveryJob | CardActionResult> {
  const parsed = jobIdSchema.safeParse(data);
  if (!parsed.success) return invalidAction(t);
  const job = await deps.engine.jobs.get(parsed.data.jobId);
  if (!job || job.kind !== BROADCAST_KIND || !ofProgram(job, programId)) return unknownJob(t);
  return job;
}

export function createAnnounceFlow(ctx: FlowContext): AnnounceFlow {
  const { deps, log } = ctx;
  const follows = new Set<Promise<void>>();

  async function compose(scope: Pick<ActionScope, 'programId' | 'service'>, locale: Locale, values: ComposeValues = {}, extra: { errors?: FieldErrors; notice?: string } = {}): Promise<CardActionResult> {
    return {
      kind: 'card',
      card: composeCard(scope.service.active(), { values, scheduled: await scheduledBroadcasts(ctx, scope.programId), now: deps.clock.now(), ...extra }, locale),
    };
  }

  const composeAgain: Handler = async (turn, data, scope) => compose(scope, turn.locale, composeValues(data));

  const preview: Handler = async (turn, data, scope) => {
    const values = composeValues(data);
    const program = scope.service.active();
    if (!program) return { kind: 'message', text: scope.t.noProgram };
    const draft = validateDraft(ctx, program, data);
    if (!draft.ok) return compose(scope, turn.locale, values, { errors: draft.errors });
    const draftId = newDraftId();
    const payload = broadcastPayload({ draftId, text: draft.text, audience: draft.audience, sessionId: draft.sessionId }, program);
    const count = countRecipients(await deps.registry.followers(scope.programId), draft.audience, scope.programId);
    return {
      kind: 'card',
      card: previewCard(payload, { count, ...(draft.sendAt ? { sendAt: draft.sendAt.toISOString() } : {}), zone: draft.zone, draft: { ...values, draftId } }, turn.locale),
    };
  };

  const send: Handler = async (turn, data, scope) => {
    const { actor, t } = scope;
    const id = draftSchema.safeParse(data);
    if (!id.success) return invalidAction(t);
    const program = scope.service.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    const draft = validateDraft(ctx, program, data);
    if (!draft.ok) {
      await scope.record({ actor, action: 'announce.send', outcome: 'invalid', after: { fields: Object.keys(draft.errors) } });
      return compose(scope, turn.locale, composeValues(data), { errors: draft.errors });
    }
    // The payload (and with it the job's audience) names the program: a broadcast never goes to everyone.
    const payload = broadcastPayload({ draftId: id.data.draftId, text: draft.text, audience: draft.audience, sessionId: draft.sessionId }, program);
    const now = deps.clock.now();
    const spec = broadcastJobSpec(payload, draft.sendAt ?? now);
    const jobId = spec.jobId;
    if (!(await deps.engine.enqueue(spec))) {
      // "Senden" pressed twice (or on two devices): show the job that exists, never send twice.
      const view = await loadProgressView(deps.engine, jobId, jobZone(await deps.engine.jobs.get(jobId)), turn.user.id);
      return view ? { kind: 'card', card: progressCard(view, turn.locale) } : unknownJob(t);
    }
    const recipients = countRecipients(await deps.registry.followers(scope.programId), draft.audience, scope.programId);
    await scope.record({
      actor,
      action: draft.sendAt ? 'announce.schedule' : 'announce.send',
      outcome: 'ok',
      target: jobId,
      after: { text: draft.text, audience: draft.audience, sessionId: draft.sessionId ?? null, dueAt: spec.dueAt.toISOString(), recipients: recipients.reachable, unreachable: recipients.unreachable },
    });
    log.info({ event: 'coordination.broadcast', jobId, scheduled: !!draft.sendAt, recipients: recipients.reachable }, 'announcement queued');
    if (draft.sendAt) return compose(scope, turn.locale, {}, { notice: t.scheduledDone(formatSendTime(draft.sendAt, payload.timezone, turn.locale)) });

    const activityId = turn.cardActivityId;
    const watcher = activityId
      ? new ProgressWatcher({ engine: deps.engine, logger: log, ...(deps.progressIntervalMs !== undefined ? { intervalMs: deps.progressIntervalMs } : {}) }, jobId, {
          conversation: conversationOf(turn, now),
          activityId,
          locale: turn.locale,
          userId: turn.user.id,
          zone: payload.timezone,
          programId: scope.programId,
        })
      : undefined;
    const handle = await deps.engine.start(jobId, watcher ? { onProgress: watcher.onProgress } : undefined);
    if (handle && watcher) {
      const follow = watcher.follow(handle);
      follows.add(follow);
      void follow.finally(() => follows.delete(follow));
    }
    const view = (await loadProgressView(deps.engine, jobId, payload.timezone, turn.user.id))!;
    // The run has just begun: show the recipient count counted a moment ago rather than "0 of 0".
    if (view.counts.planned === 0) view.counts = { ...view.counts, planned: recipients.reachable, pending: recipients.reachable };
    return { kind: 'card', card: progressCard(view, turn.locale) };
  };

  const abort: Handler = async (_turn, _data, { actor, t, record }) => {
    await record({ actor, action: 'announce.discard', outcome: 'noop' });
    return { kind: 'message', text: t.discarded };
  };

  const withdraw: Handler = async (turn, data, scope) => {
    const { actor, t } = scope;
    const found = await broadcastJob(ctx, data, scope);
    if (!('jobId' in found)) return found;
    const now = deps.clock.now();
    let withdrawn = false;
    const after = await deps.engine.jobs.mutate(
      found.jobId,
      (j) => {
        // Decided on the job as stored right now: a scheduler that claimed it a moment ago wins.
        withdrawn = j.status === 'planned' && !j.startedAt;
        return withdrawn ? { status: 'cancelled', reason: 'withdrawn', finishedAt: now.toISOString() } : null;
      },
      now,
    );
    await scope.record({ actor, action: 'announce.withdraw', outcome: withdrawn ? 'ok' : 'noop', target: found.jobId, before: { status: found.status, dueAt: found.dueAt }, after: { status: after?.status } });
    if (!withdrawn) return { kind: 'message', text: t.notWithdrawable };
    return compose(scope, turn.locale, {}, { notice: t.withdrawn });
  };

  const refresh: Handler = async (turn, data, scope) => {
    const job = await broadcastJob(ctx, data, scope);
    if (!('jobId' in job)) return job;
    const view = await loadProgressView(deps.engine, job.jobId, jobZone(job), turn.user.id);
    return view ? { kind: 'card', card: progressCard(view, turn.locale) } : unknownJob(scope.t);
  };

  return {
    compose,
    composeAgain,
    preview,
    send,
    abort,
    withdraw,
    refresh,
    async idle() {
      while (follows.size) await Promise.all([...follows]);
    },
  };
}
