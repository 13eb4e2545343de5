// Drafts a program from a German announcement (plain text, Markdown or HTML): title, sessions, contacts and
// the announced count, then lints the draft. The importer never corrects what it reads; it reports it, so
// the coordinator sees the mistakes the participants would have seen.
//
// The stages live in ./announcement/: cleanup (markup to plain lines), dates (date and time patterns),
// entries (session entries), years (years of dates written without one), facts (title, format, counts,
// contacts). This file assembles their results into a draft and its findings.
import { DateTime } from 'luxon';
import { programSchema, type ProgramDocument } from './model.js';
import { lintProgram, type LintFinding } from './lint.js';
import { isValidZone } from './time.js';
import { programText } from '../i18n/program.js';
import { slug, uniqueSlug } from '../text/index.js';
import { normalizeAnnouncement, plain } from './announcement/cleanup.js';
import { completeTime, sharedTime } from './announcement/dates.js';
import { parseSessions, type RawSession } from './announcement/entries.js';
import { inferYears, isoDate } from './announcement/years.js';
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
    language: 'de';
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

/** Draft sessions in listed order; a date the calendar does not have (31.04.) is left out. */
function draftSessions(raw: readonly RawSession[], years: readonly number[], text: string): ProgramDraft['sessions'] {
  const shared = sharedTime(plain(text), raw.map((s) => s.time));
  const ids = new Set<string>();
  const sessions: ProgramDraft['sessions'] = [];
  raw.forEach((s, i) => {
    const date = isoDate(years[i]!, s.month, s.day);
    if (!date) return;
    const title = (s.title ?? `Termin ${i + 1}`).slice(0, 200);
    const id = uniqueSlug(title, (candidate) => ids.has(candidate), { maxLength: SESSION_ID_LENGTH, fallback: `termin-${i + 1}` });
    ids.add(id);
    // Without any time the session still appears; lint reports the empty slot as end-before-start.
    const time = completeTime(s.time, shared);
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

export function importAnnouncement(input: string, options: ImportOptions = {}): ImportResult {
  const zone = options.defaultTimezone && isValidZone(options.defaultTimezone) ? options.defaultTimezone : 'Europe/Berlin';
  const now = DateTime.fromJSDate(options.now ?? new Date(), { zone });
  const text = normalizeAnnouncement(input);
  const raw = parseSessions(text);
  const sessions = draftSessions(raw, inferYears(raw, now), text);

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
      language: 'de',
      format: findFormat(text),
      ...(announced !== undefined ? { announcedSessionCount: announced } : {}),
      contacts: findContacts(text),
    },
    sessions,
  };

  const parsed = programSchema.safeParse(draft);
  const findings: LintFinding[] = parsed.success ? lintProgram(parsed.data as ProgramDocument) : [];
  if (distinct.length > 1) {
    findings.push({
      severity: 'error',
      code: 'session-count-mismatch',
      message: programText('de').countConflict(counts.map((c) => `„${c.written}“`).join(', '), sessions.length),
      suggestion: programText('de').countSuggestion(sessions.length),
    });
  }
  return { draft, findings };
}
