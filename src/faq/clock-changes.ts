// Questions about the clocks between a program held in another zone and the participants' German time: "Warum
// ist der Termin im April bei uns eine Stunde später?", "When does Canada change its clocks?", "What is the time
// difference to Germany?". The answer comes from the time zone rules (IANA, through luxon), as the German times
// beside the program's own do, not from the material: when either side changes its clocks during the series,
// the German time of the sessions moves, and participants ask why. A program whose clock is Germany's
// throughout gets no such answer; its questions for a reason go to the material.
import { DateTime, FixedOffsetZone } from 'luxon';
import type { Program, Session } from '../program/model.js';
import { READER_ZONE, sessionStart, sortedSessions } from '../program/time.js';
import type { Locale } from '../i18n/locale.js';
import { faqTexts, type ClockChange } from '../i18n/faq.js';
import { foldUmlauts, words } from './german.js';
import { dayText } from './schedule-intents.js';

const set = (text: string) => new Set(text.split(/\s+/).filter(Boolean));

/** Words that ask about the clocks themselves. */
const CLOCK_WORDS = set('sommerzeit winterzeit normalzeit zeitumstellung uhrumstellung zeitverschiebung zeitunterschied zeitdifferenz dst');
const CLOCK_PHRASES = [
  'daylight saving', 'daylight savings', 'summer time', 'standard time', 'clock change', 'clocks change', 'clock changes',
  'change the clock', 'change the clocks', 'change its clock', 'change its clocks', 'change their clocks', 'clocks go',
  'time difference', 'time zone difference', 'hours ahead', 'hours behind', 'uhr umstellen', 'uhren umstellen', 'uhr umgestellt',
  'uhren umgestellt', 'stellt die uhr', 'stellen die uhr', 'stellt die uhren', 'stellen die uhren',
];
const WHY = set('warum wieso weshalb why');
/** "eine Stunde später/früher" */
const HOUR = set('stunde stunden hour hours');
const SHIFTED = set('spater fruher later earlier');
/** "Warum ist die Uhrzeit nicht immer gleich?", "Why do the times change?" */
const CLOCK_TIME = set('uhrzeit uhrzeiten zeit zeiten time times');
const CHANGES = set('andert andern anders gleich verschiebt verschieben verschoben different differ differs change changes changing vary varies');

export type ClockQuestion = 'clocks' | 'why-shifted';

/**
 * What a question asks about the clocks: the clocks themselves ("Sommerzeit", "time difference"), or why the
 * sessions' time moves ("Warum ... eine Stunde später?"); undefined for any other question.
 */
export function clockQuestion(question: string): ClockQuestion | undefined {
  const tokens = words(question).map((w) => foldUmlauts(w.toLowerCase()));
  const text = ` ${tokens.join(' ')} `;
  const has = (cue: ReadonlySet<string>) => tokens.some((t) => cue.has(t));
  if (has(CLOCK_WORDS) || CLOCK_PHRASES.some((p) => text.includes(` ${p} `))) return 'clocks';
  if (has(WHY) && ((has(HOUR) && has(SHIFTED)) || (has(CLOCK_TIME) && has(CHANGES)))) return 'why-shifted';
  return undefined;
}

interface Transition {
  zone: string;
  /** The first instant of the new offset, on the clock before the change. */
  at: DateTime;
  /** Minutes the clock moved: positive forward (summer time), negative back. */
  minutes: number;
}

/** The instants in [from, to] at which the zone's offset changes (one step a day, then to the minute). */
export function clockTransitions(zone: string, from: DateTime, to: DateTime): Transition[] {
  const found: Transition[] = [];
  let before = from.setZone(zone);
  for (let day = before.plus({ days: 1 }); before < to; day = day.plus({ days: 1 })) {
    const after = day < to ? day : to.setZone(zone);
    if (after.offset !== before.offset) {
      let lo = before.toMillis();
      let hi = after.toMillis();
      while (hi - lo > 60_000) {
        const mid = Math.floor((lo + hi) / 2);
        if (DateTime.fromMillis(mid, { zone }).offset === before.offset) lo = mid;
        else hi = mid;
      }
      // Dated by the clock before the change: Chile's clocks go back at midnight into Sunday, which the new
      // clock shows as Saturday 23:00.
      const at = DateTime.fromMillis(hi, { zone: FixedOffsetZone.instance(before.offset) });
      found.push({ zone, at, minutes: after.offset - before.offset });
    }
    before = after;
  }
  return found;
}

/** True when the zone changes its clocks at some time in the year of this instant. */
function changesClocks(zone: string, dt: DateTime): boolean {
  const year = dt.setZone(zone).year;
  return DateTime.fromObject({ year, month: 1, day: 15 }, { zone }).offset !== DateTime.fromObject({ year, month: 7, day: 15 }, { zone }).offset;
}

/** German time minus the program's clock time at an instant, in minutes. */
function difference(program: Program, at: DateTime): number {
  return at.setZone(READER_ZONE).offset - at.setZone(program.program.timezone).offset;
}

/** True when the program's clock differs from German time at some session, or their difference changes. */
export function foreignClocks(program: Program): boolean {
  return sortedSessions(program).some((s) => difference(program, sessionStart(program, s)) !== 0);
}

/**
 * The answer to a clock question, or undefined when there is nothing to say from the clocks: a program whose
 * clock is German time, or a question why the time moves in a series whose clocks never change their difference
 * (the sessions are then simply held at other times, which only the material can explain). Sessions that are
 * cancelled or whose date or time lint disputes give no example time.
 */
export function clockAnswer(program: Program, asked: ClockQuestion, locale: Locale, disputed: ReadonlySet<string> = new Set()): string | undefined {
  if (!foreignClocks(program)) return undefined;
  const t = faqTexts[locale];
  const zone = program.program.timezone;
  const all = sortedSessions(program);
  const first = sessionStart(program, all[0]!);
  const last = sessionStart(program, all[all.length - 1]!);
  const examples = all.filter((s) => s.status !== 'cancelled' && !disputed.has(s.id));
  const changes = [...clockTransitions(READER_ZONE, first, last), ...clockTransitions(zone, first, last)]
    .sort((a, b) => a.at.toMillis() - b.at.toMillis())
    .map((c) => ({ ...c, shift: difference(program, c.at) - difference(program, c.at.minus({ minutes: 1 })) }));
  if (asked === 'why-shifted' && !changes.some((c) => c.shift !== 0)) return undefined;

  const lead = difference(program, first);
  const parts = [t.clockLead(zone, lead === 0 ? undefined : { amount: amountText(Math.abs(lead), locale), germanLater: lead > 0 })];
  for (const c of changes) {
    const after = examples.find((s) => sessionStart(program, s) >= c.at);
    const line: ClockChange = {
      who: c.zone === READER_ZONE ? t.clockGermany : zone,
      date: dayText(c.at, locale, false),
      forward: c.minutes > 0,
      shift: c.shift === 0 ? undefined : { later: c.shift > 0, amount: amountText(Math.abs(c.shift), locale) },
      example: after && c.shift !== 0 ? exampleTimes(program, after) : undefined,
    };
    parts.push(t.clockChange(line));
  }
  if (!changesClocks(zone, first)) parts.push(t.clockNeverChanges(zone));
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
