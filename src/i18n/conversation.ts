// User-facing texts of the conversation core (welcome, help, schedule commands, subscriptions, errors).
import type { Locale } from './locale.js';

const de = {
  welcomePersonal: (program: string) =>
    `Hallo! Ich bin der Peer-Learning-Bot${program ? ` für **${program}**` : ''}.\n\n` +
    'Ich erinnere Sie an die Termine, frage nach jedem Treffen kurz nach Ihrer Meinung und beantworte Fragen aus den Programmunterlagen.\n\n' +
    'Zum Start: **termine** zeigt alle Termine, **nächster termin** den nächsten, **hilfe** alle Befehle. Sie können mir auch einfach eine Frage stellen.',
  welcomeTeam: (program: string) =>
    `Hallo zusammen! Ich bin der Peer-Learning-Bot${program ? ` für **${program}**` : ''}.\n\n` +
    'In diesem Kanal kündige ich die Termine an und teile nach jedem Treffen die anonymen Rückmeldungen. ' +
    'Erwähnen Sie mich mit **hilfe**, um alle Befehle zu sehen, oder stellen Sie mir eine Frage.',
  // Programs of a conversation: linking a team or group chat, following programs in a personal chat.
  welcomePersonalChoose:
    'Hallo! Ich bin der Peer-Learning-Bot. Ich erinnere Sie an die Termine, frage nach jedem Treffen kurz nach Ihrer Meinung und beantworte Fragen aus den Programmunterlagen.\n\n' +
    'Hier laufen mehrere Programme. Wählen Sie, welchen Sie folgen möchten (gern auch mehreren); **hilfe** zeigt alle Befehle.',
  welcomeTeamLink: (titles: string[]) =>
    `Hier laufen mehrere Programme: ${titles.map((t) => `„${t}“`).join(', ')}. Das Orga-Team verknüpft diesen Chat mit **verknüpfen <Programm>** mit einem davon.`,
  followChoose: 'Welchem Programm möchten Sie folgen? Sie können mehreren folgen.',
  followedMark: (title: string) => `✓ ${title}`,
  linkPersonal:
    'Verknüpfen gilt für Kanäle und Gruppenchats: Erwähnen Sie mich dort mit **verknüpfen <Programm>**. Im persönlichen Chat folgen Sie Programmen mit **anmelden <Programm>**.',
  linkChoose: 'Mit welchem Programm soll dieser Chat verknüpft werden?',
  linked: (title: string) =>
    `Dieser Chat ist jetzt mit **${title}** verknüpft. Ankündigungen, Erinnerungen, Umfragen und Ergebnisse kommen ab jetzt aus diesem Programm.`,
  alreadyLinked: (title: string) => `Dieser Chat ist bereits mit **${title}** verknüpft.`,
  linkSwitchQuestion: (before: string, after: string) =>
    `Dieser Chat ist mit „${before}“ verknüpft. Soll er stattdessen zu „${after}“ gehören? Geplante Nachrichten von „${before}“ kommen dann hier nicht mehr an.`,
  linkSwitchConfirm: 'Ja, wechseln',
  linkSwitchCancel: 'Abbrechen',
  linkCancelled: 'Alles bleibt, wie es war.',
  helpTitle: 'So können Sie mit mir sprechen:',
  helpCommands: [
    ['termine', 'alle Termine des Programms'],
    ['nächster termin', 'der nächste Termin'],
    ['ergebnisse <Termin>', 'die Rückmeldungen zu einem Termin'],
    ['rückblick', 'der Rückblick über die ganze Reihe'],
    ['abmelden / anmelden [<Programm>]', 'Erinnerungen in diesem Chat ab- oder wieder anstellen, bei mehreren Programmen je Programm'],
    ['kalender zurücksetzen', 'Ihren persönlichen Kalenderlink ungültig machen und einen neuen erhalten'],
    ['meine daten löschen', 'Ihre gespeicherten Daten entfernen'],
  ] as Array<[string, string]>,
  helpCoordinatorTitle: 'Für das Orga-Team:',
  helpCoordinatorCommands: [
    ['programm', 'Termine bearbeiten, absagen, neu anlegen'],
    ['erinnerungen', 'Erinnerungszeitpunkte ansehen und ändern'],
    ['ankündigen', 'eine Ankündigung verfassen und senden'],
    ['hier ankündigen', 'diesen Kanal als Ankündigungskanal festlegen'],
    ['hier eskalieren', 'weitergeleitete Fragen in diesem Kanal sammeln'],
    ['status', 'Programm, Prüfung und Versand im Überblick'],
    ['verknüpfen <Programm>', 'diesen Kanal oder Gruppenchat mit einem Programm verknüpfen'],
    ['termin verknüpfen <Termin>', 'im Chat einer Teams-Besprechung: diese Besprechung einem Termin zuordnen (Umfrage bei Besprechungsende)'],
  ] as Array<[string, string]>,
  helpQuestions: 'Außerdem beantworte ich Fragen zum Programm, z. B. „Wann ist der Auftakt?“',
  fallback: 'Das habe ich nicht verstanden.',
  noProgram: 'Es ist noch kein Programm geladen. Bitte wenden Sie sich an das Orga-Team.',
  noSessions: 'Im Programm sind noch keine Termine eingetragen.',
  sessionsTitle: (title: string) => `**Termine: ${title}**`,
  personalCalendar: (url: string) =>
    `Ihr persönlicher Kalender mit den Einwahllinks (nur für Sie, bitte nicht weitergeben): ${url}\n\n` +
    'Mit **kalender zurücksetzen** machen Sie diesen Link ungültig und erhalten einen neuen.',
  calendarReset: (url: string) => `Ihr bisheriger Kalenderlink gilt nicht mehr. Ihr neuer persönlicher Kalender: ${url}`,
  calendarPersonalOnly: 'Ihren persönlichen Kalenderlink gibt es nur im persönlichen Chat mit mir.',
  calendarNoIdentity: 'Ich kann Sie nicht zuordnen, deshalb gibt es hier keinen persönlichen Kalenderlink.',
  past: 'vorbei',
  cancelled: 'abgesagt',
  nextSession: (when: string, title: string) => `Der nächste Termin ist am **${when}**: ${title}`,
  seriesOver: (when: string, title: string) =>
    `Die Reihe ist abgeschlossen. Der letzte Termin war am ${when}: ${title}`,
  joinLink: 'Teilnehmen',
  unsubscribed: 'Sie erhalten in diesem Chat keine Ankündigungen mehr. Mit **anmelden** schalten Sie sie wieder ein.',
  subscribed: 'Sie erhalten in diesem Chat wieder Ankündigungen und Erinnerungen.',
  subscriptionPersonalOnly: 'Ab- und Anmelden geht im persönlichen Chat mit mir. Für diesen Kanal entscheidet das Orga-Team.',
  noProgramFollowed: (titles: string[]) =>
    `Sie folgen hier noch keinem Programm. Mit **anmelden <Programm>** wählen Sie eines: ${titles.map((t) => `„${t}“`).join(', ')}.`,
  noProgramLinked: 'Dieser Chat ist noch mit keinem Programm verknüpft. Das Orga-Team verknüpft ihn mit **verknüpfen <Programm>**.',
  unknownProgram: (name: string, titles: string[]) => `Ein Programm „${name}“ kenne ich nicht. Verfügbar sind: ${titles.map((t) => `„${t}“`).join(', ')}.`,
  whichProgram: (titles: string[]) => `Welches Programm meinen Sie? ${titles.map((t) => `„${t}“`).join(', ')}. Bitte den Namen dazuschreiben, z. B. **anmelden ${titles[0] ?? ''}**.`,
  subscribedTo: (titles: string[]) => `Sie erhalten hier jetzt Ankündigungen und Erinnerungen zu ${titles.map((t) => `„${t}“`).join(', ')}.`,
  unsubscribedFrom: (titles: string[]) =>
    titles.length ? `Sie erhalten hier keine Ankündigungen mehr zu ${titles.map((t) => `„${t}“`).join(', ')}.` : 'Sie folgen hier keinem Programm.',
  notCoordinator: 'Das dürfen nur Koordinatorinnen und Koordinatoren des Programms. Bei Fragen wenden Sie sich bitte an das Orga-Team.',
  notAvailable: 'Diese Funktion ist noch nicht verfügbar.',
  storageUnavailable: 'Ich kann gerade nicht auf meinen Speicher zugreifen. Bitte versuchen Sie es gleich noch einmal.',
  internalError: 'Da ist bei mir etwas schiefgegangen. Bitte versuchen Sie es gleich noch einmal.',
  invalidAction: 'Diese Aktion kann ich nicht ausführen: Die Angaben der Karte sind ungültig oder veraltet.',
  unknownAction: 'Diese Schaltfläche kenne ich nicht (mehr). Bitte nutzen Sie eine aktuelle Karte.',
  announceHereDone: 'Alles klar: Ankündigungen für dieses Team erscheinen ab jetzt in diesem Kanal.',
  announceHereChannelOnly: 'Das geht nur in einem Kanal eines Teams.',
};

export type ConversationMessages = typeof de;

const en: ConversationMessages = {
  welcomePersonal: (program: string) =>
    `Hello! I am the peer-learning bot${program ? ` for **${program}**` : ''}.\n\n` +
    'I remind you of the sessions, ask for your feedback after each meeting and answer questions from the program material.\n\n' +
    'To begin: **sessions** lists all sessions, **next** shows the next one, **help** lists every command. You can also just ask me a question.',
  welcomeTeam: (program: string) =>
    `Hello everyone! I am the peer-learning bot${program ? ` for **${program}**` : ''}.\n\n` +
    'In this channel I announce the sessions and share the anonymous feedback after each meeting. ' +
    'Mention me with **help** to see every command, or ask me a question.',
  welcomePersonalChoose:
    'Hello! I am the peer-learning bot. I remind you of the sessions, ask for your feedback after each meeting and answer questions from the program material.\n\n' +
    'Several programs run here. Choose the ones you want to follow (one or more); **help** lists every command.',
  welcomeTeamLink: (titles) =>
    `Several programs run here: ${titles.map((t) => `"${t}"`).join(', ')}. The organising team links this chat to one of them with **link <program>**.`,
  followChoose: 'Which program would you like to follow? You can follow several.',
  followedMark: (title) => `✓ ${title}`,
  linkPersonal: 'Linking is for channels and group chats: mention me there with **link <program>**. In a personal chat you follow programs with **subscribe <program>**.',
  linkChoose: 'Which program should this chat be linked to?',
  linked: (title) => `This chat is now linked to **${title}**. Announcements, reminders, polls and results come from this program from now on.`,
  alreadyLinked: (title) => `This chat is already linked to **${title}**.`,
  linkSwitchQuestion: (before, after) =>
    `This chat is linked to "${before}". Should it belong to "${after}" instead? Planned messages of "${before}" will then no longer arrive here.`,
  linkSwitchConfirm: 'Yes, switch',
  linkSwitchCancel: 'Cancel',
  linkCancelled: 'Nothing was changed.',
  helpTitle: 'Here is what you can ask me:',
  helpCommands: [
    ['sessions', 'every session of the program'],
    ['next', 'the next session'],
    ['results <session>', 'the feedback on a session'],
    ['retrospective', 'the retrospective over the whole series'],
    ['unsubscribe / subscribe [<program>]', 'turn reminders in this chat off or on again, per program when there are several'],
    ['reset calendar', 'make your personal calendar link invalid and get a new one'],
    ['delete my data', 'remove the data stored about you'],
  ],
  helpCoordinatorTitle: 'For the organising team:',
  helpCoordinatorCommands: [
    ['program', 'edit, cancel or add sessions'],
    ['reminders', 'see and change reminder times'],
    ['announce', 'compose and send an announcement'],
    ['announce here', 'make this channel the announcement channel'],
    ['escalate here', 'collect forwarded questions in this channel'],
    ['status', 'program, checks and deliveries at a glance'],
    ['link <program>', 'link this channel or group chat to a program'],
    ['link session <session>', 'in a Teams meeting chat: assign this meeting to a session (poll when the meeting ends)'],
  ],
  helpQuestions: 'I also answer questions about the program, e.g. "When is the kickoff?"',
  fallback: "Sorry, I didn't understand that.",
  noProgram: 'No program is loaded yet. Please contact the organising team.',
  noSessions: 'The program has no sessions yet.',
  sessionsTitle: (title: string) => `**Sessions: ${title}**`,
  personalCalendar: (url: string) =>
    `Your personal calendar with the join links (for you only, please do not share it): ${url}\n\n` +
    'Send **reset calendar** to make this link invalid and get a new one.',
  calendarReset: (url: string) => `Your previous calendar link no longer works. Your new personal calendar: ${url}`,
  calendarPersonalOnly: 'Your personal calendar link is only available in a personal chat with me.',
  calendarNoIdentity: 'I cannot tell who you are, so there is no personal calendar link here.',
  past: 'past',
  cancelled: 'cancelled',
  nextSession: (when: string, title: string) => `The next session is on **${when}**: ${title}`,
  seriesOver: (when: string, title: string) => `The series is over. The last session was on ${when}: ${title}`,
  joinLink: 'Join',
  unsubscribed: 'You will no longer get announcements in this chat. Send **subscribe** to turn them back on.',
  subscribed: 'You will get announcements and reminders in this chat again.',
  subscriptionPersonalOnly: 'Subscribing and unsubscribing works in your personal chat with me. The organising team decides for this channel.',
  noProgramFollowed: (titles) => `You do not follow a program here yet. Choose one with **subscribe <program>**: ${titles.map((t) => `"${t}"`).join(', ')}.`,
  noProgramLinked: 'This chat is not linked to a program yet. The organising team links it with **link <program>**.',
  unknownProgram: (name, titles) => `I do not know a program "${name}". Available: ${titles.map((t) => `"${t}"`).join(', ')}.`,
  whichProgram: (titles) => `Which program do you mean? ${titles.map((t) => `"${t}"`).join(', ')}. Please add its name, e.g. **subscribe ${titles[0] ?? ''}**.`,
  subscribedTo: (titles) => `You will now get announcements and reminders about ${titles.map((t) => `"${t}"`).join(', ')} here.`,
  unsubscribedFrom: (titles) => (titles.length ? `You will no longer get announcements about ${titles.map((t) => `"${t}"`).join(', ')} here.` : 'You do not follow any program here.'),
  notCoordinator: 'Only the program coordinators may do that. If you have questions, please contact the organising team.',
  notAvailable: 'This feature is not available yet.',
  storageUnavailable: 'I cannot reach my storage right now. Please try again in a moment.',
  internalError: 'Something went wrong on my side. Please try again in a moment.',
  invalidAction: 'I cannot carry out this action: the card data is invalid or out of date.',
  unknownAction: 'I do not know this button (any more). Please use a current card.',
  announceHereDone: 'Done: announcements for this team will appear in this channel from now on.',
  announceHereChannelOnly: 'This only works in a team channel.',
};

export const conversationMessages: Record<Locale, ConversationMessages> = { de, en };
