// The session a meeting event in a chat belongs to, across every program.
//   - Candidates: the sessions whose join link carries the meeting's thread id (from the event's JoinUrl or the
//     chat's own id), else, when a coordinator linked the chat (`meetingSession` "<programId>/<sessionId>" in
//     the registry), the sessions of that program. Cancelled sessions never count.
//   - One session behind the join link: that session, whenever the meeting runs. Several (a recurring
//     meeting's shared link) or a linked chat: the session whose time window holds the meetingStart
//     (sessionForMeetingStart). Time decides only there.
//   - Joins, leaves and the meetingEnd go to the session of the meeting's latest meetingStart (meeting-chats.ts),
//     as long as they fall in that session's widened window; an event outside it (its meetingStart was handled
//     by another instance that has not written yet, or got lost) goes by its own time, and an overrunning
//     meeting's late events, outside every window, stay with the latest meetingStart.
import type { Program, Session } from '../program/model.js';
import { meetingThreadId } from '../program/meeting-link.js';
import { sessionEnd, sessionStart } from '../program/time.js';
import type { MeetingChatRepository } from './meeting-chats.js';
import { MEETING_START_TOLERANCE_MS, sessionForMeetingStart } from './meeting-session.js';

/**
 * How far after an event a meetingStart may lie and still be the one the event belongs to: Teams stamps the
 * first join a moment before the meetingStart it causes. Far below the gap between two sessions sharing a chat.
 */
export const START_AFTER_EVENT_SLACK_MS = 5 * 60_000;

/** The programs the resolver searches (the ProgramCatalog fits). */
export interface ProgramList {
  programs(): Program[];
  get(programId: string): Program | undefined;
}

export interface MeetingChat {
  conversationId: string;
  /** Teams' meeting id (channelData.meeting.id); the meetingStarts are kept per meeting where there is one. */
  meetingId?: string;
  /** The event's JoinUrl (meetingStart/-End only). */
  joinUrl?: string;
  /** The registry's `meetingSession` of the chat, when a coordinator linked it. */
  linkedSession?: string;
}

export interface ResolvedSession {
  program: Program;
  session: Session;
  /** How the chat was matched: the join link's thread id, the coordinator's link, or only the stored meetingStart. */
  by: 'thread' | 'link' | 'start';
}

interface Candidate {
  program: Program;
  session: Session;
  id: string;
  start: Date;
  end: Date;
}

function candidate(program: Program, session: Session): Candidate {
  return { program, session, id: `${program.program.id}/${session.id}`, start: sessionStart(program, session).toJSDate(), end: sessionEnd(program, session).toJSDate() };
}

function within(c: Candidate, at: Date): boolean {
  return at.getTime() >= c.start.getTime() - MEETING_START_TOLERANCE_MS && at.getTime() <= c.end.getTime() + MEETING_START_TOLERANCE_MS;
}

function meetingKey(chat: MeetingChat): string {
  return chat.meetingId ?? chat.conversationId;
}

export class MeetingResolver {
  constructor(
    private readonly programs: ProgramList,
    private readonly chats: MeetingChatRepository,
  ) {}

  /** The sessions the chat may belong to, and how it was matched. */
  candidates(chat: MeetingChat): { by: 'thread' | 'link'; list: Candidate[] } | undefined {
    const threads = new Set([meetingThreadId(chat.joinUrl), meetingThreadId(chat.conversationId)].filter((t): t is string => t !== undefined));
    if (threads.size) {
      const list = this.programs.programs().flatMap((p) =>
        p.sessions.filter((s) => s.status !== 'cancelled' && threads.has(meetingThreadId(s.joinUrl) ?? '')).map((s) => candidate(p, s)),
      );
      if (list.length) return { by: 'thread', list };
    }
    if (!chat.linkedSession) return undefined;
    const [programId, sessionId] = chat.linkedSession.split('/');
    const program = programId ? this.programs.get(programId) : undefined;
    if (!program?.sessions.some((s) => s.id === sessionId && s.status !== 'cancelled')) return undefined;
    return { by: 'link', list: program.sessions.filter((s) => s.status !== 'cancelled').map((s) => candidate(program, s)) };
  }

  /** The session a meetingStart at `at` opens, and its record for the chat's later events. */
  async meetingStart(chat: MeetingChat, at: Date): Promise<ResolvedSession | undefined> {
    const found = this.candidates(chat);
    if (!found) return undefined;
    const picked = found.by === 'thread' && found.list.length === 1 ? found.list[0] : sessionForMeetingStart(found.list, at);
    if (!picked) return undefined;
    await this.chats.recordStart(meetingKey(chat), { programId: picked.program.program.id, sessionId: picked.session.id, startedAt: at });
    return { program: picked.program, session: picked.session, by: found.by };
  }

  /** The session of a join, leave or meetingEnd at `at` (see the header). */
  async duringMeeting(chat: MeetingChat, at: Date): Promise<ResolvedSession | undefined> {
    const found = this.candidates(chat);
    if (found?.by === 'thread' && found.list.length === 1) return { program: found.list[0]!.program, session: found.list[0]!.session, by: 'thread' };
    const choice = await this.chats.choiceAt(meetingKey(chat), new Date(at.getTime() + START_AFTER_EVENT_SLACK_MS));
    const program = choice ? this.programs.get(choice.programId) : undefined;
    const session = program?.sessions.find((s) => s.id === choice!.sessionId && s.status !== 'cancelled');
    const started = program && session ? candidate(program, session) : undefined;
    if (started && within(started, at)) return { program: started.program, session: started.session, by: found?.by ?? 'start' };
    const byTime = found ? sessionForMeetingStart(found.list, at) : undefined;
    const picked = byTime ?? started;
    return picked ? { program: picked.program, session: picked.session, by: found?.by ?? 'start' } : undefined;
  }
}
