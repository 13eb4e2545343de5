// Attendance of sessions from Teams' participant events: recording joins and leaves and the meeting's window,
// and reading them back as counts, minutes, attendee lists and a trend across sessions. Which session an event
// belongs to is decided before (see meeting-session.ts); this service takes the program and session ids as given.
// Only people the registry knows are recorded: a forged event (local mode has no token check) with made-up ids
// leaves no attendance for strangers.
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/log.js';
import type { ParticipantEvent } from './events.js';
import { presenceOf, type MeetingWindow } from './presence.js';
import type { AttendanceRepository, StoredMeeting, StoredSession } from './repository.js';

/**
 * People looked up and rows written at the same time for one event. A join of a whole 1,000-person meeting
 * arrives as one event; 16 requests in flight keep it to seconds without flooding the store.
 */
export const RECORD_CONCURRENCY = 16;

export interface AttendanceServiceDeps {
  repository: AttendanceRepository;
  logger: Logger;
  /** Whether this Entra object id (lower case) belongs to someone the bot knows; everyone else is not recorded. */
  knownUser: (aadObjectId: string) => Promise<boolean>;
}

export interface RecordOutcome {
  /** People whose presence was stored (or was stored already). */
  recorded: number;
  /** Members without an Entra object id, dropped. */
  withoutId: number;
  /** Members the registry does not know, dropped. */
  unknown: number;
}

/** Whole minutes; the median is the middle attendee's minutes (mean of the middle two, rounded). */
export interface AttendanceSummary {
  attendees: number;
  minutesMedian: number;
  minutesTotal: number;
}

export interface AttendanceService {
  record(programId: string, sessionId: string, event: ParticipantEvent): Promise<RecordOutcome>;
  meetingStarted(programId: string, sessionId: string, at: Date): Promise<void>;
  meetingEnded(programId: string, sessionId: string, at: Date): Promise<void>;
  /** The meeting's window and the catch-up mark, without the attendees (one point read). */
  meeting(programId: string, sessionId: string): Promise<StoredMeeting>;
  /** Marks the session's catch-up as queued (the first mark stays). */
  markCatchUpPlanned(programId: string, sessionId: string, at: Date): Promise<void>;
  summary(programId: string, sessionId: string): Promise<AttendanceSummary>;
  /** Entra object ids of the people who attended, sorted. */
  attendees(programId: string, sessionId: string): Promise<string[]>;
  /** Whether anyone's attendance is recorded for the session (then polls go to attendees only). */
  hasAttendance(programId: string, sessionId: string): Promise<boolean>;
  /** Attendee counts of the given sessions, in the given order. */
  trend(programId: string, sessionIds: readonly string[]): Promise<{ sessionId: string; attendees: number }[]>;
  /** "Meine Daten löschen": the person's rows in every session (a table scan); returns how many. */
  deleteByUser(aadObjectId: string): Promise<number>;
  /** Retention: sessions whose latest event is older than `cutoff` (a table scan); returns how many. */
  deleteOlderThan(cutoff: Date): Promise<number>;
  /** A program's attendance, all sessions; returns how many rows. */
  purgeProgram(programId: string): Promise<number>;
}

async function forEachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function instant(at: Date): number {
  const ms = at.getTime();
  if (!Number.isFinite(ms)) throw new AppError('attendance-invalid-time', 'attendance event without a valid time');
  return ms;
}

/** The meeting's window: its end counts only when it came after the latest start (a restarted meeting runs on). */
function windowOf(session: StoredSession): MeetingWindow {
  const { startedAt, lastStartedAt, endedAt } = session.meeting;
  const ended = endedAt !== undefined && (lastStartedAt === undefined || endedAt >= lastStartedAt);
  return { ...(startedAt !== undefined ? { start: startedAt } : {}), ...(ended ? { end: endedAt } : {}) };
}

/** Minutes per attendee, keyed by Entra object id. */
function presences(session: StoredSession): Map<string, number> {
  const window = windowOf(session);
  const out = new Map<string, number>();
  for (const person of session.people) {
    const p = presenceOf(person.events, window, session.lastAt ?? 0);
    if (p.attended) out.set(person.aadObjectId, Math.round(p.ms / 60_000));
  }
  return out;
}

function median(sorted: readonly number[]): number {
  if (!sorted.length) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2);
}

export function createAttendanceService(deps: AttendanceServiceDeps): AttendanceService {
  const { repository, logger, knownUser } = deps;
  const attendeesOf = async (programId: string, sessionId: string) => presences(await repository.getSession(programId, sessionId));

  return {
    async record(programId, sessionId, event) {
      const at = instant(event.at);
      const kind = event.name === 'participantJoin' ? 'join' : 'leave';
      const ids = new Set<string>();
      let withoutId = 0;
      for (const member of event.members) {
        if (member.aadObjectId) ids.add(member.aadObjectId.toLowerCase());
        else withoutId++;
      }
      const known: string[] = [];
      await forEachLimited([...ids], RECORD_CONCURRENCY, async (id) => {
        if (await knownUser(id)) known.push(id);
      });
      let overflow = 0;
      await forEachLimited(known, RECORD_CONCURRENCY, async (id) => {
        overflow += (await repository.addEvents(programId, sessionId, id, [{ kind, at }])).overflow;
      });
      const outcome: RecordOutcome = { recorded: known.length, withoutId, unknown: ids.size - known.length };
      logger.info({ event: 'attendance.recorded', programId, sessionId, kind, members: event.members.length, ...outcome, ...(overflow ? { overflow } : {}) }, 'participant event recorded');
      return outcome;
    },

    async meetingStarted(programId, sessionId, at) {
      await repository.addMeetingStart(programId, sessionId, instant(at));
    },

    async meetingEnded(programId, sessionId, at) {
      await repository.addMeetingEnd(programId, sessionId, instant(at));
    },

    meeting: (programId, sessionId) => repository.getMeeting(programId, sessionId),

    async markCatchUpPlanned(programId, sessionId, at) {
      await repository.markCatchUpPlanned(programId, sessionId, instant(at));
    },

    async summary(programId, sessionId) {
      const minutes = [...(await attendeesOf(programId, sessionId)).values()].sort((a, b) => a - b);
      return { attendees: minutes.length, minutesMedian: median(minutes), minutesTotal: minutes.reduce((sum, m) => sum + m, 0) };
    },

    async attendees(programId, sessionId) {
      return [...(await attendeesOf(programId, sessionId)).keys()].sort();
    },

    async hasAttendance(programId, sessionId) {
      return (await attendeesOf(programId, sessionId)).size > 0;
    },

    async trend(programId, sessionIds) {
      const out: { sessionId: string; attendees: number }[] = [];
      for (const sessionId of sessionIds) out.push({ sessionId, attendees: (await attendeesOf(programId, sessionId)).size });
      return out;
    },

    deleteByUser: (aadObjectId) => repository.deleteByUser(aadObjectId),
    deleteOlderThan: (cutoff) => repository.deleteSessionsBefore(cutoff),
    purgeProgram: (programId) => repository.deleteProgram(programId),
  };
}
