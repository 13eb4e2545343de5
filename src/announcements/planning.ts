// Planning: which delivery jobs a program calls for, and how existing jobs change when the program does.
// Pure functions over the program and the stored jobs; the service applies the resulting actions.
// Job ids are deterministic, so every instance plans the same ids and creating them twice is harmless:
//   reminder:  ann|<programId>|<sessionId>|<offset>            (offset as written, e.g. P1D)
//   again:     ann|<programId>|<sessionId>|<offset>|<date>T<start>
//              the same reminder for a session that moved after it was sent, for its new start
//   update:    upd|<programId>|<sessionId>|<state>[|v<rev>]    (state "cancelled" or "<date>T<start>-<end>")
// Every job goes to the program's own audience (teams linked to it, personal chats following it). Planned
// jobs of a program that is no longer active (its folder is gone, or program.yaml now has another id) are
// cancelled; the jobs of the other active programs are theirs to plan.
import type { DateTime } from 'luxon';
import type { DeliveryJob, JobSpec } from '../delivery/index.js';
import type { Program, Session } from '../program/model.js';
import { parseDuration, sessionStart } from '../program/time.js';
import { announcementPayload, announcementPayloadSchema, type AnnouncementPayload, type SessionSnapshot } from './payload.js';

export const ANNOUNCEMENT_KIND = 'announcement';
export const ANNOUNCEMENT_UPDATE_KIND = 'announcement.update';
export const DEFAULT_GRACE_MS = 30 * 60_000;

export function announcementJobId(programId: string, sessionId: string, offset: string): string {
  return `ann|${programId}|${sessionId}|${offset}`;
}

/** A reminder planned again after its session moved: the first one went out for the old start. */
export function movedReminderJobId(programId: string, sessionId: string, offset: string, date: string, start: string): string {
  return `${announcementJobId(programId, sessionId, offset)}|${date}T${start}`;
}

export function updateJobId(programId: string, sessionId: string, state: string, revision?: number): string {
  return `upd|${programId}|${sessionId}|${state}${revision !== undefined ? `|v${revision}` : ''}`;
}

export function sessionGroup(programId: string, sessionId: string): string {
  return `${programId}/${sessionId}`;
}

/**
 * When a reminder is due: session start minus the offset, in the program's zone. Calendar units (P1D, P7D)
 * keep the wall-clock time across a daylight-saving change (10:00 the day before is still 10:00); time
 * units (PT1H) are exact durations.
 */
export function reminderDue(program: Program, session: Session, offset: string): DateTime {
  return sessionStart(program, session).minus(parseDuration(offset));
}

export interface PlannedReminder {
  jobId: string;
  sessionId: string;
  offset: string;
  dueAt: Date;
  notAfter: Date;
  payload: AnnouncementPayload;
}

/** One reminder per scheduled session and offset (the session's own `reminders`, else the program's). */
export function planReminders(program: Program, options: { graceMs?: number } = {}): PlannedReminder[] {
  const grace = options.graceMs ?? DEFAULT_GRACE_MS;
  const out: PlannedReminder[] = [];
  for (const session of program.sessions) {
    if (session.status !== 'scheduled') continue;
    for (const offset of new Set(session.reminders ?? program.program.reminders)) {
      const due = reminderDue(program, session, offset).toJSDate();
      out.push({
        jobId: announcementJobId(program.program.id, session.id, offset),
        sessionId: session.id,
        offset,
        dueAt: due,
        notAfter: new Date(due.getTime() + grace),
        payload: announcementPayload(program, session, { offset }),
      });
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.jobId.localeCompare(b.jobId));
}

export type PlanAction =
  | { type: 'create'; spec: JobSpec }
  /** A planned job gets a new due time / content (session moved or edited). */
  | { type: 'retime'; jobId: string; dueAt: Date; notAfter: Date; payload: AnnouncementPayload }
  /** A job skipped or cancelled before it ever started becomes planned again (session moved forward, re-scheduled). */
  | { type: 'revive'; jobId: string; dueAt: Date; notAfter: Date; payload: AnnouncementPayload }
  | { type: 'cancel'; jobId: string; reason: string }
  /** A running job is asked to stop; its remaining recipients are skipped. */
  | { type: 'requestCancel'; jobId: string };

function stateKey(session: Pick<SessionSnapshot, 'date' | 'start' | 'end'> | undefined, cancelled: boolean): string {
  return cancelled || !session ? 'cancelled' : `${session.date}T${session.start}-${session.end}`;
}

/** What a card showed or must show: the state plus the zone its wall-clock times are in. */
function shownKey(state: string, zone: string): string {
  return state === 'cancelled' ? state : `${state} ${zone}`;
}

function payloadOf(job: DeliveryJob): AnnouncementPayload | undefined {
  const parsed = announcementPayloadSchema.safeParse(job.payload);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The reminder as it must be planned now. A reminder that already went out (or is going out) for an
 * earlier start of its session is planned again under the moved-reminder id, but only while its due time
 * still lies ahead; undefined when there is nothing to plan.
 */
function resolveReminder(d: PlannedReminder, programId: string, byId: Map<string, DeliveryJob>, now: Date): PlannedReminder | undefined {
  const sent = byId.get(d.jobId);
  const shown = sent?.startedAt ? payloadOf(sent)?.session : undefined;
  const shownZone = sent ? payloadOf(sent)?.timezone : undefined;
  if (!sent?.startedAt || !shown || (shown.date === d.payload.session.date && shown.start === d.payload.session.start && shownZone === d.payload.timezone)) return d;
  if (d.dueAt.getTime() <= now.getTime()) return undefined;
  return { ...d, jobId: movedReminderJobId(programId, d.sessionId, d.offset, d.payload.session.date, d.payload.session.start) };
}

/**
 * Planned jobs of programs that are not active (payload.programId not among `active`): a removed or replaced
 * program sends nothing more. Jobs without a program id are left alone.
 */
export function retireInactivePrograms(active: ReadonlySet<string>, existing: DeliveryJob[]): PlanAction[] {
  return existing
    .filter((j) => j.status === 'planned' && typeof j.payload.programId === 'string' && !active.has(j.payload.programId))
    .map((j) => ({ type: 'cancel', jobId: j.jobId, reason: 'program-removed' }));
}

/**
 * Compares the jobs a program calls for with the stored ones and returns what to change.
 * @param revision the program version, so that moving a session back and forth yields fresh update jobs
 */
export function reconcile(
  program: Program,
  existing: DeliveryJob[],
  options: { now: Date; graceMs?: number; revision?: number },
): PlanAction[] {
  const programId = program.program.id;
  const desired = planReminders(program, options.graceMs !== undefined ? { graceMs: options.graceMs } : {});
  const byId = new Map(existing.map((j) => [j.jobId, j]));
  const mine = existing.filter((j) => payloadOf(j)?.programId === programId);
  const actions: PlanAction[] = [];
  const nowIso = options.now.toISOString();

  // A reminder that went out for an earlier start stays wanted: it is history, not something to stop.
  const wanted = new Set(desired.map((d) => d.jobId));
  for (const planned of desired) {
    const d = resolveReminder(planned, programId, byId, options.now);
    if (!d) continue;
    wanted.add(d.jobId);
    const e = byId.get(d.jobId);
    const group = sessionGroup(programId, d.sessionId);
    if (!e) {
      actions.push({
        type: 'create',
        spec: { jobId: d.jobId, kind: ANNOUNCEMENT_KIND, payload: d.payload, audience: { purpose: 'announcement', programId }, dueAt: d.dueAt, notAfter: d.notAfter, group },
      });
      continue;
    }
    const changed = e.dueAt !== d.dueAt.toISOString() || e.notAfter !== d.notAfter.toISOString() || JSON.stringify(e.payload) !== JSON.stringify(d.payload);
    if (e.status === 'planned' && changed) {
      actions.push({ type: 'retime', jobId: d.jobId, dueAt: d.dueAt, notAfter: d.notAfter, payload: d.payload });
    } else if ((e.status === 'skipped' || e.status === 'cancelled') && !e.startedAt && d.notAfter.toISOString() > nowIso && (changed || e.status === 'cancelled')) {
      actions.push({ type: 'revive', jobId: d.jobId, dueAt: d.dueAt, notAfter: d.notAfter, payload: d.payload });
    }
  }

  const sessions = new Map(program.sessions.map((s) => [s.id, s]));
  for (const e of mine) {
    if (e.kind !== ANNOUNCEMENT_KIND || wanted.has(e.jobId)) continue;
    const session = sessions.get(payloadOf(e)!.session.id);
    if (e.status === 'planned') actions.push({ type: 'cancel', jobId: e.jobId, reason: session?.status === 'cancelled' || !session ? 'session-cancelled' : 'reminder-removed' });
    else if (e.status === 'running' && !e.cancelRequested) actions.push({ type: 'requestCancel', jobId: e.jobId });
  }

  // Cards already out: if what they show differs from the session now, replace them in place.
  const bySession = new Map<string, { sent: DeliveryJob[]; updates: DeliveryJob[] }>();
  for (const e of mine) {
    const sessionId = payloadOf(e)!.session.id;
    const entry = bySession.get(sessionId) ?? { sent: [], updates: [] };
    if (e.kind === ANNOUNCEMENT_KIND && e.startedAt) entry.sent.push(e);
    if (e.kind === ANNOUNCEMENT_UPDATE_KIND) entry.updates.push(e);
    bySession.set(sessionId, entry);
  }
  for (const [sessionId, { sent, updates }] of bySession) {
    if (!sent.length) continue;
    const latest = [...updates, ...sent].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === ANNOUNCEMENT_UPDATE_KIND ? 1 : -1) || a.createdAt.localeCompare(b.createdAt)).at(-1)!;
    const shown = payloadOf(latest)!;
    const session = sessions.get(sessionId);
    const currentKey = stateKey(session, !session || session.status === 'cancelled');
    // A changed time zone moves the session as much as a changed date does.
    if (shownKey(stateKey(shown.session, shown.change === 'cancelled'), shown.timezone) === shownKey(currentKey, program.program.timezone)) continue;
    const change = currentKey === 'cancelled' ? 'cancelled' : 'moved';
    const payload = session
      ? announcementPayload(program, session, { change })
      : { ...shown, session: { ...shown.session, status: 'cancelled' as const }, change };
    const jobId = updateJobId(programId, sessionId, currentKey, options.revision);
    if (byId.has(jobId)) continue;
    actions.push({
      type: 'create',
      spec: {
        jobId,
        kind: ANNOUNCEMENT_UPDATE_KIND,
        action: 'update',
        updateOf: sent.map((j) => j.jobId).sort(),
        payload,
        audience: { purpose: 'announcement', programId },
        dueAt: options.now,
        group: sessionGroup(programId, sessionId),
      },
    });
  }
  return actions;
}
