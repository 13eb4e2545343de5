// A person's presence in one meeting, computed from the joins and leaves Teams reported, never from the order
// they arrived in. Teams may send an event twice, out of order, after meetingEnd, or to two instances, so
// what is stored is the SET of events (kind and instant); minutes are a function of that set and the meeting's
// window. Storing the same event again changes nothing, and any order of arrival gives the same minutes.
//
// From the set, sorted by instant (a join before a leave at the same instant):
//   - a join opens a presence unless one is open already (a repeated join while present adds nothing);
//   - a leave closes the open presence; a leave that is the person's first event means the join was missed,
//     and the presence runs from the meeting's start (nothing when the start is unknown); a leave after a
//     leave adds nothing, because when the person came back in between is unknown;
//   - a presence still open at the end closes at the meeting's end, or, while no end is known, at the last
//     instant the session heard of (so a lost meetingEnd cannot make minutes grow without bound).
// Every presence is clipped to the meeting's window where it is known.

export type PresenceKind = 'join' | 'leave';

export interface PresenceEvent {
  kind: PresenceKind;
  /** Epoch milliseconds. */
  at: number;
}

/** The meeting's window from its meetingStart/meetingEnd events; either side may be unknown. */
export interface MeetingWindow {
  start?: number;
  end?: number;
}

/**
 * At most this many events per person and session are kept. A participant whose connection drops every
 * minute of a four-hour meeting produces about 500; the cap only bounds the stored row (a table property
 * holds 64 KiB) against a flood of forged events.
 */
export const MAX_EVENTS_PER_PERSON = 1_000;

function compare(a: PresenceEvent, b: PresenceEvent): number {
  return a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'join' ? -1 : 1);
}

/** "j1765879200000 l1765882800000": the sorted, duplicate-free event set as one table property. */
export function encodeEvents(events: readonly PresenceEvent[]): string {
  return events.map((e) => `${e.kind === 'join' ? 'j' : 'l'}${e.at}`).join(' ');
}

export function decodeEvents(text: string | undefined): PresenceEvent[] {
  const out: PresenceEvent[] = [];
  for (const token of (text ?? '').split(' ')) {
    const match = /^([jl])(\d{1,15})$/.exec(token);
    if (match) out.push({ kind: match[1] === 'j' ? 'join' : 'leave', at: Number(match[2]) });
  }
  return out;
}

/**
 * The union of two event sets, sorted and without duplicates; `changed` is false when `added` held nothing
 * new (a replay), so the caller can skip the write. Beyond MAX_EVENTS_PER_PERSON the latest events are
 * dropped and counted in `overflow`.
 */
export function mergeEvents(
  stored: readonly PresenceEvent[],
  added: readonly PresenceEvent[],
): { events: PresenceEvent[]; changed: boolean; overflow: number } {
  const byKey = new Map<string, PresenceEvent>();
  for (const e of [...stored, ...added]) byKey.set(`${e.kind}${e.at}`, e);
  const all = [...byKey.values()].sort(compare);
  const events = all.slice(0, MAX_EVENTS_PER_PERSON);
  const storedKeys = new Set(stored.map((e) => `${e.kind}${e.at}`));
  const changed = events.length !== storedKeys.size || events.some((e) => !storedKeys.has(`${e.kind}${e.at}`));
  return { events, changed, overflow: all.length - events.length };
}

export interface Presence {
  /** Whether the person was in the meeting at all: an event at or before its end (when the end is known). */
  attended: boolean;
  /** Milliseconds present, the union of presences clipped to the window. */
  ms: number;
}

/**
 * The person's presence. `lastHeard` is the latest instant the session knows of (any person's event, or the
 * meeting's start); it closes presences while the meeting's end is unknown.
 */
export function presenceOf(events: readonly PresenceEvent[], window: MeetingWindow, lastHeard: number): Presence {
  const sorted = [...events].sort(compare);
  const attended = sorted.some((e) => window.end === undefined || e.at <= window.end);
  const from = (t: number) => (window.start === undefined ? t : Math.max(t, window.start));
  const until = (t: number) => (window.end === undefined ? t : Math.min(t, window.end));
  let ms = 0;
  let open: number | undefined;
  const close = (start: number, end: number) => {
    const a = from(start);
    const b = until(end);
    if (b > a) ms += b - a;
  };
  sorted.forEach((e, i) => {
    if (e.kind === 'join') {
      open ??= e.at;
      return;
    }
    if (open !== undefined) close(open, e.at);
    else if (i === 0 && window.start !== undefined) close(window.start, e.at);
    open = undefined;
  });
  if (open !== undefined) close(open, window.end ?? Math.max(lastHeard, open));
  return { attended, ms };
}
