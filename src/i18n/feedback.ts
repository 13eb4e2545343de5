// Texts of the feedback feature: poll, thank-you, error, results and retrospective cards, the privacy
// answer and the export CLI. German first, English second; `en` has exactly the keys of `de`.
import type { CatalogueOf, Locale } from './locale.js';

const de = {
  // Poll card
  pollTitle: (title: string) => `Feedback: ${title}`,
  pollIntro: 'Wie war der Termin? Ihr Feedback hilft, die nächsten Termine besser zu machen.',
  ratingLabel: 'Wie hilfreich war der Termin?',
  ratingRequired: 'Bitte wählen Sie 1 bis 5 Sterne.',
  goodLabel: 'Was war gut?',
  betterLabel: 'Was geht besser?',
  textPlaceholder: 'Optional, höchstens 1.000 Zeichen',
  anonymousNote:
    'Ihre Antworten sind anonym: Im Kanal erscheinen nur Zahlen und Kommentare ohne Namen, und erst ab einer Mindestzahl an Antworten.',
  submit: 'Absenden',
  // Thank-you card
  thanksTitle: 'Danke für Ihr Feedback!',
  yourAnswer: 'Ihre Antwort',
  yourRating: 'Bewertung',
  noComment: '–',
  edit: 'Ändern',
  refresh: 'Aktualisieren',
  liveTitle: 'Bisheriges Ergebnis',
  liveCount: (n: number) => (n === 1 ? '1 Antwort' : `${n} Antworten`),
  liveAverage: (avg: string) => `Durchschnitt ${avg} von 5`,
  liveHidden: (min: number) => `Der Durchschnitt erscheint nach dem Ende der Umfrage, wenn mindestens ${min} geantwortet haben.`,
  pollClosedNote: 'Die Umfrage ist geschlossen.',
  // Errors
  errorTitle: 'Das hat nicht geklappt',
  retry: 'Erneut versuchen',
  errors: {
    malformed: 'Die Antwort konnte nicht gelesen werden. Bitte verwenden Sie die Feedback-Karte erneut.',
    ratingInvalid: 'Bitte bewerten Sie den Termin mit 1 bis 5 Sternen (ganze Sterne).',
    textTooLong: 'Ein Kommentar ist länger als 1.000 Zeichen. Bitte kürzen Sie ihn.',
    pollClosed: 'Die Umfrage zu diesem Termin ist bereits geschlossen.',
    pollNotOpen: 'Die Umfrage zu diesem Termin ist noch nicht geöffnet.',
    unknownSession: 'Diesen Termin gibt es nicht (mehr).',
    storage: 'Ihre Antwort konnte gerade nicht gespeichert werden. Bitte versuchen Sie es gleich noch einmal.',
  },
  // Results card
  resultsTitle: (title: string) => `Ergebnisse: ${title}`,
  responses: (n: number) => (n === 1 ? '1 Antwort' : `${n} Antworten`),
  average: (avg: string) => `Durchschnittliche Bewertung: ${avg} von 5`,
  belowThreshold: (min: number) =>
    `Zum Schutz der Anonymität werden Bewertung und Kommentare erst ab ${min} Antworten gezeigt.`,
  whilePollOpen: (min: number) =>
    `Die Umfrage läuft noch. Zum Schutz der Anonymität erscheinen Bewertung und Kommentare erst nach ihrem Ende, wenn mindestens ${min} geantwortet haben.`,
  distributionTitle: 'Verteilung der Bewertungen',
  starsAxis: 'Sterne',
  countAxis: 'Antworten',
  stars: (n: number) => (n === 1 ? '1 Stern' : `${n} Sterne`),
  noComments: 'Keine Kommentare.',
  more: (n: number) => `+${n} weitere`,
  // Series retrospective
  seriesTitle: (title: string) => `Rückblick: ${title}`,
  seriesIntro: 'Was war gut? Was geht besser? Die Rückmeldungen über alle Termine.',
  trendTitle: 'Durchschnittliche Bewertung je Termin',
  averageLegend: 'Durchschnitt',
  sessionAxis: 'Termin',
  ratingAxis: 'Bewertung (1–5)',
  trendLine: (avg: string, responses: string, rate: string) => `Ø ${avg} · ${responses}${rate}`,
  trendHidden: (responses: string) => `${responses} (zu wenige für eine Auswertung)`,
  responseRate: (percent: string) => ` · Rücklauf ${percent} %`,
  bestSession: (title: string, date: string, avg: string) => `Am besten bewertet: ${title} (${date}), Ø ${avg}`,
  noBestSession: 'Noch kein Termin hat genug Antworten für eine Auswertung.',
  overall: (responses: string, avg: string) => `Insgesamt ${responses}, Durchschnitt ${avg} von 5`,
  themesTitle: 'Häufige Themen in den Kommentaren',
  attendanceTitle: 'Teilnahme (aus dem Meeting)',
  noThemes: 'Noch keine wiederkehrenden Themen.',
  themeLine: (word: string, n: number) => `${word} (${n}×)`,
  // Commands
  unknownSessionArg: (arg: string, list: string) =>
    `Keinen Termin zu „${arg}“ gefunden. Sie können einen dieser Termine angeben (ID, Titel oder Datum wie „16.12.“):\n${list}`,
  ambiguousSessionArg: (arg: string, list: string) => `„${arg}“ passt zu mehreren Terminen. Bitte genauer angeben:\n${list}`,
  missingSessionArg: (list: string) => `Zu welchem Termin? Zum Beispiel „ergebnisse 16.12.“. Termine:\n${list}`,
  meetingLinked: (title: string) =>
    `Verknüpft: Dieser Besprechungschat gehört zu „${title}“. Wenn die Besprechung endet, öffne ich die Umfrage zu diesem Termin, auch hier.`,
  meetingChatOnly: 'Das geht nur im Chat einer Teams-Besprechung.',
  chooseProgram: (example: string, programs: string) =>
    `Dazu kommen mehrere Programme in Frage. Bitte das Programm dazuschreiben, z. B. **${example}**. Programme:\n${programs}`,
  programHeading: (title: string) => `**${title}**`,
  deleted: (total: number, sessions: string) =>
    total === 0
      ? 'Es waren keine Feedback-Antworten von Ihnen gespeichert.'
      : `${total === 1 ? '1 Feedback-Antwort' : `${total} Feedback-Antworten`} gelöscht (${sessions}).`,
  // CLI
  cliUsage: 'feedback export --session ID --format csv|json [--out DATEI] [--program ID]',
  cliSummary: 'Feedback eines Termins exportieren (ohne Namen und IDs)',
  cliUnknownSession: (id: string, ids: string) => `Unbekannter Termin „${id}“. Bekannt: ${ids}`,
  cliBadFormat: (format: string) => `Unbekanntes Format „${format}“ (erwartet: csv oder json).`,
  cliWritten: (file: string, n: number) => `${n} Antworten nach ${file} geschrieben.`,
  purgeUsage: 'feedback purge [--days 365]',
  purgeSummary: 'Feedback-Antworten löschen, die älter als die Aufbewahrungsfrist sind',
  purged: (n: number, days: number) => `${n} Antworten gelöscht, die älter als ${days} Tage waren.`,
};

type Catalogue = CatalogueOf<typeof de>;

const en: Catalogue = {
  pollTitle: (title) => `Feedback: ${title}`,
  pollIntro: 'How was the session? Your feedback helps make the next sessions better.',
  ratingLabel: 'How helpful was the session?',
  ratingRequired: 'Please choose 1 to 5 stars.',
  goodLabel: 'What went well?',
  betterLabel: 'What could be better?',
  textPlaceholder: 'Optional, at most 1,000 characters',
  anonymousNote:
    'Your answers are anonymous: the channel only sees numbers and comments without names, and only once enough people have answered.',
  submit: 'Submit',
  thanksTitle: 'Thank you for your feedback!',
  yourAnswer: 'Your answer',
  yourRating: 'Rating',
  noComment: '–',
  edit: 'Change',
  refresh: 'Refresh',
  liveTitle: 'Results so far',
  liveCount: (n) => (n === 1 ? '1 response' : `${n} responses`),
  liveAverage: (avg) => `Average ${avg} out of 5`,
  liveHidden: (min) => `The average is shown once the poll has closed, if at least ${min} people answered.`,
  pollClosedNote: 'The poll is closed.',
  errorTitle: 'That did not work',
  retry: 'Try again',
  errors: {
    malformed: 'The answer could not be read. Please use the feedback card again.',
    ratingInvalid: 'Please rate the session with 1 to 5 whole stars.',
    textTooLong: 'A comment is longer than 1,000 characters. Please shorten it.',
    pollClosed: 'The poll for this session is already closed.',
    pollNotOpen: 'The poll for this session is not open yet.',
    unknownSession: 'This session does not exist (any more).',
    storage: 'Your answer could not be saved just now. Please try again in a moment.',
  },
  resultsTitle: (title) => `Results: ${title}`,
  responses: (n) => (n === 1 ? '1 response' : `${n} responses`),
  average: (avg) => `Average rating: ${avg} out of 5`,
  belowThreshold: (min) => `To protect anonymity, the rating and comments are shown from ${min} responses.`,
  whilePollOpen: (min) =>
    `The poll is still open. To protect anonymity, the rating and comments are shown once it has closed, if at least ${min} people answered.`,
  distributionTitle: 'Distribution of ratings',
  starsAxis: 'Stars',
  countAxis: 'Responses',
  stars: (n) => (n === 1 ? '1 star' : `${n} stars`),
  noComments: 'No comments.',
  more: (n) => `+${n} more`,
  seriesTitle: (title) => `Retrospective: ${title}`,
  seriesIntro: 'What went well? What could be better? The feedback across all sessions.',
  trendTitle: 'Average rating per session',
  averageLegend: 'Average',
  sessionAxis: 'Session',
  ratingAxis: 'Rating (1–5)',
  trendLine: (avg, responses, rate) => `avg ${avg} · ${responses}${rate}`,
  trendHidden: (responses) => `${responses} (too few to evaluate)`,
  responseRate: (percent) => ` · response rate ${percent}%`,
  bestSession: (title, date, avg) => `Best rated: ${title} (${date}), avg ${avg}`,
  noBestSession: 'No session has enough responses to be evaluated yet.',
  overall: (responses, avg) => `Overall ${responses}, average ${avg} out of 5`,
  themesTitle: 'Frequent themes in the comments',
  attendanceTitle: 'Attendance (from the meeting)',
  noThemes: 'No recurring themes yet.',
  themeLine: (word, n) => `${word} (${n}×)`,
  unknownSessionArg: (arg, list) =>
    `No session found for "${arg}". You can name one of these sessions (id, title or a date like "16.12."):\n${list}`,
  ambiguousSessionArg: (arg, list) => `"${arg}" matches several sessions. Please be more specific:\n${list}`,
  missingSessionArg: (list) => `Which session? For example "results 16.12.". Sessions:\n${list}`,
  meetingLinked: (title) => `Linked: this meeting chat belongs to "${title}". When the meeting ends, I open that session's poll, here too.`,
  meetingChatOnly: 'This only works in the chat of a Teams meeting.',
  chooseProgram: (example, programs) => `Several programs could be meant. Please add the program, for example **${example}**. Programs:\n${programs}`,
  programHeading: (title) => `**${title}**`,
  deleted: (total, sessions) =>
    total === 0
      ? 'No feedback responses of yours were stored.'
      : `Deleted ${total === 1 ? '1 feedback response' : `${total} feedback responses`} (${sessions}).`,
  cliUsage: 'feedback export --session ID --format csv|json [--out FILE] [--program ID]',
  cliSummary: "Export a session's feedback (without names or ids)",
  cliUnknownSession: (id, ids) => `Unknown session "${id}". Known: ${ids}`,
  cliBadFormat: (format) => `Unknown format "${format}" (expected csv or json).`,
  cliWritten: (file, n) => `Wrote ${n} responses to ${file}.`,
  purgeUsage: 'feedback purge [--days 365]',
  purgeSummary: 'Delete feedback responses older than the retention period',
  purged: (n, days) => `Deleted ${n} responses older than ${days} days.`,
};

export type FeedbackCatalogue = Catalogue;
export type FeedbackErrorCode = keyof typeof de.errors;

export const feedbackTexts: { de: Catalogue; en: Catalogue } = { de, en };

export function feedbackText(locale: Locale): Catalogue {
  return feedbackTexts[locale];
}
