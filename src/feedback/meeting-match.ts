// Which session a Teams meetingEnd belongs to. Never by time alone: a stand-up ending at 10:15 in any chat
// with the bot must not open the 10:00–12:00 session's poll. A meeting matches a session when
//   - the meeting's thread id (19:meeting_…@thread.v2, from the event's join link or its chat id) equals the
//     thread id in the session's join link, both URL-decoded (Teams encodes and varies the rest of the link), or
//   - a coordinator linked the meeting's chat to the session (`termin verknüpfen <Termin>` in that chat).
import type { Program, Session } from '../program/model.js';
import { meetingThreadId } from '../program/meeting-link.js';

export { meetingThreadId };

export interface MeetingEndInput {
  joinUrl?: string;
  /** The conversation the event came in (a meeting's chat carries the thread id). */
  conversationId?: string;
  /** "<programId>/<sessionId>" a coordinator linked that chat to. */
  linkedSession?: string;
}

export type MeetingMatch = { session: Session; by: 'thread' | 'link' } | undefined;

export function matchMeetingSession(program: Program, event: MeetingEndInput): MeetingMatch {
  const candidates = program.sessions.filter((s) => s.status !== 'cancelled');
  const thread = meetingThreadId(event.joinUrl) ?? meetingThreadId(event.conversationId);
  if (thread) {
    const session = candidates.find((s) => meetingThreadId(s.joinUrl) === thread);
    if (session) return { session, by: 'thread' };
  }
  if (event.linkedSession) {
    const [programId, sessionId] = event.linkedSession.split('/');
    const session = programId === program.program.id ? candidates.find((s) => s.id === sessionId) : undefined;
    if (session) return { session, by: 'link' };
  }
  return undefined;
}
