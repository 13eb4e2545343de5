// All time-zone math of the service lives here: sessions are written in local wall-clock time of the
// program's IANA zone, everything stored and scheduled is an absolute instant.
import { DateTime, Duration } from 'luxon';
import type { Program, Session } from './model.js';
import type { Locale } from '../i18n/locale.js';

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** The local wall-clock time as a zoned DateTime (luxon moves a time in a DST gap forward). */
export function localDateTime(date: string, time: string, zone: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone });
}

export function sessionStart(program: Program, session: Session): DateTime {
  return localDateTime(session.date, session.start, program.program.timezone);
}

export function sessionEnd(program: Program, session: Session): DateTime {
  return localDateTime(session.date, session.end, program.program.timezone);
}

export function parseDuration(iso: string): Duration {
  return Duration.fromISO(iso);
}

/** "Dienstag, 26. August 2025" / "Tuesday, 26 August 2025" in the given zone. */
export function formatDate(dt: DateTime, locale: Locale): string {
  return locale === 'de'
    ? dt.setLocale('de').toFormat("cccc, d. LLLL yyyy")
    : dt.setLocale('en').toFormat('cccc, d LLLL yyyy');
}

/** "10:00–12:00 Uhr" / "10:00–12:00". */
export function formatTimeRange(start: DateTime, end: DateTime, locale: Locale): string {
  const range = `${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
  return locale === 'de' ? `${range} Uhr` : range;
}

/** Sessions sorted by start instant. */
export function sortedSessions(program: Program): Session[] {
  return [...program.sessions].sort(
    (a, b) => sessionStart(program, a).toMillis() - sessionStart(program, b).toMillis(),
  );
}
