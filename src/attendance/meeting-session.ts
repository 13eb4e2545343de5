// Which session a meeting's events belong to.
//   - The meeting thread id (src/program/meeting-link.ts) in a session's join link equals the id of the meeting's chat.
//   - A recurring meeting keeps one chat for all its occurrences, so inside a chat linked to several sessions the
//     meetingStart's instant picks the session. Time decides only there, never for an unlinked chat.

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
