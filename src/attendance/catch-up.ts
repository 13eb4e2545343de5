// The "Verpasst?" catch-up: once a session with attendance data has ended, the program's followers who were not
// there get one message with the session's summary, its material and the next session.
//   - Ended: a meetingEnd after the latest meetingStart, or the scheduled end plus CATCH_UP_GRACE_MS.
//   - Recipients: personal chats following the program, not removed, inactive or unsubscribed, not opted out
//     (`keine nachholhinweise`), with a known Entra id that is not among the attendees. A chat without an Entra
//     id gets nothing: it might belong to someone who was there.
//   - Exactly once per person and session: the recipients are split by a hash of their conversation id into
//     CATCH_UP_BUCKETS jobs with ids `catchup|<programId>|<sessionId>|<bucket>`. A person's bucket never
//     changes, creating a job is create-if-absent, and the engine sends once per (job, conversation), so a
//     second tick or instance adds nothing. The session's meeting row then records the planning, and later
//     ticks skip it.
import type { OutgoingMessage } from '../cards/adaptive.js';
import type { DeliveryEngine, JobSpec, MessageBuilder } from '../delivery/index.js';
import type { Locale } from '../i18n/locale.js';
import type { Program, Session } from '../program/model.js';
import { sessionEnd, sessionStart, sortedSessions } from '../program/time.js';
import { programCalendarPath } from '../program/calendar.js';
import type { StoredConversation } from '../registry/types.js';
import type { Clock } from '../shared/clock.js';
import { bucketOf } from '../storage/tables.js';
import { catchUpMessage, type CatchUpMaterial } from './cards.js';
import type { ProgramList } from './meeting-resolver.js';
import type { StoredMeeting } from './repository.js';

export const ATTENDANCE_JOB_KINDS = { catchUp: 'attendance.catchUp' } as const;

/** After the scheduled end, a session whose meetingEnd never came counts as ended: meetings overrun, events get lost. */
export const CATCH_UP_GRACE_MS = 2 * 3600_000;

/** Sessions that ended longer ago get no catch-up (a bot added after a series does not mail its past). */
export const CATCH_UP_MAX_AGE_MS = 7 * 24 * 3600_000;

/**
 * A job's audience is one table property (at most 32,000 characters). A Teams personal conversation id has
 * about 130 characters, so one job holds about 240 recipients, and 16 jobs about 3,800 people who missed one
 * session. Part of the job ids: changing it would let a second planning reach the same people again.
 */
export const CATCH_UP_BUCKETS = 16;

/** Personal chats split by a stable hash of their conversation id: bucket ("00".."0f") → conversation ids. */
export function recipientBuckets(conversationIds: readonly string[], buckets = CATCH_UP_BUCKETS): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const id of [...new Set(conversationIds)].sort()) {
    const bucket = bucketOf(id, buckets);
    const list = out.get(bucket);
    if (list) list.push(id);
    else out.set(bucket, [id]);
  }
  return out;
}

export function catchUpJobId(programId: string, sessionId: string, bucket: string): string {
  return `catchup|${programId}|${sessionId}|${bucket}`;
}

/** Whether the meeting is over: a meetingEnd after its latest start, or the grace after the scheduled end passed. */
export function meetingOver(meeting: StoredMeeting, scheduledEnd: Date, now: Date): boolean {
  const ended = meeting.endedAt !== undefined && meeting.endedAt >= (meeting.lastStartedAt ?? 0);
  return ended || now.getTime() >= scheduledEnd.getTime() + CATCH_UP_GRACE_MS;
}

/** The personal chats among a program's followers that get the catch-up (see the header). */
export function catchUpRecipients(followers: readonly StoredConversation[], attendees: ReadonlySet<string>): StoredConversation[] {
  return followers.filter(
    (c) =>
      c.kind === 'personal' &&
      !c.removed &&
      !c.inactive &&
      !c.unsubscribed &&
      !c.catchUpOff &&
      c.userAadObjectId !== undefined &&
      !attendees.has(c.userAadObjectId.toLowerCase()),
  );
}

/** The sessions of a program whose catch-up may be due now: started, not cancelled, ended less than the maximum age ago. */
export function catchUpCandidates(program: Program, now: Date): { session: Session; end: Date }[] {
  return program.sessions.flatMap((session) => {
    if (session.status === 'cancelled') return [];
    const start = sessionStart(program, session).toJSDate();
    const end = sessionEnd(program, session).toJSDate();
    return start <= now && now.getTime() <= end.getTime() + CATCH_UP_MAX_AGE_MS ? [{ session, end }] : [];
  });
}

/** The catch-up jobs of one session: one per non-empty bucket, addressed to the program's personal chats by id. */
export function catchUpJobs(programId: string, sessionId: string, recipients: readonly StoredConversation[], now: Date, notAfter: Date): JobSpec[] {
  return [...recipientBuckets(recipients.map((c) => c.conversationId))].map(([bucket, conversationIds]) => ({
    jobId: catchUpJobId(programId, sessionId, bucket),
    kind: ATTENDANCE_JOB_KINDS.catchUp,
    payload: { programId, sessionId },
    audience: { purpose: 'announcement', programId, kinds: ['personal'], conversationIds },
    dueAt: now,
    notAfter,
    group: `${programId}/${sessionId}`,
  }));
}

export interface AttendanceBuilderDeps {
  programs: ProgramList;
  /** The session's material: files under `<program folder>/material/<session-id>/`, with a URL where one exists. */
  materialFor: (programId: string, sessionId: string) => CatchUpMaterial[] | Promise<CatchUpMaterial[]>;
  publicBaseUrl: string;
  clock: Clock;
}

/** The delivery engine's message builder for the catch-up job kind; one message per job and locale. */
export function attendanceBuilders(deps: AttendanceBuilderDeps): Record<string, MessageBuilder> {
  const cache = new Map<string, Promise<OutgoingMessage>>();
  const build = async (programId: string, sessionId: string, locale: Locale): Promise<OutgoingMessage> => {
    const program = deps.programs.get(programId);
    const missed = program?.sessions.find((s) => s.id === sessionId);
    if (!program || !missed) throw new Error(`session ${programId}/${sessionId} is not in the catalog`);
    const now = deps.clock.now();
    const missedEnd = sessionEnd(program, missed).toJSDate();
    const next = sortedSessions(program).find((s) => s.status !== 'cancelled' && s.id !== missed.id && sessionStart(program, s).toJSDate() > (now > missedEnd ? now : missedEnd));
    const summaryOf = (s: Session) => ({ title: s.title, date: s.date, start: s.start, end: s.end, ...(s.summary ? { summary: s.summary } : {}) });
    return catchUpMessage(
      {
        programTitle: program.program.title,
        timezone: program.program.timezone,
        missed: summaryOf(missed),
        material: await deps.materialFor(programId, sessionId),
        ...(next ? { next: { ...summaryOf(next), ...(next.joinUrl ? { joinUrl: next.joinUrl } : {}), calendarUrl: `${deps.publicBaseUrl.replace(/\/+$/, '')}${programCalendarPath(programId)}` } } : {}),
      },
      locale,
    );
  };
  return {
    [ATTENDANCE_JOB_KINDS.catchUp]: (job, conversation) => {
      const programId = String(job.payload.programId ?? '');
      const sessionId = String(job.payload.sessionId ?? '');
      const key = `${job.jobId}/${conversation.locale}`;
      let hit = cache.get(key);
      if (!hit) {
        hit = build(programId, sessionId, conversation.locale);
        cache.set(key, hit);
        hit.catch(() => cache.delete(key));
        if (cache.size > 200) cache.delete(cache.keys().next().value!);
      }
      return hit;
    },
  };
}

/** Enqueues the session's catch-up jobs (a job that exists already is left as it is); returns how many were new. */
export async function enqueueCatchUp(engine: Pick<DeliveryEngine, 'enqueue'>, jobs: readonly JobSpec[]): Promise<number> {
  let created = 0;
  for (const job of jobs) if (await engine.enqueue(job)) created++;
  return created;
}
