// Year inference for the announcement importer. A date written without a year takes the year that puts it
// in date order with its neighbours: a series is listed chronologically, so a date earlier in the year than
// the one before it rolls into the next year. The written weekday plays no part: when it does not fit the
// inferred date, lint reports a weekday-mismatch; the importer never moves a date to make it fit.
import { DateTime } from 'luxon';
import type { WrittenDate } from './dates.js';

/** YYYY-MM-DD, or undefined for a day the month does not have (31 April, 29 February 2027). */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const dt = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
  return dt.isValid ? dt.toISODate()! : undefined;
}

/** Month and day as one comparable number; 29 February counts, whatever the year. */
function dayOfYear(date: { month: number; day: number }): number {
  return date.month * 100 + date.day;
}

/** Where a date with a candidate year lies, for comparing with other dates. */
function key(year: number, date: { month: number; day: number }): number {
  return year * 10_000 + dayOfYear(date);
}

/** The year that puts the date on or after the previous one (or after `now` for the first of a series). */
function yearAfter(previousYear: number, previous: { month: number; day: number }, date: WrittenDate): number {
  return previousYear + (dayOfYear(date) < dayOfYear(previous) ? 1 : 0);
}

/** The year that puts the date on or before the next one. */
function yearBefore(nextYear: number, next: { month: number; day: number }, date: WrittenDate): number {
  return nextYear - (dayOfYear(date) > dayOfYear(next) ? 1 : 0);
}

/**
 * How many dates with a written year the candidate keeps in listed order: those listed before it lie on or
 * before it, those listed after it on or after it.
 */
function orderAgreement(dates: readonly WrittenDate[], index: number, candidate: number): number {
  let agreeing = 0;
  dates.forEach((other, j) => {
    if (j === index || other.year === undefined) return;
    const at = key(other.year, other);
    if ((j < index && at <= candidate) || (j > index && at >= candidate)) agreeing += 1;
  });
  return agreeing;
}

/**
 * The year the text names for its dates when none of them carries one ("Termine 2027", "Wir treffen uns in
 * 2027 fünfmal"): the year written most often, counting only years from the one before `now` to two after it,
 * so a building's year of construction or a past report's year does not count. Undefined when the text names
 * none, or two as often.
 */
export function statedYear(text: string, now: DateTime): number | undefined {
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/(?<![\d.\/-])(19|20)\d{2}(?![\d.\/-]\d)/g)) {
    const year = Number(m[0]);
    if (year >= now.year - 1 && year <= now.year + 2) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  return ranked.length && (ranked.length === 1 || ranked[0]![1] > ranked[1]![1]) ? ranked[0]![0] : undefined;
}

/**
 * The year of every date: written years as they stand, missing ones from the listed neighbours. When the
 * neighbours disagree (one of them is out of order), the year that keeps more of the written dates in order
 * wins, the previous neighbour's on a tie. Without any written year the first date takes the year the text
 * names (`stated`), else it is the next one on or after `now`: an announcement read after its first session
 * must not move the whole series into the next year.
 */
export function inferYears(dates: readonly WrittenDate[], now: DateTime, stated?: number): number[] {
  const years: (number | undefined)[] = dates.map((d) => d.year);
  if (dates.length && !years.some((y) => y !== undefined)) {
    years[0] = stated ?? yearAfter(now.year, { month: now.month, day: now.day }, dates[0]!);
  }
  // Forward: from the previous date, checked against the next written one.
  for (let i = 0; i < dates.length; i++) {
    if (years[i] !== undefined || i === 0 || years[i - 1] === undefined) continue;
    const date = dates[i]!;
    const fromPrevious = yearAfter(years[i - 1]!, dates[i - 1]!, date);
    const nextIndex = dates.findIndex((d, j) => j > i && d.year !== undefined);
    const fromNext = nextIndex > i ? yearBefore(dates[nextIndex]!.year!, dates[nextIndex]!, date) : fromPrevious;
    years[i] =
      fromNext !== fromPrevious &&
      orderAgreement(dates, i, key(fromNext, date)) > orderAgreement(dates, i, key(fromPrevious, date))
        ? fromNext
        : fromPrevious;
  }
  // Backward: dates before the first written year take theirs from the date after them.
  for (let i = dates.length - 2; i >= 0; i--) {
    if (years[i] === undefined && years[i + 1] !== undefined) years[i] = yearBefore(years[i + 1]!, dates[i + 1]!, dates[i]!);
  }
  return years.map((y) => y ?? now.year);
}
