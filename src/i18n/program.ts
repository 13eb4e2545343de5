// Texts of the program feature: lint findings, CLI output and calendar entries. German first, English second;
// the program's `language` decides which catalogue a lint run uses.
import type { CatalogueOf, Locale } from './locale.js';

const de = {
  // A session's time in a program of another zone, as participants in Germany read it (program/time.ts).
  readerTime: (range: string, zone: string, day?: string) => `(Ortszeit ${zone}; ${day ? `${day}, ` : ''}${range} Uhr deutscher Zeit)`,
  weekdayMismatch: (written: string, date: string, actual: string) =>
    `Als „${written}“ angekündigt, aber der ${date} ist ein ${actual}.`,
  weekdayUnknown: (written: string) => `„${written}“ ist kein bekannter Wochentag.`,
  weekdayIs: (date: string, weekday: string) => `${date} ist ein ${weekday}`,
  weekdayNearest: (date: string, weekday: string, written: string, next: string, previous: string) =>
    `${date} ist ein ${weekday}; der nächste ${written} ist der ${next}, der vorige der ${previous}`,
  outOfOrder: (date: string, previous: string) =>
    `Der Termin am ${date} steht nach dem Termin am ${previous}, liegt aber davor. Ist das Jahr richtig?`,
  outOfOrderLater: (date: string, next: string) =>
    `Der Termin am ${date} steht vor dem Termin am ${next}, liegt aber danach. Ist das Jahr richtig?`,
  endBeforeStart: (start: string, end: string) => `Ende (${end}) liegt nicht nach dem Beginn (${start}).`,
  overlapping: (other: string) => `Überschneidet sich mit dem Termin „${other}“.`,
  duplicateId: (id: string) => `Die Termin-ID „${id}“ kommt mehrfach vor.`,
  countMismatch: (announced: number, found: number) =>
    `Angekündigt sind ${announced} Termine, aufgeführt sind ${found}.`,
  countConflict: (counts: string, found: number) =>
    `Die Ankündigung nennt unterschiedliche Terminzahlen (${counts}); aufgeführt sind ${found}.`,
  countSuggestion: (found: number) => `announcedSessionCount: ${found}`,
  timeMissing: 'Die Ankündigung nennt für diesen Termin keine Uhrzeit (und keine für alle Termine).',
  timeMissingSuggestion: 'start und end im Entwurf eintragen, z. B. start: "10:00", end: "11:30"',
  multiDay: (first: string, last: string) =>
    `Der Termin geht über mehrere Tage (${first} bis ${last}); der Entwurf enthält nur den ersten Tag.`,
  multiDaySuggestion: 'Jeden weiteren Tag als eigenen Termin unter sessions eintragen, mit seiner Uhrzeit',
  zoneMismatch: (written: string, given: string) =>
    `Die Ankündigung nennt ihre Zeiten in ${written}, der Entwurf rechnet in ${given}: Jede Uhrzeit würde um den Zeitunterschied verschoben angekündigt.`,
  zoneFromText: (written: string, zone: string) => `Zeitzone aus der Ankündigung übernommen (${written}): ${zone}.`,
  zoneAmbiguous: (written: string, zone: string) =>
    `Die Ankündigung nennt mehrere Zeitzonen (${written}); der Entwurf rechnet in der zuerst genannten, ${zone}. Prüfen Sie, in welcher Zone die Uhrzeiten stehen.`,
  noSessionsFound:
    'In der Ankündigung wurde kein Termin erkannt. Gelesen werden Daten wie „Di., 3. März 2027“, „03.03.2027“, „2027-03-03“, „3 March 2027“ oder „March 3, 2027“ am Anfang einer Zeile, eines Listenpunkts oder einer Tabellenzelle.',
  noSessionsSuggestion: 'Jeden Termin in eine eigene Zeile schreiben, beginnend mit dem Datum, oder die Termine im Entwurf unter sessions eintragen',
  unknownTimezone: (zone: string) => `Unbekannte Zeitzone „${zone}“ (erwartet: IANA-Name wie Europe/Berlin).`,
  timezoneSuggestion: 'Europe/Berlin',
  nonexistentTime: (date: string, time: string, zone: string) =>
    `${date}, ${time} Uhr gibt es in ${zone} nicht (Umstellung auf Sommerzeit).`,
  nonexistentSuggestion: (time: string) => `${time} Uhr oder später wählen`,
  ambiguousTime: (date: string, time: string, zone: string) =>
    `${date}, ${time} Uhr gibt es in ${zone} zweimal (Umstellung auf Winterzeit).`,
  ambiguousSuggestion: 'Eine Uhrzeit außerhalb von 02:00–03:00 Uhr wählen',
  joinUrlNotHttps: 'Der Teilnahme-Link verwendet kein https.',
  joinUrlUnknownHost: (host: string) => `Der Teilnahme-Link zeigt auf „${host}“, keinen bekannten Besprechungsdienst.`,
  joinUrlInvalid: 'Der Teilnahme-Link ist keine gültige Adresse.',
  fieldStart: 'Beginn',
  fieldEnd: 'Ende',
  // CLI
  lintClean: (file: string) => `${file}: keine Befunde.`,
  lintSummary: (errors: number, warnings: number) => `${errors} Fehler, ${warnings} Warnungen.`,
  severity: { error: 'Fehler', warning: 'Warnung' },
  suggestionLabel: 'Vorschlag',
  sessionLabel: 'Termin',
  noStoredProgram: 'Es ist noch kein Programm gespeichert.',
  usageError: (usage: string) => `Aufruf: ${usage}`,
  wroteFile: (file: string) => `Entwurf geschrieben: ${file}`,
  draftHeader: (file: string) => `Entwurf aus ${file} (import-announcement). Vor dem Übernehmen prüfen.`,
  cannotRead: (file: string, reason: string) => `${file}: kann nicht gelesen werden (${reason}).`,
  documentProblem: (code: 'damaged' | 'password-protected' | 'empty') =>
    code === 'password-protected' ? 'passwortgeschützt oder im alten Format' : code === 'empty' ? 'enthält keinen Text, vielleicht ein Scan ohne Textebene' : 'beschädigt oder nicht lesbar',
  programHeader: (id: string, file: string) => `Programm „${id}“ (${file}):`,
  otherProgramsFile: (file: string, other: string, id: string) =>
    `${file} gehört zum Programm „${other}“, nicht zu „${id}“; der Entwurf wurde nicht geschrieben.`,
  noProgramFile: (dir: string) => `${dir}: kein program.yaml (weder programs/<Ordner>/program.yaml noch program.yaml).`,
  // Calendar
  joinLabel: 'Teilnehmen',
  cancelledPrefix: 'Abgesagt: ',
  personalCalendarName: 'Meine Peer-Learning-Termine',
  severalCalendars: (urls: string[]) => `Hier laufen mehrere Programme; jedes hat seinen eigenen Kalender:\n${urls.join('\n')}`,
} as const;

type Catalogue = CatalogueOf<typeof de>;

const en: Catalogue = {
  readerTime: (range, zone, day) => `(${zone}; ${day ? `${day}, ` : ''}${range} German time)`,
  weekdayMismatch: (written, date, actual) => `Announced as "${written}", but ${date} is a ${actual}.`,
  weekdayUnknown: (written) => `"${written}" is not a known weekday.`,
  weekdayIs: (date, weekday) => `${date} is a ${weekday}`,
  weekdayNearest: (date, weekday, written, next, previous) =>
    `${date} is a ${weekday}; the next ${written} is ${next}, the previous one ${previous}`,
  outOfOrder: (date, previous) =>
    `The session on ${date} is listed after the session on ${previous} but takes place before it. Is the year right?`,
  outOfOrderLater: (date, next) =>
    `The session on ${date} is listed before the session on ${next} but takes place after it. Is the year right?`,
  endBeforeStart: (start, end) => `The end (${end}) is not after the start (${start}).`,
  overlapping: (other) => `Overlaps with the session "${other}".`,
  duplicateId: (id) => `The session id "${id}" occurs more than once.`,
  countMismatch: (announced, found) => `${announced} sessions are announced, ${found} are listed.`,
  countConflict: (counts, found) => `The announcement states different session counts (${counts}); ${found} are listed.`,
  countSuggestion: (found) => `announcedSessionCount: ${found}`,
  timeMissing: 'The announcement gives no time for this session (and none for all sessions).',
  timeMissingSuggestion: 'enter start and end in the draft, e.g. start: "10:00", end: "11:30"',
  multiDay: (first, last) => `The session runs over several days (${first} to ${last}); the draft holds only the first day.`,
  multiDaySuggestion: 'Add each further day as a session of its own under sessions, with its time',
  zoneMismatch: (written, given) =>
    `The announcement gives its times in ${written}, but the draft uses ${given}: every time would be announced shifted by the difference.`,
  zoneFromText: (written, zone) => `Time zone taken from the announcement (${written}): ${zone}.`,
  zoneAmbiguous: (written, zone) => `The announcement names several time zones (${written}); the draft uses the first one named, ${zone}. Check which zone its times are in.`,
  noSessionsFound:
    'No session was recognised in the announcement. Dates such as "Tue, 3 March 2027", "March 3, 2027", "03.03.2027" or "2027-03-03" are read at the start of a line, a list item or a table cell.',
  noSessionsSuggestion: 'write each session on a line of its own, starting with its date, or enter the sessions in the draft under sessions',
  unknownTimezone: (zone) => `Unknown time zone "${zone}" (expected an IANA name such as Europe/Berlin).`,
  timezoneSuggestion: 'Europe/Berlin',
  nonexistentTime: (date, time, zone) => `${date} ${time} does not exist in ${zone} (clocks go forward).`,
  nonexistentSuggestion: (time) => `choose ${time} or later`,
  ambiguousTime: (date, time, zone) => `${date} ${time} occurs twice in ${zone} (clocks go back).`,
  ambiguousSuggestion: 'Choose a time outside 02:00–03:00',
  joinUrlNotHttps: 'The join link does not use https.',
  joinUrlUnknownHost: (host) => `The join link points to "${host}", not a known meeting service.`,
  joinUrlInvalid: 'The join link is not a valid address.',
  fieldStart: 'start',
  fieldEnd: 'end',
  lintClean: (file) => `${file}: no findings.`,
  lintSummary: (errors, warnings) => `${errors} errors, ${warnings} warnings.`,
  severity: { error: 'error', warning: 'warning' },
  suggestionLabel: 'Suggestion',
  sessionLabel: 'session',
  noStoredProgram: 'No program has been stored yet.',
  usageError: (usage) => `Usage: ${usage}`,
  wroteFile: (file) => `Draft written: ${file}`,
  draftHeader: (file) => `Draft from ${file} (import-announcement). Review before use.`,
  cannotRead: (file, reason) => `${file}: cannot be read (${reason}).`,
  documentProblem: (code) =>
    code === 'password-protected' ? 'password-protected or in an old format' : code === 'empty' ? 'contains no text, perhaps a scan without a text layer' : 'damaged or unreadable',
  programHeader: (id, file) => `Program "${id}" (${file}):`,
  otherProgramsFile: (file, other, id) => `${file} belongs to the program "${other}", not to "${id}"; the draft was not written.`,
  noProgramFile: (dir) => `${dir}: no program.yaml (neither programs/<folder>/program.yaml nor program.yaml).`,
  joinLabel: 'Join',
  cancelledPrefix: 'Cancelled: ',
  personalCalendarName: 'My peer-learning sessions',
  severalCalendars: (urls) => `Several programs run here; each has its own calendar:\n${urls.join('\n')}`,
};

export const programTexts: { de: Catalogue; en: Catalogue } = { de, en };

export function programText(locale: Locale): Catalogue {
  return programTexts[locale];
}
