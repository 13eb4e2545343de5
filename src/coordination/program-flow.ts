// The coordinator's program-editing flow: the session list, the session form (edit and new), saving a
// session through the guarded change (with the confirmation of new warnings) and cancelling a session.
import { z } from 'zod';
import type { CardActionResult } from '../conversation/index.js';
import type { Locale } from '../i18n/locale.js';
import type { Program, Session } from '../program/model.js';
import { isoWeekday, localDateTime } from '../program/time.js';
import { inDateOrder } from '../program/index.js';
import { weekdayName } from '../program/weekday.js';
import { uniqueSlug } from '../text/index.js';
import { invalidAction, str, unknownSession, type CoordinatedProgram, type FlowContext, type Handler } from './context.js';
import { parseForm, programActionSchema, sessionFormSchema, type FieldErrors, type SessionForm } from './forms.js';
import { guardedChange, savedNotice } from './guarded-change.js';
import { cancelConfirmCard, programListCard, sessionFormCard, type SessionFormValues } from './program-cards.js';

export interface ProgramFlow {
  show: Handler;
  editSession: Handler;
  newSession: Handler;
  /** `confirming`: the "Trotzdem speichern" of a form that showed warnings. */
  saveSession(confirming: boolean): Handler;
  cancelSession: Handler;
}

const sessionActionSchema = programActionSchema.extend({ acknowledged: z.string().max(20_000).optional() });
const FORM_FIELDS = ['date', 'start', 'end', 'title', 'summary', 'joinUrl'] as const;

/** A readable id from the title ("Abschlusstreffen" → "abschlusstreffen", then "-2", "-3" …). */
function newSessionId(program: Program, title: string): string {
  const taken = new Set(program.sessions.map((s) => s.id));
  return uniqueSlug(title, (id) => taken.has(id), { maxLength: 40, fallback: 'termin' });
}

function sessionSnapshot(session: Session | undefined): Record<string, unknown> | null {
  return session ? { ...session } : null;
}

/** The session as the form describes it, on top of the one it edits (or a new one). */
function sessionFromForm(program: Program, before: Session | undefined, form: SessionForm): Session {
  const id = before?.id ?? newSessionId(program, form.title);
  const base: Session = before ? structuredClone(before) : { id, title: form.title, date: form.date, start: form.start, end: form.end, status: 'scheduled' };
  const next: Session = { ...base, date: form.date, start: form.start, end: form.end, title: form.title };
  if (form.summary !== undefined) next.summary = form.summary;
  else delete next.summary;
  if (form.joinUrl !== undefined) next.joinUrl = form.joinUrl;
  else delete next.joinUrl;
  // The announcement's weekday is kept in step with the date, else the lint would report a mismatch.
  if (next.weekday !== undefined && before?.date !== next.date) next.weekday = weekdayName(isoWeekday(next.date), program.program.language);
  return next;
}

/**
 * Start and end for a new session's form: the times most of the program's scheduled sessions share (on a
 * tie, those of the later session). Cancelled sessions count only when no session is scheduled. A program
 * without sessions gives none; the coordinator fills them in.
 */
export function defaultTimes(program: Program): Pick<SessionFormValues, 'start' | 'end'> {
  const counts = new Map<string, number>();
  let best: Session | undefined;
  let bestCount = 0;
  const sessions = inDateOrder(program).sessions;
  const scheduled = sessions.filter((s) => s.status === 'scheduled');
  for (const session of scheduled.length ? scheduled : sessions) {
    const key = `${session.start}-${session.end}`;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count >= bestCount) {
      best = session;
      bestCount = count;
    }
  }
  return best ? { start: best.start, end: best.end } : {};
}

/** The program with the session replaced or added (the guarded change puts it in date order). */
function withSession(program: Program, next: Session): Program {
  const candidate: Program = structuredClone(program);
  const exists = candidate.sessions.some((s) => s.id === next.id);
  candidate.sessions = exists ? candidate.sessions.map((s) => (s.id === next.id ? next : s)) : [...candidate.sessions, next];
  // The announced count described the list so far; a session added in Teams keeps it in step, else the
  // lint would refuse every new session of a program that states its count.
  if (!exists && program.program.announcedSessionCount === program.sessions.length) candidate.program.announcedSessionCount = candidate.sessions.length;
  return candidate;
}

export function createProgramFlow(ctx: FlowContext): ProgramFlow {
  const { deps } = ctx;

  function list(service: CoordinatedProgram, program: Program, locale: Locale, notice?: string): CardActionResult {
    const status = service.status();
    return {
      kind: 'card',
      card: programListCard(program, { version: service.version(), ...(status.updatedAt ? { updatedAt: status.updatedAt } : {}), now: deps.clock.now(), ...(notice ? { notice } : {}) }, locale),
    };
  }

  const show: Handler = async (turn, _data, { t, service }) => {
    const program = service.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    return list(service, program, turn.locale);
  };

  const editSession: Handler = async (turn, data, { t, service }) => {
    const program = service.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    const session = program.sessions.find((s) => s.id === str(data.sessionId));
    if (!session) return unknownSession(t);
    const values: SessionFormValues = { date: session.date, start: session.start, end: session.end, title: session.title, ...(session.summary ? { summary: session.summary } : {}), ...(session.joinUrl ? { joinUrl: session.joinUrl } : {}) };
    return { kind: 'card', card: sessionFormCard({ version: service.version(), sessionId: session.id, sessionTitle: session.title, values }, turn.locale) };
  };

  const newSession: Handler = async (turn, _data, { t, service }) => {
    const program = service.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    return { kind: 'card', card: sessionFormCard({ version: service.version(), values: defaultTimes(program) }, turn.locale) };
  };

  const saveSession =
    (confirming: boolean): Handler =>
    async (turn, data, scope) => {
      const { actor, t, service } = scope;
      const program = service.active();
      if (!program) return { kind: 'message', text: t.noProgram };
      const meta = sessionActionSchema.safeParse(data);
      if (!meta.success) return invalidAction(t);
      const { sessionId, version } = meta.data;
      const before = sessionId ? program.sessions.find((s) => s.id === sessionId) : undefined;
      if (sessionId && !before) return unknownSession(t);
      const raw: SessionFormValues = Object.fromEntries(FORM_FIELDS.map((k) => [k, str(data[k])]).filter(([, v]) => v !== undefined));
      const formState = { version, ...(before ? { sessionId: before.id, sessionTitle: before.title } : {}), values: raw };
      const action = sessionId ? 'session.edit' : 'session.create';
      const parsed = parseForm(sessionFormSchema, data);
      const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
      if (parsed.ok) {
        const moved = !before || before.date !== parsed.value.date || before.start !== parsed.value.start;
        if (moved && localDateTime(parsed.value.date, parsed.value.start, program.program.timezone).toMillis() < deps.clock.now().getTime()) errors.date = 'errPast';
      }
      if (!parsed.ok || Object.keys(errors).length) {
        await scope.record({ actor, action, outcome: 'invalid', ...(sessionId ? { target: sessionId } : {}), after: { fields: Object.keys(errors) } });
        return { kind: 'card', card: sessionFormCard({ ...formState, errors }, turn.locale) };
      }
      const next = sessionFromForm(program, before, parsed.value);
      // Saving an unchanged form would only bump the version (and calendar sequences): say so instead.
      if (before && JSON.stringify(before) === JSON.stringify(next)) {
        await scope.record({ actor, action, outcome: 'noop', target: next.id });
        return list(service, program, turn.locale, t.unchanged);
      }
      const result = await guardedChange(ctx, scope, {
        actor,
        action,
        target: next.id,
        base: program,
        expectedVersion: version,
        candidate: withSession(program, next),
        before: sessionSnapshot(before),
        after: { ...next },
        confirmation: { confirming, ...(meta.data.acknowledged !== undefined ? { acknowledged: meta.data.acknowledged } : {}) },
      });
      switch (result.kind) {
        case 'conflict':
          return { kind: 'card', card: sessionFormCard({ ...formState, conflict: true }, turn.locale) };
        case 'lint':
          return { kind: 'card', card: sessionFormCard({ ...formState, lintErrors: result.findings }, turn.locale) };
        case 'confirm':
          return { kind: 'card', card: sessionFormCard({ ...formState, warnings: result.warnings, acknowledged: result.acknowledgement }, turn.locale) };
        case 'saved':
          ctx.log.info({ event: 'coordination.session_saved', action, sessionId: next.id, version: result.version }, 'session saved');
          return list(service, service.active() ?? program, turn.locale, savedNotice(t, result));
      }
    };

  const cancelSession: Handler = async (turn, data, scope) => {
    const { actor, t, service } = scope;
    const program = service.active();
    if (!program) return { kind: 'message', text: t.noProgram };
    const meta = programActionSchema.safeParse(data);
    if (!meta.success || !meta.data.sessionId) return invalidAction(t);
    const session = program.sessions.find((s) => s.id === meta.data.sessionId);
    if (!session) return unknownSession(t);
    if (session.status === 'cancelled') return { kind: 'message', text: t.alreadyCancelled };
    const { version } = meta.data;
    if (!meta.data.confirmed) return { kind: 'card', card: cancelConfirmCard(program, session, version, turn.locale) };
    const next: Session = { ...structuredClone(session), status: 'cancelled' };
    const result = await guardedChange(ctx, scope, { actor, action: 'session.cancel', target: session.id, base: program, expectedVersion: version, candidate: withSession(program, next), before: sessionSnapshot(session), after: next });
    switch (result.kind) {
      case 'conflict':
        return { kind: 'card', card: cancelConfirmCard(program, session, version, turn.locale, { conflict: true }) };
      case 'lint':
        return { kind: 'card', card: cancelConfirmCard(program, session, version, turn.locale, { errors: result.findings }) };
      case 'saved':
        return list(service, service.active() ?? program, turn.locale, savedNotice(t, result, t.cancelledDone(session.title)));
    }
  };

  return { show, editSession, newSession, saveSession, cancelSession };
}
