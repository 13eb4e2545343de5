// The coordinator workflows as command and card-action handlers for the conversation core: program and
// session editing, reminders, ad-hoc announcements with preview and progress, and status. Every handler
// checks the coordinator policy itself (card payloads can be crafted by hand), takes the actor from the
// turn (never from card data), validates every input with zod and writes the audit trail.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { AnnouncementService, SyncSummary } from '../announcements/index.js';
import { ANNOUNCEMENT_KIND, ANNOUNCEMENT_UPDATE_KIND, announcementPayloadSchema } from '../announcements/index.js';
import type { CardActionHandler, CardActionResult, CommandHandler, CommandName, CoordinatorPolicy, TurnInput } from '../conversation/index.js';
import type { DeliveryEngine, DeliveryJob } from '../delivery/index.js';
import { deliveryReport } from '../delivery/index.js';
import type { Locale } from '../i18n/locale.js';
import { coordinationText, type CoordinationText } from '../i18n/coordination.js';
import { hasErrors, lintProgram, type LintFinding } from '../program/lint.js';
import type { Program, Session } from '../program/model.js';
import type { ProgramService } from '../program/service.js';
import { isoWeekday, localDateTime } from '../program/time.js';
import { weekdayName } from '../program/weekday.js';
import type { ConversationRegistry, StoredConversation } from '../registry/index.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { TableStore } from '../storage/tables.js';
import { composeCard, previewCard, progressCard, type ComposeValues, type ScheduledBroadcast } from './announce-cards.js';
import { AuditRepository, type AuditInput } from './audit-repository.js';
import { BROADCAST_KIND, broadcastJobId, broadcastJobSpec, broadcastPayload, broadcastPayloadSchema, countRecipients, newDraftId } from './broadcast.js';
import { formatReminderOffset } from './durations.js';
import { announceFormSchema, parseForm, parseOffsetList, programActionSchema, sessionFormSchema, type FieldErrors, type SessionForm } from './forms.js';
import { cancelConfirmCard, programListCard, remindersCard, sessionFormCard, statusCard, type PlannedSend, type SessionFormValues, type StatusView } from './program-cards.js';
import { loadProgressView, ProgressWatcher } from './progress.js';
import { VERBS } from './verbs.js';

/** Scheduled announcements are entered in this zone, whatever the program's zone. */
export const ANNOUNCE_ZONE = 'Europe/Berlin';
const MAX_SCHEDULE_AHEAD_MS = 366 * 24 * 3_600_000;
const NEXT_SENDS = 8;
const LAST_DELIVERIES = 5;

export interface CoordinationDeps {
  programs: Pick<ProgramService, 'active' | 'version' | 'save' | 'status'>;
  registry: Pick<ConversationRegistry, 'list'>;
  engine: DeliveryEngine;
  announcements: Pick<AnnouncementService, 'sync'>;
  store: TableStore;
  clock: Clock;
  logger: Logger;
  coordinators: CoordinatorPolicy;
  publicBaseUrl: string;
  /** Spacing of in-place progress updates (default 3 s). */
  progressIntervalMs?: number;
}

/**
 * What the Teams layer may add to a turn for card actions: the id of the activity that holds the card
 * (invoke: `activity.replyToId`). With it, a running broadcast updates the coordinator's card in place.
 */
export type CoordinationTurn = TurnInput & { cardActivityId?: string };

export interface CoordinationFeature {
  commands: Partial<Record<CommandName, CommandHandler>>;
  actions: Record<string, CardActionHandler>;
  audit: AuditRepository;
  /** Runs of broadcasts started by this process, with their progress watchers (tests, graceful stop). */
  idle(): Promise<void>;
}

const jobIdSchema = z.object({ jobId: z.string().min(1).max(200) });
const draftSchema = z.object({ draftId: z.string().regex(/^[a-f0-9]{16}$/) });

type Handler = (turn: CoordinationTurn, data: Record<string, unknown>, ctx: { actor: string; t: CoordinationText }) => Promise<CardActionResult>;

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
}

function newSessionId(program: Program, title: string): string {
  const base = slug(title) || 'termin';
  const taken = new Set(program.sessions.map((s) => s.id));
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

function findingKey(f: LintFinding): string {
  return `${f.code}|${f.sessionId ?? ''}|${f.message}`;
}

/** Warnings the change introduces (those the program had before were accepted earlier). */
function newWarnings(before: Program, after: Program, now: Date): LintFinding[] {
  const known = new Set(lintProgram(before, { now }).map(findingKey));
  return lintProgram(after, { now }).filter((f) => f.severity === 'warning' && !known.has(findingKey(f)));
}

function acknowledgement(warnings: LintFinding[]): string {
  return warnings.map(findingKey).sort().join('\n');
}

function sessionSnapshot(session: Session | undefined): Record<string, unknown> | null {
  return session ? { ...session } : null;
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

export function createCoordinationFeature(deps: CoordinationDeps): CoordinationFeature {
  const audit = new AuditRepository(deps.store);
  const log = deps.logger.child({ component: 'coordination' });
  const follows = new Set<Promise<void>>();

  const actorOf = (turn: TurnInput) => turn.user.aadObjectId ?? `bf:${turn.user.id}`;
  const record = (input: AuditInput) => audit.record(input, deps.clock.now());
  const zoneOf = (program: Program | undefined) => program?.program.timezone ?? ANNOUNCE_ZONE;

  // ---- shared views ----------------------------------------------------------------------------------

  async function plannedSends(locale: Locale, limit = NEXT_SENDS): Promise<PlannedSend[]> {
    const t = coordinationText(locale);
    const planned = (await deps.engine.jobs.list({ statuses: ['planned'] })).slice(0, limit);
    return planned.map((job) => ({ dueAt: job.dueAt, label: jobLabel(job, locale, t) }));
  }

  function jobLabel(job: DeliveryJob, locale: Locale, t: CoordinationText): string {
    if (job.kind === BROADCAST_KIND) {
      const p = broadcastPayloadSchema.safeParse(job.payload);
      const text = p.success ? p.data.text.replace(/\s+/g, ' ') : '';
      return `${t.sendBroadcast}${text ? `: ${text.length > 60 ? `${text.slice(0, 57)}…` : text}` : ''}`;
    }
    if (job.kind === ANNOUNCEMENT_KIND || job.kind === ANNOUNCEMENT_UPDATE_KIND) {
      const p = announcementPayloadSchema.safeParse(job.payload);
      if (p.success) {
        return job.kind === ANNOUNCEMENT_KIND
          ? t.sendReminder(p.data.session.title, p.data.offset ? formatReminderOffset(p.data.offset, locale) : '?')
          : t.sendUpdate(p.data.session.title);
      }
    }
    return t.sendOther(job.kind);
  }

  async function scheduledBroadcasts(): Promise<ScheduledBroadcast[]> {
    const planned = await deps.engine.jobs.list({ statuses: ['planned'] });
    return planned
      .filter((j) => j.kind === BROADCAST_KIND)
      .map((j) => {
        const p = broadcastPayloadSchema.safeParse(j.payload);
        return { jobId: j.jobId, dueAt: j.dueAt, text: p.success ? p.data.text : '' };
      });
  }

  function programList(program: Program, locale: Locale, notice?: string): CardActionResult {
    const status = deps.programs.status();
    return {
      kind: 'card',
      card: programListCard(program, { version: deps.programs.version(), ...(status.updatedAt ? { updatedAt: status.updatedAt } : {}), now: deps.clock.now(), ...(notice ? { notice } : {}) }, locale),
    };
  }

  async function reminders(program: Program, locale: Locale, extra: { values?: Record<string, string>; errors?: FieldErrors; lintErrors?: LintFinding[]; conflict?: boolean; notice?: string } = {}): Promise<CardActionResult> {
    return {
      kind: 'card',
      card: remindersCard(program, { version: deps.programs.version(), sends: await plannedSends(locale), now: deps.clock.now(), ...extra }, locale),
    };
  }

  async function compose(locale: Locale, values: ComposeValues = {}, extra: { errors?: FieldErrors; notice?: string } = {}): Promise<CardActionResult> {
    return {
      kind: 'card',
      card: composeCard(deps.programs.active(), { values, scheduled: await scheduledBroadcasts(), now: deps.clock.now(), ...extra }, locale),
    };
  }

  async function status(locale: Locale): Promise<CardActionResult> {
    const t = coordinationText(locale);
    const s = deps.programs.status();
    const program = deps.programs.active();
    const recent = (await deps.engine.jobs.list({ statuses: ['running', 'done', 'cancelled'] }))
      .filter((j) => j.startedAt)
      .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? ''))
      .slice(0, LAST_DELIVERIES);
    const deliveries: StatusView['deliveries'] = [];
    for (const job of recent) {
      const counts = job.status === 'running' || !job.counts ? (await deliveryReport(deps.engine, { jobId: job.jobId }))[0] : job.counts;
      if (!counts) continue;
      deliveries.push({ label: jobLabel(job, locale, t), at: job.startedAt!, sent: counts.sent, planned: counts.planned, failed: counts.failed + counts.uncertain, unreachable: counts.unreachable });
    }
    const view: StatusView = {
      ...(program ? { program: { title: program.program.title, version: s.version, ...(s.updatedAt ? { updatedAt: s.updatedAt } : {}), zone: program.program.timezone } } : {}),
      lint: s.lint,
      ...(s.lastRefusal ? { refusal: { at: s.lastRefusal.at, message: s.lastRefusal.message } } : {}),
      sends: await plannedSends(locale),
      deliveries,
    };
    return { kind: 'card', card: statusCard(view, locale) };
  }

  // ---- saving ----------------------------------------------------------------------------------------

  type SaveResult =
    | { kind: 'saved'; version: number; summary: SyncSummary }
    | { kind: 'lint'; findings: LintFinding[] }
    | { kind: 'conflict' };

  /** Lint, save with the version the card showed, re-plan reminders and card updates. */
  async function saveProgram(candidate: Program, actor: string, expectedVersion: number): Promise<SaveResult> {
    const findings = lintProgram(candidate, { now: deps.clock.now() });
    if (hasErrors(findings)) return { kind: 'lint', findings: findings.filter((f) => f.severity === 'error') };
    try {
      const outcome = await deps.programs.save(candidate, actor, { expectedVersion });
      if (outcome.kind === 'refused') return { kind: 'lint', findings: outcome.findings.filter((f) => f.severity === 'error') };
      // The announcement service may also watch program changes; sync() is serialised and idempotent, and
      // awaiting it here lets the card say what was re-planned.
      const summary = await deps.announcements.sync(candidate, outcome.version);
      return { kind: 'saved', version: outcome.version, summary };
    } catch (error) {
      if ((error as { code?: string }).code === 'program-conflict') return { kind: 'conflict' };
      throw error;
    }
  }

  function savedNotice(t: CoordinationText, result: { version: number; summary: SyncSummary }, lead?: string): string {
    const s = result.summary;
    return [lead, t.saved(result.version), t.replanned(s.retimed + s.revived, s.created, s.cancelled, s.updates)].filter(Boolean).join(' ');
  }

  // ---- handlers --------------------------------------------------------------------------------------

  const programShow: Handler = async (turn, _data, { t }) => {
    const program = deps.programs.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    return programList(program, turn.locale);
  };

  const sessionEdit: Handler = async (turn, data, { t }) => {
    const program = deps.programs.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    const sessionId = str(data.sessionId);
    const session = program.sessions.find((s) => s.id === sessionId);
    if (!session) return { kind: 'error', status: 404, code: 'coordination.unknown-session', text: t.unknownSession };
    const values: SessionFormValues = { date: session.date, start: session.start, end: session.end, title: session.title, ...(session.summary ? { summary: session.summary } : {}), ...(session.joinUrl ? { joinUrl: session.joinUrl } : {}) };
    return { kind: 'card', card: sessionFormCard({ version: deps.programs.version(), sessionId: session.id, sessionTitle: session.title, values }, turn.locale) };
  };

  const sessionNew: Handler = async (turn, _data, { t }) => {
    if (!deps.programs.active()) return { kind: 'message', text: t.noProgram };
    return { kind: 'card', card: sessionFormCard({ version: deps.programs.version(), values: { start: '10:00', end: '12:00' } }, turn.locale) };
  };

  const sessionSave =
    (confirming: boolean): Handler =>
    async (turn, data, { actor, t }) => {
      const program = deps.programs.active();
      if (!program) return { kind: 'message', text: t.noProgram };
      const meta = programActionSchema.extend({ acknowledged: z.string().max(20_000).optional() }).safeParse(data);
      if (!meta.success) return { kind: 'error', status: 400, code: 'coordination.invalid-action', text: t.invalidAction };
      const { sessionId, version } = meta.data;
      const before = sessionId ? program.sessions.find((s) => s.id === sessionId) : undefined;
      if (sessionId && !before) return { kind: 'error', status: 404, code: 'coordination.unknown-session', text: t.unknownSession };
      const raw: SessionFormValues = Object.fromEntries(
        (['date', 'start', 'end', 'title', 'summary', 'joinUrl'] as const).map((k) => [k, typeof data[k] === 'string' ? (data[k] as string) : undefined]).filter(([, v]) => v !== undefined),
      );
      const formState = { version, ...(sessionId ? { sessionId, sessionTitle: before!.title } : {}), values: raw };
      const action = sessionId ? 'session.edit' : 'session.create';
      const parsed = parseForm(sessionFormSchema, data);
      const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
      if (parsed.ok) {
        const form: SessionForm = parsed.value;
        const moved = !before || before.date !== form.date || before.start !== form.start;
        if (moved && localDateTime(form.date, form.start, program.program.timezone).toMillis() < deps.clock.now().getTime()) errors.date = 'errPast';
      }
      if (!parsed.ok || Object.keys(errors).length) {
        await record({ actor, action, outcome: 'invalid', ...(sessionId ? { target: sessionId } : {}), after: { fields: Object.keys(errors) } });
        return { kind: 'card', card: sessionFormCard({ ...formState, errors }, turn.locale) };
      }
      const form = parsed.value;
      const candidate: Program = structuredClone(program);
      const id = sessionId ?? newSessionId(program, form.title);
      const base: Session = before ? structuredClone(before) : { id, title: form.title, date: form.date, start: form.start, end: form.end, status: 'scheduled' };
      const next: Session = { ...base, date: form.date, start: form.start, end: form.end, title: form.title };
      if (form.summary !== undefined) next.summary = form.summary;
      else delete next.summary;
      if (form.joinUrl !== undefined) next.joinUrl = form.joinUrl;
      else delete next.joinUrl;
      // The announcement's weekday is kept in step with the date, else the lint would report a mismatch.
      if (next.weekday !== undefined && before?.date !== next.date) next.weekday = weekdayName(isoWeekday(next.date), program.program.language);
      candidate.sessions = before ? candidate.sessions.map((s) => (s.id === id ? next : s)) : [...candidate.sessions, next];
      // Saving an unchanged form would only bump the version (and calendar sequences): say so instead.
      if (before && JSON.stringify(before) === JSON.stringify(next)) {
        await record({ actor, action, outcome: 'noop', target: id });
        return programList(program, turn.locale, t.unchanged);
      }

      const lintErrors = lintProgram(candidate, { now: deps.clock.now() }).filter((f) => f.severity === 'error');
      if (lintErrors.length) {
        await record({ actor, action, outcome: 'lint-refused', target: id, before: sessionSnapshot(before), after: { ...next, lint: lintErrors.map((f) => f.code) } });
        return { kind: 'card', card: sessionFormCard({ ...formState, lintErrors }, turn.locale) };
      }
      const warnings = newWarnings(program, candidate, deps.clock.now());
      if (warnings.length && (!confirming || meta.data.acknowledged !== acknowledgement(warnings))) {
        return { kind: 'card', card: sessionFormCard({ ...formState, warnings, acknowledged: acknowledgement(warnings) }, turn.locale) };
      }
      const result = await saveProgram(candidate, actor, version);
      if (result.kind === 'conflict') {
        await record({ actor, action, outcome: 'conflict', target: id, before: sessionSnapshot(before), after: next });
        return { kind: 'card', card: sessionFormCard({ ...formState, conflict: true }, turn.locale) };
      }
      if (result.kind === 'lint') {
        await record({ actor, action, outcome: 'lint-refused', target: id, before: sessionSnapshot(before), after: next });
        return { kind: 'card', card: sessionFormCard({ ...formState, lintErrors: result.findings }, turn.locale) };
      }
      await record({ actor, action, outcome: 'ok', target: id, before: sessionSnapshot(before), after: { ...next, version: result.version, warnings: warnings.map((w) => w.code) } });
      log.info({ event: 'coordination.session_saved', action, sessionId: id, version: result.version }, 'session saved');
      return programList(candidate, turn.locale, savedNotice(t, result));
    };

  const sessionCancel: Handler = async (turn, data, { actor, t }) => {
    const program = deps.programs.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    const meta = programActionSchema.safeParse(data);
    if (!meta.success || !meta.data.sessionId) return { kind: 'error', status: 400, code: 'coordination.invalid-action', text: t.invalidAction };
    const session = program.sessions.find((s) => s.id === meta.data.sessionId);
    if (!session) return { kind: 'error', status: 404, code: 'coordination.unknown-session', text: t.unknownSession };
    if (session.status === 'cancelled') return { kind: 'message', text: t.alreadyCancelled };
    if (!meta.data.confirmed) return { kind: 'card', card: cancelConfirmCard(program, session, meta.data.version, turn.locale) };
    const candidate: Program = structuredClone(program);
    const next: Session = { ...structuredClone(session), status: 'cancelled' };
    candidate.sessions = candidate.sessions.map((s) => (s.id === session.id ? next : s));
    const result = await saveProgram(candidate, actor, meta.data.version);
    const base = { actor, action: 'session.cancel', target: session.id, before: sessionSnapshot(session), after: next } as const;
    if (result.kind === 'conflict') {
      await record({ ...base, outcome: 'conflict' });
      return { kind: 'card', card: cancelConfirmCard(program, session, meta.data.version, turn.locale, { conflict: true }) };
    }
    if (result.kind === 'lint') {
      await record({ ...base, outcome: 'lint-refused' });
      return { kind: 'card', card: cancelConfirmCard(program, session, meta.data.version, turn.locale, { errors: result.findings }) };
    }
    await record({ ...base, outcome: 'ok', after: { ...next, version: result.version } });
    return programList(candidate, turn.locale, savedNotice(t, result, t.cancelledDone(session.title)));
  };

  const remindersShow: Handler = async (turn, _data, { t }) => {
    const program = deps.programs.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    return reminders(program, turn.locale);
  };

  const remindersSave: Handler = async (turn, data, { actor, t }) => {
    const program = deps.programs.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    const meta = programActionSchema.safeParse(data);
    if (!meta.success) return { kind: 'error', status: 400, code: 'coordination.invalid-action', text: t.invalidAction };
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(data)) if (typeof value === 'string' && (key === 'programOffsets' || key === 'programCustom' || key.startsWith('s_'))) values[key] = value;
    const errors: FieldErrors = {};
    const list = (field: string): string[] | undefined => {
      const raw = values[field] ?? '';
      if (raw.length > 500) {
        errors[field] = 'errTooLong:500';
        return undefined;
      }
      const parsed = parseOffsetList(raw);
      if ('error' in parsed) {
        errors[field] = parsed.error;
        return undefined;
      }
      return parsed.offsets;
    };
    const chosen = list('programOffsets');
    const custom = list('programCustom');
    const programOffsets = chosen && custom ? parseOffsetList([...chosen, ...custom].join(',')) : undefined;
    if (programOffsets && 'error' in programOffsets) errors.programCustom = programOffsets.error;
    const candidate: Program = structuredClone(program);
    if (programOffsets && 'offsets' in programOffsets) candidate.program.reminders = programOffsets.offsets;
    const none = new Set(['keine', 'none', 'ohne', '-', '0']);
    for (const session of candidate.sessions) {
      const field = `s_${session.id}`;
      if (!(field in values)) continue;
      const raw = values[field]!.trim();
      if (!raw) delete session.reminders;
      else if (none.has(raw.toLowerCase())) session.reminders = [];
      else {
        const offsets = list(field);
        if (offsets) session.reminders = offsets;
      }
    }
    const before = { program: program.program.reminders, sessions: Object.fromEntries(program.sessions.filter((s) => s.reminders).map((s) => [s.id, s.reminders])) };
    const after = { program: candidate.program.reminders, sessions: Object.fromEntries(candidate.sessions.filter((s) => s.reminders).map((s) => [s.id, s.reminders])) };
    if (Object.keys(errors).length) {
      await record({ actor, action: 'reminders.edit', outcome: 'invalid', after: { fields: Object.keys(errors) } });
      return reminders(program, turn.locale, { values, errors });
    }
    const result = await saveProgram(candidate, actor, meta.data.version);
    if (result.kind === 'conflict') {
      await record({ actor, action: 'reminders.edit', outcome: 'conflict', before, after });
      return reminders(program, turn.locale, { values, conflict: true });
    }
    if (result.kind === 'lint') {
      await record({ actor, action: 'reminders.edit', outcome: 'lint-refused', before, after });
      return reminders(program, turn.locale, { values, lintErrors: result.findings });
    }
    await record({ actor, action: 'reminders.edit', outcome: 'ok', before, after: { ...after, version: result.version } });
    return reminders(candidate, turn.locale, { notice: savedNotice(t, result) });
  };

  function composeValues(data: Record<string, unknown>): ComposeValues {
    const out: ComposeValues = {};
    for (const key of ['text', 'sessionId', 'audience', 'when', 'sendDate', 'sendTime'] as const) {
      const v = str(data[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }

  /** Validates a draft (preview and send alike); a send time must still be ahead. */
  function validateDraft(data: Record<string, unknown>): { ok: false; errors: FieldErrors } | { ok: true; text: string; sessionId?: string; audience: 'all' | 'channels' | 'personal'; sendAt?: Date } {
    const parsed = parseForm(announceFormSchema, data);
    if (!parsed.ok) return parsed;
    const form = parsed.value;
    const errors: FieldErrors = {};
    const program = deps.programs.active();
    if (form.sessionId && !program?.sessions.some((s) => s.id === form.sessionId)) errors.sessionId = 'errSession';
    let sendAt: Date | undefined;
    if (form.when === 'later') {
      const at = DateTime.fromISO(`${form.sendDate}T${form.sendTime!.slice(0, 5)}`, { zone: ANNOUNCE_ZONE });
      const now = deps.clock.now().getTime();
      if (!at.isValid) errors.sendDate = 'errWhen';
      else if (at.toMillis() <= now) errors.sendDate = 'errWhenPast';
      else if (at.toMillis() - now > MAX_SCHEDULE_AHEAD_MS) errors.sendDate = 'errWhenFar';
      else sendAt = at.toJSDate();
    }
    if (Object.keys(errors).length) return { ok: false, errors };
    return { ok: true, text: form.text, ...(form.sessionId ? { sessionId: form.sessionId } : {}), audience: form.audience, ...(sendAt ? { sendAt } : {}) };
  }

  const announceCompose: Handler = async (turn, data) => compose(turn.locale, composeValues(data));

  const announcePreview: Handler = async (turn, data) => {
    const values = composeValues(data);
    const draft = validateDraft(data);
    if (!draft.ok) return compose(turn.locale, values, { errors: draft.errors });
    const draftId = newDraftId();
    const payload = broadcastPayload({ draftId, text: draft.text, audience: draft.audience, sessionId: draft.sessionId }, deps.programs.active());
    const count = countRecipients(await deps.registry.list(), draft.audience);
    return {
      kind: 'card',
      card: previewCard(payload, { count, ...(draft.sendAt ? { sendAt: draft.sendAt.toISOString() } : {}), zone: ANNOUNCE_ZONE, draft: { ...values, draftId } }, turn.locale),
    };
  };

  const announceSend: Handler = async (turn, data, { actor, t }) => {
    const id = draftSchema.safeParse(data);
    if (!id.success) return { kind: 'error', status: 400, code: 'coordination.invalid-action', text: t.invalidAction };
    const values = composeValues(data);
    const draft = validateDraft(data);
    if (!draft.ok) {
      await record({ actor, action: 'announce.send', outcome: 'invalid', after: { fields: Object.keys(draft.errors) } });
      return compose(turn.locale, values, { errors: draft.errors });
    }
    const program = deps.programs.active();
    const payload = broadcastPayload({ draftId: id.data.draftId, text: draft.text, audience: draft.audience, sessionId: draft.sessionId }, program);
    const now = deps.clock.now();
    const spec = broadcastJobSpec(payload, draft.sendAt ?? now);
    const created = await deps.engine.enqueue(spec);
    const jobId = spec.jobId;
    if (!created) {
      // "Senden" pressed twice (or on two devices): show the job that exists, never send twice.
      const view = await loadProgressView(deps.engine, jobId, ANNOUNCE_ZONE, turn.user.id);
      if (!view) return { kind: 'error', status: 404, code: 'coordination.unknown-job', text: t.unknownJob };
      return { kind: 'card', card: progressCard(view, turn.locale) };
    }
    const recipients = countRecipients(await deps.registry.list(), draft.audience);
    await record({
      actor,
      action: draft.sendAt ? 'announce.schedule' : 'announce.send',
      outcome: 'ok',
      target: jobId,
      after: { text: draft.text, audience: draft.audience, sessionId: draft.sessionId ?? null, dueAt: spec.dueAt.toISOString(), recipients: recipients.reachable, unreachable: recipients.unreachable },
    });
    log.info({ event: 'coordination.broadcast', jobId, scheduled: !!draft.sendAt, recipients: recipients.reachable }, 'announcement queued');
    if (draft.sendAt) return compose(turn.locale, {}, { notice: t.scheduledDone(`${DateTime.fromJSDate(draft.sendAt).setZone(ANNOUNCE_ZONE).setLocale(turn.locale).toFormat(turn.locale === 'de' ? "dd.MM.yyyy, HH:mm 'Uhr'" : 'd LLL yyyy, HH:mm')}`) });

    const activityId = turn.cardActivityId;
    const watcher = activityId
      ? new ProgressWatcher({ engine: deps.engine, logger: log, ...(deps.progressIntervalMs !== undefined ? { intervalMs: deps.progressIntervalMs } : {}) }, jobId, {
          conversation: conversationOf(turn, now),
          activityId,
          locale: turn.locale,
          userId: turn.user.id,
          zone: ANNOUNCE_ZONE,
        })
      : undefined;
    const handle = await deps.engine.start(jobId, watcher ? { onProgress: watcher.onProgress } : undefined);
    if (handle && watcher) {
      const follow = watcher.follow(handle);
      follows.add(follow);
      void follow.finally(() => follows.delete(follow));
    }
    const view = (await loadProgressView(deps.engine, jobId, ANNOUNCE_ZONE, turn.user.id))!;
    // The run has just begun: show the recipient count counted a moment ago rather than "0 of 0".
    if (view.counts.planned === 0) view.counts = { ...view.counts, planned: recipients.reachable, pending: recipients.reachable };
    return { kind: 'card', card: progressCard(view, turn.locale) };
  };

  const announceAbort: Handler = async (_turn, _data, { actor, t }) => {
    await record({ actor, action: 'announce.discard', outcome: 'noop' });
    return { kind: 'message', text: t.discarded };
  };

  async function broadcastJob(data: Record<string, unknown>, t: CoordinationText): Promise<DeliveryJob | CardActionResult> {
    const parsed = jobIdSchema.safeParse(data);
    if (!parsed.success) return { kind: 'error', status: 400, code: 'coordination.invalid-action', text: t.invalidAction };
    const job = await deps.engine.jobs.get(parsed.data.jobId);
    // Only coordinator broadcasts: reminders and card updates are the planner's, not withdrawable by hand.
    if (!job || job.kind !== BROADCAST_KIND) return { kind: 'error', status: 404, code: 'coordination.unknown-job', text: t.unknownJob };
    return job;
  }

  const announceCancel: Handler = async (turn, data, { actor, t }) => {
    const job = await broadcastJob(data, t);
    if (!('jobId' in job)) return job;
    const found = job;
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
    await record({ actor, action: 'announce.withdraw', outcome: withdrawn ? 'ok' : 'noop', target: found.jobId, before: { status: found.status, dueAt: found.dueAt }, after: { status: after?.status } });
    if (!withdrawn) return { kind: 'message', text: t.notWithdrawable };
    return compose(turn.locale, {}, { notice: t.withdrawn });
  };

  const progressRefresh: Handler = async (turn, data, { t }) => {
    const job = await broadcastJob(data, t);
    if (!('jobId' in job)) return job;
    const view = await loadProgressView(deps.engine, job.jobId, ANNOUNCE_ZONE, turn.user.id);
    if (!view) return { kind: 'error', status: 404, code: 'coordination.unknown-job', text: t.unknownJob };
    return { kind: 'card', card: progressCard(view, turn.locale) };
  };

  const statusShow: Handler = async (turn) => status(turn.locale);

  // ---- routing with the policy check -----------------------------------------------------------------

  function guarded(verb: string, handler: Handler): CardActionHandler {
    return async (turn, data) => {
      const t = coordinationText(turn.locale);
      const actor = actorOf(turn);
      if (!deps.coordinators.isCoordinator(turn.user.aadObjectId)) {
        log.info({ event: 'coordination.refused', verb }, 'coordinator action refused');
        await record({ actor, action: verb, outcome: 'refused' });
        return { kind: 'error', status: 403, code: 'coordination.not-coordinator', text: t.refused };
      }
      return handler(turn as CoordinationTurn, data ?? {}, { actor, t });
    };
  }

  function command(name: CommandName, view: (turn: TurnInput, argument: string) => Promise<CardActionResult>): CommandHandler {
    return async (turn, argument) => {
      const t = coordinationText(turn.locale);
      const actor = actorOf(turn);
      if (!deps.coordinators.isCoordinator(turn.user.aadObjectId)) {
        await record({ actor, action: `command.${name}`, outcome: 'refused' });
        return [{ text: t.refused }];
      }
      await record({ actor, action: `command.${name}`, outcome: 'ok' });
      const result = await view(turn, argument);
      const message: OutgoingMessage = result.kind === 'card' ? { card: result.card } : { text: result.text };
      return [message];
    };
  }

  const ctxFor = (turn: TurnInput) => ({ actor: actorOf(turn), t: coordinationText(turn.locale) });
  const actions: Record<string, CardActionHandler> = {
    [VERBS.programShow]: guarded(VERBS.programShow, programShow),
    [VERBS.sessionEdit]: guarded(VERBS.sessionEdit, sessionEdit),
    [VERBS.sessionNew]: guarded(VERBS.sessionNew, sessionNew),
    [VERBS.sessionSave]: guarded(VERBS.sessionSave, sessionSave(false)),
    [VERBS.sessionConfirm]: guarded(VERBS.sessionConfirm, sessionSave(true)),
    [VERBS.sessionCancel]: guarded(VERBS.sessionCancel, sessionCancel),
    [VERBS.remindersShow]: guarded(VERBS.remindersShow, remindersShow),
    [VERBS.remindersSave]: guarded(VERBS.remindersSave, remindersSave),
    [VERBS.announceCompose]: guarded(VERBS.announceCompose, announceCompose),
    [VERBS.announcePreview]: guarded(VERBS.announcePreview, announcePreview),
    [VERBS.announceSend]: guarded(VERBS.announceSend, announceSend),
    [VERBS.announceAbort]: guarded(VERBS.announceAbort, announceAbort),
    [VERBS.announceCancel]: guarded(VERBS.announceCancel, announceCancel),
    [VERBS.progressRefresh]: guarded(VERBS.progressRefresh, progressRefresh),
    [VERBS.statusShow]: guarded(VERBS.statusShow, statusShow),
  };

  const commands: Partial<Record<CommandName, CommandHandler>> = {
    program: command('program', (turn) => programShow(turn, {}, ctxFor(turn))),
    reminders: command('reminders', (turn) => remindersShow(turn, {}, ctxFor(turn))),
    announce: command('announce', (turn, argument) => compose(turn.locale, argument.trim() ? { text: argument.trim().slice(0, 2000) } : {})),
    status: command('status', (turn) => status(turn.locale)),
  };

  return {
    commands,
    actions,
    audit,
    async idle() {
      await deps.engine.idle();
      while (follows.size) await Promise.all([...follows]);
    },
  };
}
