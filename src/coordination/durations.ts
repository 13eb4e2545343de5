// Reminder offsets as coordinators write them ("7 Tage", "1 Stunde", "30 min") and as the program stores
// them (ISO 8601: P7D, PT1H, PT30M). Calendar units stay calendar units (P1D keeps the wall-clock time
// across a daylight-saving change, see announcements/planning.ts), so "1 Tag" becomes P1D, never PT24H.
import { Duration } from 'luxon';
import type { Locale } from '../i18n/locale.js';

/** The friendly choices offered in the reminders card, longest first. */
export const REMINDER_CHOICES = ['P14D', 'P7D', 'P3D', 'P2D', 'P1D', 'PT3H', 'PT1H', 'PT30M', 'PT15M'] as const;

export const MIN_REMINDER_MS = 5 * 60_000;
export const MAX_REMINDER_MS = 60 * 24 * 3_600_000;

const UNITS: Array<{ pattern: RegExp; unit: 'W' | 'D' | 'H' | 'M' }> = [
  { pattern: /^(w|wo|woche|wochen|week|weeks)$/, unit: 'W' },
  { pattern: /^(d|t|tag|tage|tagen|day|days)$/, unit: 'D' },
  { pattern: /^(h|std|stunde|stunden|hour|hours|hr|hrs)$/, unit: 'H' },
  { pattern: /^(m|min|mins|minute|minuten|minutes)$/, unit: 'M' },
];

/** ISO 8601 duration for a friendly or ISO spelling, or undefined when it is neither. */
export function parseReminderOffset(text: string): string | undefined {
  const raw = text.trim();
  if (!raw) return undefined;
  if (/^P/i.test(raw)) {
    const iso = raw.toUpperCase();
    // luxon reads a bare "P" as a valid zero duration; an offset of nothing is no reminder.
    const d = Duration.fromISO(iso);
    return d.isValid && d.toMillis() > 0 ? iso : undefined;
  }
  const match = /^(\d{1,4})\s*([a-zäöü]+)\.?$/i.exec(raw.toLowerCase());
  if (!match) return undefined;
  const amount = Number(match[1]);
  const unit = UNITS.find((u) => u.pattern.test(match[2]!))?.unit;
  if (!unit || amount < 1) return undefined;
  if (unit === 'W') return `P${amount * 7}D`;
  if (unit === 'D') return `P${amount}D`;
  return `PT${amount}${unit}`;
}

export function offsetMillis(iso: string): number {
  return Duration.fromISO(iso).toMillis();
}

/** "7 Tage", "1 Stunde", "2 Tage 4 Stunden" / "7 days", "1 hour". */
export function formatReminderOffset(iso: string, locale: Locale): string {
  const d = Duration.fromISO(iso).shiftTo('days', 'hours', 'minutes').toObject();
  const parts: string[] = [];
  const word = (n: number, de: [string, string], en: [string, string]) => `${n} ${locale === 'de' ? de[n === 1 ? 0 : 1] : en[n === 1 ? 0 : 1]}`;
  if (d.days) parts.push(word(d.days, ['Tag', 'Tage'], ['day', 'days']));
  if (d.hours) parts.push(word(d.hours, ['Stunde', 'Stunden'], ['hour', 'hours']));
  if (d.minutes) parts.push(word(Math.round(d.minutes), ['Minute', 'Minuten'], ['minute', 'minutes']));
  return parts.length ? parts.join(' ') : iso;
}
