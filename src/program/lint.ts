// Schedule lint: the mistakes coordinators make in announcements (wrong weekday, wrong year, overlapping or
// impossible times), caught before anything is announced. Findings carry stable codes; messages follow the
// program's language.
import { DateTime } from 'luxon';
import type { Program, Session } from './model.js';
import { isValidZone, isoWeekday, localDateTime, localTimeStatus } from './time.js';
import { parseWeekday, weekdayName } from './weekday.js';
import { programText } from '../i18n/program.js';
import type { Locale } from '../i18n/locale.js';

export const LINT_CODES = [
  'weekday-mismatch',
  'sessions-out-of-order',
  'end-before-start',
  'overlapping-sessions',
  'duplicate-session-id',
  'session-count-mismatch',
  'unknown-timezone',
  'nonexistent-local-time',
  'ambiguous-local-time',
  'invalid-join-url',
] as const;
export type LintCode = (typeof LINT_CODES)[number];
/** Codes only the announcement importer reports: a program.yaml always names its sessions and their times. */
export const IMPORT_CODES = ['time-missing', 'no-sessions-found', 'multi-day-session', 'timezone-mismatch', 'timezone-from-text', 'timezone-ambiguous'] as const;

export interface LintFinding {
  severity: 'error' | 'warning';
  code: LintCode | (typeof IMPORT_CODES)[number];
  sessionId?: string;
  message: string;
  suggestion?: string;
}

export interface LintOptions {
  /** Accepted for callers that pass their clock; the lint itself is deliberately independent of "now". */
  now?: Date;
}

/** Hosts of meeting services a join link may point to (the host itself or a subdomain). */
export const KNOWN_MEETING_HOSTS = [
  'teams.microsoft.com',
  'teams.live.com',
  'teams.microsoft.us',
  'gov.teams.microsoft.us',
  'dod.teams.microsoft.us',
  'zoom.us',
  'zoom.com',
  'webex.com',
  'meet.google.com',
  'meet.jit.si',
  'gotomeeting.com',
  'alfaview.com',
  'opentalk.eu',
  'senfcall.de',
  'visavid.de',
  'bigbluebutton.org',
];

export function hasErrors(findings: readonly LintFinding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

export function formatLintDate(date: string, locale: Locale): string {
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  return locale === 'de' ? dt.toFormat('dd.MM.yyyy') : dt.setLocale('en').toFormat('d LLL yyyy');
}

function shiftYear(date: string, delta: number): string | undefined {
  const dt = DateTime.fromISO(date, { zone: 'UTC' }).plus({ years: delta });
  // 29 February has no counterpart in most years; luxon would clamp to the 28th.
  return dt.toISODate()?.slice(5) === date.slice(5) ? dt.toISODate()! : undefined;
}

interface Timed {
  session: Session;
  index: number;
  start: number;
  end: number;
}

/**
 * The sessions that break the listed order: the complement of the heaviest time-ordered subsequence. A session
 * whose weekday fits another year weighs slightly less, so that among equally long orders it is the one blamed.
 */
function outOfOrder(starts: number[], suspicious: boolean[]): Set<number> {
  const n = starts.length;
  const best: number[] = new Array(n).fill(0);
  const prev: number[] = new Array(n).fill(-1);
  const weight = (i: number) => (suspicious[i] ? 999 : 1000);
  for (let i = 0; i < n; i++) {
    best[i] = weight(i);
    for (let j = 0; j < i; j++) {
      if (starts[j]! <= starts[i]! && best[j]! + weight(i) > best[i]!) {
        best[i] = best[j]! + weight(i);
        prev[i] = j;
      }
    }
  }
  let tail = -1;
  for (let i = 0; i < n; i++) if (tail < 0 || best[i]! > best[tail]!) tail = i;
  const kept = new Set<number>();
  for (let i = tail; i >= 0; i = prev[i]!) kept.add(i);
  const out = new Set<number>();
  for (let i = 0; i < n; i++) if (!kept.has(i)) out.add(i);
  return out;
}

const DAY_MS = 86_400_000;

/** The dates with the given ISO weekday right after and right before a date (never the date itself). */
export function neighbouringWeekdays(date: string, weekday: number): { next: string; previous: string } {
  const dt = DateTime.fromISO(date, { zone: 'UTC' });
  const forward = (weekday - dt.weekday + 7) % 7 || 7;
  return { next: dt.plus({ days: forward }).toISODate()!, previous: dt.minus({ days: 7 - forward || 7 }).toISODate()! };
}

/**
 * Weekday checks. A wrong weekday usually means a wrong year or a wrong day. The year before or after is
 * proposed only when it lies nearer the listed neighbours than the written date (and keeps the listed order,
 * or at least lies within the program's span); otherwise the suggestion names the dates nearby that have the
 * written weekday. Nothing is changed: these are findings for the coordinator.
 */
function checkWeekdays(
  timed: readonly Timed[],
  zone: string,
  locale: Locale,
): { yearFix: Map<number, string>; weekdayFindings: Map<number, LintFinding> } {
  const t = programText(locale);
  const fmt = (date: string) => formatLintDate(date, locale);
  const yearFix = new Map<number, string>();
  const weekdayFindings = new Map<number, LintFinding>();
  timed.forEach(({ session, index }) => {
    if (!session.weekday) return;
    const written = parseWeekday(session.weekday);
    if (written === undefined) {
      weekdayFindings.set(index, {
        severity: 'error',
        code: 'weekday-mismatch',
        sessionId: session.id,
        message: t.weekdayUnknown(session.weekday),
      });
      return;
    }
    const actual = isoWeekday(session.date);
    if (written === actual) return;
    const before = timed[index - 1];
    const after = timed[index + 1];
    const startOf = (d: string) => localDateTime(d, session.start, zone).toMillis();
    const distance = (at: number) => (before ? Math.abs(at - before.start) : 0) + (after ? Math.abs(after.start - at) : 0);
    const writtenDistance = distance(startOf(session.date));
    const candidates = [-1, 1]
      .map((delta) => shiftYear(session.date, delta))
      .filter((d): d is string => d !== undefined && isoWeekday(d) === written)
      .filter((d) => distance(startOf(d)) + DAY_MS < writtenDistance);
    const others = timed.filter((o) => o.index !== index).map((o) => o.start);
    // Prefer the year that keeps the listed order; else one inside the program's span.
    const fitting =
      candidates.find((d) => (!before || before.start <= startOf(d)) && (!after || startOf(d) <= after.start)) ??
      candidates.find((d) => others.length > 0 && Math.min(...others) <= startOf(d) && startOf(d) <= Math.max(...others));
    let suggestion: string;
    if (fitting) {
      yearFix.set(index, fitting);
      suggestion = t.weekdayIs(fmt(fitting), weekdayName(written, locale));
    } else {
      const { next, previous } = neighbouringWeekdays(session.date, written);
      suggestion = t.weekdayNearest(fmt(session.date), weekdayName(actual, locale), weekdayName(written, locale), fmt(next), fmt(previous));
    }
    weekdayFindings.set(index, {
      severity: 'error',
      code: 'weekday-mismatch',
      sessionId: session.id,
      message: t.weekdayMismatch(session.weekday, fmt(session.date), weekdayName(actual, locale)),
      suggestion,
    });
  });
  return { yearFix, weekdayFindings };
}

/**
 * The corrected dates lint proposes for sessions whose weekday fits the year before or after (session id →
 * ISO date): the structured form of the weekday-mismatch suggestion, for callers that must show both readings
 * of a contradictory date instead of picking one.
 */
export function suggestedDates(program: Program): Map<string, string> {
  const zone = isValidZone(program.program.timezone) ? program.program.timezone : 'UTC';
  const timed: Timed[] = program.sessions.map((session, index) => ({
    session,
    index,
    start: localDateTime(session.date, session.start, zone).toMillis(),
    end: localDateTime(session.date, session.end, zone).toMillis(),
  }));
  const { yearFix } = checkWeekdays(timed, zone, program.program.language);
  return new Map([...yearFix].map(([index, date]) => [program.sessions[index]!.id, date]));
}

export function lintProgram(program: Program, _options: LintOptions = {}): LintFinding[] {
  const locale: Locale = program.program.language;
  const t = programText(locale);
  const zone = program.program.timezone;
  const findings: LintFinding[] = [];
  const sessions = program.sessions;
  const fmt = (date: string) => formatLintDate(date, locale);

  const zoneOk = isValidZone(zone);
  if (!zoneOk) {
    findings.push({
      severity: 'error',
      code: 'unknown-timezone',
      message: t.unknownTimezone(zone),
      suggestion: t.timezoneSuggestion,
    });
  }
  // Date-only arithmetic still works without a zone; UTC keeps the order checks meaningful.
  const effectiveZone = zoneOk ? zone : 'UTC';

  const seen = new Set<string>();
  for (const s of sessions) {
    if (seen.has(s.id)) {
      findings.push({ severity: 'error', code: 'duplicate-session-id', sessionId: s.id, message: t.duplicateId(s.id) });
    }
    seen.add(s.id);
  }

  const announced = program.program.announcedSessionCount;
  if (announced !== undefined && announced !== sessions.length) {
    findings.push({
      severity: 'error',
      code: 'session-count-mismatch',
      message: t.countMismatch(announced, sessions.length),
      suggestion: t.countSuggestion(sessions.length),
    });
  }

  const timed: Timed[] = sessions.map((session, index) => ({
    session,
    index,
    start: localDateTime(session.date, session.start, effectiveZone).toMillis(),
    end: localDateTime(session.date, session.end, effectiveZone).toMillis(),
  }));

  const { yearFix, weekdayFindings } = checkWeekdays(timed, effectiveZone, locale);

  const disordered = outOfOrder(
    timed.map((x) => x.start),
    timed.map((x) => yearFix.has(x.index)),
  );

  for (const item of timed) {
    const { session, index } = item;
    const wf = weekdayFindings.get(index);
    if (wf) findings.push(wf);

    if (disordered.has(index)) {
      const earlierListed = [...timed.slice(0, index)].reverse().find((o) => !disordered.has(o.index) && o.start > item.start);
      const laterListed = timed.slice(index + 1).find((o) => !disordered.has(o.index) && o.start < item.start);
      const fix = yearFix.get(index);
      findings.push({
        severity: 'error',
        code: 'sessions-out-of-order',
        sessionId: session.id,
        message: earlierListed
          ? t.outOfOrder(fmt(session.date), fmt(earlierListed.session.date))
          : t.outOfOrderLater(fmt(session.date), fmt(laterListed?.session.date ?? session.date)),
        ...(fix ? { suggestion: t.weekdayIs(fmt(fix), weekdayName(isoWeekday(fix), locale)) } : {}),
      });
    }

    if (session.end <= session.start) {
      findings.push({
        severity: 'error',
        code: 'end-before-start',
        sessionId: session.id,
        message: t.endBeforeStart(session.start, session.end),
      });
    }

    if (zoneOk) {
      for (const time of [session.start, session.end]) {
        const status = localTimeStatus(session.date, time, zone);
        if (status === 'gap') {
          const after = localDateTime(session.date, time, zone).toFormat('HH:mm');
          findings.push({
            severity: 'error',
            code: 'nonexistent-local-time',
            sessionId: session.id,
            message: t.nonexistentTime(fmt(session.date), time, zone),
            suggestion: t.nonexistentSuggestion(after),
          });
        } else if (status === 'fold') {
          findings.push({
            severity: 'warning',
            code: 'ambiguous-local-time',
            sessionId: session.id,
            message: t.ambiguousTime(fmt(session.date), time, zone),
            suggestion: t.ambiguousSuggestion,
          });
        }
      }
    }

    if (session.joinUrl) {
      const problem = joinUrlProblem(session.joinUrl, locale);
      if (problem) {
        findings.push({ severity: 'warning', code: 'invalid-join-url', sessionId: session.id, message: problem });
      }
    }
  }

  // Overlaps in time order, cancelled sessions excluded (a cancelled slot may be reused).
  const active = timed.filter((x) => x.session.status !== 'cancelled' && x.end > x.start).sort((a, b) => a.start - b.start);
  for (let i = 1; i < active.length; i++) {
    const cur = active[i]!;
    const overlapping = active.slice(0, i).find((o) => o.end > cur.start);
    if (overlapping) {
      findings.push({
        severity: 'error',
        code: 'overlapping-sessions',
        sessionId: cur.session.id,
        message: t.overlapping(overlapping.session.title),
      });
    }
  }

  return findings;
}

function joinUrlProblem(url: string, locale: Locale): string | undefined {
  const t = programText(locale);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return t.joinUrlInvalid;
  }
  if (parsed.protocol !== 'https:') return t.joinUrlNotHttps;
  const host = parsed.hostname.toLowerCase();
  const known = KNOWN_MEETING_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
  return known ? undefined : t.joinUrlUnknownHost(host);
}
