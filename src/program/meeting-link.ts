// The meeting thread id in a Teams join link: the stable part of the link (19:meeting_…@thread.v2), equal to
// the id of the meeting's own chat. Teams URL-encodes the link, sometimes twice, and varies the rest of it.
// Feedback (meetingEnd opens the poll) and attendance (join/leave) both match meetings to sessions by it.
const THREAD = /19:meeting_[A-Za-z0-9+/=_-]+@thread\.(?:v2|skype)/i;

/** The meeting thread id in a join link or conversation id, URL-decoded; undefined when there is none. */
export function meetingThreadId(text: string | undefined): string | undefined {
  if (!text) return undefined;
  let decoded = text;
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
