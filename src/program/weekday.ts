// Weekday names as announcements write them: German or English, full or short, with or without a dot.
import { foldText } from '../text/index.js';

const NAMES: Record<string, number> = {
  montag: 1, mo: 1, monday: 1, mon: 1,
  dienstag: 2, di: 2, tuesday: 2, tue: 2, tues: 2, tu: 2,
  mittwoch: 3, mi: 3, wednesday: 3, wed: 3, we: 3,
  donnerstag: 4, do: 4, thursday: 4, thu: 4, thur: 4, thurs: 4, th: 4,
  freitag: 5, fr: 5, friday: 5, fri: 5,
  samstag: 6, sonnabend: 6, sa: 6, saturday: 6, sat: 6,
  sonntag: 7, so: 7, sunday: 7, sun: 7, su: 7,
};

/** ISO weekday (1 = Monday .. 7 = Sunday) for a written weekday, or undefined when it is not one. */
export function parseWeekday(text: string): number | undefined {
  const key = foldText(text.trim()).replace(/\.$/, '');
  return NAMES[key];
}

/** Regex source matching any weekday name (longest first), for the announcement importer. */
export const WEEKDAY_PATTERN = Object.keys(NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|');

const DE = ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'];
const EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

export function weekdayName(isoWeekday: number, locale: 'de' | 'en'): string {
  return (locale === 'de' ? DE : EN)[isoWeekday - 1] ?? String(isoWeekday);
}
