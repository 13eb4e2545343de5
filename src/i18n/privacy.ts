// Texts of "meine daten löschen" / "delete my data".
import type { Locale } from './locale.js';

const de = {
  confirmTitle: 'Ihre Daten löschen?',
  confirmBody:
    'Ich lösche Ihre Rückmeldungen zu allen Terminen, Ihre Teilnahmezusagen, Ihre gestellten Fragen, Ihre erfasste Teilnahme an Terminen, Ihren persönlichen Kalenderlink und Ihre Anmeldung für Erinnerungen in diesem Chat. Das lässt sich nicht rückgängig machen.',
  confirm: 'Ja, löschen',
  cancel: 'Abbrechen',
  cancelled: 'In Ordnung, ich habe nichts gelöscht.',
  done: (r: DeletionSummary) =>
    `Erledigt. Gelöscht: ${r.responses} Rückmeldung(en), ${r.rsvps} Teilnahmezusage(n), ${r.questions} Frage(n) und Bewertung(en), ${r.attendance} Teilnahme-Eintrag/-Einträge, ${r.registrations} Chat-Anmeldung(en)${r.calendarFeeds ? ', Ihr persönlicher Kalenderlink' : ''}. ` +
    'Wenn Sie mir wieder schreiben, lege ich eine neue Anmeldung an.',
  noIdentity: 'Ich kann Sie nicht eindeutig erkennen; bitte schreiben Sie mir aus Microsoft Teams.',
};

export interface DeletionSummary {
  responses: number;
  rsvps: number;
  questions: number;
  registrations: number;
  /** Sessions whose attendance record of the person was deleted. */
  attendance: number;
  /** 1 when a personal calendar feed was removed. */
  calendarFeeds: number;
}

export type PrivacyTexts = typeof de;

const en: PrivacyTexts = {
  confirmTitle: 'Delete your data?',
  confirmBody:
    'I will delete your feedback on every session, your RSVPs, the questions you asked, your recorded attendance of sessions, your personal calendar link and your registration for reminders in this chat. This cannot be undone.',
  confirm: 'Yes, delete',
  cancel: 'Cancel',
  cancelled: 'All right, I deleted nothing.',
  done: (r: DeletionSummary) =>
    `Done. Deleted: ${r.responses} feedback response(s), ${r.rsvps} RSVP(s), ${r.questions} question(s) and rating(s), ${r.attendance} attendance record(s), ${r.registrations} chat registration(s)${r.calendarFeeds ? ', your personal calendar link' : ''}. ` +
    'If you write to me again, I will register you anew.',
  noIdentity: 'I cannot identify you; please write to me from Microsoft Teams.',
};

export const privacyTexts: Record<Locale, PrivacyTexts> = { de, en };
