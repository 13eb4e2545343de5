// A program as an iCalendar feed (all sessions, or one session for a card's "add to calendar" link), and a
// participant's personal feed over the programs they follow.
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
  /** The feed's own path when it is not the deployment's (a program's feed under /api/programs/<id>/). */
  feedPath?: string;
}

export const CALENDAR_PATH = '/api/calendar.ics';

/** Path of the feed, or of one session's .ics: /api/calendar.ics, /api/calendar/<sessionId>.ics. */
export function calendarPath(sessionId?: string): string {
  return sessionId ? `/api/calendar/${encodeURIComponent(sessionId)}.ics` : CALENDAR_PATH;
}

/** Path of one program's feed, or of one of its sessions: /api/programs/<id>/calendar[/<sessionId>].ics. */
export function programCalendarPath(programId: string, sessionId?: string): string {
  const base = `/api/programs/${encodeURIComponent(programId)}/calendar`;
  return sessionId ? `${base}/${encodeURIComponent(sessionId)}.ics` : `${base}.ics`;
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

/** What one program adds to a feed: its events, with the SEQUENCE of each session. */
export interface CalendarSource {
  program: Program;
  sequences?: Record<string, number>;
}

/** The years a VTIMEZONE must cover for these sessions (one year of margin either side). */
function yearRange(sessions: Session[], now: Date | undefined): { fromYear: number; toYear: number } {
  const years = sessions.map((s) => Number(s.date.slice(0, 4)));
  const fromYear = (years.length ? Math.min(...years) : DateTime.fromJSDate(now ?? new Date()).year) - 1;
  const toYear = (years.length ? Math.max(...years) : fromYear + 1) + 1;
  return { fromYear, toYear };
}

function buildCalendar(name: string, locale: Program['program']['language'], product: string, sources: Array<CalendarSource & { sessions: Session[] }>, url: string | undefined, now: Date | undefined) {
  const ranges = new Map<string, Session[]>();
  for (const s of sources) ranges.set(s.program.program.timezone, [...(ranges.get(s.program.program.timezone) ?? []), ...s.sessions]);
  return ical({
    name,
    prodId: { company: 'peer-learning-bot', product, language: locale.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-level zone name: ical-generator would then write DTSTAMP as local time without "Z". The
    // events carry the zone, and the generator still emits the VTIMEZONE for it.
    timezone: {
      name: null,
      generator: (tz) => {
        const sessions = ranges.get(tz);
        if (!sessions) return null;
        const { fromYear, toYear } = yearRange(sessions, now);
        return buildVtimezone(tz, fromYear, toYear);
      },
    },
    ...(url ? { url } : {}),
  });
}

function addEvents(calendar: ReturnType<typeof ical>, source: CalendarSource & { sessions: Session[] }, options: CalendarOptions): void {
  const { program } = source;
  const t = programText(program.program.language);
  for (const session of source.sessions) {
    const cancelled = session.status === 'cancelled';
    const joinUrl = options.personalToken ? session.joinUrl : undefined;
    const description = [session.summary, joinUrl ? `${t.joinLabel}: ${joinUrl}` : undefined]
      .filter(Boolean)
      .join('\n\n');
    const location = joinUrl ?? program.program.location;
    calendar.createEvent({
      id: calendarUid(program, session),
      sequence: source.sequences?.[session.id] ?? 0,
      start: sessionStart(program, session),
      end: sessionEnd(program, session),
      timezone: program.program.timezone,
      stamp: options.now ?? new Date(),
      summary: `${cancelled ? t.cancelledPrefix : ''}${session.title}`,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(description ? { description } : {}),
      ...(location ? { location } : {}),
      ...(joinUrl ? { url: joinUrl } : {}),
    });
  }
}

export function renderCalendar(program: Program, options: CalendarOptions = {}): string {
  const sessions = options.sessionId ? program.sessions.filter((s) => s.id === options.sessionId) : program.sessions;
  const baseUrl = options.baseUrl?.replace(/\/+$/, '');
  const feedPath = options.personalToken ? personalCalendarPath(options.personalToken) : (options.feedPath ?? calendarPath(options.sessionId));
  const source = { program, sessions, ...(options.sequences ? { sequences: options.sequences } : {}) };
  const calendar = buildCalendar(program.program.title, program.program.language, program.program.id, [source], baseUrl ? `${baseUrl}${feedPath}` : undefined, options.now);
  if (program.program.subtitle) calendar.description(program.program.subtitle);
  addEvents(calendar, source, options);
  return calendar.toString();
}

/**
 * A person's feed over the programs they follow (join links included). With one program it is that program's
 * feed; with several, one calendar holds every program's sessions (UIDs stay <sessionId>@<programId>).
 */
export function renderPersonalCalendar(sources: CalendarSource[], options: CalendarOptions & { personalToken: string; locale: Program['program']['language'] }): string {
  if (sources.length === 1) return renderCalendar(sources[0]!.program, { ...options, ...(sources[0]!.sequences ? { sequences: sources[0]!.sequences } : {}) });
  const baseUrl = options.baseUrl?.replace(/\/+$/, '');
  const full = sources.map((s) => ({ ...s, sessions: s.program.sessions }));
  const calendar = buildCalendar(programText(options.locale).personalCalendarName, options.locale, 'personal', full, baseUrl ? `${baseUrl}${personalCalendarPath(options.personalToken)}` : undefined, options.now);
  for (const source of full) addEvents(calendar, source, options);
  return calendar.toString();
}
