// Which session a meeting's events belong to.
//   - The meeting thread id (19:meeting_…@thread.v2) is the stable part of a Teams join link and equals the id of
//     the meeting's chat; Teams URL-encodes the link (sometimes twice) and varies the rest of it.
//   - A recurring meeting keeps one chat for all its occurrences, so inside a chat linked to several sessions the
//     meetingStart's instant picks the session. Time decides only there, never for an unlinked chat.
// src/feedback/meeting-match.ts has the same thread-id reading for meetingEnd; one of the two should go once
// the multi-program model settles where meeting matching lives.

const THREAD = /19:meeting_[A-Za-z0-9+/=_-]+@thread\.(?:v2|skype)/i;

/** The meeting thread id in a join link (or in a conversation id), URL-decoded; undefined when there is none. */
export function meetingThreadIdFromJoinUrl(joinUrl: string | undefined): string | undefined {
  if (!joinUrl) return undefined;
  let decoded = joinUrl;
  // Links arrive encoded once or twice (a link inside a redirect); decode until nothing changes.
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      break;
    }
    if (next === decoded) break;
    decoded = next;
  }
  return THREAD.exec(decoded)?.[0];
}

/**
 * How far outside a session's scheduled time a meetingStart still belongs to it: people open a recurring
 * meeting early to check sound and slides, or start late when the previous meeting overran. An hour either
 * side covers both and stays far below the days between two sessions of a series.
 */
export const MEETING_START_TOLERANCE_MS = 60 * 60 * 1000;

export interface ScheduledSession {
  id: string;
  start: Date;
  end: Date;
}

/**
 * The session of a recurring meeting's shared chat that a meetingStart at `at` belongs to: the one whose
 * scheduled window, widened by MEETING_START_TOLERANCE_MS on both sides, contains `at`. When two widened
 * windows overlap, the session whose start is nearest wins (earlier one on a tie).
 */
export function sessionForMeetingStart<S extends ScheduledSession>(sessions: readonly S[], at: Date): S | undefined {
  const t = at.getTime();
  let best: { session: S; distance: number } | undefined;
  for (const session of sessions) {
    const start = session.start.getTime();
    const end = session.end.getTime();
    if (t < start - MEETING_START_TOLERANCE_MS || t > end + MEETING_START_TOLERANCE_MS) continue;
    const distance = Math.abs(t - start);
    if (!best || distance < best.distance || (distance === best.distance && start < best.session.start.getTime())) {
      best = { session, distance };
    }
  }
  return best?.session;
}
