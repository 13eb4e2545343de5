// Schedule answers for a program whose dates contradict themselves. A coordinator's announcement may give a
// weekday that does not fit the date, a year that breaks the listed order, or two session counts; lint reports
// these, and the product must never state such a date as fact or silently pick a reading. So a schedule answer
// here says what the material gives, names the contradiction, shows what follows if lint's proposed date is
// meant, and asks to confirm with the organising team. A program without lint errors is answered unchanged.
import { DateTime } from 'luxon';
import type { Program } from '../program/model.js';
import { lintProgram, neighbouringWeekdays, suggestedDates, type LintFinding } from '../program/lint.js';
import { sessionEnd, sessionStart } from '../program/time.js';
import { parseWeekday } from '../program/weekday.js';
import type { Locale } from '../i18n/locale.js';
import { faqTexts } from '../i18n/faq.js';
import { answerScheduleIntent, dayText, type DisputedSessions, type ScheduleAnswer, type ScheduleIntent } from './schedule-intents.js';

/** Lint codes that make one session's date uncertain, and those that leave its time unclear. */
const DATE_CODES: ReadonlySet<string> = new Set(['weekday-mismatch', 'sessions-out-of-order']);
const TIME_CODES: ReadonlySet<string> = new Set(['time-missing', 'end-before-start', 'nonexistent-local-time']);
/** Lint codes about the schedule as a whole that a count answer must mention. */
const PROGRAM_CODES: ReadonlySet<string> = new Set(['session-count-mismatch']);
/** Intents whose answer lists several sessions: the note goes first, so a capped list never loses it. */
const LISTING: ReadonlySet<ScheduleIntent['kind']> = new Set(['list', 'remaining', 'count', 'month', 'week', 'times']);

export interface ScheduleConflicts {
  /** Session id → the findings that make its date or time uncertain, in the answer's language. */
  sessions: ReadonlyMap<string, readonly LintFinding[]>;
  disputed: DisputedSessions;
  /** Session id → the date lint proposes (a weekday that fits the year before or after). */
  suggested: ReadonlyMap<string, string>;
  /** Findings about the whole schedule (two different session counts). */
  program: readonly LintFinding[];
}

/**
 * The contradictions of a program in one language: lint run with that language, plus the importer's findings
 * that lint cannot see again (a missing time, two counts in the text), which come in the material's language.
 */
export function scheduleConflicts(program: Program, locale: Locale, imported: readonly LintFinding[] = []): ScheduleConflicts | undefined {
  const linted = lintProgram({ ...program, program: { ...program.program, language: locale } });
  const errors = [...linted, ...imported.filter((f) => !linted.some((l) => l.code === f.code && l.sessionId === f.sessionId))].filter((f) => f.severity === 'error');
  const sessions = new Map<string, LintFinding[]>();
  for (const f of errors) if (f.sessionId && (DATE_CODES.has(f.code) || TIME_CODES.has(f.code))) sessions.set(f.sessionId, [...(sessions.get(f.sessionId) ?? []), f]);
  const whole = errors.filter((f) => !f.sessionId && PROGRAM_CODES.has(f.code));
  if (!sessions.size && !whole.length) return undefined;
  const ids = (codes: ReadonlySet<string>) => new Set([...sessions].filter(([, fs]) => fs.some((f) => codes.has(f.code))).map(([id]) => id));
  const dates = ids(DATE_CODES);
  const suggested = new Map([...suggestedDates(program)].filter(([id]) => dates.has(id)));
  return { sessions, disputed: { dates, times: ids(TIME_CODES) }, suggested, program: whole };
}

/** An ISO date as answers write it (see dayText). */
function dateText(date: string, locale: Locale, withWeekday: boolean): string {
  return dayText(DateTime.fromISO(date, { zone: 'UTC' }), locale, withWeekday);
}

/** Answers a schedule intent, stating contradictions instead of hiding them. */
export function answerScheduleQuestion(
  intent: ScheduleIntent,
  program: Program,
  now: Date,
  locale: Locale,
  question: string,
  conflicts: ScheduleConflicts | undefined,
): ScheduleAnswer {
  if (!conflicts || intent.kind === 'format' || intent.kind === 'contacts') return answerScheduleIntent(intent, program, now, locale, question);
  const t = faqTexts[locale];
  const { disputed } = conflicts;
  const titles = (ids: ReadonlySet<string>) => program.sessions.filter((s) => ids.has(s.id)).map((s) => s.title);

  if (intent.kind === 'session') {
    const findings = conflicts.sessions.get(intent.sessionId);
    // A cancelled session's date no longer matters: its cancellation is the answer.
    const cancelled = program.sessions.find((s) => s.id === intent.sessionId)?.status === 'cancelled';
    if (!findings || cancelled) return answerScheduleIntent(intent, program, now, locale, question);
    return sessionConflictAnswer(intent, program, locale, findings, conflicts);
  }

  const counts = intent.kind === 'count' ? conflicts.program.map((f) => f.message) : [];
  const uncertain = disputed.dates.size + disputed.times.size > 0;
  if (!uncertain && !counts.length) return answerScheduleIntent(intent, program, now, locale, question);
  const base = answerScheduleIntent(intent, program, now, locale, question, disputed);
  const note = [
    ...(disputed.dates.size ? [t.conflictNote(titles(disputed.dates))] : []),
    ...(disputed.times.size ? [t.timeNote(titles(disputed.times))] : []),
    ...counts,
  ];
  const confirm = uncertain ? [t.confirmWithTeam] : [];
  if (LISTING.has(intent.kind)) return { ...base, answer: [...note, base.answer, ...confirm].join('\n') };
  // One session answers the question (next, first, last, today): show what follows if lint's dates are meant,
  // when that changes the answer.
  const fixes = [...conflicts.suggested];
  if (fixes.length) {
    const corrected: Program = { ...program, sessions: program.sessions.map((s) => (conflicts.suggested.has(s.id) ? { ...s, date: conflicts.suggested.get(s.id)! } : s)) };
    const rest: DisputedSessions = { dates: new Set([...disputed.dates].filter((id) => !conflicts.suggested.has(id))), times: disputed.times };
    const alternative = answerScheduleIntent(intent, corrected, now, locale, question, rest);
    const asWritten = answerScheduleIntent(intent, program, now, locale, question, rest);
    if (alternative.answer !== asWritten.answer) {
      const and = locale === 'de' ? ' und ' : ' and ';
      const hint = fixes.map(([id, date]) => t.fixHint(dateText(date, locale, false), dateText(program.sessions.find((s) => s.id === id)!.date, locale, false))).join(and);
      return { ...base, answer: [t.asWritten(base.answer), ...note, t.ifMeant(hint, alternative.answer), ...confirm].join('\n') };
    }
  }
  return { ...base, answer: [base.answer, ...note, ...confirm].join('\n') };
}

function sessionConflictAnswer(
  intent: Extract<ScheduleIntent, { kind: 'session' }>,
  program: Program,
  locale: Locale,
  findings: readonly LintFinding[],
  conflicts: ScheduleConflicts,
): ScheduleAnswer {
  const t = faqTexts[locale];
  const s = program.sessions.find((x) => x.id === intent.sessionId)!;
  const dateDisputed = conflicts.disputed.dates.has(s.id);
  const timeUnclear = conflicts.disputed.times.has(s.id);
  const written = s.weekday ? parseWeekday(s.weekday) : undefined;
  // The weekday contradiction in the answer's own date format; an end "before" an empty start only repeats
  // that no time is given.
  const mismatch = written !== undefined && findings.some((f) => f.code === 'weekday-mismatch');
  const missing = findings.some((f) => f.code === 'time-missing');
  const messages = [
    ...(mismatch ? [t.weekdayConflict(s.weekday!, dateText(s.date, locale, false), DateTime.fromISO(s.date, { zone: 'UTC' }).setLocale(locale).toFormat('cccc'))] : []),
    ...new Set(findings.filter((f) => !(mismatch && f.code === 'weekday-mismatch') && !(missing && f.code === 'end-before-start')).map((f) => f.message)),
  ];
  let likely = '';
  const suggested = conflicts.suggested.get(s.id);
  if (suggested) likely = t.likelyDate(dateText(suggested, locale, true));
  else if (mismatch) {
    const { next, previous } = neighbouringWeekdays(s.date, written!);
    likely = t.weekdayNearby(s.weekday!, dateText(previous, locale, false), dateText(next, locale, false));
  }
  const details = [...messages, likely].filter(Boolean).join(' ');
  let text: string;
  if (dateDisputed) {
    const start = sessionStart(program, s);
    const end = sessionEnd(program, s);
    const time = timeUnclear ? undefined : `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}${locale === 'de' ? ' Uhr' : ` (${program.program.timezone})`}`;
    text = t.sessionConflict(s.title, details, time);
  } else {
    text = t.sessionTimeUnclear(s.title, dateText(s.date, locale, true), details);
  }
  text = `${text} ${t.confirmWithTeam}`;
  const full = intent.withSummary && s.summary ? `${text}\n${s.summary}` : text;
  return { intent, answer: full, sources: [{ title: `${t.sourceProgram}: ${s.title}`, excerpt: full.length > 300 ? `${full.slice(0, 297)}…` : full }] };
}
