// Drafts a program from a German or English announcement (plain text, Markdown or HTML): title, sessions, contacts and
// the announced count, then lints the draft. The importer never corrects what it reads; it reports it, so
// the coordinator sees the mistakes the participants would have seen.
//
// The stages live in ./announcement/: cleanup (markup to plain lines), dates (date and time patterns),
// entries (session entries), years (years of dates written without one), facts (title, format, counts,
// contacts). This file assembles their results into a draft and its findings.
import { DateTime } from 'luxon';
import { programSchema, type ProgramDocument } from './model.js';
import { formatLintDate, lintProgram, type LintFinding } from './lint.js';
import { isValidZone } from './time.js';
import { programText } from '../i18n/program.js';
import { guessLanguage, quotedMessageStart, slug, uniqueSlug, words } from '../text/index.js';
import { normalizeAnnouncement, plain } from './announcement/cleanup.js';
import { completeTime, sharedTime } from './announcement/dates.js';
import { enumeratedSessions, parseSessions, proseSessions, type RawSession } from './announcement/entries.js';
import { inferYears, isoDate, statedYear } from './announcement/years.js';
import { namedZones, sameOffsets } from './announcement/zones.js';
import { findContacts, findCounts, findFormat, findTitle, type Contact, type ProgramFormat } from './announcement/facts.js';

export { normalizeAnnouncement } from './announcement/cleanup.js';

export interface ImportOptions {
  /** Zone of the times in the text when it names none (default Europe/Berlin). */
  defaultTimezone?: string;
  /** Reference for dates without any year in the whole text; defaults to the current time. */
  now?: Date;
}

/** The program.yaml content as an object; dates are YYYY-MM-DD strings. Validates with programSchema. */
export interface ProgramDraft {
  program: {
    id: string;
    title: string;
    subtitle?: string;
    timezone: string;
    language: 'de' | 'en';
    format: ProgramFormat;
    announcedSessionCount?: number;
    contacts: Contact[];
  };
  sessions: {
    id: string;
    title: string;
    date: string;
    weekday?: string;
    start: string;
    end: string;
    summary?: string;
  }[];
}

export interface ImportResult {
  draft: ProgramDraft;
  findings: LintFinding[];
}

const SESSION_ID_LENGTH = 60;
const PROGRAM_ID_LENGTH = 63;

/**
 * Draft sessions in listed order; a date the calendar does not have (31.04.) is left out. `untimed` gets the
 * ids of sessions for which the text gives no time at all, `multiDay` those of entries over several days (the
 * session is their first day).
 */
function draftSessions(
  raw: readonly RawSession[],
  years: readonly number[],
  text: string,
  untimed: Set<string>,
  multiDay: Map<string, { first: string; last: string }>,
): ProgramDraft['sessions'] {
  const shared = sharedTime(plain(text), raw.map((s) => s.time));
  const ids = new Set<string>();
  const sessions: ProgramDraft['sessions'] = [];
  raw.forEach((s, i) => {
    const date = isoDate(years[i]!, s.month, s.day);
    if (!date) return;
    const title = (s.title ?? `Termin ${i + 1}`).slice(0, 200);
    const id = uniqueSlug(title, (candidate) => ids.has(candidate), { maxLength: SESSION_ID_LENGTH, fallback: `termin-${i + 1}` });
    ids.add(id);
    // Without any time the session still appears, as an empty slot that the import reports as time-missing.
    const time = completeTime(s.time, shared);
    if (!s.time && !shared?.end) untimed.add(id);
    const last = s.lastDay ? isoDate(years[i]!, s.lastDay.month, s.lastDay.day) : undefined;
    if (last) multiDay.set(id, { first: date, last });
    const summary = s.description.join(' ').slice(0, 4000);
    sessions.push({
      id,
      title,
      date,
      ...(s.weekday ? { weekday: s.weekday } : {}),
      start: time.start,
      end: time.end,
      ...(summary ? { summary } : {}),
    });
  });
  return sessions;
}

const CALENDAR_WORDS = {
  de: new Set(
    'januar februar maerz mai juni juli oktober dezember montag dienstag mittwoch donnerstag freitag samstag sonntag montags dienstags mittwochs donnerstags freitags samstags sonntags uhr termin termine'.split(' '),
  ),
  en: new Set(
    'january february march may june july october december monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays session sessions'.split(' '),
  ),
};

/**
 * English when its function words and calendar words (month and weekday names) outnumber the German ones.
 * Short announcements have few function words, so the calendar words decide there. Words of one or two
 * letters and words in capitals are left out: German weekday abbreviations ("Do.", "So.") are English stop
 * words, and zone abbreviations ("IST") German ones.
 */
function announcementLanguage(text: string): 'de' | 'en' {
  return guessLanguage(
    words(plain(text)).filter((w) => w.length > 2 && w !== w.toUpperCase()),
    CALENDAR_WORDS,
  );
}

const DEFAULT_ZONE = 'Europe/Berlin';

/**
 * The zone of the draft: the one given (--timezone), else the one the text names for its times, else the
 * default. A named zone whose offsets differ from the given one on the session dates is an error (every time
 * would be announced hours off); a zone taken from the text, or several named that disagree, a warning.
 */
function draftZone(
  text: string,
  given: string | undefined,
  sessions: ProgramDraft['sessions'],
  language: 'de' | 'en',
): { zone: string; finding?: LintFinding } {
  const t = programText(language);
  const named = namedZones(plain(text));
  const agrees = (zone: string) => named.some((n) => sameOffsets(zone, n.zone, sessions));
  // With sessions timed, offsets are compared at their starts; untimed ones at noon.
  const written = named.map((n) => (language === 'de' ? `„${n.written}“` : `"${n.written}"`)).join(', ');
  if (given) {
    if (!named.length || agrees(given)) return { zone: given };
    return { zone: given, finding: { severity: 'error', code: 'timezone-mismatch', message: t.zoneMismatch(written, given), suggestion: `timezone: ${named[0]!.zone}` } };
  }
  if (!named.length) return { zone: DEFAULT_ZONE };
  // Times are mostly given in the zone named first; a second one is a conversion ("16:00 German time").
  const first = named[0]!.zone;
  if (!named.every((n) => sameOffsets(first, n.zone, sessions))) {
    return { zone: first, finding: { severity: 'warning', code: 'timezone-ambiguous', message: t.zoneAmbiguous(written, first) } };
  }
  if (sameOffsets(DEFAULT_ZONE, first, sessions)) return { zone: DEFAULT_ZONE };
  return { zone: first, finding: { severity: 'warning', code: 'timezone-from-text', message: t.zoneFromText(written, first) } };
}

export function importAnnouncement(input: string, options: ImportOptions = {}): ImportResult {
  const given = options.defaultTimezone && isValidZone(options.defaultTimezone) ? options.defaultTimezone : undefined;
  const now = DateTime.fromJSDate(options.now ?? new Date(), { zone: given ?? DEFAULT_ZONE });
  // An older e-mail quoted below a newer one may list what the newer one corrects: never a schedule.
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const quoted = quotedMessageStart(lines);
  const text = normalizeAnnouncement(quoted === undefined ? input : lines.slice(0, quoted).join('\n'));
  // Dates only in running text ("am 3. März, 7. April und 5. Mai 2027") when no entry opens with one.
  const entries = parseSessions(text);
  const enumerated = entries.length ? [] : enumeratedSessions(text);
  // Else sessions told one per sentence ("Am Mittwoch, dem 7. April 2027, geht es ...").
  const raw = entries.length ? entries : enumerated.length ? enumerated : proseSessions(text);
  const untimed = new Set<string>();
  const multiDay = new Map<string, { first: string; last: string }>();
  const sessions = draftSessions(raw, inferYears(raw, now, statedYear(text, now)), text, untimed, multiDay);
  const language = announcementLanguage(text);
  const t = programText(language);
  const { zone, finding: zoneFinding } = draftZone(text, given, sessions, language);

  const counts = findCounts(text);
  const distinct = [...new Set(counts.map((c) => c.value))];
  const announced = distinct.includes(sessions.length) ? sessions.length : distinct[0];
  const { title, subtitle } = findTitle(text);
  const draft: ProgramDraft = {
    program: {
      id: slug(title.split(':')[0] ?? title, PROGRAM_ID_LENGTH) || 'programm',
      title: title.slice(0, 300),
      ...(subtitle ? { subtitle: subtitle.slice(0, 300) } : {}),
      timezone: zone,
      language,
      // The series' format, from what the text says about it, not from a session's topic ("Hybrid meetings").
      format: findFormat(sessions.reduce((rest, session) => rest.split(session.title).join(' '), text)),
      ...(announced !== undefined ? { announcedSessionCount: announced } : {}),
      contacts: findContacts(text),
    },
    sessions,
  };

  const parsed = programSchema.safeParse(draft);
  // A session without any time is one finding that says so, not an end before its start.
  const findings: LintFinding[] = (parsed.success ? lintProgram(parsed.data as ProgramDocument) : []).filter(
    (f) => !(f.code === 'end-before-start' && f.sessionId && untimed.has(f.sessionId)),
  );
  // The findings speak the announcement's language, as lint does for the program's.
  if (zoneFinding) findings.push(zoneFinding);
  for (const id of untimed) findings.push({ severity: 'error', code: 'time-missing', sessionId: id, message: t.timeMissing, suggestion: t.timeMissingSuggestion });
  for (const [id, days] of multiDay) {
    const fmt = (date: string) => formatLintDate(date, draft.program.language);
    findings.push({ severity: 'warning', code: 'multi-day-session', sessionId: id, message: t.multiDay(fmt(days.first), fmt(days.last)), suggestion: t.multiDaySuggestion });
  }
  if (!sessions.length) findings.push({ severity: 'error', code: 'no-sessions-found', message: t.noSessionsFound, suggestion: t.noSessionsSuggestion });
  if (distinct.length > 1) {
    findings.push({
      severity: 'error',
      code: 'session-count-mismatch',
      message: t.countConflict(counts.map((c) => `„${c.written}“`).join(', '), sessions.length),
      suggestion: t.countSuggestion(sessions.length),
    });
  }
  return { draft, findings };
}
