// Texts of the coordinator workflows: program editing, reminders, ad-hoc announcements, delivery progress,
// status and the audit CLI. German first, English second; `en` has exactly the keys of `de`.
import type { Locale } from './locale.js';

const deNumber = new Intl.NumberFormat('de-DE');
const enNumber = new Intl.NumberFormat('en-GB');

const de = {
  n: (value: number) => deNumber.format(value),
  refused: 'Das dürfen nur Koordinatorinnen und Koordinatoren des Programms. Bei Fragen wenden Sie sich bitte an das Orga-Team.',
  invalidAction: 'Diese Karte ist nicht mehr gültig. Bitte rufen Sie sie neu auf.',
  noProgram: 'Es ist gerade kein Programm aktiv. Bitte zuerst program.yaml einspielen.',
  chooseProgram: 'Für welches Programm?',
  unknownProgram: (titles: string[]) => `Dieses Programm gibt es nicht (mehr). Verfügbar sind: ${titles.map((t) => `„${t}“`).join(', ')}.`,
  // Program list
  programTitle: (title: string) => `Programm: ${title}`,
  programVersion: (version: number, updatedAt: string | undefined) =>
    `Version ${version}${updatedAt ? `, zuletzt geändert ${updatedAt}` : ''}`,
  noSessions: 'Noch keine Termine.',
  statusScheduled: 'geplant',
  statusCancelled: 'abgesagt',
  statusPast: 'vorbei',
  edit: 'Bearbeiten',
  cancelSession: 'Absagen',
  newSession: 'Neuer Termin',
  reload: 'Neu laden',
  back: 'Zurück',
  abort: 'Abbrechen',
  // Session form
  editTitle: (title: string) => `Termin bearbeiten: ${title}`,
  newTitle: 'Neuer Termin',
  fieldDate: 'Datum',
  fieldStart: 'Beginn',
  fieldEnd: 'Ende',
  fieldTitle: 'Titel',
  fieldSummary: 'Beschreibung',
  fieldJoinUrl: 'Link zur Besprechung (https://…)',
  save: 'Speichern',
  saveAnyway: 'Trotzdem speichern',
  formHasErrors: 'Bitte korrigieren Sie die markierten Felder. Es wurde nichts gespeichert.',
  lintErrors: 'Der Zeitplan hat so Fehler. Es wurde nichts gespeichert:',
  lintWarnings: 'Bitte prüfen Sie diese Hinweise. Wirklich speichern?',
  conflict: 'Jemand anderes hat das Programm inzwischen geändert. Es wurde nichts gespeichert. Bitte laden Sie den aktuellen Stand neu und ändern Sie dann erneut.',
  saved: (version: number) => `Gespeichert (Version ${version}).`,
  replanLater: 'Die Erinnerungen konnten gerade nicht neu geplant werden; das geschieht automatisch in den nächsten Minuten.',
  unchanged: 'Nichts geändert, nichts gespeichert.',
  replanned: (retimed: number, created: number, cancelled: number, updates: number) =>
    [
      retimed + created ? `${retimed + created} Erinnerung(en) neu geplant` : '',
      cancelled ? `${cancelled} Erinnerung(en) gestrichen` : '',
      updates ? `bereits verschickte Karten werden aktualisiert (${updates})` : '',
    ]
      .filter(Boolean)
      .join(', ') || 'Keine Erinnerungen betroffen.',
  unknownSession: 'Diesen Termin gibt es nicht (mehr). Bitte laden Sie das Programm neu.',
  confirmCancel: (title: string, when: string) => `Den Termin „${title}“ (${when}) wirklich absagen? Alle, die schon eine Erinnerung bekommen haben, sehen dann „abgesagt“.`,
  alreadyCancelled: 'Dieser Termin ist bereits abgesagt.',
  cancelledDone: (title: string) => `„${title}“ ist abgesagt.`,
  // Field errors
  errRequired: 'Bitte ausfüllen.',
  errDate: 'Bitte ein Datum wählen (TT.MM.JJJJ).',
  errTime: 'Bitte eine Uhrzeit als HH:MM angeben.',
  errPast: 'Das Datum liegt in der Vergangenheit.',
  errEndBeforeStart: 'Das Ende muss nach dem Beginn liegen.',
  errTooLong: (max: number) => `Höchstens ${deNumber.format(max)} Zeichen.`,
  errUrl: 'Bitte einen vollständigen Link mit https:// angeben.',
  errDuration: (value: string) => `„${value}“ verstehe ich nicht. Beispiele: 7 Tage, 1 Tag, 1 Stunde, 30 Minuten oder P2D.`,
  errDurationRange: 'Erinnerungen müssen zwischen 5 Minuten und 60 Tagen vor dem Termin liegen.',
  errTooMany: (max: number) => `Höchstens ${max} Erinnerungen.`,
  errSession: 'Diesen Termin gibt es nicht.',
  errWhen: 'Bitte Datum und Uhrzeit für den Versand angeben.',
  errWhenPast: 'Der Versandzeitpunkt muss in der Zukunft liegen.',
  errWhenFar: 'Höchstens ein Jahr im Voraus.',
  errInvalid: 'Ungültige Eingabe.',
  // Reminders
  remindersTitle: 'Erinnerungen',
  remindersProgram: 'Für alle Termine (Standard)',
  remindersCustom: 'Weitere, durch Komma getrennt (z. B. 2 Tage, 30 Minuten oder P2D)',
  remindersSessionLabel: (title: string, when: string) => `${title} (${when})`,
  remindersSessionPlaceholder: (defaults: string) => `wie Standard: ${defaults}`,
  remindersSessionHint: 'Pro Termin abweichend (leer = Standard, „keine“ = ohne Erinnerung):',
  remindersNone: 'keine',
  nextSends: 'Nächste geplante Sendungen',
  noNextSends: 'Keine Sendungen geplant.',
  sendReminder: (title: string, offset: string) => `Erinnerung „${title}“ (${offset} vorher)`,
  sendBroadcast: 'Ankündigung',
  sendUpdate: (title: string) => `Aktualisierung „${title}“`,
  sendOther: (kind: string) => `Sendung (${kind})`,
  // Announce
  announceTitle: 'Ankündigung verfassen',
  fieldText: 'Text',
  fieldSession: 'Zu einem Termin (optional)',
  noSessionChoice: 'Kein Termin',
  fieldAudience: 'An wen',
  audienceAll: 'Alle (Kanäle, Gruppenchats und persönliche Chats)',
  audienceChannels: 'Nur Kanäle',
  audiencePersonal: 'Nur persönliche Chats',
  fieldWhen: 'Wann',
  whenNow: 'Sofort senden',
  whenLater: 'Zu einem Zeitpunkt senden',
  fieldSendDate: 'Versanddatum',
  fieldSendTime: (zone: string) => `Versandzeit (${zone})`,
  preview: 'Vorschau',
  previewTitle: 'Vorschau: So sehen die Empfängerinnen und Empfänger die Ankündigung',
  recipients: (n: number) => (n === 1 ? 'Empfänger: 1 Unterhaltung' : `Empfänger: ${deNumber.format(n)} Unterhaltungen`),
  recipientsBreakdown: (personal: number, channels: number, groups: number) =>
    `${deNumber.format(personal)} persönliche Chats, ${deNumber.format(channels)} Kanäle, ${deNumber.format(groups)} Gruppenchats`,
  unreachable: (n: number) =>
    n === 0
      ? 'Alle registrierten Unterhaltungen sind erreichbar.'
      : `${deNumber.format(n)} weitere ${n === 1 ? 'Unterhaltung ist' : 'Unterhaltungen sind'} nicht erreichbar (App blockiert oder entfernt) und ${n === 1 ? 'bekommt' : 'bekommen'} die Ankündigung nicht.`,
  scheduledFor: (when: string) => `Versand geplant: ${when}`,
  sendsNow: 'Versand: sofort nach „Senden“',
  send: 'Senden',
  discarded: 'Die Ankündigung wurde verworfen. Es wurde nichts gesendet.',
  scheduledList: 'Geplante Ankündigungen',
  noScheduled: 'Keine Ankündigungen geplant.',
  withdraw: 'Zurückziehen',
  scheduledDone: (when: string) => `Die Ankündigung ist für ${when} geplant. Sie können sie bis dahin zurückziehen.`,
  withdrawn: 'Die geplante Ankündigung ist zurückgezogen. Es wurde nichts gesendet.',
  notWithdrawable: 'Diese Ankündigung wird bereits gesendet oder ist schon verschickt und kann nicht mehr zurückgezogen werden.',
  unknownJob: 'Diese Sendung gibt es nicht.',
  broadcastBadge: 'Ankündigung',
  broadcastSession: 'Zum Termin',
  join: 'An der Besprechung teilnehmen',
  // Progress
  progressTitle: 'Versand der Ankündigung',
  progressRunning: (sent: number, total: number, failed: number) =>
    `Gesendet ${deNumber.format(sent)} von ${deNumber.format(total)}${failed ? `, ${deNumber.format(failed)} fehlgeschlagen` : ''}`,
  progressWaiting: (when: string) => `Geplant für ${when}, noch nicht begonnen.`,
  progressDone: 'Versand abgeschlossen.',
  progressCancelled: 'Versand abgebrochen.',
  progressSkipped: (reason: string) => `Nicht gesendet (${reason}).`,
  reportDelivered: 'Zugestellt',
  reportFailed: 'Fehlgeschlagen',
  reportUnreachable: 'Nicht erreichbar',
  reportSkipped: 'Übersprungen',
  reportUncertain: 'Unklar (Absturz während des Sendens, nicht wiederholt)',
  reportWhy: 'Gründe',
  refresh: 'Aktualisieren',
  reason: (code: string) =>
    code.startsWith('http-403-MessageWritesBlocked')
      ? 'App blockiert oder entfernt'
      : code.startsWith('http-404')
        ? 'Unterhaltung nicht gefunden'
        : code.endsWith('-max-attempts')
          ? 'Teams antwortete nach mehreren Versuchen nicht'
          : code.startsWith('network')
            ? 'Netzwerkfehler'
            : code === 'overdue'
              ? 'zu spät, nicht mehr gesendet'
              : code === 'cancelled'
                ? 'abgebrochen'
                : code === 'audience-left'
                  ? 'nicht mehr in der Zielgruppe'
                  : code,
  // Status
  statusTitle: 'Status',
  statusProgram: (title: string, version: number) => `Aktives Programm: ${title} (Version ${version})`,
  statusNoProgram: 'Kein aktives Programm.',
  statusLintOk: 'Zeitplan ohne Befund.',
  statusLint: (errors: number, warnings: number) => `Zeitplan: ${errors} Fehler, ${warnings} Hinweise`,
  statusRefusal: (at: string, message: string) => `Zuletzt abgelehnter Import (${at}): ${message}`,
  lastDeliveries: 'Letzte Sendungen',
  noDeliveries: 'Noch nichts gesendet.',
  attendanceTitle: 'Teilnahme (aus den Meetings)',
  deliveryLine: (what: string, when: string, sent: number, planned: number, failed: number, unreachable: number) =>
    `${what}, ${when}: ${deNumber.format(sent)}/${deNumber.format(planned)} zugestellt${failed ? `, ${deNumber.format(failed)} fehlgeschlagen` : ''}${unreachable ? `, ${deNumber.format(unreachable)} nicht erreichbar` : ''}`,
  // CLI
  cliAuditUsage: 'audit [--json] [--limit N]',
  cliAuditSummary: 'Protokoll der Koordinationsaktionen (neueste zuerst)',
  cliAuditHeader: 'Zeit (UTC) | Wer | Aktion | Ergebnis | Ziel',
  cliAuditEmpty: 'Keine Einträge.',
  cliUnknownOption: (option: string) => `Unbekannte Option: ${option}`,
};

type Catalogue = typeof de;

const en: Catalogue = {
  n: (value: number) => enNumber.format(value),
  refused: 'Only the program coordinators may do that. If you have questions, please contact the organising team.',
  invalidAction: 'This card is no longer valid. Please open it again.',
  noProgram: 'No program is active. Please import program.yaml first.',
  chooseProgram: 'For which program?',
  unknownProgram: (titles) => `This program does not exist (any more). Available: ${titles.map((t) => `"${t}"`).join(', ')}.`,
  programTitle: (title: string) => `Program: ${title}`,
  programVersion: (version: number, updatedAt: string | undefined) => `Version ${version}${updatedAt ? `, last changed ${updatedAt}` : ''}`,
  noSessions: 'No sessions yet.',
  statusScheduled: 'scheduled',
  statusCancelled: 'cancelled',
  statusPast: 'past',
  edit: 'Edit',
  cancelSession: 'Cancel session',
  newSession: 'New session',
  reload: 'Reload',
  back: 'Back',
  abort: 'Cancel',
  editTitle: (title: string) => `Edit session: ${title}`,
  newTitle: 'New session',
  fieldDate: 'Date',
  fieldStart: 'Start',
  fieldEnd: 'End',
  fieldTitle: 'Title',
  fieldSummary: 'Description',
  fieldJoinUrl: 'Meeting link (https://…)',
  save: 'Save',
  saveAnyway: 'Save anyway',
  formHasErrors: 'Please correct the marked fields. Nothing was saved.',
  lintErrors: 'The schedule would have errors. Nothing was saved:',
  lintWarnings: 'Please check these notes. Save anyway?',
  conflict: 'Someone else changed the program in the meantime. Nothing was saved. Please reload the current state and make your change again.',
  saved: (version: number) => `Saved (version ${version}).`,
  replanLater: 'The reminders could not be re-planned just now; that happens automatically within the next few minutes.',
  unchanged: 'Nothing changed, nothing saved.',
  replanned: (retimed: number, created: number, cancelled: number, updates: number) =>
    [
      retimed + created ? `${retimed + created} reminder(s) re-planned` : '',
      cancelled ? `${cancelled} reminder(s) dropped` : '',
      updates ? `cards already sent are being updated (${updates})` : '',
    ]
      .filter(Boolean)
      .join(', ') || 'No reminders affected.',
  unknownSession: 'This session does not exist (any more). Please reload the program.',
  confirmCancel: (title: string, when: string) => `Really cancel "${title}" (${when})? Everyone who already got a reminder will see "cancelled".`,
  alreadyCancelled: 'This session is already cancelled.',
  cancelledDone: (title: string) => `"${title}" is cancelled.`,
  errRequired: 'Please fill in.',
  errDate: 'Please choose a date.',
  errTime: 'Please give a time as HH:MM.',
  errPast: 'The date is in the past.',
  errEndBeforeStart: 'The end must be after the start.',
  errTooLong: (max: number) => `At most ${enNumber.format(max)} characters.`,
  errUrl: 'Please give a complete link starting with https://.',
  errDuration: (value: string) => `I do not understand "${value}". Examples: 7 days, 1 day, 1 hour, 30 minutes or P2D.`,
  errDurationRange: 'Reminders must be between 5 minutes and 60 days before the session.',
  errTooMany: (max: number) => `At most ${max} reminders.`,
  errSession: 'This session does not exist.',
  errWhen: 'Please give the date and time to send.',
  errWhenPast: 'The send time must be in the future.',
  errWhenFar: 'At most one year ahead.',
  errInvalid: 'Invalid input.',
  remindersTitle: 'Reminders',
  remindersProgram: 'For all sessions (default)',
  remindersCustom: 'More, separated by commas (e.g. 2 days, 30 minutes or P2D)',
  remindersSessionLabel: (title: string, when: string) => `${title} (${when})`,
  remindersSessionPlaceholder: (defaults: string) => `default: ${defaults}`,
  remindersSessionHint: 'Per session (empty = default, "none" = no reminder):',
  remindersNone: 'none',
  nextSends: 'Next planned sends',
  noNextSends: 'Nothing planned.',
  sendReminder: (title: string, offset: string) => `Reminder "${title}" (${offset} before)`,
  sendBroadcast: 'Announcement',
  sendUpdate: (title: string) => `Update "${title}"`,
  sendOther: (kind: string) => `Send (${kind})`,
  announceTitle: 'Compose an announcement',
  fieldText: 'Text',
  fieldSession: 'About a session (optional)',
  noSessionChoice: 'No session',
  fieldAudience: 'To whom',
  audienceAll: 'Everyone (channels, group chats and personal chats)',
  audienceChannels: 'Channels only',
  audiencePersonal: 'Personal chats only',
  fieldWhen: 'When',
  whenNow: 'Send now',
  whenLater: 'Send at a date and time',
  fieldSendDate: 'Send date',
  fieldSendTime: (zone) => `Send time (${zone})`,
  preview: 'Preview',
  previewTitle: 'Preview: this is what recipients will see',
  recipients: (n: number) => (n === 1 ? 'Recipients: 1 conversation' : `Recipients: ${enNumber.format(n)} conversations`),
  recipientsBreakdown: (personal: number, channels: number, groups: number) =>
    `${enNumber.format(personal)} personal chats, ${enNumber.format(channels)} channels, ${enNumber.format(groups)} group chats`,
  unreachable: (n: number) =>
    n === 0
      ? 'Every registered conversation is reachable.'
      : `${enNumber.format(n)} more ${n === 1 ? 'conversation is' : 'conversations are'} unreachable (app blocked or removed) and will not get it.`,
  scheduledFor: (when: string) => `Scheduled: ${when}`,
  sendsNow: 'Sent right after "Send"',
  send: 'Send',
  discarded: 'The announcement was discarded. Nothing was sent.',
  scheduledList: 'Scheduled announcements',
  noScheduled: 'No announcements scheduled.',
  withdraw: 'Withdraw',
  scheduledDone: (when: string) => `The announcement is scheduled for ${when}. You can withdraw it until then.`,
  withdrawn: 'The scheduled announcement is withdrawn. Nothing was sent.',
  notWithdrawable: 'This announcement is already being sent or was sent and can no longer be withdrawn.',
  unknownJob: 'This send does not exist.',
  broadcastBadge: 'Announcement',
  broadcastSession: 'Session',
  join: 'Join the meeting',
  progressTitle: 'Sending the announcement',
  progressRunning: (sent: number, total: number, failed: number) =>
    `Sent ${enNumber.format(sent)} of ${enNumber.format(total)}${failed ? `, ${enNumber.format(failed)} failed` : ''}`,
  progressWaiting: (when: string) => `Scheduled for ${when}, not started yet.`,
  progressDone: 'Sending finished.',
  progressCancelled: 'Sending cancelled.',
  progressSkipped: (reason: string) => `Not sent (${reason}).`,
  reportDelivered: 'Delivered',
  reportFailed: 'Failed',
  reportUnreachable: 'Unreachable',
  reportSkipped: 'Skipped',
  reportUncertain: 'Uncertain (crash while sending, not retried)',
  reportWhy: 'Reasons',
  refresh: 'Refresh',
  reason: (code: string) =>
    code.startsWith('http-403-MessageWritesBlocked')
      ? 'app blocked or removed'
      : code.startsWith('http-404')
        ? 'conversation not found'
        : code.endsWith('-max-attempts')
          ? 'Teams did not accept it after several tries'
          : code.startsWith('network')
            ? 'network error'
            : code === 'overdue'
              ? 'too late, not sent any more'
              : code === 'cancelled'
                ? 'cancelled'
                : code === 'audience-left'
                  ? 'no longer in the audience'
                  : code,
  statusTitle: 'Status',
  statusProgram: (title: string, version: number) => `Active program: ${title} (version ${version})`,
  statusNoProgram: 'No active program.',
  statusLintOk: 'Schedule without findings.',
  statusLint: (errors: number, warnings: number) => `Schedule: ${errors} errors, ${warnings} warnings`,
  statusRefusal: (at: string, message: string) => `Last refused import (${at}): ${message}`,
  lastDeliveries: 'Last deliveries',
  noDeliveries: 'Nothing sent yet.',
  attendanceTitle: 'Attendance (from the meetings)',
  deliveryLine: (what: string, when: string, sent: number, planned: number, failed: number, unreachable: number) =>
    `${what}, ${when}: ${enNumber.format(sent)}/${enNumber.format(planned)} delivered${failed ? `, ${enNumber.format(failed)} failed` : ''}${unreachable ? `, ${enNumber.format(unreachable)} unreachable` : ''}`,
  cliAuditUsage: 'audit [--json] [--limit N]',
  cliAuditSummary: 'Audit trail of coordinator actions (newest first)',
  cliAuditHeader: 'Time (UTC) | Who | Action | Outcome | Target',
  cliAuditEmpty: 'No entries.',
  cliUnknownOption: (option: string) => `Unknown option: ${option}`,
};

export const coordinationMessages: Record<Locale, Catalogue> = { de, en };
export type CoordinationText = Catalogue;
export function coordinationText(locale: Locale): CoordinationText {
  return coordinationMessages[locale];
}
