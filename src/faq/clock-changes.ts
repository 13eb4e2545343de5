// Questions about the clocks between a program held in another zone and the participants' German time: "Warum
// ist der Termin im April bei uns eine Stunde später?", "When does Canada change its clocks?", "Wie groß ist der
// Zeitunterschied?". The answer comes from the time zone rules (IANA, through luxon), as the German times beside
// the program's own do, not from the material: when either side changes its clocks during the series, the German
// time of the sessions moves, and participants ask why. A program whose clock is Germany's throughout gets no
// such answer; nor does a question why a session is later than planned, which only the material can explain.
import { DateTime } from 'luxon';
import type { Program, Session } from '../program/model.js';
import { READER_ZONE, sessionStart, sortedSessions } from '../program/time.js';
import type { Locale } from '../i18n/locale.js';
import { faqTexts, type ClockChange } from '../i18n/faq.js';
import { foldUmlauts, words } from './german.js';
import { dayText, has, phrase, set, WHY } from './schedule-intents.js';


/** Words and phrases that ask about the clocks and nothing else. */
const CLOCK_WORDS = set('zeitumstellung uhrumstellung zeitverschiebung zeitunterschied zeitdifferenz dst');
const CLOCK_PHRASES = [
  'daylight saving', 'daylight savings', 'clock change', 'clocks change', 'clock changes', 'change the clock', 'change the clocks',
  'change its clock', 'change its clocks', 'change their clocks', 'clocks go forward', 'clocks go back', 'time difference',
  'time zone difference',
];
/** "Sommerzeit" is also the summer months ("Gibt es in der Sommerzeit eine Pause?"): only with a cue of the clock. */
const SEASON_TIME = set('sommerzeit winterzeit normalzeit');
const SEASON_PHRASES = ['summer time', 'standard time'];
const SEASON_CUES = set(
  'wann ab bis when warum wieso weshalb why beginnt beginn endet ende gilt umgestellt umstellen umstellung wechsel wechselt stellt stellen change changes switch switches start starts begin begins end ends',
);
/** "Wann stellt Kanada die Uhren um?": a verb of setting beside the clock, anywhere in the question. */
const SETS = set('stellt stellen stellte umstellen umgestellt umstellt');
const CLOCK = set('uhr uhren');
/** "eine Stunde später/früher" */
const HOUR = set('stunde stunden hour hours');
const SHIFTED = set('spater fruher later earlier');
/** "Warum ist die Uhrzeit nicht immer gleich?", "Why do the times change?" (not "Zeit": a span of time) */
const CLOCK_TIME = set('uhrzeit uhrzeiten time times');
const CHANGES = set('andert andern anders gleich verschiebt verschieben different differ differs change changes changing vary varies');
const SESSIONS = set('termin termine treffen sitzung sitzungen session sessions meeting meetings');
/** The question must be about the sessions' time: "Warum ist die Aufzeichnung 24 Stunden später verfügbar?" is not. */
const SESSION_WORDS = [...SESSIONS, 'beginn', 'start', 'starts', 'begin', 'begins', 'anfang', 'fangt', 'uhrzeit', 'uhrzeiten', 'time', 'times'];
/** A session asked for by its position. */
const BY_POSITION = set('nachste nachsten nachster nachstes next erste ersten erster erstes first');
/** "... später als geplant": a session moved, which the material explains, not the clocks. */
const PLANNED = set('geplant ursprunglich verschoben verlegt angekundigt planned originally moved rescheduled postponed announced');

export type ClockQuestion = 'clocks' | 'why-shifted';

/**
 * What a question asks about the clocks: the clocks themselves ("Zeitumstellung", "time difference"), or why the
 * sessions' German time moves ("Warum ... eine Stunde später?"); undefined for any other question.
 */
export function clockQuestion(question: string): ClockQuestion | undefined {
  const tokens = words(question).map((w) => foldUmlauts(w.toLowerCase()));
  const text = tokens.join(' ');
  // "Wann ist der nächste Termin nach der Zeitumstellung?" asks for a session, which the clocks do not name
  // ("Wann ist die nächste Zeitumstellung?" asks for the change).
  if (has(tokens, BY_POSITION) && has(tokens, SESSIONS)) return undefined;
  if (has(tokens, CLOCK_WORDS) || phrase(text, CLOCK_PHRASES) || (has(tokens, SETS) && has(tokens, CLOCK))) return 'clocks';
  if ((has(tokens, SEASON_TIME) || phrase(text, SEASON_PHRASES)) && has(tokens, SEASON_CUES)) return 'clocks';
  const aboutSessions = tokens.some((t) => SESSION_WORDS.some((w) => t === w || (t.endsWith(w) && t.length > w.length + 2)));
  const shifted = (has(tokens, HOUR) && has(tokens, SHIFTED)) || (has(tokens, CLOCK_TIME) && has(tokens, CHANGES));
  if (has(tokens, WHY) && shifted && aboutSessions && !has(tokens, PLANNED)) return 'why-shifted';
  return undefined;
}

interface Transition {
  zone: string;
  /** The first minute of the new offset, on the clock before the change (Chile's midnight is Sunday 00:00). */
  at: DateTime;
  /** Minutes the clock moved: positive forward (summer time), negative back. */
  minutes: number;
}

/** No zone changes its clocks twice within this many days. */
const PROBE_DAYS = 7;
const transitionMemo = new Map<string, Transition[]>();
const MEMO_ENTRIES = 256;

/** The instants in [from, to] at which the zone's offset changes: probed weekly, then found to the minute. */
export function clockTransitions(zone: string, from: DateTime, to: DateTime): Transition[] {
  const key = `${zone}|${from.toMillis()}|${to.toMillis()}`;
  const memo = transitionMemo.get(key);
  if (memo) return memo;
  const found: Transition[] = [];
  let before = from.setZone(zone);
  while (before < to) {
    const next = before.plus({ days: PROBE_DAYS });
    const after = next < to ? next : to.setZone(zone);
    if (after.offset !== before.offset) {
      let lo = before.toMillis();
      let hi = after.toMillis();
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (DateTime.fromMillis(mid, { zone }).offset === before.offset) lo = mid;
        else hi = mid;
      }
      found.push({ zone, at: DateTime.fromMillis(hi, { zone: `UTC${offsetText(before.offset)}` }), minutes: after.offset - before.offset });
    }
    before = after;
  }
  if (transitionMemo.size >= MEMO_ENTRIES) transitionMemo.delete(transitionMemo.keys().next().value!);
  transitionMemo.set(key, found);
  return found;
}

/** "+1", "-4:30": a fixed offset as luxon names it. */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const m = Math.abs(minutes);
  return `${sign}${Math.floor(m / 60)}${m % 60 ? `:${String(m % 60).padStart(2, '0')}` : ''}`;
}

/** German time minus the program's clock time at an instant, in minutes. */
function difference(program: Program, at: DateTime): number {
  return at.setZone(READER_ZONE).offset - at.setZone(program.program.timezone).offset;
}

interface Reading {
  sessions: Session[];
  changes: (Transition & { shift: number })[];
}

/**
 * The sessions that count (not cancelled, no date or time lint disputes) and the changes of either clock
 * between the first and the last of them, each with how it moves the sessions' German time.
 */
function readClocks(program: Program, disputed: ReadonlySet<string>): Reading | undefined {
  const sessions = sortedSessions(program).filter((s) => s.status !== 'cancelled' && !disputed.has(s.id));
  if (!sessions.length || !sessions.some((s) => difference(program, sessionStart(program, s)) !== 0)) return undefined;
  const first = sessionStart(program, sessions[0]!);
  const last = sessionStart(program, sessions[sessions.length - 1]!);
  const changes = [...clockTransitions(READER_ZONE, first, last), ...clockTransitions(program.program.timezone, first, last)]
    .sort((a, b) => a.at.toMillis() - b.at.toMillis())
    .map((c) => ({ ...c, shift: difference(program, c.at) - difference(program, c.at.minus({ minutes: 1 })) }));
  return { sessions, changes };
}

/**
 * True when the clocks answer the question: the program's clock is not German time, and for a question why the
 * time moves, two sessions at the same clock time of the program have different German times (otherwise the
 * sessions are simply held at other times, which only the material can explain).
 */
export function clocksAnswer(program: Program, asked: ClockQuestion, disputed: ReadonlySet<string> = new Set()): boolean {
  return applies(program, readClocks(program, disputed), asked);
}

function applies(program: Program, reading: Reading | undefined, asked: ClockQuestion): reading is Reading {
  if (!reading) return false;
  if (asked === 'clocks') return true;
  const starts = reading.sessions.map((s) => sessionStart(program, s));
  return starts.some((a, i) => starts.slice(i + 1).some((b) => a.toFormat('HH:mm') === b.toFormat('HH:mm') && difference(program, a) !== difference(program, b)));
}

/** Room for the changes in an answer, below the cap of answers (compose.ts). */
const ANSWER_BUDGET = 640;

/**
 * The answer to a clock question, or undefined where the clocks say nothing (see {@link clocksAnswer}). From
 * `now` on: the clock difference at the next session (or the last one), the change in force and the coming
 * ones, each with the first session after it at its German time while no other change intervenes.
 */
export function clockAnswer(program: Program, asked: ClockQuestion, locale: Locale, now: Date, disputed: ReadonlySet<string> = new Set()): string | undefined {
  const reading = readClocks(program, disputed);
  if (!applies(program, reading, asked)) return undefined;
  const { sessions, changes } = reading;
  const t = faqTexts[locale];
  const zone = program.program.timezone;
  const at = DateTime.fromJSDate(now);
  const next = sessions.find((s) => sessionStart(program, s) >= at);
  const reference = sessionStart(program, next ?? sessions[sessions.length - 1]!);
  const gap = difference(program, reference);
  // The usual difference, where the next session's is another ("5 Stunden, sonst meist 6 Stunden").
  const gaps = sessions.map((s) => difference(program, sessionStart(program, s)));
  const usual = [...new Set(gaps)].sort((a, b) => gaps.filter((g) => g === b).length - gaps.filter((g) => g === a).length)[0]!;
  const otherwise = usual !== gap && Math.sign(usual) === Math.sign(gap) ? amountText(Math.abs(usual), locale) : undefined;
  const parts = [t.clockLead(zone, gap === 0 ? undefined : { amount: amountText(Math.abs(gap), locale), germanLater: gap > 0, otherwise }, !!next)];
  // A zone without any change in the year around the series never changes its clocks (Morocco's Ramadan
  // changes are changes too).
  const year = clockTransitions(zone, reference.minus({ days: 183 }), reference.plus({ days: 183 }));
  if (!year.length) parts.push(t.clockNeverChanges(zone));
  // The change in force now, and the coming ones; all of them when the series is over.
  const inForce = changes.filter((c) => c.at <= at).length - 1;
  const shown = next ? changes.slice(Math.max(inForce, 0)) : changes;
  const lines = (withExamples: boolean) =>
    shown.map((c, i) => {
      const later = shown.slice(i + 1).find((x) => x.shift !== 0)?.at;
      const after = sessions.find((s) => sessionStart(program, s) >= c.at);
      const example = withExamples && after && c.shift !== 0 && (!later || sessionStart(program, after) < later) ? exampleTimes(program, after) : undefined;
      const line: ClockChange = {
        who: c.zone === READER_ZONE ? t.clockGermany : zone,
        date: dayText(c.at, locale, false),
        forward: c.minutes > 0,
        shift: c.shift === 0 ? undefined : { later: c.shift > 0, amount: amountText(Math.abs(c.shift), locale) },
        example,
      };
      return t.clockChange(line);
    });
  // Every change rather than the example times, where not all of them fit.
  const head = parts.join(' ').length;
  const fits = (list: string[]) => head + list.reduce((n, x) => n + x.length + 1, 0) <= ANSWER_BUDGET;
  const full = lines(true);
  const chosen = fits(full) ? full : lines(false);
  let length = head;
  const kept: string[] = [];
  for (const x of chosen) {
    if ((length += x.length + 1) > ANSWER_BUDGET) break;
    kept.push(x);
  }
  parts.push(...kept);
  if (kept.length < chosen.length) parts.push(t.clockMore(chosen.length - kept.length));
  if (!changes.length) parts.push(t.clockNoChange);
  return parts.join(' ');
}

/** The session's start as the program's clock and German time show it ("09:00", "17:00"). */
function exampleTimes(program: Program, session: Session): { local: string; german: string } {
  const start = sessionStart(program, session);
  return { local: start.toFormat('HH:mm'), german: start.setZone(READER_ZONE).toFormat('HH:mm') };
}

/** "6 Stunden", "eine Stunde", "5 Stunden 30 Minuten", "30 Minuten" (a positive number of minutes). */
function amountText(minutes: number, locale: Locale): string {
  const t = faqTexts[locale];
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return [hours ? t.clockHours(hours) : '', rest ? t.clockMinutes(rest) : ''].filter(Boolean).join(' ');
}
