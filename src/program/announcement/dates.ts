// Date and time extraction for the announcement importer: the patterns of German dates ("Di., 3. März 2027",
// "03.03.27", "2027-03-03") and times ("10 bis 11:30 Uhr", "14–15.30", "um 18 Uhr"), and the completion of
// session times from a time the whole announcement shares.
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
  [/^jan/, 1], [/^feb/, 2], [/^(maer|mrz|mar)/, 3], [/^apr/, 4], [/^mai/, 5], [/^jun/, 6],
  [/^jul/, 7], [/^aug/, 8], [/^sep/, 9], [/^okt/, 10], [/^nov/, 11], [/^dez/, 12],
];
const MONTH_PATTERN =
  'januar|jan|februar|feb|märz|maerz|mär|mrz|april|apr|mai|juni|jun|juli|jul|august|aug|september|sept|sep|oktober|okt|november|nov|dezember|dez';

export const DATE_PATTERN =
  `(?:(?<day>\\d{1,2})\\.\\s*(?<monthName>${MONTH_PATTERN})\\.?(?:\\s+(?<year>\\d{4}))?` +
  `|(?<nday>\\d{1,2})\\.(?<nmonth>\\d{1,2})\\.(?<nyear>\\d{4}|\\d{2}(?!\\d))?` +
  `|(?<iy>\\d{4})-(?<im>\\d{2})-(?<id>\\d{2}))`;
export const TIME_RANGE_SOURCE =
  '(?<sh>\\d{1,2})(?:[:.](?<sm>\\d{2}))?\\s*(?:Uhr\\s*)?(?:bis|–|—|-)\\s*(?<eh>\\d{1,2})(?:[:.](?<em>\\d{2}))?(?:\\s*Uhr)?';

/** The start of a session entry: optional "am", weekday and "den", then a date. */
export const HEADER = new RegExp(
  `^(?:am\\s+)?(?:(?<weekday>(?:${WEEKDAY_PATTERN})\\.?)\\s*,?\\s+)?(?:den\\s+)?${DATE_PATTERN}(?![\\p{L}\\d])`,
  'iu',
);
const TIME_AFTER_DATE = new RegExp(`^\\s*[,:–—-]?\\s*(?:(?:von|um|ab|jeweils)\\s+)?${TIME_RANGE_SOURCE}`, 'iu');
const START_AFTER_DATE = /^\s*[,:–—-]?\s*(?:(?:um|ab|von)\s+)?(?<sh>\d{1,2})(?:[:.](?<sm>\d{2}))?\s*Uhr/iu;
const TIME_ALONE = new RegExp(`^(?:(?:von|um|jeweils)\\s+)?${TIME_RANGE_SOURCE}`, 'iu');
/** A dated, timed entry inside another one (a table pasted without its tabs). */
export const NEXT_ENTRY = new RegExp(
  `(?<=\\s)(?:(?:${WEEKDAY_PATTERN})\\.?\\s*,?\\s+)?(?:den\\s+)?${DATE_PATTERN}\\s*[,:–—-]?\\s*(?:(?:von|um|ab)\\s+)?${TIME_RANGE_SOURCE}`,
  'iu',
);
const GLOBAL_TIME = new RegExp(`jeweils\\s+(?:(?:von|zwischen)\\s+)?${TIME_RANGE_SOURCE}`, 'iu');
const DATE_ANYWHERE = new RegExp(DATE_PATTERN, 'iu');
const TIME_ANYWHERE = new RegExp(TIME_RANGE_SOURCE, 'iu');

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

function clock(h: string, m: string | undefined): string | undefined {
  const hh = Number(h);
  const mm = m === undefined ? 0 : Number(m);
  if (hh > 23 || mm > 59) return undefined;
  return `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

export function timeFrom(groups: Groups): TimeRange | undefined {
  const start = clock(groups.sh!, groups.sm);
  if (groups.eh === undefined) return start ? { start } : undefined;
  const end = clock(groups.eh, groups.em);
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
