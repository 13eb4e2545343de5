// Date and time extraction for the announcement importer: the patterns of German and English dates ("Di., 3.
// März 2027", "03.03.27", "2027-03-03", "12 January 2027", "Thursday, March 4th, 2027") and times ("10 bis
// 11:30 Uhr", "14–15.30", "um 18 Uhr", "10:00–11:30 am", "2 to 3.30 pm"), and the completion of session times
// from a time the whole announcement shares.
import { foldText } from '../../text/index.js';
import { WEEKDAY_PATTERN } from '../weekday.js';

export interface TimeRange {
  start: string;
  /** Missing when the announcement gives only a start ("um 10 Uhr"). */
  end?: string;
}

/** A calendar date as written; the year is missing when the text leaves it out. */
export interface WrittenDate {
  day: number;
  month: number;
  year?: number;
}

type Groups = Record<string, string | undefined>;

const MONTHS: [RegExp, number][] = [
  [/^(jan|jaen)/, 1], [/^feb/, 2], [/^(maer|mrz|mar)/, 3], [/^apr/, 4], [/^(mai|may)/, 5], [/^jun/, 6],
  [/^jul/, 7], [/^aug/, 8], [/^sep/, 9], [/^(okt|oct)/, 10], [/^nov/, 11], [/^(dez|dec)/, 12],
];
/** German (with Austrian „Jänner“, „Feber“) and English month names, full and short (longest first where one is the start of another). */
const MONTH_PATTERN =
  'januar|january|jänner|jaenner|jän|jan|februar|february|feber|feb|märz|maerz|march|mär|mrz|mar|april|apr|mai|may|juni|june|jun|juli|july|jul|' +
  'august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|dezember|december|dez|dec';
const ORDINAL = '(?:st|nd|rd|th)';

export const DATE_PATTERN =
  `(?:(?<day>\\d{1,2})\\.\\s*(?<monthName>${MONTH_PATTERN})\\.?(?:\\s+(?<year>\\d{4}))?` +
  `|(?<nday>\\d{1,2})\\.(?<nmonth>\\d{1,2})\\.(?<nyear>\\d{4}|\\d{2}(?!\\d))?` +
  `|(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2})` +
  // "15/04/2027" (day first as in Europe; see dateFromGroups for month first)
  `|(?<sa>\\d{1,2})\\/(?<sb>\\d{1,2})\\/(?<syear>\\d{4}|\\d{2}(?!\\d))` +
  // "12 January 2027", "4th of March", "9 Feb"
  `|(?<eday>\\d{1,2})${ORDINAL}?\\s+(?:of\\s+)?(?<emonthName>${MONTH_PATTERN})\\.?(?![\\p{L}])(?:,?\\s+(?<eyear>\\d{4}))?` +
  // "March 4, 2027", "March 4th"
  `|(?<umonthName>${MONTH_PATTERN})\\.?\\s+(?<uday>\\d{1,2})${ORDINAL}?(?![\\d])(?:,?\\s+(?<uyear>\\d{4}))?)`;
/**
 * "pm", "p.m.", "a.m.", and "am" where no word follows it: German writes "14–16 am Montag", where "am" means
 * "on", and English "10–11:30 am: Kick-off".
 */
const MERIDIEM = 'a\\.\\s?m\\.|p\\.?\\s?m\\.?(?![\\p{L}])|am(?![\\p{L}])(?!\\s+[\\p{L}\\d])';
export const TIME_RANGE_SOURCE =
  `(?<sh>\\d{1,2})(?:[:.](?<sm>\\d{2}))?\\s*(?:(?<sap>${MERIDIEM})\\s*)?(?:Uhr\\s*)?(?:bis|to|–|—|-)\\s*` +
  `(?<eh>\\d{1,2})(?:[:.](?<em>\\d{2}))?(?:\\s*(?<eap>${MERIDIEM})|\\s*Uhr)?`;

/** The start of a session entry: optional "am", weekday and "den", then a date. */
export const HEADER = new RegExp(
  `^(?:(?:am|on)\\s+)?(?:(?<weekday>(?:${WEEKDAY_PATTERN})\\.?)\\s*,?\\s+)?(?:den\\s+)?${DATE_PATTERN}(?![\\p{L}\\d])`,
  'iu',
);
/**
 * The first day of an event over several days, before the last day's full date: "2.–3. März 2027",
 * "Dienstag, 2. bis Mittwoch, 3. März 2027", "02.03.–03.03.2027", "2–3 March 2027". Only at the start of an
 * entry and only where a full date follows, so a time range ("14–16 Uhr") is never taken for one.
 */
export const DAY_RANGE = new RegExp(
  `^(?:(?:am|on|vom|from)\\s+)?(?:(?<rweekday>(?:${WEEKDAY_PATTERN})\\.?)\\s*,?\\s+)?(?:den\\s+)?(?<rday>\\d{1,2})\\.?(?:(?<rmonth>\\d{1,2})\\.)?` +
    `\\s*(?:bis|–|—|-|/|und|&|to|and)\\s*(?:(?:${WEEKDAY_PATTERN})\\.?\\s*,?\\s+)?(?:den\\s+)?(?=\\d{1,2}[.\\s])`,
  'iu',
);
const TIME_AFTER_DATE = new RegExp(`^\\s*[,:–—|·•/-]?\\s*(?:(?:von|um|ab|jeweils|from|at)\\s+)?${TIME_RANGE_SOURCE}`, 'iu');
const START_AFTER_DATE = new RegExp(
  `^\\s*[,:–—|·•/-]?\\s*(?:(?:um|ab|von|at|from)\\s+)?(?<sh>\\d{1,2})(?:[:.](?<sm>\\d{2}))?\\s*(?:Uhr|(?<sap>${MERIDIEM}))`,
  'iu',
);
const TIME_ALONE = new RegExp(`^(?:(?:von|um|jeweils|from|at)\\s+)?${TIME_RANGE_SOURCE}`, 'iu');
/** A dated, timed entry inside another one (a table pasted without its tabs). */
export const NEXT_ENTRY = new RegExp(
  `(?<=\\s)(?:(?:${WEEKDAY_PATTERN})\\.?\\s*,?\\s+)?(?:den\\s+)?${DATE_PATTERN}\\s*[,:–—-]?\\s*(?:(?:von|um|ab)\\s+)?${TIME_RANGE_SOURCE}`,
  'iu',
);
/** Weekdays as a habit: "donnerstags", "Tuesdays". */
const WEEKDAYS_HABIT =
  'montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays';
/**
 * A time stated once for every session: "jeweils donnerstags 9:30–11 Uhr", "always on Tuesdays, 9–10.30 a.m.",
 * "Alle 5 Termine finden mittwochs von 09:30 bis 11:30 Uhr statt", "donnerstags, 14:00 bis 15:30 Uhr".
 */
const GLOBAL_TIME = new RegExp(
  `(?:(?:jeweils|immer|stets|always|each time|(?:all|every|each)(?: \\p{L}+)? (?:sessions?|meetings?)(?: (?:are|run|take place|will be held))?(?: at)?|alle(?: \\d{1,2}| \\p{L}+)? (?:Termine|Treffen|Sitzungen)(?: (?:finden|sind|laufen))?(?: jeweils)?(?: um)?)` +
    `\\s+(?:(?:am\\s+|on\\s+)?(?:${WEEKDAYS_HABIT})\\s*,?\\s+)?|(?<![\\p{L}])(?:${WEEKDAYS_HABIT})\\s*,?\\s+)(?:(?:von|zwischen|from|between)\\s+)?${TIME_RANGE_SOURCE}`,
  'iu',
);
const DATE_ANYWHERE = new RegExp(DATE_PATTERN, 'iu');
const TIME_ANYWHERE = new RegExp(TIME_RANGE_SOURCE, 'iu');

/** A time range anywhere in a piece of text ("… jeweils von 14 bis 15:30 Uhr."). */
export function timeAnywhere(text: string): TimeRange | undefined {
  const t = TIME_ANYWHERE.exec(text);
  return t?.groups ? timeFrom(t.groups) : undefined;
}

/** Every date written in a piece of text, with where it stands. */
export function datesIn(text: string): { date: WrittenDate; index: number; length: number }[] {
  const out: { date: WrittenDate; index: number; length: number }[] = [];
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\d])${DATE_PATTERN}(?![\\p{L}\\d])`, 'giu'))) {
    const date = m.groups ? dateFromGroups(m.groups) : undefined;
    if (date) out.push({ date, index: m.index!, length: m[0].length });
  }
  return out;
}

/** Whether a piece of text contains a date or a time range (bold around it is emphasis, not a title). */
export function mentionsDateOrTime(text: string): boolean {
  return DATE_ANYWHERE.test(text) || TIME_ANYWHERE.test(text);
}

export function monthFromName(name: string): number | undefined {
  const folded = foldText(name);
  return MONTHS.find(([re]) => re.test(folded))?.[1];
}

/** The date of a HEADER match, or undefined when it is no calendar month or day. */
export function dateFromGroups(g: Groups): WrittenDate | undefined {
  let day: number, month: number | undefined, year: number | undefined;
  if (g.day) {
    day = Number(g.day);
    month = monthFromName(g.monthName!);
    year = g.year ? Number(g.year) : undefined;
  } else if (g.eday || g.uday) {
    day = Number(g.eday ?? g.uday);
    month = monthFromName((g.emonthName ?? g.umonthName)!);
    const y = g.eyear ?? g.uyear;
    year = y ? Number(y) : undefined;
  } else if (g.sa) {
    // Day first, unless only month first makes a calendar date ("04/15/2027"); both readings possible
    // ("03/04/2027") is settled by the weekday where one is written (see matchHeader).
    const a = Number(g.sa);
    const b = Number(g.sb);
    [day, month] = b > 12 && a <= 12 ? [b, a] : [a, b];
    year = g.syear!.length === 2 ? 2000 + Number(g.syear) : Number(g.syear);
  } else if (g.nday) {
    day = Number(g.nday);
    month = Number(g.nmonth);
    year = g.nyear ? (g.nyear.length === 2 ? 2000 + Number(g.nyear) : Number(g.nyear)) : undefined;
  } else {
    day = Number(g.id);
    month = Number(g.im);
    year = Number(g.iy);
  }
  if (!month || month > 12 || day < 1 || day > 31) return undefined;
  return year === undefined ? { day, month } : { day, month, year };
}

/** 'am' or 'pm' of a written meridiem ("p.m." → pm). */
function meridiemOf(text: string | undefined): 'am' | 'pm' | undefined {
  if (!text) return undefined;
  return text.trim().toLowerCase().startsWith('p') ? 'pm' : 'am';
}

/** Hours on the 24-hour clock: 12 am is midnight, 12 pm noon; an hour over 12 with am/pm is no time. */
function hours24(h: number, meridiem: 'am' | 'pm' | undefined): number | undefined {
  if (!meridiem) return h;
  if (h < 1 || h > 12) return undefined;
  return meridiem === 'pm' ? (h % 12) + 12 : h % 12;
}

function clock(hh: number | undefined, m: string | undefined): string | undefined {
  const mm = m === undefined ? 0 : Number(m);
  if (hh === undefined || hh > 23 || mm > 59) return undefined;
  return `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

export function timeFrom(groups: Groups): TimeRange | undefined {
  const startMeridiem = meridiemOf(groups.sap);
  if (groups.eh === undefined) {
    const start = clock(hours24(Number(groups.sh), startMeridiem), groups.sm);
    return start ? { start } : undefined;
  }
  const endMeridiem = meridiemOf(groups.eap) ?? startMeridiem;
  const endHours = hours24(Number(groups.eh), endMeridiem);
  // "10–11:30 am", "2–3:30 pm": the start shares the end's half of the day, unless that puts it after the
  // end ("11–1 pm" starts at 11 am).
  let startHours = hours24(Number(groups.sh), startMeridiem ?? endMeridiem);
  if (!startMeridiem && endMeridiem === 'pm' && startHours !== undefined && endHours !== undefined && startHours > endHours) {
    startHours = hours24(Number(groups.sh), 'am');
  }
  const start = clock(startHours, groups.sm);
  const end = clock(endHours, groups.em);
  return start && end ? { start, end } : undefined;
}

export interface TimeMatch {
  time: TimeRange;
  /** Characters of the text the time took. */
  length: number;
}

/** A time right after a date: ", 10:00 Uhr bis 12:00 Uhr", " von 14 bis 15.30", " um 18 Uhr". */
export function timeAfterDate(rest: string): TimeMatch | undefined {
  const t = TIME_AFTER_DATE.exec(rest) ?? START_AFTER_DATE.exec(rest);
  const time = t?.groups ? timeFrom(t.groups) : undefined;
  return t && time ? { time, length: t[0].length } : undefined;
}

/** A time inside a parenthesis right after a date: "3. März 2027 (zweitägig, jeweils 9–16 Uhr)". */
export function timeInParentheses(rest: string): TimeMatch | undefined {
  const p = /^\s*[,:]?\s*\(([^)]*)\)/u.exec(rest);
  const t = p ? TIME_ANYWHERE.exec(p[1]!) : undefined;
  const time = t?.groups ? timeFrom(t.groups) : undefined;
  return p && time ? { time, length: p[0].length } : undefined;
}

/** A time range opening a line of its own ("10–12 Uhr Titel"). */
export function timeAtStart(line: string): TimeMatch | undefined {
  const t = TIME_ALONE.exec(line);
  const time = t?.groups ? timeFrom(t.groups) : undefined;
  return t && time ? { time, length: t[0].length } : undefined;
}

export function minutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

function clockOf(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/**
 * The time every session of the text shares: one stated for all ("jeweils von 10 bis 11:30 Uhr"), else the
 * range most sessions give.
 */
export function sharedTime(plainText: string, times: readonly (TimeRange | undefined)[]): TimeRange | undefined {
  const globalMatch = GLOBAL_TIME.exec(plainText);
  const stated = globalMatch?.groups ? timeFrom(globalMatch.groups) : undefined;
  if (stated?.end) return stated;
  const counts = new Map<string, number>();
  for (const time of times) {
    if (time?.end) counts.set(`${time.start}-${time.end}`, (counts.get(`${time.start}-${time.end}`) ?? 0) + 1);
  }
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  return common ? { start: common.slice(0, 5), end: common.slice(6) } : stated;
}

/**
 * A session's start and end: a start without an end takes the shared length; without one it stays zero
 * long, and without any time the session takes the shared time or 00:00–00:00. Lint reports both.
 */
export function completeTime(time: TimeRange | undefined, shared: TimeRange | undefined): { start: string; end: string } {
  if (!time) return shared?.end ? { start: shared.start, end: shared.end } : { start: '00:00', end: '00:00' };
  if (time.end) return { start: time.start, end: time.end };
  const length = shared?.end ? minutes(shared.end) - minutes(shared.start) : undefined;
  const end = length && length > 0 ? Math.min(minutes(time.start) + length, 23 * 60 + 59) : minutes(time.start);
  return { start: time.start, end: clockOf(end) };
}
