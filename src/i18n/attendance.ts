// Texts of attendance: the coordinators' `teilnahme <Termin>` answer and the "Verpasst?" catch-up message for
// followers who missed a session. German first, English second; `en` has exactly the keys of `de`.
import type { CatalogueOf, Locale } from './locale.js';

const deNumber = new Intl.NumberFormat('de-DE');
const enNumber = new Intl.NumberFormat('en-GB');

const de = {
  reportTitle: (session: string) => `**Teilnahme: ${session}**`,
  reportCounts: (attendees: number, median: number, total: number) =>
    attendees === 1
      ? `1 Person hat teilgenommen, ${deNumber.format(median)} Minuten lang.`
      : `${deNumber.format(attendees)} Personen haben teilgenommen, im Median ${deNumber.format(median)} Minuten (zusammen ${deNumber.format(total)} Minuten).`,
  reportNoData: (session: string) =>
    `Für „${session}“ liegen keine Teilnahmedaten vor. Der Bot erfasst die Teilnahme nur, wenn er zur Besprechung des Termins hinzugefügt ist.`,
  reportNamesHeading: 'Teilgenommen haben:',
  reportUnnamed: (n: number) => (n === 1 ? '1 weitere Person ohne bekannten Namen' : `${deNumber.format(n)} weitere Personen ohne bekannten Namen`),
  reportAnonymous: 'Namen zeigt der Bot nur, wenn das Programm `attendance: named` setzt.',
  catchUpBadge: 'Verpasst?',
  catchUpIntro: (session: string) => `Sie waren bei „${session}“ nicht dabei. Hier ist das Wichtigste zum Nachholen.`,
  date: 'Datum',
  time: 'Uhrzeit',
  aboutHeading: 'Worum es ging',
  materialHeading: 'Material zum Termin',
  nextHeading: 'Nächster Termin',
  join: 'An der Besprechung teilnehmen',
  addToCalendar: 'Zum Kalender hinzufügen',
  catchUpOptOut: 'Keine solchen Hinweise mehr? Schreiben Sie mir „keine nachholhinweise“.',
  catchUpSummary: (session: string) => `Verpasst? ${session}: Zusammenfassung, Material und nächster Termin`,
};

type Catalogue = CatalogueOf<typeof de>;

const en: Catalogue = {
  reportTitle: (session) => `**Attendance: ${session}**`,
  reportCounts: (attendees, median, total) =>
    attendees === 1
      ? `1 person attended, for ${enNumber.format(median)} minutes.`
      : `${enNumber.format(attendees)} people attended, for a median of ${enNumber.format(median)} minutes (${enNumber.format(total)} minutes together).`,
  reportNoData: (session) =>
    `There is no attendance data for "${session}". The bot records attendance only when it has been added to the session's meeting.`,
  reportNamesHeading: 'Attended:',
  reportUnnamed: (n) => (n === 1 ? '1 more person without a known name' : `${enNumber.format(n)} more people without a known name`),
  reportAnonymous: 'The bot shows names only when the program sets `attendance: named`.',
  catchUpBadge: 'Missed it?',
  catchUpIntro: (session) => `You were not at "${session}". Here is what you need to catch up.`,
  date: 'Date',
  time: 'Time',
  aboutHeading: 'What it was about',
  materialHeading: 'Material for the session',
  nextHeading: 'Next session',
  join: 'Join the meeting',
  addToCalendar: 'Add to calendar',
  catchUpOptOut: 'No more of these? Write "no catch-up" to me.',
  catchUpSummary: (session) => `Missed it? ${session}: summary, material and next session`,
};

export type AttendanceCatalogue = Catalogue;

export const attendanceTexts: { de: Catalogue; en: Catalogue } = { de, en };

export function attendanceText(locale: Locale): Catalogue {
  return attendanceTexts[locale];
}
