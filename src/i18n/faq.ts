// User-facing texts of the FAQ feature: answers, schedule sentences, cards. German first, English second.
/** One change of clocks during a series, for the answer to a clock question (faq/clock-changes.ts). */
export interface ClockChange {
  /** "Deutschland" / "Germany", or the program's zone. */
  who: string;
  date: string;
  /** True when the clock goes forward (summer time begins). */
  forward: boolean;
  /** How the sessions' German time moves from then on; undefined when it does not (both clocks change). */
  shift?: { later: boolean; amount: string };
  /** The first session after the change, as its own clock and German time show its start. */
  example?: { local: string; german: string };
}

export interface SessionLine {
  title: string;
  /** Formatted date, e.g. "Dienstag, 16.12.2025". */
  date: string;
  /** Formatted time range, e.g. "10:00–12:00 Uhr". */
  time: string;
}

/** Program titles in a sentence: „A“, „B“ und „C“ (German quotes), "A", "B" and "C" (English). */
function quoted(titles: string[], last: string, marks: [string, string] = ['„', '“']): string {
  const q = titles.map((t) => `${marks[0]}${t}${marks[1]}`);
  return q.length > 1 ? `${q.slice(0, -1).join(', ')} ${last} ${q[q.length - 1]}` : (q[0] ?? '');
}
const quotedEn = (titles: string[], last: string) => quoted(titles, last, ['"', '"']);

const de = {
  noAnswer: 'Dazu habe ich in den Unterlagen nichts gefunden.',
  forwardOffer: 'Möchten Sie die Frage an das Orga-Team weiterleiten? Das Team antwortet Ihnen persönlich.',
  noAnswerIn: (titles: string[]) => `Dazu habe ich in den Unterlagen von ${quoted(titles, 'und')} nichts gefunden.`,
  forwardOfferPrograms: 'Möchten Sie die Frage an das Orga-Team weiterleiten? Wählen Sie das Programm, um das es geht; das Team antwortet Ihnen persönlich.',
  cardForwardTo: (title: string) => `An das Orga-Team von „${title}“ weiterleiten`,
  cardEscalationProgram: (title: string) => `Programm: ${title}`,
  noProgramFollowed: (titles: string[]) =>
    `Ich beantworte Fragen zu den Programmen, denen Sie hier folgen – bisher folgen Sie keinem. Mit **anmelden <Programm>** wählen Sie eines: ${quoted(titles, 'oder')}.`,
  noProgramLinked: 'Dieser Chat ist noch mit keinem Programm verknüpft, deshalb kann ich hier keine Fragen beantworten. Das Orga-Team verknüpft ihn mit **verknüpfen <Programm>**.',
  noProgramLoaded: 'Es ist noch kein Programm geladen, zu dem ich Fragen beantworten könnte. Bitte wenden Sie sich an das Orga-Team.',
  programGone: 'Das Programm dieser Frage ist nicht mehr aktiv; die Antwort kann keinem Programm zugeordnet werden.',
  fromMaterial: '',
  sourceProgram: 'Programm',
  sourceCurated: 'FAQ des Orga-Teams',
  formatVirtual: 'virtuell',
  formatOnsite: 'vor Ort',
  formatHybrid: 'hybrid (vor Ort und online)',
  sessionFuture: (s: SessionLine, format: string) => `„${s.title}“ findet am ${s.date}, ${s.time} statt (${format}).`,
  sessionPast: (s: SessionLine) => `„${s.title}“ fand am ${s.date}, ${s.time} statt.`,
  sessionRunning: (s: SessionLine) => `„${s.title}“ läuft gerade: heute, ${s.date}, ${s.time}.`,
  sessionCancelled: (s: SessionLine) => `„${s.title}“ am ${s.date} ist abgesagt.`,
  sessionReplaced: (s: SessionLine) => `Stattdessen findet „${s.title}“ am ${s.date}, ${s.time} statt.`,
  next: (s: SessionLine, format: string) => `Der nächste Termin ist „${s.title}“ am ${s.date}, ${s.time} (${format}).`,
  seriesOver: (s: SessionLine) => `Die Reihe ist beendet. Der letzte Termin war „${s.title}“ am ${s.date}, ${s.time}.`,
  today: (s: SessionLine) => `Heute findet „${s.title}“ statt, ${s.date}, ${s.time}.`,
  noneToday: 'Heute findet kein Termin statt.',
  tomorrow: (s: SessionLine) => `Morgen findet „${s.title}“ statt, ${s.date}, ${s.time}.`,
  noneTomorrow: 'Morgen findet kein Termin statt.',
  nextWeek: (lines: string) => `Nächste Woche:\n${lines}`,
  noneNextWeek: 'Nächste Woche findet kein Termin statt.',
  remaining: (lines: string) => `Diese Termine stehen noch aus:\n${lines}`,
  week: (lines: string) => `Diese Woche:\n${lines}`,
  noneThisWeek: 'Diese Woche findet kein Termin statt.',
  first: (s: SessionLine, past: boolean) => `Der erste Termin ${past ? 'war' : 'ist'} „${s.title}“ am ${s.date}, ${s.time}.`,
  last: (s: SessionLine, past: boolean) => `Der letzte Termin ${past ? 'war' : 'ist'} „${s.title}“ am ${s.date}, ${s.time}.`,
  count: (n: number, lines: string) => `Es ${n === 1 ? 'ist 1 Termin' : `sind ${n} Termine`} geplant:\n${lines}`,
  timesUniform: (time: string, zone: string) => `Alle Termine finden jeweils ${time} statt (Zeitzone ${zone}).`,
  durationUniform: (minutes: number, time?: string) => `Ein Termin dauert ${minutesDe(minutes)}${time ? ` (${time})` : ''}.`,
  durationVarying: (lines: string) => `Die Termine dauern unterschiedlich lang:\n${lines}`,
  durationMostly: (minutes: number, lines: string) => `In der Regel dauert ein Termin ${minutesDe(minutes)}. Anders:\n${lines}`,
  durationLine: (title: string, minutes: number) => `- ${title}: ${minutesDe(minutes)}`,
  sessionLength: (minutes: number) => `Dauer: ${lengthText(minutes, LENGTH_DE)}.`,
  timesVarying: (lines: string, zone: string) => `Die Uhrzeiten (Zeitzone ${zone}):\n${lines}`,
  list: (lines: string) => `Die Termine:\n${lines}`,
  month: (month: string, lines: string) => `Im ${month}:\n${lines}`,
  noneInMonth: (month: string) => `Im ${month} findet kein Termin statt.`,
  listLine: (s: SessionLine) => `- ${s.title}: ${s.date}, ${s.time}`,
  format: (format: string, location?: string) =>
    `Das Format ist ${format}${location ? ` (${location})` : ''}.${format === 'virtuell' ? ' Alle Termine finden online statt.' : ''}`,
  contacts: (lines: string) => `Ansprechpersonen:\n${lines}`,
  contactLine: (name: string, organization?: string, email?: string) =>
    `- ${name}${organization ? `, ${organization}` : ''}${email ? `, E-Mail: ${email}` : ''}`,
  noContacts: 'Im Programm sind keine Ansprechpersonen eingetragen.',
  cardSources: 'Quellen',
  cardHelpful: '👍 Hilfreich',
  cardUnhelpful: '👎 Nicht hilfreich',
  cardForward: 'Frage an das Orga-Team weiterleiten',
  cardNoAnswerTitle: 'Keine Antwort in den Unterlagen',
  cardEscalationTitle: 'Neue Frage an das Orga-Team',
  cardEscalationAsked: (locale: string) => `Gestellt in Sprache: ${locale}`,
  cardAnswerPlaceholder: 'Antwort an die fragende Person …',
  cardAnswerSubmit: 'Antworten',
  cardAnsweredTitle: 'Antwort des Orga-Teams',
  cardYourQuestion: 'Ihre Frage',
  cardCurate: 'Als FAQ-Eintrag speichern',
  cardEscalationAnswered: 'Beantwortet',
  forwarded: 'Danke! Ihre Frage ist an das Orga-Team weitergeleitet.',
  voteThanks: 'Danke für Ihre Rückmeldung!',
  curated: 'Die Antwort ist als FAQ-Eintrag gespeichert und wird ab jetzt verwendet.',
  noEscalationChannel: 'Es ist noch kein Kanal des Orga-Teams festgelegt („hier eskalieren“).',
  escalateHereDone: 'Alles klar: Weitergeleitete Fragen erscheinen ab jetzt in diesem Kanal, mit einem Formular zum Antworten.',
  escalateHereChannelOnly: 'Das geht nur in einem Kanal eines Teams.',
  questionTooLong: (max: number) => `Ihre Nachricht ist für eine Frage zu lang (höchstens ${max.toLocaleString('de-DE')} Zeichen). Bitte fassen Sie die Frage kürzer.`,
  questionNotFound: 'Diese Frage kenne ich nicht (mehr).',
  notAnsweredYet: 'Nur beantwortete Fragen können als FAQ-Eintrag gespeichert werden.',
  answerSent: 'Die Antwort ist an die fragende Person geschickt.',
  answerNotDelivered: 'Die Antwort ist gespeichert, konnte der fragenden Person aber nicht zugestellt werden.',
  actionInvalid: 'Diese Aktion konnte nicht verarbeitet werden.',
  gapsEmpty: 'Keine offenen Fragen.',
  gapsHeader: 'Häufigste unbeantwortete oder als nicht hilfreich markierte Fragen:',
  citePage: (n: number) => `S. ${n}`,
  citeSlide: (n: number) => `Folie ${n}`,
  moreLines: (n: number) => `… und ${n} weitere`,
  materialProblemsHeader: 'Unterlagen, die nicht gelesen werden konnten (übersprungen):',
  materialProblem: (file: string, code: string) =>
    `${file}: ${code === 'password-protected' ? 'passwortgeschützt' : code === 'empty' ? 'enthält keinen Text (Scan ohne Textebene?)' : 'beschädigt oder nicht lesbar'}`,
  programFindingsHeader: 'Aus den Unterlagen abgeleitetes Programm, Befunde:',
  // Schedule answers about a contradictory date (lint error): both readings, never a silent pick.
  dateDisputed: (date: string) => `${date} (Datum widersprüchlich, siehe Hinweis)`,
  timeUnclear: 'Uhrzeit unklar (siehe Hinweis)',
  sessionTimeUnclear: (title: string, date: string, details: string) => `„${title}“ ist für ${date} angekündigt, die Uhrzeit ist aber unklar: ${details}`,
  timeNote: (titles: string[]) => `Achtung: Für ${quoted(titles, 'und')} nennen die Unterlagen keine eindeutige Uhrzeit.`,
  sessionConflict: (title: string, details: string, time?: string) =>
    `Zu „${title}“ widersprechen sich die Angaben in den Unterlagen: ${details}${time ? ` Uhrzeit laut Unterlagen: ${time}.` : ''}`,
  weekdayConflict: (written: string, date: string, actual: string) => `Sie nennen ${written}, ${date}, aber der ${date} ist ein ${actual}.`,
  likelyDate: (date: string) => `Vermutlich ist ${date} gemeint.`,
  weekdayNearby: (written: string, previous: string, next: string) =>
    `Gemeint ist entweder dieses Datum oder ein ${written} in der Nähe (${previous} oder ${next}).`,
  asWritten: (text: string) => `Laut Unterlagen: ${text}`,
  ifMeant: (fixes: string, text: string) => `Falls ${fixes} gemeint ist: ${text}`,
  fixHint: (fixed: string, written: string) => `der ${fixed} statt ${written}`,
  conflictNote: (titles: string[]) => `Achtung: In den Unterlagen widersprechen sich die Angaben zu ${quoted(titles, 'und')}.`,
  confirmWithTeam: 'Bitte lassen Sie sich den Termin vom Orga-Team bestätigen, bevor Sie planen.',
  clockLead: (zone: string, gap: { amount: string; germanLater: boolean; otherwise?: string } | undefined, upcoming: boolean) =>
    `Die Termine sind in Ortszeit ${zone} angesetzt.${
      gap ? ` Beim ${upcoming ? 'nächsten' : 'letzten'} Termin ist es in Deutschland ${gap.amount} ${gap.germanLater ? 'später' : 'früher'} als dort${gap.otherwise ? `, sonst meist ${gap.otherwise}` : ''}.` : ''
    }`,
  clockGermany: 'Deutschland',
  clockChange: (c: ClockChange) =>
    `${c.who} stellt am ${c.date} ${c.forward ? 'auf Sommerzeit um' : 'zurück auf Normalzeit (Winterzeit)'}${
      c.shift ? `; ab dann beginnen die Termine nach deutscher Zeit ${c.shift.amount} ${c.shift.later ? 'später' : 'früher'}` : ''
    }${c.example ? ` (${c.example.local} Uhr Ortszeit ist dann ${c.example.german} Uhr deutscher Zeit)` : ''}.`,
  clockNeverChanges: (zone: string) => `${zone} stellt die Uhr nicht um (keine Sommerzeit).`,
  clockNoChange: 'Während der Reihe stellt keine Seite die Uhr um; der Zeitunterschied bleibt gleich.',
  clockMore: (n: number) => (n === 1 ? 'Danach folgt eine weitere Umstellung.' : `Danach folgen ${n} weitere Umstellungen.`),
  clockHours: (n: number) => (n === 1 ? 'eine Stunde' : `${n} Stunden`),
  clockMinutes: (n: number) => `${n} Minuten`,
};

export type FaqTexts = typeof de;

const en: FaqTexts = {
  noAnswer: "I couldn't find anything about that in the material.",
  forwardOffer: 'Would you like to forward the question to the organising team? They will answer you personally.',
  noAnswerIn: (titles) => `I couldn't find anything about that in the material of ${quotedEn(titles, 'and')}.`,
  forwardOfferPrograms: 'Would you like to forward the question to the organising team? Choose the program it is about; the team will answer you personally.',
  cardForwardTo: (title) => `Forward to the organising team of "${title}"`,
  cardEscalationProgram: (title) => `Program: ${title}`,
  noProgramFollowed: (titles) =>
    `I answer questions about the programs you follow here, and you do not follow any yet. Choose one with **subscribe <program>**: ${quotedEn(titles, 'or')}.`,
  noProgramLinked: 'This chat is not linked to a program yet, so I cannot answer questions here. The organising team links it with **link <program>**.',
  noProgramLoaded: 'No program is loaded yet that I could answer questions about. Please contact the organising team.',
  programGone: 'The program of this question is no longer active; the answer cannot be saved for a program.',
  fromMaterial: 'From the program material (in German): ',
  sourceProgram: 'Program',
  sourceCurated: "Organising team's FAQ",
  formatVirtual: 'virtual',
  formatOnsite: 'on site',
  formatHybrid: 'hybrid (on site and online)',
  sessionFuture: (s, format) => `"${s.title}" takes place on ${s.date}, ${s.time} (${format}).`,
  sessionPast: (s) => `"${s.title}" took place on ${s.date}, ${s.time}.`,
  sessionRunning: (s) => `"${s.title}" is running now: today, ${s.date}, ${s.time}.`,
  sessionCancelled: (s) => `"${s.title}" on ${s.date} is cancelled.`,
  sessionReplaced: (s) => `It is replaced by "${s.title}" on ${s.date}, ${s.time}.`,
  next: (s, format) => `The next session is "${s.title}" on ${s.date}, ${s.time} (${format}).`,
  seriesOver: (s) => `The series is over. The last session was "${s.title}" on ${s.date}, ${s.time}.`,
  today: (s) => `Today: "${s.title}", ${s.date}, ${s.time}.`,
  noneToday: 'There is no session today.',
  tomorrow: (s) => `Tomorrow: "${s.title}", ${s.date}, ${s.time}.`,
  noneTomorrow: 'There is no session tomorrow.',
  nextWeek: (lines) => `Next week:\n${lines}`,
  noneNextWeek: 'There is no session next week.',
  remaining: (lines) => `These sessions are still to come:\n${lines}`,
  week: (lines) => `This week:\n${lines}`,
  noneThisWeek: 'There is no session this week.',
  first: (s, past) => `The first session ${past ? 'was' : 'is'} "${s.title}" on ${s.date}, ${s.time}.`,
  last: (s, past) => `The last session ${past ? 'was' : 'is'} "${s.title}" on ${s.date}, ${s.time}.`,
  count: (n, lines) => `${n} ${n === 1 ? 'session is' : 'sessions are'} planned:\n${lines}`,
  timesUniform: (time, zone) => `All sessions run ${time} (time zone ${zone}).`,
  durationUniform: (minutes, time) => `A session lasts ${minutesEn(minutes)}${time ? ` (${time})` : ''}.`,
  durationVarying: (lines) => `The sessions differ in length:\n${lines}`,
  durationMostly: (minutes, lines) => `A session usually lasts ${minutesEn(minutes)}. Other lengths:\n${lines}`,
  durationLine: (title, minutes) => `- ${title}: ${minutesEn(minutes)}`,
  sessionLength: (minutes) => `Duration: ${lengthText(minutes, LENGTH_EN)}.`,
  timesVarying: (lines, zone) => `The times (time zone ${zone}):\n${lines}`,
  list: (lines) => `The sessions:\n${lines}`,
  month: (month, lines) => `In ${month}:\n${lines}`,
  noneInMonth: (month) => `There is no session in ${month}.`,
  listLine: (s) => `- ${s.title}: ${s.date}, ${s.time}`,
  format: (format, location) =>
    `The format is ${format}${location ? ` (${location})` : ''}.${format === 'virtual' ? ' All sessions take place online.' : ''}`,
  contacts: (lines) => `Contacts:\n${lines}`,
  contactLine: (name, organization, email) => `- ${name}${organization ? `, ${organization}` : ''}${email ? `, email: ${email}` : ''}`,
  noContacts: 'The program lists no contacts.',
  cardSources: 'Sources',
  cardHelpful: '👍 Helpful',
  cardUnhelpful: '👎 Not helpful',
  cardForward: 'Forward the question to the organising team',
  cardNoAnswerTitle: 'No answer in the material',
  cardEscalationTitle: 'New question for the organising team',
  cardEscalationAsked: (locale) => `Asked in language: ${locale}`,
  cardAnswerPlaceholder: 'Answer to the person who asked …',
  cardAnswerSubmit: 'Answer',
  cardAnsweredTitle: "The organising team's answer",
  cardYourQuestion: 'Your question',
  cardCurate: 'Save as FAQ entry',
  cardEscalationAnswered: 'Answered',
  forwarded: 'Thank you! Your question has been forwarded to the organising team.',
  voteThanks: 'Thank you for your feedback!',
  curated: 'The answer is saved as an FAQ entry and will be used from now on.',
  noEscalationChannel: 'No channel of the organising team has been set yet ("escalate here").',
  escalateHereDone: 'Done: forwarded questions will appear in this channel from now on, with a form to answer them.',
  escalateHereChannelOnly: 'This only works in a team channel.',
  questionTooLong: (max: number) => `Your message is too long for a question (at most ${max.toLocaleString('en-GB')} characters). Please ask more briefly.`,
  questionNotFound: 'I do not know this question (any more).',
  notAnsweredYet: 'Only answered questions can be saved as FAQ entries.',
  answerSent: 'The answer has been sent to the person who asked.',
  answerNotDelivered: 'The answer is saved but could not be delivered to the person who asked.',
  actionInvalid: 'This action could not be processed.',
  gapsEmpty: 'No open questions.',
  gapsHeader: 'Most frequent unanswered or unhelpful questions:',
  citePage: (n) => `p. ${n}`,
  citeSlide: (n) => `slide ${n}`,
  moreLines: (n) => `… and ${n} more`,
  materialProblemsHeader: 'Material that could not be read (skipped):',
  materialProblem: (file, code) =>
    `${file}: ${code === 'password-protected' ? 'password-protected' : code === 'empty' ? 'contains no text (a scan without a text layer?)' : 'damaged or unreadable'}`,
  programFindingsHeader: 'Program derived from the material, findings:',
  dateDisputed: (date) => `${date} (date contradictory, see note)`,
  timeUnclear: 'time unclear (see note)',
  sessionTimeUnclear: (title, date, details) => `"${title}" is announced for ${date}, but its time is unclear: ${details}`,
  timeNote: (titles) => `Note: the material gives no clear time for ${quotedEn(titles, 'and')}.`,
  sessionConflict: (title, details, time) => `The material contradicts itself about "${title}": ${details}${time ? ` Time as given: ${time}.` : ''}`,
  weekdayConflict: (written, date, actual) => `It gives ${written}, ${date}, but ${date} is a ${actual}.`,
  likelyDate: (date) => `Probably ${date} is meant.`,
  weekdayNearby: (written, previous, next) => `Either this date is meant or a ${written} nearby (${previous} or ${next}).`,
  asWritten: (text) => `According to the material: ${text}`,
  ifMeant: (fixes, text) => `If ${fixes} is meant: ${text}`,
  fixHint: (fixed, written) => `${fixed} instead of ${written}`,
  conflictNote: (titles) => `Note: the material contradicts itself about ${quotedEn(titles, 'and')}.`,
  confirmWithTeam: 'Please have the organising team confirm the session before you plan.',
  clockLead: (zone, gap, upcoming) =>
    `The sessions are scheduled in ${zone} time.${
      gap ? ` At the ${upcoming ? 'next' : 'last'} session, German time is ${gap.amount} ${gap.germanLater ? 'ahead of' : 'behind'} ${zone}${gap.otherwise ? `, otherwise mostly ${gap.otherwise}` : ''}.` : ''
    }`,
  clockGermany: 'Germany',
  clockChange: (c) =>
    `${c.who} ${c.forward ? 'switches to daylight saving time (summer time)' : 'switches back to standard time'} on ${c.date}${
      c.shift ? `; from then on the sessions start ${c.shift.amount} ${c.shift.later ? 'later' : 'earlier'} in German time` : ''
    }${c.example ? ` (${c.example.local} local time is then ${c.example.german} German time)` : ''}.`,
  clockNeverChanges: (zone) => `${zone} does not change its clocks (no daylight saving time).`,
  clockNoChange: 'Neither side changes its clocks during the series; the time difference stays the same.',
  clockMore: (n) => (n === 1 ? 'One more change follows.' : `${n} more changes follow.`),
  clockHours: (n) => (n === 1 ? 'one hour' : `${n} hours`),
  clockMinutes: (n) => `${n} minutes`,
};

export const faqTexts: { de: FaqTexts; en: FaqTexts } = { de, en };

/** "90 Minuten", "2 Stunden": whole hours from two on, minutes otherwise (how programs state a session's length). */
function minutesDe(minutes: number): string {
  return minutes >= 120 && minutes % 60 === 0 ? `${minutes / 60} Stunden` : `${minutes} Minuten`;
}

function minutesEn(minutes: number): string {
  return minutes >= 120 && minutes % 60 === 0 ? `${minutes / 60} hours` : `${minutes} minutes`;
}

const LENGTH_DE = { numbers: ['eine', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'], hour: 'Stunde', hours: 'Stunden', minutes: 'Minuten' };
const LENGTH_EN = { numbers: ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'], hour: 'hour', hours: 'hours', minutes: 'minutes' };

/** One session's length: "zwei Stunden (120 Minuten)" for whole hours up to twelve, else "90 Minuten". */
function lengthText(minutes: number, words: typeof LENGTH_DE): string {
  const hours = minutes / 60;
  return Number.isInteger(hours) && hours >= 1 && hours <= 12
    ? `${words.numbers[hours - 1]} ${hours === 1 ? words.hour : words.hours} (${minutes} ${words.minutes})`
    : `${minutes} ${words.minutes}`;
}
