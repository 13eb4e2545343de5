// Texts of attendance: the coordinators' `teilnahme <Termin>` answer, the attendance lines of status, results and
// the retrospective, the "Verpasst?" catch-up message for followers who missed a session and its opt-out.
// German first, English second; `en` has exactly the keys of `de`.
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
  catchUpOff: 'Erledigt: Sie bekommen keine Nachholhinweise mehr, wenn Sie einen Termin verpassen. Mit „nachholhinweise“ schalten Sie sie wieder ein.',
  catchUpOn: 'Erledigt: Verpassen Sie einen Termin, schicke ich Ihnen wieder Zusammenfassung, Material und den nächsten Termin.',
  catchUpPersonalOnly: 'Nachholhinweise schalten Sie im persönlichen Chat mit mir ein und aus.',
  seriesTitle: (program: string) => `**Teilnahme: ${program}**`,
  seriesNoData: 'Für dieses Programm liegen noch keine Teilnahmedaten vor. Der Bot erfasst die Teilnahme nur, wenn er zur Besprechung eines Termins hinzugefügt ist.',
  trendLine: (points: string) => `Teilnahme im Verlauf: ${points}`,
  trendPoint: (session: string, attendees: number) => `${session} ${deNumber.format(attendees)}`,
  sessionLine: (session: string, attendees: number) => `${session}: ${attendees === 1 ? '1 Person' : `${deNumber.format(attendees)} Personen`} anwesend`,
  responseRate: (responses: number, attendees: number, percent: number) =>
    `${deNumber.format(responses)} von ${deNumber.format(attendees)} Anwesenden haben geantwortet (${deNumber.format(percent)} %)`,
  chooseProgram: (ids: string) => `Welches Programm? Bitte mit \`--program <id>\` angeben: ${ids}.`,
  noProgram: 'Kein Programm passt. Nennen Sie es mit `--program <id>`.',
  ambiguousSession: (arg: string, list: string) => `„${arg}“ passt zu mehreren Terminen. Bitte genauer angeben:\n${list}`,
  unknownSession: (arg: string, list: string) => `Einen Termin „${arg}“ finde ich nicht. Termine:\n${list}`,
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
  catchUpOff: 'Done: you will no longer get a catch-up message when you miss a session. Write "catch-up" to turn them on again.',
  catchUpOn: 'Done: when you miss a session, I will send you its summary, material and the next session again.',
  catchUpPersonalOnly: 'Catch-up messages are turned on and off in your personal chat with me.',
  seriesTitle: (program) => `**Attendance: ${program}**`,
  seriesNoData: 'There is no attendance data for this program yet. The bot records attendance only when it has been added to a session\'s meeting.',
  trendLine: (points) => `Attendance over the series: ${points}`,
  trendPoint: (session, attendees) => `${session} ${enNumber.format(attendees)}`,
  sessionLine: (session, attendees) => `${session}: ${attendees === 1 ? '1 person' : `${enNumber.format(attendees)} people`} present`,
  responseRate: (responses, attendees, percent) => `${enNumber.format(responses)} of ${enNumber.format(attendees)} attendees responded (${enNumber.format(percent)}%)`,
  chooseProgram: (ids) => `Which program? Please add \`--program <id>\`: ${ids}.`,
  noProgram: 'No program fits. Name it with `--program <id>`.',
  ambiguousSession: (arg, list) => `"${arg}" matches several sessions. Please be more specific:\n${list}`,
  unknownSession: (arg, list) => `I cannot find a session "${arg}". Sessions:\n${list}`,
};

export type AttendanceCatalogue = Catalogue;

export const attendanceTexts: { de: Catalogue; en: Catalogue } = { de, en };

export function attendanceText(locale: Locale): Catalogue {
  return attendanceTexts[locale];
}
