// Texts of announcement and reminder cards and of RSVPs. German first, English second; `en` has exactly
// the keys of `de`.
import type { CatalogueOf, Locale } from './locale.js';

const de = {
  reminderLabel: 'Erinnerung',
  when: 'Wann',
  date: 'Datum',
  time: 'Uhrzeit',
  join: 'An der Besprechung teilnehmen',
  addToCalendar: 'Zum Kalender hinzufügen',
  rsvp: 'Ich nehme teil',
  rsvpWithdraw: 'Doch nicht',
  rsvpConfirmed: 'Sie nehmen teil. Danke für Ihre Zusage!',
  rsvpWithdrawn: 'Ihre Zusage ist zurückgezogen.',
  rsvpCount: (n: number) => (n === 1 ? '1 Zusage' : `${n} Zusagen`),
  movedBadge: 'Verschoben',
  movedNote: (when: string) => `Neuer Termin: ${when}`,
  cancelledBadge: 'Abgesagt',
  cancelledNote: 'Dieser Termin findet nicht statt.',
  summaryReminder: (title: string, when: string) => `Erinnerung: ${title}, ${when}`,
  summaryMoved: (title: string, when: string) => `Verschoben: ${title}, neu am ${when}`,
  summaryCancelled: (title: string) => `Abgesagt: ${title}`,
  errors: {
    unknownSession: 'Diesen Termin gibt es nicht (mehr).',
    invalidAction: 'Diese Aktion konnte nicht gelesen werden. Bitte verwenden Sie die Karte erneut.',
    noUser: 'Ihre Zusage kann ohne Ihr Microsoft-Entra-Konto nicht gezählt werden.',
    noProgram: 'Es ist gerade kein Programm aktiv.',
  },
};

type Catalogue = CatalogueOf<typeof de>;

const en: Catalogue = {
  reminderLabel: 'Reminder',
  when: 'When',
  date: 'Date',
  time: 'Time',
  join: 'Join the meeting',
  addToCalendar: 'Add to calendar',
  rsvp: "I'll attend",
  rsvpWithdraw: 'Not after all',
  rsvpConfirmed: 'You are attending. Thank you!',
  rsvpWithdrawn: 'Your RSVP has been withdrawn.',
  rsvpCount: (n) => (n === 1 ? '1 attending' : `${n} attending`),
  movedBadge: 'Moved',
  movedNote: (when) => `New date: ${when}`,
  cancelledBadge: 'Cancelled',
  cancelledNote: 'This session will not take place.',
  summaryReminder: (title, when) => `Reminder: ${title}, ${when}`,
  summaryMoved: (title, when) => `Moved: ${title}, now on ${when}`,
  summaryCancelled: (title) => `Cancelled: ${title}`,
  errors: {
    unknownSession: 'This session does not exist (any more).',
    invalidAction: 'This action could not be read. Please use the card again.',
    noUser: 'Your RSVP cannot be counted without your Microsoft Entra account.',
    noProgram: 'No program is active at the moment.',
  },
};

export type AnnouncementCatalogue = Catalogue;
export type AnnouncementErrorCode = keyof typeof de.errors;

export const announcementTexts: { de: Catalogue; en: Catalogue } = { de, en };

export function announcementText(locale: Locale): Catalogue {
  return announcementTexts[locale];
}
