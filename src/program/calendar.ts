// The program as an iCalendar feed (all sessions, or one session for a card's "add to calendar" link).
// The public feeds leave out the Teams join links: a public URL that opens the meetings invites strangers
// in. Only a participant's personal feed (a random token in its URL, see src/registry/calendar-feeds.ts)
// carries them.
// Times are written in the program's zone with a VTIMEZONE built from luxon's zone data, so calendar clients
// keep 10:00 at 10:00 across the daylight-saving changes. UIDs are stable (<sessionId>@<programId>) and
// SEQUENCE comes from storage, so a changed session replaces the old entry instead of duplicating it.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { Program, Session } from './model.js';
import { sessionEnd, sessionStart, zoneOffset } from './time.js';
import { programText } from '../i18n/program.js';

export interface CalendarOptions {
  /** Public base URL of the bot (e.g. https://bot.example.org); sets the feed's URL. */
  baseUrl?: string;
  /** Only this session (per-session .ics). */
  sessionId?: string;
  /** SEQUENCE per session id, raised by the program service when a session changes. */
  sequences?: Record<string, number>;
  /** DTSTAMP; defaults to the current time. */
  now?: Date;
  /** The personal feed with this token: join links included, and the feed's URL is the personal one. */
  personalToken?: string;
}

export const CALENDAR_PATH = '/api/calendar.ics';

/** Path of the feed, or of one session's .ics: /api/calendar.ics, /api/calendar/<sessionId>.ics. */
export function calendarPath(sessionId?: string): string {
  return sessionId ? `/api/calendar/${encodeURIComponent(sessionId)}.ics` : CALENDAR_PATH;
}

/** Path of a participant's personal feed. */
export function personalCalendarPath(token: string): string {
  return `/api/calendar/personal/${encodeURIComponent(token)}.ics`;
}

export function calendarUid(program: Program, session: Session): string {
  return `${session.id}@${program.program.id}`;
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Instants (ms) where the zone's offset changes within [from, to), found by weekly steps and bisection.
 * Weekly is enough: no zone changes its offset twice within a week in the years a program spans.
 */
function transitions(zone: string, from: number, to: number): number[] {
  const offset = zoneOffset(zone);
  const out: number[] = [];
  const step = 7 * 86_400_000;
  let before = offset(from);
  for (let t = from; t < to; t += step) {
    const after = offset(t + step);
    if (after === before) continue;
    let lo = t;
    let hi = t + step;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (offset(mid) === before) lo = mid;
      else hi = mid;
    }
    if (hi < to) out.push(hi);
    before = after;
  }
  return out;
}

function localStamp(ms: number, offsetMinutes: number): string {
  return DateTime.fromMillis(ms + offsetMinutes * 60_000, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss");
}

const vtimezoneCache = new Map<string, string>();

/**
 * VTIMEZONE with one observance per transition between the given years (RFC 5545 allows explicit DTSTARTs;
 * they avoid guessing the rule that produced luxon's data).
 */
export function buildVtimezone(zone: string, fromYear: number, toYear: number): string {
  const key = `${zone}|${fromYear}|${toYear}`;
  let text = vtimezoneCache.get(key);
  if (text === undefined) {
    text = computeVtimezone(zone, fromYear, toYear);
    // Zone data does not change while the process runs; a handful of entries per program.
    if (vtimezoneCache.size > 100) vtimezoneCache.clear();
    vtimezoneCache.set(key, text);
  }
  return text;
}

function computeVtimezone(zone: string, fromYear: number, toYear: number): string {
  const from = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: 'UTC' }).toMillis();
  const to = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone: 'UTC' }).toMillis();
  const offsetAt = zoneOffset(zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  const kindAt = (ms: number) => {
    // Daylight when the offset is above the smaller of the year's January and July offsets.
    const year = DateTime.fromMillis(ms, { zone }).year;
    const jan = DateTime.fromObject({ year, month: 1, day: 1 }, { zone }).offset;
    const jul = DateTime.fromObject({ year, month: 7, day: 1 }, { zone }).offset;
    return offsetAt(ms) > Math.min(jan, jul) ? 'DAYLIGHT' : 'STANDARD';
  };
  const observance = (at: number, before: number) => {
    const after = offsetAt(at);
    const kind = kindAt(at);
    const name = DateTime.fromMillis(at, { zone }).setLocale('en-US').toFormat('ZZZZ');
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(at, before)}`,
      `TZOFFSETFROM:${offsetText(before)}`,
      `TZOFFSETTO:${offsetText(after)}`,
      ...(/^[A-Z]{2,6}$/.test(name) ? [`TZNAME:${name}`] : []),
      `END:${kind}`,
    );
  };
  // The range opens with the offset in force, so every event lies after a known onset.
  observance(from, offsetAt(from));
  for (const at of transitions(zone, from, to)) observance(at, offsetAt(at - 60_000));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

export function renderCalendar(program: Program, options: CalendarOptions = {}): string {
  const zone = program.program.timezone;
  const locale = program.program.language;
  const t = programText(locale);
  const sessions = options.sessionId ? program.sessions.filter((s) => s.id === options.sessionId) : program.sessions;
  const years = sessions.map((s) => Number(s.date.slice(0, 4)));
  const fromYear = (years.length ? Math.min(...years) : DateTime.fromJSDate(options.now ?? new Date()).year) - 1;
  const toYear = (years.length ? Math.max(...years) : fromYear + 1) + 1;
  const baseUrl = options.baseUrl?.replace(/\/+$/, '');

  const calendar = ical({
    name: program.program.title,
    prodId: { company: 'peer-learning-bot', product: program.program.id, language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-level zone name: ical-generator would then write DTSTAMP as local time without "Z". The
    // events carry the zone, and the generator still emits the VTIMEZONE for it.
    timezone: { name: null, generator: (tz) => (tz === zone ? buildVtimezone(zone, fromYear, toYear) : null) },
    ...(baseUrl ? { url: `${baseUrl}${options.personalToken ? personalCalendarPath(options.personalToken) : calendarPath(options.sessionId)}` } : {}),
    ...(program.program.subtitle ? { description: program.program.subtitle } : {}),
  });

  for (const session of sessions) {
    const cancelled = session.status === 'cancelled';
    const joinUrl = options.personalToken ? session.joinUrl : undefined;
    const description = [session.summary, joinUrl ? `${t.joinLabel}: ${joinUrl}` : undefined]
      .filter(Boolean)
      .join('\n\n');
    const location = joinUrl ?? program.program.location;
    calendar.createEvent({
      id: calendarUid(program, session),
      sequence: options.sequences?.[session.id] ?? 0,
      start: sessionStart(program, session),
      end: sessionEnd(program, session),
      timezone: zone,
      stamp: options.now ?? new Date(),
      summary: `${cancelled ? t.cancelledPrefix : ''}${session.title}`,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(description ? { description } : {}),
      ...(location ? { location } : {}),
      ...(joinUrl ? { url: joinUrl } : {}),
    });
  }
  return calendar.toString();
}
