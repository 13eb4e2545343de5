// The attendance feature as the service assembles it: Teams' meeting events in, attendance recorded per session;
// who gets the personal poll; the "Verpasst?" catch-up on the scheduler tick (its message builder,
// attendanceBuilders in catch-up.ts, goes to the delivery engine); the coordinators' and participants'
// commands; lines for status, results and the retrospective; the privacy duties.
import type { DeliveryEngine } from '../delivery/index.js';
import type { Locale } from '../i18n/locale.js';
import type { Program, Session } from '../program/model.js';
import type { ConversationRegistry } from '../registry/index.js';
import type { Clock } from '../shared/clock.js';
import type { Logger } from '../shared/log.js';
import type { MeetingEvent } from '../teams/index.js';
import { catchUpCandidates, catchUpJobs, catchUpRecipients, CATCH_UP_MAX_AGE_MS, enqueueCatchUp, meetingOver } from './catch-up.js';
import { createAttendanceCommands, type AttendanceCommands, type TurnProgramResolver } from './commands.js';
import type { MeetingChatRepository } from './meeting-chats.js';
import { MeetingResolver, type MeetingChat, type ProgramList } from './meeting-resolver.js';
import type { AttendanceService, RecordOutcome } from './service.js';
import { attendanceLines } from './summary.js';

const DAY_MS = 24 * 3600_000;

export interface AttendanceFeatureDeps {
  attendance: AttendanceService;
  meetingChats: MeetingChatRepository;
  programs: ProgramList;
  registry: Pick<ConversationRegistry, 'get' | 'followers' | 'setCatchUpOff'>;
  engine: Pick<DeliveryEngine, 'enqueue'>;
  scope: TurnProgramResolver;
  /** A person's display name for `attendance: named` programs, looked up when asked; never stored. */
  nameOf: (aadObjectId: string, session: { programId: string; sessionId: string }) => Promise<string | undefined>;
  /** Whether a person coordinates a program: only they see its attendance. */
  coordinates: (aadObjectId: string | undefined, program: Program) => boolean;
  /** Attendance older than this is deleted by the tick, once a day per process. */
  retentionDays: number;
  clock: Clock;
  logger: Logger;
}

/** What a meeting event did (for logs and tests). */
export type MeetingEventOutcome =
  | { kind: 'ignored'; reason: 'unknown-meeting' }
  | { kind: 'started'; programId: string; sessionId: string; by: 'thread' | 'link' | 'start' }
  | { kind: 'ended'; programId: string; sessionId: string; session: Session; by: 'thread' | 'link' | 'start' }
  | { kind: 'recorded'; programId: string; sessionId: string; by: 'thread' | 'link' | 'start'; outcome: RecordOutcome };

export interface AttendanceFeature {
  /** Teams' meetingStart/-End and participant join/leave, in the meeting's chat. */
  onMeetingEvent(event: MeetingEvent): Promise<MeetingEventOutcome>;
  /** Personal-chat conversation ids of attendees who follow the program; undefined without attendance data. */
  attendeesToPoll(programId: string, sessionId: string): Promise<string[] | undefined>;
  /** Scheduler tick: queues due catch-ups, and once a day deletes attendance past retention. */
  tick(): Promise<void>;
  /** Queues the catch-up of every ended session with attendance data; returns how many jobs were new. */
  planCatchUps(): Promise<number>;
  commands: AttendanceCommands;
  /**
   * Attendance lines (per session, trend, response rate) for status, results and the retrospective; empty when
   * no session has data. Titles appear as given (escape them for Markdown); `responses` per session id.
   */
  summaryLines(programId: string, sessions: readonly Pick<Session, 'id' | 'title'>[], locale: Locale, responses?: Readonly<Record<string, number>>): Promise<string[]>;
  /** "Meine Daten löschen": the person's attendance in every session; returns how many rows. */
  deleteByUser(aadObjectId: string): Promise<number>;
  /** Retention: sessions and meeting-chat records older than `cutoff`; returns how many sessions. */
  deleteOlderThan(cutoff: Date): Promise<number>;
  /** `cli program purge`: a program's attendance and meeting-chat records; returns how many rows. */
  purgeProgram(programId: string): Promise<number>;
}

export function createAttendanceFeature(deps: AttendanceFeatureDeps): AttendanceFeature {
  const { attendance, registry, clock } = deps;
  const log = deps.logger.child({ component: 'attendance' });
  const resolver = new MeetingResolver(deps.programs, deps.meetingChats);
  let lastRetention = 0;

  const chatOf = async (event: MeetingEvent): Promise<MeetingChat> => {
    const c = event.turn.conversation;
    const linked = c.kind === 'groupChat' ? (await registry.get(c.kind, c.conversationId))?.meetingSession : undefined;
    return { conversationId: c.conversationId, ...(event.meetingId ? { meetingId: event.meetingId } : {}), ...('joinUrl' in event && event.joinUrl ? { joinUrl: event.joinUrl } : {}), ...(linked ? { linkedSession: linked } : {}) };
  };

  async function onMeetingEvent(event: MeetingEvent): Promise<MeetingEventOutcome> {
    const chat = await chatOf(event);
    const found = event.name === 'meetingStart' ? await resolver.meetingStart(chat, event.at) : await resolver.duringMeeting(chat, event.at);
    if (!found) {
      log.info({ event: 'attendance.meeting_unknown', name: event.name }, 'meeting event matched no session');
      return { kind: 'ignored', reason: 'unknown-meeting' };
    }
    const ids = { programId: found.program.program.id, sessionId: found.session.id, by: found.by };
    if (event.name === 'meetingStart') {
      await attendance.meetingStarted(ids.programId, ids.sessionId, event.at);
      log.info({ event: 'attendance.meeting_started', ...ids }, 'meeting started');
      return { kind: 'started', ...ids };
    }
    if (!('members' in event)) {
      await attendance.meetingEnded(ids.programId, ids.sessionId, event.at);
      log.info({ event: 'attendance.meeting_ended', ...ids }, 'meeting ended');
      return { kind: 'ended', ...ids, session: found.session };
    }
    const outcome = await attendance.record(ids.programId, ids.sessionId, { name: event.name, members: event.members, at: event.at });
    return { kind: 'recorded', ...ids, outcome };
  }

  async function attendeesToPoll(programId: string, sessionId: string): Promise<string[] | undefined> {
    const attendees = new Set(await attendance.attendees(programId, sessionId));
    if (!attendees.size) return undefined;
    return (await registry.followers(programId))
      .filter((c) => c.kind === 'personal' && c.userAadObjectId !== undefined && attendees.has(c.userAadObjectId.toLowerCase()))
      .map((c) => c.conversationId);
  }

  async function planCatchUps(): Promise<number> {
    const now = clock.now();
    let created = 0;
    for (const program of deps.programs.programs()) {
      const programId = program.program.id;
      for (const { session, end } of catchUpCandidates(program, now)) {
        const meeting = await attendance.meeting(programId, session.id);
        if (meeting.catchUpPlannedAt !== undefined || !meetingOver(meeting, end, now)) continue;
        const attendees = new Set(await attendance.attendees(programId, session.id));
        if (!attendees.size) continue;
        const recipients = catchUpRecipients(await registry.followers(programId), attendees);
        const jobs = catchUpJobs(programId, session.id, recipients, now, new Date(end.getTime() + CATCH_UP_MAX_AGE_MS));
        const added = await enqueueCatchUp(deps.engine, jobs);
        await attendance.markCatchUpPlanned(programId, session.id, now);
        created += added;
        log.info({ event: 'attendance.catchup_planned', programId, sessionId: session.id, recipients: recipients.length, jobs: jobs.length, created: added }, 'catch-up queued');
      }
    }
    return created;
  }

  async function deleteOlderThan(cutoff: Date): Promise<number> {
    const sessions = await attendance.deleteOlderThan(cutoff);
    await deps.meetingChats.deleteBefore(cutoff);
    return sessions;
  }

  return {
    onMeetingEvent,
    attendeesToPoll,
    planCatchUps,
    async tick() {
      await planCatchUps();
      const now = clock.now();
      if (now.getTime() - lastRetention < DAY_MS) return;
      lastRetention = now.getTime();
      const removed = await deleteOlderThan(new Date(now.getTime() - deps.retentionDays * DAY_MS));
      if (removed) log.info({ event: 'attendance.purged', sessions: removed }, 'old attendance deleted');
    },
    commands: createAttendanceCommands({ attendance, scope: deps.scope, registry, nameOf: deps.nameOf, coordinates: deps.coordinates, clock }),
    async summaryLines(programId, sessions, locale, responses) {
      const trend = await attendance.trend(programId, sessions.map((s) => s.id));
      return attendanceLines(
        trend.map((row, i) => ({ ...row, title: sessions[i]!.title, ...(responses?.[row.sessionId] !== undefined ? { responses: responses[row.sessionId]! } : {}) })),
        locale,
      );
    },
    deleteByUser: (aadObjectId) => attendance.deleteByUser(aadObjectId),
    deleteOlderThan,
    async purgeProgram(programId) {
      return (await attendance.purgeProgram(programId)) + (await deps.meetingChats.deleteProgram(programId));
    },
  };
}

/** AttendanceServiceDeps.knownUser over the registry: someone with a personal chat with the bot. */
export function registryKnowsUser(registry: Pick<ConversationRegistry, 'personalChatsOf'>): (aadObjectId: string) => Promise<boolean> {
  return async (aadObjectId) => (await registry.personalChatsOf(aadObjectId)).length > 0;
}
