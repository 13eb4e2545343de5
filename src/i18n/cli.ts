// Texts of the shared CLI option parser (src/cli/args.ts) and the --program option (src/cli/program-option.ts):
// what is wrong with a call. German first, English second.
import type { CatalogueOf, Locale } from './locale.js';

const de = {
  unknownOption: (name: string) => `Unbekannte Option --${name}.`,
  optionNeedsValue: (name: string) => `--${name} braucht einen Wert.`,
  unexpectedArgument: (arg: string) => `Unerwartetes Argument „${arg}“.`,
  severalPrograms: (ids: string[]) => `Es gibt mehrere Programme; bitte eines mit --program wählen: ${ids.join(', ')}.`,
  unknownProgram: (id: string, ids: string[]) =>
    ids.length ? `Unbekanntes Programm „${id}“. Vorhanden: ${ids.join(', ')}.` : `Unbekanntes Programm „${id}“; es gibt kein Programm.`,
  noProgram: 'Kein Programm gefunden (CONTENT_DIR/programs/<Ordner>/program.yaml oder CONTENT_DIR/program.yaml).',
  // program purge
  purgeActive: (id: string) => `Das Programm „${id}“ ist aktiv; erst seinen Ordner entfernen, dann löschen.`,
  purgeUnknown: (id: string, ids: string[]) =>
    ids.length ? `Zu „${id}“ sind keine Daten eines entfernten Programms gespeichert. Entfernte Programme mit Daten: ${ids.join(', ')}.` : `Zu „${id}“ sind keine Daten eines entfernten Programms gespeichert; es gibt keine.`,
  purgeRunning: (id: string) => `Eine Zustellung des Programms „${id}“ läuft gerade; nach ihrem Ende noch einmal versuchen.`,
  purgePlan: (id: string, version: number, jobs: number, responses: number, polls: number, conversations: number) =>
    [
      `Gelöscht würden vom Programm „${id}“:`,
      `- das gespeicherte Programm (Version ${version})`,
      `- ${jobs} Zustellaufträge mit ihren Zustellungen`,
      `- ${responses} Feedback-Antworten und ${polls} Umfragen`,
      `- die Zusagen zu seinen Terminen und die Fragen zu ihm (FAQ)`,
      `- das Programm aus ${conversations} Unterhaltungen, die ihm folgen oder mit ihm verknüpft sind`,
      'Das Audit-Protokoll bleibt.',
    ].join('\n'),
  purgeQuestion: (id: string) => `Alle Daten des Programms „${id}“ löschen? [j/N] `,
  purgeDeclined: 'Nichts gelöscht.',
  purgeNeedsYes: (id: string) => `Nichts gelöscht. Zum Löschen: program purge --program ${id} --yes`,
  purgedJobs: (jobs: number, records: number) => `${jobs} Zustellaufträge und ${records} Zustellungen gelöscht.`,
  purgedRows: (feedback: number, rsvps: number, questions: number, attendance: number) =>
    `${feedback} Feedback-Zeilen, ${rsvps} Zusagen, ${questions} FAQ-Zeilen und ${attendance} Teilnahme-Zeilen gelöscht.`,
  purgedConversations: (n: number) => `Aus ${n} Unterhaltungen entfernt.`,
  purgedProgram: (id: string) => `Programm „${id}“ gelöscht.`,
};

const en: CatalogueOf<typeof de> = {
  unknownOption: (name) => `Unknown option --${name}.`,
  optionNeedsValue: (name) => `--${name} needs a value.`,
  unexpectedArgument: (arg) => `Unexpected argument "${arg}".`,
  severalPrograms: (ids) => `There are several programs; choose one with --program: ${ids.join(', ')}.`,
  unknownProgram: (id, ids) => (ids.length ? `Unknown program "${id}". Available: ${ids.join(', ')}.` : `Unknown program "${id}"; there is no program.`),
  noProgram: 'No program found (CONTENT_DIR/programs/<folder>/program.yaml or CONTENT_DIR/program.yaml).',
  purgeActive: (id) => `The program "${id}" is active; remove its folder first, then purge it.`,
  purgeUnknown: (id, ids) =>
    ids.length ? `No data of a removed program "${id}" is stored. Removed programs with data: ${ids.join(', ')}.` : `No data of a removed program "${id}" is stored; there is none.`,
  purgeRunning: (id) => `A delivery of the program "${id}" is running; try again when it has ended.`,
  purgePlan: (id, version, jobs, responses, polls, conversations) =>
    [
      `This would delete of the program "${id}":`,
      `- the stored program (version ${version})`,
      `- ${jobs} delivery jobs with their deliveries`,
      `- ${responses} feedback responses and ${polls} polls`,
      `- the RSVPs to its sessions and the questions about it (FAQ)`,
      `- the program from ${conversations} conversations that follow it or are linked to it`,
      'The audit trail stays.',
    ].join('\n'),
  purgeQuestion: (id) => `Delete all data of the program "${id}"? [y/N] `,
  purgeDeclined: 'Nothing deleted.',
  purgeNeedsYes: (id) => `Nothing deleted. To delete: program purge --program ${id} --yes`,
  purgedJobs: (jobs, records) => `${jobs} delivery jobs and ${records} deliveries deleted.`,
  purgedRows: (feedback, rsvps, questions, attendance) => `${feedback} feedback rows, ${rsvps} RSVPs, ${questions} FAQ rows and ${attendance} attendance rows deleted.`,
  purgedConversations: (n) => `Removed from ${n} conversations.`,
  purgedProgram: (id) => `Program "${id}" deleted.`,
};

export function cliText(locale: Locale): CatalogueOf<typeof de> {
  return locale === 'en' ? en : de;
}
